package io.orchestrator.testkit.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One replica: the shaded server jar as a real process, which a test may kill with SIGKILL. */
final class ReplicaProcess implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("^\\s+port\\s+(\\d+)$");
  private static final Path JAR = Path.of("../orchestrator-server/target/orchestrator-server.jar");

  final String nodeId;
  private final Process process;
  private final StringBuilder output = new StringBuilder(); // guarded by itself
  private final CountDownLatch listening = new CountDownLatch(1);
  private volatile int port = -1;

  private ReplicaProcess(String nodeId, Process process) {
    this.nodeId = nodeId;
    this.process = process;
    Thread reader = new Thread(this::read, "replica-" + nodeId);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts replica {@code nodeId} on the database and NATS given, and waits until it listens. */
  static ReplicaProcess start(String nodeId, String databaseUrl, String nats) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: build the server module first (mvn verify)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    cmd.addAll(List.of("-host", "127.0.0.1", "-port", "0", "-node-id", nodeId));
    cmd.addAll(List.of("-storage", "postgres", "-database-url", databaseUrl, "-cluster", nats));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(Map.of("ORCHESTRATOR_DATABASE_USER", "postgres"));
    ReplicaProcess r = new ReplicaProcess(nodeId, pb.start());
    if (!r.listening.await(90, TimeUnit.SECONDS) || r.port < 0) {
      r.close();
      throw new AssertionError(nodeId + " did not start; its output:\n" + r.output());
    }
    return r;
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (output) {
          output.append(line).append('\n');
        }
        Matcher m = PORT.matcher(line);
        if (m.matches()) {
          port = Integer.parseInt(m.group(1));
          listening.countDown();
        }
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      listening.countDown();
    }
  }

  int port() {
    return port;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed, the lease is not given up. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
