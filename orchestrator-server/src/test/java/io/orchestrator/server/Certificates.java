package io.orchestrator.server;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's keytool (PKCS#12), and openssl's PEM
 * forms of it, for TLS tests.
 */
final class Certificates {
  static final String PASSWORD = "keystore-pw-123";

  final Path keystore;
  final Path certPem;
  final Path keyPem;

  private Certificates(Path keystore, Path certPem, Path keyPem) {
    this.keystore = keystore;
    this.certPem = certPem;
    this.keyPem = keyPem;
  }

  static Certificates create(Path dir, String alias) throws Exception {
    Path p12 = dir.resolve(alias + ".p12");
    run(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair",
            "-alias",
            alias,
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-validity",
            "2",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=ip:127.0.0.1,dns:localhost",
            "-storetype",
            "PKCS12",
            "-keystore",
            p12.toString(),
            "-storepass",
            PASSWORD));
    Path cert = dir.resolve(alias + ".crt");
    Path key = dir.resolve(alias + ".key");
    run(
        List.of(
            "openssl",
            "pkcs12",
            "-in",
            p12.toString(),
            "-passin",
            "pass:" + PASSWORD,
            "-nokeys",
            "-out",
            cert.toString()));
    run(
        List.of(
            "openssl",
            "pkcs12",
            "-in",
            p12.toString(),
            "-passin",
            "pass:" + PASSWORD,
            "-nocerts",
            "-nodes",
            "-out",
            key.toString()));
    return new Certificates(p12, cert, key);
  }

  /** A client context that trusts exactly this certificate. */
  SSLContext trusting() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trust.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
