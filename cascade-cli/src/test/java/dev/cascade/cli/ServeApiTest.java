package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of {@code cascade serve} (docs/api.md): every refusal, and runs end to end. */
class ServeApiTest {
  @TempDir Path dir;
  ServeFixture serve;

  @BeforeEach
  void start() throws Exception {
    serve = new ServeFixture(dir);
  }

  @AfterEach
  void stop() {
    serve.close();
  }

  private void refused(ServeFixture.Reply r, int status, String field, String message) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.body()).as("a JSON error").isNotNull();
    assertThat(r.body().path("error").asText()).contains(message);
    if (field == null) {
      assertThat(r.body().get("field").isNull()).as(r.text()).isTrue();
    } else {
      assertThat(r.body().path("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void scenariosListsEachFileWithItsValidationStatus() {
    ServeFixture.Reply r = serve.get("/api/scenarios");
    assertThat(r.status()).isEqualTo(200);
    List<String> files = new ArrayList<>();
    r.body().forEach(s -> files.add(s.get("file").asText()));
    assertThat(files).containsExactly("broken.yaml", "shocked.yaml", "tiny.yaml");
    assertThat(r.body().get(0).get("valid").asBoolean()).isFalse();
    assertThat(r.body().get(0).get("errors").get(0).asText()).contains("broken.yaml");
    assertThat(r.body().get(1).get("valid").asBoolean()).isTrue();
    assertThat(r.body().get(1).get("mechanisms").toString()).contains("momentum");
  }

  @Test
  void aHostThatIsNotThisMachineIsRefused() throws Exception {
    URI base = URI.create(serve.base);
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /api/scenarios HTTP/1.1\r\nHost: rebound.example:"
                      + base.getPort()
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String reply =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 403").contains("rebound.example");
    }
    assertThat(serve.get("/api/scenarios").status()).isEqualTo(200);
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith400() {
    refused(serve.post("/api/runs", "{\"scenario\": "), 400, null, "not JSON");
    refused(serve.post("/api/runs", "[1, 2]"), 400, null, "JSON object");
    refused(serve.post("/api/runs", ""), 400, null, "empty");
    // beyond Jackson's nesting limit: refused as not JSON, though the parser gives no location
    refused(serve.post("/api/runs", "[".repeat(2000) + "]".repeat(2000)), 400, null, "not JSON");
    // a key given twice: refused, naming it, rather than the last one silently kept
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"scenario\": \"other.yaml\"}"),
        400,
        null,
        "Duplicate field 'scenario'");
    ServeFixture.Reply form =
        serve.send(
            HttpRequest.newBuilder(URI.create(serve.base + "/api/runs"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("scenario=tiny.yaml")),
            true);
    refused(form, 415, null, "JSON");
  }

  @Test
  void eachBadFieldIsNamed() {
    refused(serve.post("/api/runs", "{\"seed\": 1}"), 400, "scenario", "scenario is missing");
    refused(serve.post("/api/runs", "{\"scenario\": 7}"), 400, "scenario", "string");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"seed\": \"x\"}"),
        400,
        "seed",
        "whole number");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"seed\": -1}"),
        400,
        "seed",
        "whole number");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"without\": \"momentum\"}"),
        400,
        "without",
        "array");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"without\": [\"dealers\"]}"),
        400,
        "without",
        "dealers");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"speed\": -2}"),
        400,
        "speed",
        "speed must be");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"liquidity\": 0}"),
        400,
        "liquidity",
        "liquidity must be a number above 0 and at most 100");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"liquidity\": \"half\"}"),
        400,
        "liquidity",
        "liquidity must be");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\", \"seeds\": 3}"),
        400,
        "seeds",
        "unknown field seeds");
  }

  @Test
  void anUnknownOrInvalidScenarioIsRefused() {
    refused(serve.post("/api/runs", "{\"scenario\": \"nope.yaml\"}"), 404, "scenario", "nope");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"broken.yaml\"}"), 422, "scenario", "error(s)");
  }

  @Test
  void aScenarioPathOutsideTheDirectoryIsRefused() throws Exception {
    Files.writeString(
        dir.resolve("outside.yaml"), Files.readString(serve.scenarios.resolve("tiny.yaml")));
    refused(
        serve.post("/api/runs", "{\"scenario\": \"../outside.yaml\"}"),
        400,
        "scenario",
        "not a path");
    refused(
        serve.post("/api/runs", "{\"scenario\": \"" + dir.resolve("outside.yaml") + "\"}"),
        400,
        "scenario",
        "not a path");
    refused(serve.post("/api/runs", "{\"scenario\": \"..\"}"), 400, "scenario", "not a path");
    Files.createSymbolicLink(serve.scenarios.resolve("link.yaml"), dir.resolve("outside.yaml"));
    refused(serve.post("/api/runs", "{\"scenario\": \"link.yaml\"}"), 404, "scenario", "link.yaml");
    assertThat(serve.get("/runs/..%2Foutside.yaml/report.html").status()).isEqualTo(404);
  }

  @Test
  void anUnknownRunOrActionIs404() {
    refused(serve.get("/api/runs/99"), 404, "id", "no run 99");
    refused(serve.get("/api/nope"), 404, null, "no such resource: GET /api/nope");
    refused(serve.get("/api/runs/99/events"), 404, "id", "no run 99");
    refused(serve.post("/api/runs/99/pause", ""), 404, "id", "no run 99");
    String id = serve.start("{\"scenario\": \"tiny.yaml\", \"speed\": 1}");
    refused(serve.post("/api/runs/" + id + "/jump", ""), 404, "action", "no action jump");
    refused(serve.post("/api/runs/" + id + "/resume", ""), 409, null, "not paused");
    serve.post("/api/runs/" + id + "/stop", "");
  }

  @Test
  void runsBeyondMaxRunsAreRefusedWith429() throws Exception {
    String a = serve.start("{\"scenario\": \"tiny.yaml\", \"speed\": 1}");
    String b = serve.start("{\"scenario\": \"shocked.yaml\", \"speed\": 1}");
    refused(serve.post("/api/runs", "{\"scenario\": \"tiny.yaml\"}"), 429, null, "--max-runs 2");
    assertThat(serve.post("/api/runs/" + a + "/stop", "").status()).isEqualTo(202);
    serve.await(a, s -> s.get("state").asText().equals("stopped"));
    String c = serve.start("{\"scenario\": \"tiny.yaml\", \"speed\": 1}");
    serve.post("/api/runs/" + b + "/stop", "");
    serve.post("/api/runs/" + c + "/stop", "");
    serve.await(c, s -> s.get("state").asText().equals("stopped"));
    assertThat(serve.runs.resolve("tiny-seed3")).as("a stopped run writes nothing").doesNotExist();
  }

  @Test
  void withATokenEveryApiRequestMustCarryIt() throws Exception {
    try (ServeFixture secured =
        new ServeFixture(dir.resolve("secured"), 2, "s3cret", Duration.ofMinutes(2))) {
      for (String path : List.of("/api/scenarios", "/api/runs", "/api/runs/1")) {
        ServeFixture.Reply bare =
            secured.send(HttpRequest.newBuilder(URI.create(secured.base + path)).GET(), false);
        refused(bare, 401, "token", "access token");
      }
      ServeFixture.Reply wrong =
          secured.send(
              HttpRequest.newBuilder(URI.create(secured.base + "/api/scenarios"))
                  .header("Authorization", "Bearer nope"),
              false);
      refused(wrong, 401, "token", "wrong access token");
      ServeFixture.Reply post =
          secured.send(
              HttpRequest.newBuilder(URI.create(secured.base + "/api/runs"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\": \"tiny.yaml\"}")),
              false);
      refused(post, 401, "token", "access token");
      assertThat(secured.get("/api/scenarios").status()).isEqualTo(200);
      ServeFixture.Reply query =
          secured.send(
              HttpRequest.newBuilder(URI.create(secured.base + "/api/scenarios?token=s3cret")),
              false);
      assertThat(query.status()).isEqualTo(200);
      ServeFixture.Reply page =
          secured.send(HttpRequest.newBuilder(URI.create(secured.base + "/")), false);
      assertThat(page.status()).as("the page itself holds no data").isEqualTo(200);
    }
  }

  @Test
  void aRunStartedHereFinishesWithTheTapeAndRunDirectoryOfCascadeRun() throws Exception {
    String id = serve.start("{\"scenario\": \"shocked.yaml\", \"seed\": 5, \"without\": []}");
    JsonNode done = serve.await(id, s -> !s.get("state").asText().matches("queued|running"));
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("finished");
    assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
    Path run = serve.runs.resolve("shocked-seed5");
    assertThat(done.get("runDirectory").asText()).isEqualTo(run.toAbsolutePath().toString());
    assertThat(run.resolve(".cascade-run")).exists();
    assertThat(run.resolve("summary.json")).exists();
    assertThat(run.resolve("trades.parquet")).exists();
    assertThat(done.get("report").asText()).isEqualTo("/runs/shocked-seed5/report.html");
    ServeFixture.Reply report = serve.get("/runs/shocked-seed5/report.html");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.text()).contains("<html");

    assertThat(cliTape("cli")).contains("tape-hash: " + done.get("tapeHash").asText());

    // The events of a finished run: every retained snapshot in simulated-time order, then end.
    ServeFixture.Reply events = serve.get("/api/runs/" + id + "/events");
    assertThat(events.status()).isEqualTo(200);
    long last = Long.MIN_VALUE;
    int snapshots = 0;
    for (String line : events.text().split("\n")) {
      if (line.startsWith("data: {\"seq\"")) {
        JsonNode s = ServeFixture.JSON.readTree(line.substring(6));
        assertThat(s.get("timeNanos").asLong()).isGreaterThanOrEqualTo(last);
        last = s.get("timeNanos").asLong();
        assertThat(s.get("instruments").get(0).get("symbol").asText()).isEqualTo("SPY");
        assertThat(s.has("forcedFlow") && s.has("marginCalls") && s.has("chains")).isTrue();
        snapshots++;
      }
    }
    assertThat(snapshots).isGreaterThanOrEqualTo(2);
    assertThat(events.text()).contains("event: end");

    // A second run of the same seed goes beside the first, never over it.
    String again = serve.start("{\"scenario\": \"shocked.yaml\", \"seed\": 5}");
    JsonNode second = serve.await(again, s -> !s.get("state").asText().matches("queued|running"));
    assertThat(second.get("runDirectory").asText()).endsWith("shocked-seed5-2");
    JsonNode list = serve.get("/api/runs").body();
    assertThat(list.get("live")).hasSize(2);
    assertThat(list.get("past").toString())
        .contains("shocked-seed5-2", "/runs/shocked-seed5/report.html");
  }

  @Test
  void aRunInAThinnerMarketIsTheCliRunWithTheSameScalingAndSaysSo() throws Exception {
    String id = serve.start("{\"scenario\": \"shocked.yaml\", \"seed\": 5, \"liquidity\": 0.5}");
    JsonNode done = serve.await(id, s -> !s.get("state").asText().matches("queued|running"));
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("finished");
    assertThat(done.get("liquidity").asDouble()).isEqualTo(0.5);
    Path run = serve.runs.resolve("shocked-seed5-liquidity-0.5");
    assertThat(done.get("runDirectory").asText()).isEqualTo(run.toAbsolutePath().toString());
    JsonNode summary = ServeFixture.JSON.readTree(run.resolve("summary.json").toFile());
    assertThat(summary.get("liquidityScaling").asDouble()).isEqualTo(0.5);
    assertThat(cliTape("cli-half", "--scale-liquidity", "0.5"))
        .contains("tape-hash: " + done.get("tapeHash").asText());
    assertThat(serve.get("/api/runs").body().get("past").toString()).contains("\"liquidity\":0.5");
  }

  @Test
  void pauseHoldsTheClockStepRunsOneMinuteAndStopWritesNothing() throws Exception {
    String id = serve.start("{\"scenario\": \"tiny.yaml\", \"speed\": 30}");
    serve.await(id, s -> s.get("state").asText().equals("running"));
    assertThat(serve.post("/api/runs/" + id + "/pause", "").status()).isEqualTo(202);
    JsonNode paused = serve.await(id, s -> s.get("state").asText().equals("paused"));
    Thread.sleep(400);
    JsonNode still = serve.get("/api/runs/" + id).body();
    assertThat(still.get("timeNanos").asLong()).isEqualTo(paused.get("timeNanos").asLong());
    refused(serve.post("/api/runs/" + id + "/pause", ""), 409, null, "not running");

    assertThat(serve.post("/api/runs/" + id + "/step", "").status()).isEqualTo(202);
    long before = paused.get("timeNanos").asLong();
    JsonNode stepped =
        serve.await(
            id,
            s ->
                s.get("timeNanos").asLong() >= before + 60_000_000_000L
                    && s.get("state").asText().equals("paused"));
    assertThat(stepped.get("timeNanos").asLong()).isEqualTo(before + 60_000_000_000L);

    assertThat(serve.post("/api/runs/" + id + "/resume", "").status()).isEqualTo(202);
    serve.await(id, s -> s.get("timeNanos").asLong() > before + 60_000_000_000L);
    assertThat(serve.post("/api/runs/" + id + "/stop", "").status()).isEqualTo(202);
    serve.await(id, s -> s.get("state").asText().equals("stopped"));
    refused(serve.post("/api/runs/" + id + "/stop", ""), 409, null, "stopped already");
    try (var files = Files.list(serve.runs)) {
      assertThat(files.toList()).as("a stopped run leaves nothing behind").isEmpty();
    }
  }

  @Test
  void aRunNoClientAsksAboutIsStoppedAfterTheIdleTimeout() throws Exception {
    try (ServeFixture idle =
        new ServeFixture(dir.resolve("idle"), 2, null, Duration.ofMillis(400))) {
      String id = idle.start("{\"scenario\": \"tiny.yaml\", \"speed\": 1}");
      Thread.sleep(1_500);
      assertThat(idle.get("/api/runs/" + id).body().get("state").asText()).isEqualTo("stopped");
    }
  }

  @Test
  void serveRefusesBadOptionsWithOneLineAndExit2() {
    String[] port = ReportCommandTest.cascade("serve", "--port", "70000");
    assertThat(port[0]).isEqualTo("2");
    assertThat(port[2].strip()).isEqualTo("cascade serve: --port must be in [0, 65535], got 70000");
    String[] dirs =
        ReportCommandTest.cascade("serve", "--scenarios", dir.resolve("nope").toString());
    assertThat(dirs[0]).isEqualTo("2");
    assertThat(dirs[2]).contains("is not a directory").doesNotContain("Exception");
    // --runs under a file: it could never be created, so it is refused before the server starts
    Path file = dir.resolve("a-file");
    try {
      Files.writeString(file, "x");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String[] under =
        ReportCommandTest.cascade(
            "serve", "--scenarios", dir.toString(), "--runs", file.resolve("runs").toString());
    assertThat(under[0]).isEqualTo("2");
    assertThat(under[2]).contains("cannot be created").contains("is not a directory");
    String[] runs = ReportCommandTest.cascade("serve", "--max-runs", "0");
    assertThat(runs[0]).isEqualTo("2");
    assertThat(runs[2]).contains("--max-runs must be in [1, 64]");
    // an address of another machine (TEST-NET-3) was reported as "port already in use"
    String[] away =
        ReportCommandTest.cascade("serve", "--scenarios", dir.toString(), "--bind", "203.0.113.7");
    assertThat(away[0]).isEqualTo("2");
    assertThat(away[2]).contains("not an address of this machine").doesNotContain("in use");
    assertThat(ServeCommand.bindProblem("127.0.0.1")).isNull();
    assertThat(ServeCommand.bindProblem("0.0.0.0")).isNull();
  }

  @Test
  void onlyALoopbackAddressGoesWithoutAToken() {
    assertThat(dev.cascade.serve.ServeSettings.loopback("127.0.0.1")).isTrue();
    assertThat(dev.cascade.serve.ServeSettings.loopback("::1")).isTrue();
    assertThat(dev.cascade.serve.ServeSettings.loopback("0.0.0.0")).isFalse();
    assertThat(dev.cascade.serve.ServeSettings.loopback("192.168.1.5")).isFalse();
    assertThat(dev.cascade.serve.ServeSettings.newToken()).hasSize(32);
  }

  /** What {@code cascade run shocked.yaml --seed 5 FLAGS} prints, into dir/OUT. */
  private String cliTape(String out, String... flags) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("run", serve.scenarios.resolve("shocked.yaml").toString(), "--seed", "5"));
    args.addAll(List.of(flags));
    args.addAll(List.of("--no-progress", "--out", dir.resolve(out).toString()));
    return ReportCommandTest.cascade(args.toArray(new String[0]))[1];
  }
}
