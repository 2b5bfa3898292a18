package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.server.cli.Flags;
import io.orchestrator.server.cli.UsageException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flags of DESIGN §8 are validated at start, each with a message (exit 2). */
class SecurityFlagsTest {
  @TempDir Path dir;

  private static ServerConfig parse(String... args) throws Exception {
    return Flags.parse(args, Map.of());
  }

  private static String refusal(String... args) {
    try {
      parse(args);
    } catch (UsageException e) {
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted: " + String.join(" ", args));
  }

  @Test
  void defaultsAreOpenAsTheCompatibleServer() throws Exception {
    ServerConfig c = parse();
    assertThat(c.security().auth()).isFalse();
    assertThat(c.security().tls()).isNull();
    assertThat(c.security().rateLimit()).isZero();
    assertThat(c.security().accessLog()).isEqualTo("off");
  }

  @Test
  void secureTurnsEverythingOnAndNeedsACertificate() throws Exception {
    assertThat(refusal("-secure")).contains("-secure needs a certificate");
    Certificates certs = Certificates.create(dir, "s");
    ServerConfig c =
        parse(
            "-secure", "-tls-cert", certs.certPem.toString(), "-tls-key", certs.keyPem.toString());
    assertThat(c.security().auth()).isTrue();
    assertThat(c.security().rateLimit()).isEqualTo(50);
    assertThat(c.corsOrigins()).isEmpty();
    ServerConfig given =
        parse(
            "--secure=true",
            "-tls-keystore",
            certs.keystore.toString(),
            "-tls-keystore-password",
            Certificates.PASSWORD,
            "-rate-limit",
            "5",
            "-cors-origins",
            "https://ui.example");
    assertThat(given.security().rateLimit()).isEqualTo(5);
    assertThat(given.corsOrigins()).containsExactly("https://ui.example");
  }

  @Test
  void certificateAndKeyMustComeTogetherAndBelongTogether() throws Exception {
    Certificates one = Certificates.create(dir, "one");
    Certificates two = Certificates.create(dir, "two");
    assertThat(refusal("-tls-cert", one.certPem.toString())).contains("-tls-cert needs -tls-key");
    assertThat(refusal("-tls-key", one.keyPem.toString())).contains("-tls-key needs -tls-cert");
    assertThat(refusal("-tls-cert", one.certPem.toString(), "-tls-key", two.keyPem.toString()))
        .contains("does not belong to the certificate");
    assertThat(refusal("-tls-keystore", one.keystore.toString(), "-tls-keystore-password", "wrong"))
        .contains("cannot be opened");
    assertThat(refusal("-tls-cert", one.keystore.toString(), "-tls-key", one.keyPem.toString()))
        .contains("not a PEM certificate");
  }

  @Test
  void jwtRateAndLogSettingsAreChecked() {
    assertThat(refusal("-jwt-secret", "short")).contains("at least 32 bytes");
    assertThat(refusal("-jwt-public-key", dir.resolve("missing.pem").toString()))
        .contains("cannot be read");
    assertThat(refusal("-jwt-issuer", "x")).contains("need -jwt-secret or -jwt-public-key");
    assertThat(refusal("-rate-limit", "lots")).contains("-rate-limit");
    assertThat(refusal("-rate-limit", "5", "-rate-limit-burst", "0")).contains("rate-limit-burst");
    assertThat(refusal("-auth", "maybe")).contains("on or off");
    assertThat(refusal("-access-log", "/no/such/dir/access.log")).contains("cannot be written");
    assertThat(refusal("-admin-key", "short")).contains("at least 16");
  }
}
