package io.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.orchestrator.server.security.SecurityConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): it loads from the server alone, shows reports live, searches through the server, shows
 * a node's sparkline, asks for a credential under -auth on, and has a table view. Each test leaves
 * a screenshot in target/screenshots.
 */
class UiBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ADMIN_KEY = "ui-admin-key-0123456789abcdef";

  private TestServer server;
  private ChromeDriver browser;

  private void open(TestServer s) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "chromium and chromium-driver are not installed (apt-get install -y chromium"
              + " chromium-driver; .ci/run does)");
    }
    server = s;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.get(server.uri("/").toString());
  }

  @AfterEach
  void closeAll(TestInfo test) throws IOException {
    try {
      if (browser != null) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(
            shot.toPath(),
            dir.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
        browser.quit();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void await(String what, String condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage(what)
        .until(b -> Boolean.TRUE.equals(js("return Boolean(" + condition + ");")));
  }

  private long hosts() {
    return (Long) js("return cy.nodes('[type = \"host\"]').length;");
  }

  /** A server with these agents reported, and the page loaded on it. */
  private void openWith(String... agents) {
    TestServer s = TestServer.start();
    for (String a : agents) {
      assertThat(s.post("/api/v1/reports", TestServer.report(a)).statusCode()).isEqualTo(202);
    }
    open(s);
    await("the page loaded", "document.body.dataset.loaded === 'true'");
  }

  private void report(String agent) {
    assertThat(server.post("/api/v1/reports", TestServer.report(agent)).statusCode())
        .isEqualTo(202);
  }

  @Test
  void pageLoadsFromTheServerAloneWithNoConsoleErrors() {
    openWith("ui-a", "ui-b", "ui-c");
    assertThat(hosts()).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<String> fetched =
        (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
    String origin = server.uri("/").toString().replaceAll("/$", "");
    assertThat(fetched).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(origin));
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();
  }

  @Test
  void aReportPostedThroughTheApiAppearsWithoutAReload() {
    openWith("ui-first");
    js("window.marker = 'same page';");
    report("ui-late");
    await("the new host is drawn", "cy.getElementById('ui-late').nonempty()");
    assertThat(js("return window.marker;")).isEqualTo("same page");
  }

  @Test
  void searchNarrowsTheViewThroughTheServer() {
    openWith("ui-a", "ui-b", "ui-c");
    browser.findElement(By.id("search")).sendKeys("name:ui-b");
    await("only the match is left", "cy.nodes('[type = \"host\"]').length === 1");
    assertThat(js("return cy.nodes()[0].id();")).isEqualTo("ui-b");
  }

  @Test
  void theAgentFilterNarrowsTheViewToThoseAgents() {
    openWith("ui-a", "ui-b", "ui-c");
    browser.findElement(By.id("agent-filter")).sendKeys("ui-a, ui-c");
    await("two hosts are left", "cy.nodes('[type = \"host\"]').length === 2");
    assertThat(js("return cy.nodes().map(n => n.id()).sort().join(',');")).isEqualTo("ui-a,ui-c");
  }

  @Test
  void clickingANodeShowsItsMetadataAndASparkline() {
    openWith("ui-spark");
    @SuppressWarnings("unchecked")
    Map<String, Number> at =
        (Map<String, Number>) js("return cy.getElementById('ui-spark').renderedPosition();");
    WebElement graph = browser.findElement(By.id("graph"));
    int dx = at.get("x").intValue() - graph.getRect().getWidth() / 2;
    int dy = at.get("y").intValue() - graph.getRect().getHeight() / 2;
    new Actions(browser).moveToElement(graph, dx, dy).click().perform();
    await("the panel shows a sparkline", "document.querySelector('#tab-node .sparkline canvas')");
    await(
        "with a point",
        "Number(document.querySelector('#tab-node .sparkline').dataset.points) >= 1");
    assertThat(browser.findElement(By.id("tab-node")).getText()).contains("ui-spark.example");
  }

  @Test
  void doubleClickingAHostOpensItIntoItsContainersAndProcessesAndAgainClosesIt() {
    TestServer s = TestServer.start();
    assertThat(s.post("/api/v1/reports", TestServer.fixture()).statusCode()).isEqualTo(202);
    open(s);
    await("the page loaded", "document.body.dataset.loaded === 'true'");
    assertThat(js("return cy.nodes('[type != \"outside\"]').length;"))
        .as("the host, closed")
        .isEqualTo(1L);
    doubleClick("node-a");
    await("the host opened", "cy.nodes('[type = \"process\"]').length > 0");
    assertThat((Long) js("return cy.nodes('[type = \"container\"]').length;")).isPositive();
    doubleClick("node-a");
    await("the host closed", "cy.nodes('[type != \"outside\"]').length === 1");
  }

  private void doubleClick(String id) {
    @SuppressWarnings("unchecked")
    Map<String, Number> at =
        (Map<String, Number>) js("return cy.getElementById(arguments[0]).renderedPosition();", id);
    WebElement graph = browser.findElement(By.id("graph"));
    int dx = at.get("x").intValue() - graph.getRect().getWidth() / 2;
    int dy = at.get("y").intValue() - graph.getRect().getHeight() / 2;
    new Actions(browser).moveToElement(graph, dx, dy).doubleClick().perform();
  }

  @Test
  void underAuthThePageAsksForACredentialAndThenShowsTheFleet() {
    TestServer s =
        TestServer.start(
            b -> b.security(SecurityConfig.builder().auth(true).adminKey(ADMIN_KEY).build()));
    s.send(
        java.net.http.HttpRequest.newBuilder(s.uri("/api/v1/reports"))
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestServer.report("ui-auth")))
            .build());
    open(s);
    await("the login dialog opens", "document.querySelector('#login').open");
    browser.findElement(By.id("credential")).sendKeys(ADMIN_KEY);
    browser.findElement(By.cssSelector("#login button[type=submit]")).click();
    await("the fleet loads with the key", "document.body.dataset.loaded === 'true'");
    assertThat(hosts()).isEqualTo(1);
    await("the feed connects with the key", "state.socket && state.socket.readyState === 1");
  }

  @Test
  void theTableViewListsTheNodesByTypeThenId() {
    openWith("ui-t1", "ui-t2");
    browser.findElement(By.id("view-toggle")).click();
    await("rows", "document.querySelectorAll('#table tbody tr').length === 2");
    assertThat(browser.findElement(By.id("table")).getText()).containsSubsequence("ui-t1", "ui-t2");
  }

  static {
    // Selenium Manager must never try to download a driver or browser: they are Debian's.
    System.setProperty("SE_OFFLINE", "true");
  }
}
