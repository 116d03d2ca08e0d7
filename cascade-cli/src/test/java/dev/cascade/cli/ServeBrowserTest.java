package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the dashboard of {@code cascade serve} in headless Chromium through chromedriver's
 * WebDriver protocol (Debian's {@code chromium} and {@code chromium-driver}): the page loads, a run
 * started from it streams more than a simulated minute, pause holds the clock, a what-if run's
 * prices are overlaid, and the page logs no error. Screenshots go to {@code
 * target/serve-dashboard*.png}. Fails, never skips, when Chromium or chromedriver is missing.
 */
@Tag("browser")
@Tag("slow")
class ServeBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final long MINUTE = 60_000_000_000L;

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private String driver;
  private String session;
  private ServeFixture serve;

  @Test
  void aRunStartedFromThePageStreamsPausesAndOverlaysItsWhatIf() throws Exception {
    String chromium = binary("CASCADE_CHROMIUM", "chromium", "chromium-browser");
    String chromedriver = binary("CASCADE_CHROMEDRIVER", "chromedriver");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process cd =
        new ProcessBuilder(chromedriver, "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromedriver.log").toFile())
            .start();
    try (ServeFixture fixture = new ServeFixture(dir)) {
      serve = fixture;
      driver = "http://127.0.0.1:" + port;
      awaitDriver();
      ObjectNode caps = JSON.createObjectNode();
      ObjectNode chrome =
          caps.putObject("capabilities").putObject("alwaysMatch").putObject("goog:chromeOptions");
      chrome.put("binary", chromium);
      chrome
          .putArray("args")
          .add("--headless")
          .add("--no-sandbox")
          .add("--disable-gpu")
          .add("--disable-dev-shm-usage")
          .add("--no-first-run")
          .add("--disable-background-networking")
          .add("--window-size=1440,1000")
          .add("--user-data-dir=" + dir.resolve("profile").toAbsolutePath());
      session = call("POST", "/session", caps).path("value").path("sessionId").asText();
      assertThat(session).as("a WebDriver session").isNotEmpty();

      navigate(serve.base + "/?scenario=shocked.yaml");
      awaitPage("the page loaded its scenarios", "data-ready", v -> v.equals("true"));
      script("document.getElementById('speed').value = '120'; return null;");
      click("#start");
      long start = Long.parseLong(awaitPage("a run started", "data-sim-time", v -> !v.isEmpty()));
      awaitPage(
          "a simulated minute streamed", "data-sim-time", v -> Long.parseLong(v) >= start + MINUTE);

      click("#pause");
      awaitPage("the run paused", "data-state", v -> v.equals("paused"));
      String held = attribute("data-sim-time");
      Thread.sleep(1_000);
      assertThat(attribute("data-sim-time")).as("the clock while paused").isEqualTo(held);
      screenshot("target/serve-dashboard-paused.png");

      click("#whatif");
      awaitPage("the what-if run streamed", "data-whatif-points", v -> Integer.parseInt(v) >= 3);
      JsonNode names =
          script(
              "return echarts.getInstanceByDom(document.getElementById('chart-prices'))"
                  + ".getOption().series.map(function (s) { return s.name + ':' + s.data.length; });");
      assertThat(names.toString()).contains("SPY without momentum");
      for (String chart : List.of("chart-prices", "chart-margin")) {
        assertThat(
                script(
                        "return echarts.getInstanceByDom(document.getElementById('"
                            + chart
                            + "')).getOption().series.length;")
                    .asInt())
            .as("series drawn in " + chart)
            .isPositive();
      }
      // A second what-if: no mechanism off, the liquidity providers halved. The fixture runs two
      // at once, so the first what-if (run 2) must have finished.
      serve.await("2", st -> !st.get("state").asText().matches("queued|running"));
      script(
          "var w = document.getElementById('whatif-mechanism'); w.value = '';"
              + " w.dispatchEvent(new Event('change'));"
              + " var l = document.getElementById('whatif-liquidity'); l.value = '0.5';"
              + " l.dispatchEvent(new Event('input')); return 1;");
      click("#whatif");
      awaitPage(
          "the liquidity what-if started",
          "data-whatif-label",
          v -> v.equals("liquidity \u00d70.5"));
      awaitPage(
          "the liquidity what-if streamed", "data-whatif-points", v -> Integer.parseInt(v) >= 3);
      assertThat(
              script(
                      "return echarts.getInstanceByDom(document.getElementById('chart-prices'))"
                          + ".getOption().series.map(function (s) { return s.name; });")
                  .toString())
          .contains("SPY liquidity \u00d70.5")
          .doesNotContain("SPY without momentum");
      click("#resume");
      awaitPage("the run resumed", "data-state", v -> !v.equals("paused"));
      assertThat(attribute("data-console-errors")).as("console errors").isEqualTo("[]");
      screenshot("target/serve-dashboard.png");
      click("#stop");
    } finally {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
      cd.destroy();
      cd.waitFor();
    }
  }

  private void awaitDriver() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // chromedriver is still starting
      }
      Thread.sleep(100);
    }
    fail("chromedriver did not start in 20 s; its log: " + dir.resolve("chromedriver.log"));
  }

  private void navigate(String url) {
    ObjectNode b = JSON.createObjectNode().put("url", url);
    call("POST", "/session/" + session + "/url", b);
  }

  private void click(String css) {
    ObjectNode find = JSON.createObjectNode().put("using", "css selector").put("value", css);
    String id =
        call("POST", "/session/" + session + "/element", find).path("value").path(ELEMENT).asText();
    assertThat(id).as("element " + css).isNotEmpty();
    call("POST", "/session/" + session + "/element/" + id + "/click", JSON.createObjectNode());
  }

  private JsonNode script(String js) {
    ObjectNode b = JSON.createObjectNode().put("script", js);
    b.putArray("args");
    return call("POST", "/session/" + session + "/execute/sync", b).path("value");
  }

  private String attribute(String name) {
    return script("return document.documentElement.getAttribute('" + name + "') || '';").asText();
  }

  private String awaitPage(String what, String attribute, Predicate<String> until)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String v = "";
    while (System.nanoTime() < deadline) {
      v = attribute(attribute);
      if (until.test(v)) {
        return v;
      }
      Thread.sleep(100);
    }
    String errors = attribute("data-console-errors");
    String page =
        script(
                "return document.getElementById('status').textContent + ' | '"
                    + " + document.getElementById('error').textContent + ' | snapshots '"
                    + " + document.documentElement.getAttribute('data-snapshots') + ' | sse errors '"
                    + " + document.documentElement.getAttribute('data-sse-errors') + ' | action '"
                    + " + document.documentElement.getAttribute('data-last-action');")
            .asText();
    return fail(
        what
            + ": "
            + attribute
            + " still "
            + v
            + " after 60 s; the page says: "
            + page
            + "; console errors "
            + errors
            + "; the server says "
            + serve.get("/api/runs").text());
  }

  private void screenshot(String file) throws IOException {
    String png = call("GET", "/session/" + session + "/screenshot", null).path("value").asText();
    Path shot = Path.of(file);
    Files.createDirectories(shot.getParent());
    Files.write(shot, Base64.getDecoder().decode(png));
    assertThat(Files.size(shot)).as("a screenshot with content").isGreaterThan(20_000);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(driver + path)).timeout(Duration.ofSeconds(60));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode n = JSON.readTree(r.body());
      if (r.statusCode() != 200) {
        fail("WebDriver " + method + " " + path + ": " + r.statusCode() + " " + r.body());
      }
      return n;
    } catch (IOException e) {
      throw new IllegalStateException("WebDriver " + method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String binary(String env, String... names) {
    String given = System.getenv(env);
    if (given != null && !given.isBlank()) {
      if (!Files.isExecutable(Path.of(given))) {
        fail(env + " names no executable: " + given);
      }
      return given;
    }
    for (String name : names) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path c = Path.of(d, name);
        if (Files.isExecutable(c)) {
          return c.toString();
        }
      }
    }
    return fail(
        String.join(" or ", names)
            + " not found on PATH (or "
            + env
            + "): install them with apt-get install -y chromium chromium-driver; ./run-tests does");
  }
}
