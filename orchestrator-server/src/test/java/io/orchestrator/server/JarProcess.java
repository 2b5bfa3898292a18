package io.orchestrator.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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

/**
 * The shaded jar as an operator runs it, as a real process: its output is collected as it comes,
 * and {@link #start} returns once the banner names the chosen port.
 */
final class JarProcess implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("^\\s+port\\s+(\\d+)$");

  final Process process;
  private final StringBuilder output = new StringBuilder(); // guarded by itself
  private final CountDownLatch portKnown = new CountDownLatch(1);
  private volatile int port = -1;

  private JarProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "jar-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the jar and waits up to 60 s for it to listen. */
  static JarProcess start(Map<String, String> env, String... flags) throws Exception {
    JarProcess p = new JarProcess(launch(env, flags));
    if (!p.portKnown.await(60, TimeUnit.SECONDS) || p.port < 0) {
      p.kill();
      throw new AssertionError("the jar did not start; its output was:\n" + p.output());
    }
    return p;
  }

  /** Runs the jar to its end (up to 60 s) and returns its exit code; output in {@link #output}. */
  static JarProcess run(Map<String, String> env, String... flags) throws Exception {
    JarProcess p = new JarProcess(launch(env, flags));
    if (!p.process.waitFor(60, TimeUnit.SECONDS)) {
      p.kill();
      throw new AssertionError("the jar did not exit; its output was:\n" + p.output());
    }
    p.portKnown.await(5, TimeUnit.SECONDS); // the reader has seen the end of the output
    return p;
  }

  private static Process launch(Map<String, String> env, String... flags) throws IOException {
    Path jar = Path.of(System.getProperty("orchestrator.jar", "target/orchestrator-server.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the jar first: " + jar);
    }
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar.toString()));
    cmd.addAll(List.of(flags));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    return pb.start();
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        append(line);
        Matcher m = PORT.matcher(line);
        if (m.matches()) {
          port = Integer.parseInt(m.group(1));
          portKnown.countDown();
        }
      }
    } catch (IOException e) {
      append("[output unreadable: " + e + "]");
    } finally {
      portKnown.countDown();
    }
  }

  int port() {
    return port;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  private void append(String line) {
    synchronized (output) {
      output.append(line).append('\n');
    }
  }

  int exitCode() {
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while stopping the jar", e));
    }
  }
}
