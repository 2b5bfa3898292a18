package io.orchestrator.server.security;

import io.orchestrator.core.access.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns a bearer token into a principal: the bootstrap admin key (compared in constant time), a JWT
 * (three dot-separated parts), or an API key. Thread-safe.
 */
public final class Authenticator {
  /** Longer tokens are refused without a look: no key or JWT of ours comes near. */
  static final int MAX_TOKEN = 8_192;

  private final byte[] adminKey;
  private final JwtVerifier jwt;
  private final ApiKeys keys;

  /** Authenticates with the configured admin key and JWTs, and the stored API keys. */
  public Authenticator(SecurityConfig config, ApiKeys keys, Clock clock) {
    this.adminKey =
        config.adminKey() == null ? null : config.adminKey().getBytes(StandardCharsets.UTF_8);
    this.jwt = config.jwt() == null ? null : new JwtVerifier(config.jwt(), clock);
    this.keys = keys;
  }

  /**
   * The outcome of one token: a principal, or why it was refused ("invalid credentials", "token
   * expired").
   *
   * @param principal who it is, or null
   * @param refusal why not, or null
   */
  public record Outcome(Principal principal, String refusal) {
    static Outcome of(Principal p) {
      return new Outcome(p, null);
    }

    static Outcome refused(String why) {
      return new Outcome(null, why);
    }
  }

  /** Who {@code token} is. */
  public Outcome authenticate(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN) {
      return Outcome.refused("invalid credentials");
    }
    if (adminKey != null
        && MessageDigest.isEqual(adminKey, token.getBytes(StandardCharsets.UTF_8))) {
      return Outcome.of(new Principal("admin-key", Role.ADMIN, null));
    }
    if (jwt != null && looksLikeJwt(token)) {
      try {
        return Outcome.of(jwt.verify(token));
      } catch (JwtVerifier.Refused e) {
        return Outcome.refused(e.getMessage());
      }
    }
    Optional<Principal> key = keys.authenticate(token);
    return key.map(Outcome::of).orElseGet(() -> Outcome.refused("invalid credentials"));
  }

  private static boolean looksLikeJwt(String token) {
    int first = token.indexOf('.');
    return first > 0 && token.indexOf('.', first + 1) > first + 1;
  }
}
