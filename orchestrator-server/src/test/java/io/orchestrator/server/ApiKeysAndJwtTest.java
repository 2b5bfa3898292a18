package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.orchestrator.server.security.JwtConfig;
import io.orchestrator.server.security.SecurityConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Key administration and JWT rules of DESIGN §8. */
class ApiKeysAndJwtTest {
  private static final String ADMIN = AuthMatrixTest.ADMIN_KEY;
  private TestServer api;

  @AfterEach
  void stop() {
    api.close();
  }

  private void start(JwtConfig jwt) {
    api =
        TestServer.start(
            b -> b.security(SecurityConfig.builder().auth(true).adminKey(ADMIN).jwt(jwt).build()));
  }

  private HttpResponse<String> as(String token, String method, String path, String body) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void aKeysSecretIsShownOnceNeverListedAndARevokedKeyIsRefused() {
    start(null);
    HttpResponse<String> created =
        as(ADMIN, "POST", "/api/v1/admin/keys", "{\"name\":\"ci\",\"role\":\"viewer\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode key = TestServer.json(created);
    String secret = key.get("key").asText();
    assertThat(key.get("role").asText()).isEqualTo("viewer");
    assertThat(as(secret, "GET", "/api/v1/query/stats", "").statusCode()).isEqualTo(200);

    HttpResponse<String> list = as(ADMIN, "GET", "/api/v1/admin/keys", "");
    assertThat(list.body()).doesNotContain(secret).doesNotContain("hash");
    JsonNode listed = TestServer.json(list).get("keys").get(0);
    assertThat(listed.get("id").asText()).isEqualTo(key.get("id").asText());
    assertThat(listed.get("last_used_at").asText()).isNotBlank();

    assertThat(as(ADMIN, "DELETE", "/api/v1/admin/keys/" + key.get("id").asText(), "").statusCode())
        .isEqualTo(204);
    assertThat(as(secret, "GET", "/api/v1/query/stats", "").statusCode()).isEqualTo(401);
    assertThat(as(ADMIN, "DELETE", "/api/v1/admin/keys/" + key.get("id").asText(), "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void badKeyRequestsAre400sNamingTheField() {
    start(null);
    assertThat(error(as(ADMIN, "POST", "/api/v1/admin/keys", "{\"role\":\"viewer\"}")))
        .startsWith("name");
    assertThat(error(as(ADMIN, "POST", "/api/v1/admin/keys", "{\"name\":\"n\",\"role\":\"root\"}")))
        .startsWith("role");
    assertThat(
            error(
                as(
                    ADMIN,
                    "POST",
                    "/api/v1/admin/keys",
                    "{\"name\":\"n\",\"role\":\"viewer\",\"agent_id\":\"a\"}")))
        .startsWith("agent_id");
  }

  @Test
  void aProbeKeyForAnotherAgentStoresNothing() {
    start(null);
    String probe = Keys.create(api, ADMIN, "probe", "agent-b");
    assertThat(as(probe, "POST", "/api/v1/reports", TestServer.report("agent-a")).statusCode())
        .isEqualTo(403);
    assertThat(
            as(
                    probe,
                    "POST",
                    "/api/v1/agents/register",
                    "{\"agent_id\":\"agent-a\",\"hostname\":\"h\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(as(probe, "POST", "/api/v1/reports", TestServer.report("agent-b")).statusCode())
        .isEqualTo(202);
    assertThat(api.server.orchestrator().agent("agent-a")).isEmpty();
    assertThat(api.server.orchestrator().latestReport("agent-a")).isEmpty();
    assertThat(api.server.orchestrator().latestReport("agent-b")).isPresent();
  }

  @Test
  void rs256AndEs256TokensAreVerifiedWithThePublicKey() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).generate();
    start(new JwtConfig(null, pem(rsa.toPublicKey()), "https://issuer", "orchestrator"));
    Map<String, Object> claims =
        Map.of("role", "viewer", "iss", "https://issuer", "aud", "orchestrator");
    String good =
        Tokens.sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, "u", claims, Duration.ofMinutes(1));
    assertThat(as(good, "GET", "/api/v1/query/stats", "").statusCode()).isEqualTo(200);
    String otherAudience =
        Tokens.sign(
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            "u",
            Map.of("role", "viewer", "iss", "https://issuer", "aud", "someone-else"),
            Duration.ofMinutes(1));
    assertThat(as(otherAudience, "GET", "/api/v1/query/stats", "").statusCode()).isEqualTo(401);
    String otherIssuer =
        Tokens.sign(
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            "u",
            Map.of("role", "viewer", "iss", "https://evil", "aud", "orchestrator"),
            Duration.ofMinutes(1));
    assertThat(as(otherIssuer, "GET", "/api/v1/query/stats", "").statusCode()).isEqualTo(401);
    String hs = Tokens.hs256("u", claims, Duration.ofMinutes(1));
    assertThat(as(hs, "GET", "/api/v1/query/stats", "").statusCode())
        .as("HS256 is not configured")
        .isEqualTo(401);
    api.close();

    ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
    start(new JwtConfig(null, pem(ec.toPublicKey()), null, null));
    String es =
        Tokens.sign(
            new ECDSASigner(ec),
            JWSAlgorithm.ES256,
            "u",
            Map.of("roles", List.of("probe", "admin")),
            Duration.ofMinutes(1));
    assertThat(as(es, "GET", "/api/v1/admin/keys", "").statusCode())
        .as("the most able role listed")
        .isEqualTo(200);
  }

  @Test
  void expNbfAndRolesAreEnforced() {
    start(new JwtConfig(Tokens.SECRET, null, null, null));
    String noExp = Tokens.hs256("u", Map.of("role", "admin"), null);
    assertThat(error(as(noExp, "GET", "/api/v1/query/stats", ""))).isEqualTo("invalid credentials");
    String notYet =
        Tokens.hs256(
            "u",
            Map.of("role", "admin", "nbf", Date.from(Instant.now().plusSeconds(600))),
            Duration.ofHours(1));
    assertThat(as(notYet, "GET", "/api/v1/query/stats", "").statusCode()).isEqualTo(401);
    String noRole = Tokens.hs256("u", Map.of("role", "root"), Duration.ofMinutes(1));
    assertThat(error(as(noRole, "GET", "/api/v1/query/stats", ""))).contains("no role");
    String boundProbe =
        Tokens.hs256("p", Map.of("role", "probe", "agent_id", "agent-z"), Duration.ofMinutes(1));
    assertThat(as(boundProbe, "POST", "/api/v1/agents/heartbeat/agent-z", "").statusCode())
        .isEqualTo(200);
    assertThat(as(boundProbe, "POST", "/api/v1/agents/heartbeat/agent-y", "").statusCode())
        .isEqualTo(403);
  }

  private static String error(HttpResponse<String> r) {
    return TestServer.json(r).get("error").asText();
  }

  private static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }
}
