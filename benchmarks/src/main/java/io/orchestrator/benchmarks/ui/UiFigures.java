package io.orchestrator.benchmarks.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's figures in headless Chromium against a running, already seeded server: time to
 * the first render (hosts on screen) and to the whole topology, over several fresh page loads; the
 * time from a POSTed report of a new host to that host on screen; and the page's JS heap, sampled
 * while the fleet keeps reporting.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.orchestrator.benchmarks.ui.UiFigures
 * http://127.0.0.1:18096 [loads=5] [heap-minutes=10]} (Debian's chromium and chromium-driver).
 */
public final class UiFigures {
  private UiFigures() {}

  /** Prints one line per measurement. */
  public static void main(String[] args) throws Exception {
    String base = args[0];
    int loads = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new java.io.File("/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--enable-precise-memory-info");
    ChromeDriver browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build(),
            options);
    // Killed mid-run (SIGTERM), the browser must not outlive the benchmark and keep loading pages.
    Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
    JavascriptExecutor js = browser;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
    try {
      for (int i = 0; i < loads; i++) {
        browser.get(base + "/");
        wait.until(b -> "true".equals(js.executeScript("return document.body.dataset.loaded")));
        Object hosts = js.executeScript("return state.hosts.size");
        Object nodes = js.executeScript("return state.nodes.size");
        System.out.printf(
            Locale.ROOT,
            "load %d: first render (hosts) %.0f ms, whole topology %.0f ms; %s hosts, %s nodes%n",
            i + 1,
            number(js.executeScript("return Number(document.body.dataset.rendered)")),
            number(js.executeScript("return performance.now()")),
            hosts,
            nodes);
      }
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 5; i++) {
        String agent = "ui-figure-" + System.nanoTime();
        String body =
            Files.readString(Path.of("docs/examples/report-full.json"))
                .replaceFirst("\"agent_id\"\\s*:\\s*\"[^\"]*\"", "\"agent_id\":\"" + agent + "\"");
        long t0 = System.nanoTime();
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        wait.until(
            b ->
                Boolean.TRUE.equals(
                    js.executeScript("return cy.getElementById(arguments[0]).nonempty()", agent)));
        System.out.printf(
            Locale.ROOT, "report to screen: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      }
      for (int m = 0; m <= minutes; m++) {
        js.executeScript("if (window.gc) gc();");
        System.out.printf(
            Locale.ROOT,
            "minute %d: JS heap %.1f MB%n",
            m,
            number(js.executeScript("return performance.memory.usedJSHeapSize")) / 1e6);
        if (m < minutes) {
          Thread.sleep(60_000);
        }
      }
    } finally {
      browser.quit(); // again in the hook: quitting twice is harmless
    }
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }
}
