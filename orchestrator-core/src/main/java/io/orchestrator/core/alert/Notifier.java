package io.orchestrator.core.alert;

import java.io.IOException;
import java.util.List;

/**
 * Tells a receiver about alerts: the SPI behind {@code -alert-webhook} and {@code
 * -alertmanager-url}. After each evaluation the engine asks every notifier what to deliver; the
 * deliveries then run on the notifier's own thread, retried with backoff, so a slow or dead
 * receiver never holds up evaluation or ingestion. Implementations are thread-safe.
 */
public interface Notifier {
  /** Names the receiver in logs and metrics: never a credential. */
  String name();

  /**
   * What to deliver after {@code evaluation}: prepared payloads, none when there is nothing to say.
   * Called on the evaluation thread, so it does no I/O.
   */
  List<Delivery> deliveries(Evaluation evaluation);

  /** One request to a receiver. */
  @FunctionalInterface
  interface Delivery {
    /**
     * Sends it.
     *
     * @throws RejectedDeliveryException when the receiver refused it for good (not retried)
     * @throws IOException when it did not arrive (retried)
     */
    void send() throws IOException, InterruptedException;
  }

  /** A delivery the receiver refused in a way that retrying cannot fix (an HTTP 4xx). */
  final class RejectedDeliveryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public RejectedDeliveryException(String message) {
      super(message);
    }
  }
}
