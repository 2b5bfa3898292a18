package io.orchestrator.testkit.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of the replicas: round robin, no stickiness, health checks on {@code
 * /health} every 500 ms, as an operator would run it. A missing binary fails the test loudly.
 */
final class Haproxy implements AutoCloseable {
  private final Process process;
  private final int port;

  private Haproxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Haproxy start(List<ReplicaProcess> replicas) throws IOException, InterruptedException {
    Path binary = Path.of("/usr/sbin/haproxy");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("haproxy is needed: apt-get install -y haproxy");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StringBuilder cfg =
        new StringBuilder()
            .append("defaults\n  mode http\n  timeout connect 2s\n  timeout client 60s\n")
            .append("  timeout server 60s\n  timeout tunnel 1h\n  retries 2\n")
            .append("  option redispatch\n")
            .append("frontend fleet\n  bind 127.0.0.1:")
            .append(port)
            .append("\n  default_backend replicas\n")
            .append("backend replicas\n  balance roundrobin\n  option httpchk GET /health\n")
            .append("  default-server inter 500ms fall 2 rise 2\n");
    for (ReplicaProcess r : replicas) {
      cfg.append("  server ").append(r.nodeId).append(" 127.0.0.1:").append(r.port());
      cfg.append(" check\n");
    }
    Path file = Files.createTempFile("haproxy", ".cfg");
    Files.writeString(file, cfg);
    Process p =
        new ProcessBuilder(binary.toString(), "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(file.resolveSibling(file.getFileName() + ".log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return new Haproxy(p, port);
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("haproxy did not listen on " + port);
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
