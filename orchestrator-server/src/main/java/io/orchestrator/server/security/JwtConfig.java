package io.orchestrator.server.security;

/**
 * Which JWTs are accepted: HS256 with a shared secret and/or RS256/ES256 with a public key; {@code
 * iss} and {@code aud} must match when given. Immutable and thread-safe; {@link #toString()} never
 * shows the secret.
 *
 * @param secret the HS256 secret (at least 32 bytes), or null
 * @param publicKeyPem an RSA or EC public key in PEM, or null
 * @param issuer the required {@code iss}, or null
 * @param audience the required {@code aud}, or null
 */
public record JwtConfig(String secret, String publicKeyPem, String issuer, String audience) {

  /** Checks that a key is given and a secret is long enough for HS256. */
  public JwtConfig {
    if (secret == null && publicKeyPem == null) {
      throw new IllegalArgumentException("a JWT needs -jwt-secret or -jwt-public-key");
    }
    if (secret != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException(
          "jwt-secret must be at least 32 bytes (HS256 needs a 256-bit key)");
    }
  }

  @Override
  public String toString() {
    return "JwtConfig[secret="
        + (secret == null ? "none" : "***")
        + ", publicKey="
        + (publicKeyPem == null ? "none" : "given")
        + ", issuer="
        + issuer
        + ", audience="
        + audience
        + "]";
  }
}
