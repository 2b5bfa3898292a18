package io.orchestrator.server.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM certificate chain and PKCS#8 private key made into a key store for Jetty, checked to belong
 * together (the key signs, the certificate's public key verifies). Stateless.
 */
final class Pem {
  private static final Pattern KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----");

  private Pem() {}

  /**
   * The key store holding {@code certificate} and {@code key} under alias "server".
   *
   * @throws IllegalArgumentException saying what is wrong with the files
   */
  static KeyStore keyStore(Path certificate, Path key, char[] password) {
    List<X509Certificate> chain = certificates(certificate);
    PrivateKey privateKey = privateKey(key, chain.get(0).getPublicKey().getAlgorithm());
    if (!matches(privateKey, chain.get(0))) {
      throw new IllegalArgumentException(
          "tls-key " + key + " does not belong to the certificate in " + certificate);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", privateKey, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot hold the TLS key: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("tls-cert " + file + " holds no certificate");
      }
      return certs.stream().map(c -> (X509Certificate) c).toList();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "tls-cert " + file + " is not a PEM certificate: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file, String algorithm) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("tls-key " + file + " cannot be read: " + e.getMessage());
    }
    Matcher m = KEY.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "tls-key "
              + file
              + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY); convert one with"
              + " openssl pkcs8 -topk8 -nocrypt");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tls-key " + file + " is not a " + algorithm + " key: " + e.getMessage(), e);
    }
  }

  private static boolean matches(PrivateKey key, X509Certificate cert) {
    String algorithm =
        key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
    try {
      byte[] probe = "orchestrator".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A PKCS#12 file, loaded now so a wrong password stops the start with the reason. */
  static KeyStore pkcs12(Path file, char[] password) {
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "tls-keystore " + file + " cannot be opened: " + e.getMessage(), e);
    }
  }
}
