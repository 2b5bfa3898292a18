package io.orchestrator.server.alert;

import io.orchestrator.core.alert.Notifier;
import io.orchestrator.server.AlertConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the notifiers {@link AlertConfig} asks for. Stateless. */
public final class AlertNotifiers {
  private AlertNotifiers() {}

  /**
   * One notifier per webhook and per Alertmanager.
   *
   * @param ownUrl this server's address, used when no external URL is configured
   */
  public static List<Notifier> of(AlertConfig config, Supplier<URI> ownUrl) {
    URI configured = config.receivers().externalUrl();
    Supplier<String> external =
        () -> (configured != null ? configured : ownUrl.get()).toString().replaceAll("/+$", "");
    List<Notifier> out = new ArrayList<>();
    config.receivers().webhooks().forEach(u -> out.add(new WebhookNotifier(u, external)));
    config
        .receivers()
        .alertmanagers()
        .forEach(u -> out.add(new AlertmanagerNotifier(u, config.interval(), external)));
    return out;
  }
}
