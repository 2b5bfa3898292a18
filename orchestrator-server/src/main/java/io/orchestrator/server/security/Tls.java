package io.orchestrator.server.security;

import java.security.KeyStore;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS and WSS on Jetty (DESIGN §8): TLS 1.2 and 1.3 only, HSTS on every response; plain HTTP to
 * the port fails the handshake. Stateless.
 */
public final class Tls {
  private static final long HSTS_SECONDS = 31_536_000; // a year

  /** Protects the key store made from PEM files, which lives only in this process. */
  private static final String IN_MEMORY = "orchestrator-in-memory";

  private Tls() {}

  /**
   * Loads the certificate now, so a bad one stops the start (exit 2) with the reason.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static KeyStore load(TlsConfig tls) {
    return tls.keystore() != null
        ? Pem.pkcs12(tls.keystore(), password(tls).toCharArray())
        : Pem.keyStore(tls.certificate(), tls.key(), IN_MEMORY.toCharArray());
  }

  private static String password(TlsConfig tls) {
    if (tls.keystore() == null) {
      return IN_MEMORY;
    }
    return tls.keystorePassword() == null ? "" : tls.keystorePassword();
  }

  /** The HTTPS connector, listening on {@code host:port}. */
  public static ServerConnector connector(
      Server server, HttpConfiguration base, TlsConfig tls, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(load(tls));
    ssl.setKeyStorePassword(password(tls));
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    HttpConfiguration https = new HttpConfiguration(base);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setStsMaxAge(HSTS_SECONDS);
    secure.setSniHostCheck(false); // clients reach servers by IP, which carries no SNI
    https.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
