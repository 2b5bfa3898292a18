package io.orchestrator.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program of the machine (Prometheus, Alertmanager, HAProxy) run by a test, its output in a file.
 * A missing program fails the test loudly: {@code .ci/run} installs them.
 */
final class ExternalProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ExternalProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ExternalProcess start(Path dir, List<String> command) throws IOException {
    if (!Files.isExecutable(Path.of(command.get(0)))) {
      throw new IllegalStateException(
          command.get(0)
              + " is not installed (apt-get install -y the Debian package; .ci/run does)");
    }
    Path log = dir.resolve(Path.of(command.get(0)).getFileName() + ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ExternalProcess(p, log);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
