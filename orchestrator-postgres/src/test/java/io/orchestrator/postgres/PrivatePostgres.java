package io.orchestrator.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, in a temporary directory on a free port, that the test may
 * stop and start: {@code initdb} and {@code pg_ctl} from the machine's PostgreSQL. As root it runs
 * as the {@code postgres} user (PostgreSQL refuses root). Missing binaries fail the test loudly.
 */
public final class PrivatePostgres implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;

  private PrivatePostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
  }

  /** Initialises a cluster whose {@code postgres} user has {@code password}, and starts it. */
  public static PrivatePostgres start(String password) throws IOException, InterruptedException {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("orchestrator-pg");
    PrivatePostgres pg = new PrivatePostgres(bin, dir, freePort());
    Files.writeString(dir.resolve("pw"), password + "\n");
    pg.asOwner("chown", "-R", "postgres", dir.toString());
    pg.run(
        bin.resolve("initdb").toString(),
        "-D",
        pg.data.toString(),
        "-U",
        "postgres",
        "-A",
        "scram-sha-256",
        "--pwfile",
        dir.resolve("pw").toString(),
        "--no-sync");
    pg.startServer();
    return pg;
  }

  private static Path binaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no pg_ctl under /usr/lib/postgresql"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL binaries are needed under /usr/lib/postgresql", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  public void startServer() throws IOException, InterruptedException {
    run(
        bin.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        dir.resolve("log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "-w",
        "start");
  }

  /** Stops at once, as a crash would (no shutdown checkpoint). */
  public void stopServer() throws IOException, InterruptedException {
    run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
  }

  private void asOwner(String... command) throws IOException, InterruptedException {
    if (isRoot()) {
      Process p = new ProcessBuilder(command).inheritIO().start();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() {
    try {
      stopServer();
    } catch (IOException | InterruptedException | IllegalStateException e) {
      // already stopped
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(PrivatePostgres::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
