package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orchestrator.server.security.SecurityConfig;
import io.orchestrator.server.security.TlsConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with PEM files and with a PKCS#12 keystore (DESIGN §8). */
class TlsTest {
  @TempDir Path dir;

  private static HttpResponse<String> https(URI uri, Certificates certs, String protocol)
      throws Exception {
    SSLParameters params = new SSLParameters();
    params.setProtocols(new String[] {protocol});
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(certs.trusting())
            .sslParameters(params)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pemFilesServeHttpsWithHstsAndPlainHttpFailsTheHandshake() throws Exception {
    Certificates certs = Certificates.create(dir, "pem");
    try (TestServer api =
        TestServer.start(
            b ->
                b.security(
                    SecurityConfig.builder()
                        .tls(new TlsConfig(certs.certPem, certs.keyPem, null, null))
                        .build()))) {
      URI health = api.server.baseUri().resolve("/health");
      assertThat(health.getScheme()).isEqualTo("https");
      HttpResponse<String> r = https(health, certs, "TLSv1.3");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Strict-Transport-Security").orElseThrow())
          .contains("max-age=");
      assertThat(https(health, certs, "TLSv1.2").statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> https(health, certs, "TLSv1.1")).isInstanceOf(IOException.class);
      URI plain = URI.create("http://127.0.0.1:" + api.server.port() + "/health");
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void aPkcs12KeystoreServesHttps() throws Exception {
    Certificates certs = Certificates.create(dir, "p12");
    try (TestServer api =
        TestServer.start(
            b ->
                b.security(
                    SecurityConfig.builder()
                        .tls(new TlsConfig(null, null, certs.keystore, Certificates.PASSWORD))
                        .build()))) {
      assertThat(https(api.server.baseUri().resolve("/api/v1/ping"), certs, "TLSv1.3").statusCode())
          .isEqualTo(200);
    }
  }
}
