package io.orchestrator.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.orchestrator.core.access.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies JWTs with nimbus-jose-jwt (DESIGN §8): only the configured algorithms (HS256 with the
 * secret, RS256 or ES256 with the public key; never {@code none}), {@code exp} required, {@code
 * nbf} honoured, {@code iss} and {@code aud} checked when configured. The role comes from {@code
 * roles} (the most able one listed) or {@code role}; {@code agent_id} binds a probe. Thread-safe.
 */
final class JwtVerifier {
  private final Map<JWSAlgorithm, JWSVerifier> verifiers = new HashMap<>();
  private final JwtConfig config;
  private final Clock clock;

  JwtVerifier(JwtConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    try {
      if (config.secret() != null) {
        verifiers.put(
            JWSAlgorithm.HS256, new MACVerifier(config.secret().getBytes(StandardCharsets.UTF_8)));
      }
      if (config.publicKeyPem() != null) {
        PublicKey key = publicKey(config.publicKeyPem());
        if (key instanceof RSAPublicKey rsa) {
          verifiers.put(JWSAlgorithm.RS256, new RSASSAVerifier(rsa));
        } else if (key instanceof ECPublicKey ec
            && ec.getParams().getCurve().getField().getFieldSize() == 256) {
          verifiers.put(JWSAlgorithm.ES256, new ECDSAVerifier(ec));
        } else {
          throw new IllegalArgumentException(
              "jwt-public-key must be an RSA or P-256 EC public key");
        }
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("jwt key unusable: " + e.getMessage(), e);
    }
  }

  /** An X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}), RSA or EC. */
  private static PublicKey publicKey(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("jwt-public-key is not a PEM public key", e);
    }
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        "jwt-public-key is not an RSA or EC public key (BEGIN PUBLIC KEY)");
  }

  /**
   * The principal {@code token} names.
   *
   * @throws Refused naming why it is not accepted
   */
  Principal verify(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      JWSVerifier verifier = verifiers.get(jwt.getHeader().getAlgorithm());
      if (verifier == null || !jwt.verify(verifier)) {
        throw new Refused("invalid credentials");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | JOSEException e) {
      throw new Refused("invalid credentials");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new Refused("invalid credentials");
    }
    if (!now.isBefore(exp.toInstant())) {
      throw new Refused("token expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant())) {
      throw new Refused("invalid credentials");
    }
    if (config.issuer() != null && !config.issuer().equals(claims.getIssuer())) {
      throw new Refused("invalid credentials");
    }
    if (config.audience() != null
        && (claims.getAudience() == null || !claims.getAudience().contains(config.audience()))) {
      throw new Refused("invalid credentials");
    }
    Role role = role(claims);
    String subject = claims.getSubject() == null ? "jwt" : claims.getSubject();
    return new Principal(subject, role, string(claims, "agent_id"));
  }

  private static Role role(JWTClaimsSet claims) {
    Role best = null;
    Object roles = claims.getClaim("roles");
    if (roles instanceof List<?> list) {
      for (Object r : list) {
        Role role = r instanceof String s ? Role.fromWireName(s).orElse(null) : null;
        if (role != null && (best == null || role.compareTo(best) > 0)) {
          best = role;
        }
      }
    }
    if (best == null && claims.getClaim("role") instanceof String s) {
      best = Role.fromWireName(s).orElse(null);
    }
    if (best == null) {
      throw new Refused("invalid credentials: the token names no role (probe, viewer or admin)");
    }
    return best;
  }

  private static String string(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String s ? s : null;
  }

  /** A token that is not accepted, and the message the client gets. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
