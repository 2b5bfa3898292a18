package io.orchestrator.nats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A NATS server with JetStream of a test's own, in a temporary directory on a free port, that the
 * test may kill and start again (its stream survives, as on disk). Uses the machine's {@code
 * nats-server}; a missing binary fails the test loudly.
 */
public final class PrivateNats implements AutoCloseable {
  private final Path dir;
  private final int port;
  private Process process;

  private PrivateNats(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server on a free port. */
  public static PrivateNats start() throws IOException, InterruptedException {
    PrivateNats n = new PrivateNats(Files.createTempDirectory("orchestrator-nats"), freePort());
    n.startServer();
    return n;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** {@code nats://127.0.0.1:port}. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** Starts the server (again) and waits until it accepts connections. */
  public void startServer() throws IOException, InterruptedException {
    String binary =
        Stream.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")
            .filter(p -> Files.isExecutable(Path.of(p)))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("nats-server is needed on this machine"));
    process =
        new ProcessBuilder(
                binary, "-js", "-a", "127.0.0.1", "-p", String.valueOf(port), "-sd", dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "nats-server exited: " + Files.readString(dir.resolve("log")));
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
    throw new IllegalStateException("nats-server did not listen on " + port + " within 20 s");
  }

  /** Kills the server as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
