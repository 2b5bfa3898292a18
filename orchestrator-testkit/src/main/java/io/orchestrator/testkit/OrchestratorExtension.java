package io.orchestrator.testkit;

import io.orchestrator.core.Orchestrator;
import io.orchestrator.core.OrchestratorBuilder;
import io.orchestrator.server.OrchestratorServer;
import io.orchestrator.server.ServerConfig;
import io.orchestrator.server.json.JsonReportCodec;
import java.net.URI;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs an in-process Orchestrator server (port 0, loopback) for JUnit 5 tests.
 *
 * <pre>{@code
 * @RegisterExtension static OrchestratorExtension orchestrator = new OrchestratorExtension();
 * }</pre>
 *
 * <p>In a {@code static} field one server serves the whole class and its state is cleared before
 * each test; in an instance field every test gets a fresh server. {@link #orchestrator()} is the
 * embedded engine, to seed or assert without HTTP.
 *
 * <p>Thread-safe for reads once a test runs; configure it before registration.
 */
public final class OrchestratorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private UnaryOperator<ServerConfig.Builder> serverConfig = b -> b;
  private UnaryOperator<OrchestratorBuilder> engineConfig = b -> b;
  private volatile boolean perClass;
  private volatile Orchestrator orchestrator;
  private volatile OrchestratorServer server;

  /** A server with default settings. */
  public OrchestratorExtension() {}

  /** Adjusts the server's configuration (host and port are always loopback and 0). */
  public OrchestratorExtension server(UnaryOperator<ServerConfig.Builder> customize) {
    this.serverConfig = customize;
    return this;
  }

  /** Adjusts the engine (clock, retention, push interval, caps). */
  public OrchestratorExtension engine(UnaryOperator<OrchestratorBuilder> customize) {
    this.engineConfig = customize;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass) {
      orchestrator.clear();
    } else {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  private void start() {
    orchestrator =
        engineConfig.apply(Orchestrator.builder().reportCodec(JsonReportCodec.INSTANCE)).build();
    ServerConfig config =
        serverConfig.apply(ServerConfig.builder()).host("127.0.0.1").port(0).build();
    server = OrchestratorServer.start(config, orchestrator);
  }

  private void stop() {
    if (server != null) {
      server.close();
      orchestrator.close();
      server = null;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return running().baseUri();
  }

  /** {@code ws://127.0.0.1:<port>/api/v1/ws}. */
  public URI wsUri() {
    return running().wsUri();
  }

  /** The embedded engine. */
  public Orchestrator orchestrator() {
    running();
    return orchestrator;
  }

  /** The server. */
  public OrchestratorServer serverInstance() {
    return running();
  }

  /** A probe builder already pointed at this server. */
  public ProbeSimulatorBuilder probe(String agentId) {
    return ProbeSimulator.builder(agentId).forServer(baseUri());
  }

  private OrchestratorServer running() {
    OrchestratorServer s = server;
    if (s == null) {
      throw new IllegalStateException("the server runs only while a test runs");
    }
    return s;
  }
}
