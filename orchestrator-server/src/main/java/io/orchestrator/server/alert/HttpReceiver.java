package io.orchestrator.server.alert;

import io.orchestrator.core.alert.Notifier;
import io.orchestrator.server.AlertConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One HTTP receiver: POSTs JSON with a deadline. Credentials in the URL ({@code
 * https://user:pass@host/}) become a Basic {@code Authorization} header and never appear in a name,
 * log line or error. A 2xx is delivered; 408, 429 and 5xx are worth retrying; any other answer is
 * refused for good. Thread-safe.
 */
final class HttpReceiver {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final URI target;
  private final String authorization;
  private final String name;
  private final Duration timeout;

  HttpReceiver(URI url, Duration timeout) {
    this.target = withoutUserInfo(url);
    this.authorization =
        url.getRawUserInfo() == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(url.getUserInfo().getBytes(StandardCharsets.UTF_8));
    this.name = AlertConfig.redacted(url);
    this.timeout = timeout;
  }

  /** The receiver's URL without credentials. */
  String name() {
    return name;
  }

  /** A delivery of {@code json} to this receiver. */
  Notifier.Delivery post(byte[] json) {
    return () -> send(json);
  }

  private void send(byte[] json) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Orchestrator")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    int status = CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 == 2) {
      return;
    }
    String why = "HTTP " + status + " from " + name;
    if (status == 408 || status == 429 || status >= 500) {
      throw new IOException(why);
    }
    throw new Notifier.RejectedDeliveryException(why);
  }

  private static URI withoutUserInfo(URI u) {
    try {
      return new URI(
          u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + AlertConfig.redacted(u), e);
    }
  }
}
