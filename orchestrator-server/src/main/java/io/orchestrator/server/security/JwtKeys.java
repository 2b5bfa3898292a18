package io.orchestrator.server.security;

import java.time.Clock;

/** Checks JWT settings at start, so a bad key stops the server with the reason. Stateless. */
public final class JwtKeys {
  private JwtKeys() {}

  /**
   * Parses the configured keys as the verifier will.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static void check(JwtConfig config) {
    new JwtVerifier(config, Clock.systemUTC());
  }
}
