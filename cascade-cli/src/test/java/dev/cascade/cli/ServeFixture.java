package dev.cascade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.serve.DashboardServer;
import dev.cascade.serve.ServeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A {@code cascade serve} server on a free port for tests: scenarios are the CLI's short test
 * scenarios (tiny, shocked: 20 simulated minutes), runs go to a temporary directory.
 */
final class ServeFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path scenarios;
  final Path runs;
  final DashboardServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final String base;
  final String token;

  ServeFixture(Path dir, int maxRuns, String token, Duration idle) throws IOException {
    this.scenarios = Files.createDirectories(dir.resolve("scenarios"));
    this.runs = dir.resolve("runs");
    for (String s : new String[] {"tiny.yaml", "shocked.yaml"}) {
      Files.copy(Path.of("src", "test", "resources", s), scenarios.resolve(s));
    }
    Files.writeString(scenarios.resolve("broken.yaml"), "name: broken\nstart: soon\n");
    this.token = token;
    this.server =
        new DashboardServer(
            new ServeSettings(scenarios, runs, "127.0.0.1", 0, maxRuns, token, idle),
            new ServeArchive(new PrintWriter(new StringWriter())),
            StandardFamilies.registry());
    this.base = "http://127.0.0.1:" + server.start();
  }

  ServeFixture(Path dir) throws IOException {
    this(dir, 2, null, ServeSettings.IDLE_TIMEOUT);
  }

  /** status and parsed JSON body of a request. */
  record Reply(int status, JsonNode body, String text) {}

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
  }

  Reply post(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        true);
  }

  Reply send(HttpRequest.Builder b, boolean withToken) {
    if (withToken && token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = null;
      if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
        body = JSON.readTree(r.body());
      }
      return new Reply(r.statusCode(), body, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a run; returns its id. */
  String start(String body) {
    Reply r = post("/api/runs", body);
    if (r.status() != 201) {
      throw new AssertionError("POST /api/runs " + body + ": " + r.status() + " " + r.text());
    }
    return r.body().get("id").asText();
  }

  /** Polls the run until {@code until} holds of its status (30 s at most). */
  JsonNode await(String id, Predicate<JsonNode> until) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode s = null;
    while (System.nanoTime() < deadline) {
      s = get("/api/runs/" + id).body();
      if (until.test(s)) {
        return s;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + id + " did not get there in 60 s: " + s);
  }

  @Override
  public void close() {
    server.close();
  }
}
