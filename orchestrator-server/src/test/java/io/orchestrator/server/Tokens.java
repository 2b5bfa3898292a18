package io.orchestrator.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** JWTs for tests, signed with nimbus-jose-jwt. */
final class Tokens {
  static final String SECRET = "an-hs256-secret-of-at-least-32-bytes!!";

  private Tokens() {}

  static String hs256(String subject, Map<String, Object> claims, Duration expiresIn) {
    return sign(mac(SECRET), JWSAlgorithm.HS256, subject, claims, expiresIn);
  }

  static String sign(
      JWSSigner signer,
      JWSAlgorithm alg,
      String subject,
      Map<String, Object> claims,
      Duration expiresIn) {
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject(subject);
    if (expiresIn != null) {
      b.expirationTime(Date.from(Instant.now().plus(expiresIn)));
    }
    claims.forEach(b::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(alg), b.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static String role(String role) {
    return hs256("user-" + role, Map.of("roles", List.of(role)), Duration.ofMinutes(5));
  }

  /** The same claims with the signature of another secret. */
  static String wrongSignature() {
    return sign(
        mac("another-secret-that-is-32-bytes-long!!"),
        JWSAlgorithm.HS256,
        "mallory",
        Map.of("role", "admin"),
        Duration.ofMinutes(5));
  }

  static String expired() {
    return hs256("late", Map.of("role", "admin"), Duration.ofMinutes(-1));
  }

  /** An unsigned token ({@code alg: none}) claiming admin. */
  static String none() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    long exp = Instant.now().plusSeconds(300).getEpochSecond();
    String body =
        b64.encodeToString(
            ("{\"sub\":\"x\",\"role\":\"admin\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + body + ".";
  }

  private static JWSSigner mac(String secret) {
    try {
      return new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
