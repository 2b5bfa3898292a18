package io.orchestrator.server.security;

import java.nio.file.Path;

/**
 * The server's certificate: a PEM chain and PKCS#8 key, or a PKCS#12 keystore. Immutable and
 * thread-safe; {@link #toString()} never shows the password.
 *
 * @param certificate PEM certificate chain, or null with a keystore
 * @param key PEM private key (PKCS#8), or null with a keystore
 * @param keystore a PKCS#12 file, or null with PEM files
 * @param keystorePassword the keystore's password, or null
 */
public record TlsConfig(Path certificate, Path key, Path keystore, String keystorePassword) {

  /** Checks that one complete source is given. */
  public TlsConfig {
    boolean pem = certificate != null || key != null;
    if (pem && keystore != null) {
      throw new IllegalArgumentException("give -tls-cert and -tls-key, or -tls-keystore, not both");
    }
    if (pem && (certificate == null || key == null)) {
      throw new IllegalArgumentException(
          certificate == null ? "-tls-key needs -tls-cert" : "-tls-cert needs -tls-key");
    }
    if (!pem && keystore == null) {
      throw new IllegalArgumentException("TLS needs -tls-cert and -tls-key, or -tls-keystore");
    }
  }

  @Override
  public String toString() {
    return keystore != null
        ? "TlsConfig[keystore="
            + keystore
            + ", password="
            + (keystorePassword == null ? "none" : "***")
            + "]"
        : "TlsConfig[certificate=" + certificate + ", key=" + key + "]";
  }
}
