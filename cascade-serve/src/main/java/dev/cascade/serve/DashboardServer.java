package dev.cascade.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.scenario.Endowments;
import dev.cascade.scenario.ParticipantScaling;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import dev.cascade.scenario.WithoutNames;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of {@code cascade serve}: the API under {@code /api} (docs/api.md), the dashboard
 * page and ECharts from the jar, and the reports of past runs. Each run's simulation has its own
 * thread ({@link LiveRun}); event streams are written by the request's own thread from the run's
 * published snapshots, so a slow client slows only itself.
 */
public final class DashboardServer implements AutoCloseable {
  private static final String ECHARTS_POM = "META-INF/maven/org.webjars/echarts/pom.properties";

  /** Request bodies larger than this are refused (413). */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Set<String> RUN_FIELDS =
      Set.of("scenario", "seed", "without", "liquidity", "speed");

  private final ServeSettings settings;
  private final RunArchive archive;
  private final AgentRegistry registry;

  /**
   * Reads request bodies and writes replies; a key given twice in a body is refused, not merged.
   */
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final ScenarioCatalog scenarios;
  private final PastRuns past;
  private final Map<String, LiveRun> runs = new LinkedHashMap<>();
  private final ScheduledExecutorService reaper;
  private final Set<Path> targetsInUse = new LinkedHashSet<>();
  private int nextId = 1;
  private Javalin app;

  public DashboardServer(ServeSettings settings, RunArchive archive, AgentRegistry registry) {
    this.settings = settings;
    this.archive = archive;
    this.registry = registry;
    this.scenarios = new ScenarioCatalog(settings.scenarios(), registry, json);
    this.past = new PastRuns(settings.runs(), json);
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cascade-serve-idle");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts listening; returns the port. */
  public int start() {
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = settings.host();
              config.jetty.port = settings.port();
              config.routes.before("/api/*", this::authorise);
              config.routes.before("/runs/*", this::authorise);
              config.routes.get("/", ctx -> page(ctx, "dashboard.html", "text/html"));
              config.routes.get(
                  "/dashboard.js", ctx -> page(ctx, "dashboard.js", "text/javascript"));
              config.routes.get("/echarts.min.js", this::echarts);
              config.routes.get("/api/scenarios", ctx -> send(ctx, 200, scenarios.list()));
              config.routes.get("/api/runs", this::listRuns);
              config.routes.post("/api/runs", this::startRun);
              config.routes.get("/api/runs/{id}", ctx -> send(ctx, 200, run(ctx).status()));
              config.routes.get("/api/runs/{id}/events", this::events);
              config.routes.post("/api/runs/{id}/{action}", this::control);
              config.routes.get("/runs/{name}/report.html", this::report);
              config.routes.exception(
                  ApiError.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) ->
                      error(ctx, 500, null, "internal error: " + e + " (a bug in Cascade)"));
              config.routes.error(
                  404,
                  ctx -> {
                    // Javalin writes its own plain-text "Endpoint ... not found" first; every
                    // refusal of this API is JSON, so anything that is not already is replaced
                    String type = ctx.res().getContentType();
                    if (type == null || !type.startsWith("application/json")) {
                      error(ctx, 404, null, "no such resource: " + ctx.method() + " " + ctx.path());
                    }
                  });
              config.routes.error(
                  405,
                  ctx ->
                      error(
                          ctx,
                          405,
                          null,
                          "method not allowed: " + ctx.method() + " " + ctx.path()));
            });
    app.start();
    long every = Math.max(100, Math.min(5_000, settings.idleTimeout().toMillis() / 4));
    reaper.scheduleAtFixedRate(this::stopIdleRuns, every, every, TimeUnit.MILLISECONDS);
    return app.port();
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    reaper.shutdownNow();
    synchronized (this) {
      for (LiveRun r : runs.values()) {
        r.stop();
      }
    }
    if (app != null) {
      app.stop();
    }
  }

  private void authorise(Context ctx) {
    String token = settings.token();
    if (token == null) {
      // bound to loopback, with no token: a page elsewhere must not reach it by a DNS name that
      // resolves here (DNS rebinding), so the Host must name this machine
      String host = hostName(ctx.header("Host"));
      if (host != null && !LOOPBACK_NAMES.contains(host) && !host.equals(settings.host())) {
        throw new ApiError(
            403, null, "the Host header names " + host + ", not this machine's loopback server");
      }
      return;
    }
    String given = ctx.queryParam("token");
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = auth.substring(7).trim();
    }
    if (given == null
        || !MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(
          401,
          "token",
          given == null
              ? "this server needs its access token: Authorization: Bearer <token> or ?token="
              : "wrong access token");
    }
  }

  private static final java.util.Set<String> LOOPBACK_NAMES =
      java.util.Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  /** The host part of a Host header, lower case, or null when there is none. */
  static String hostName(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim().toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private synchronized void listRuns(Context ctx) throws IOException {
    ObjectNode o = json.createObjectNode();
    ArrayNode live = o.putArray("live");
    for (LiveRun r : runs.values()) {
      live.add(r.status());
    }
    o.set("past", past.list());
    send(ctx, 200, o);
  }

  private void startRun(Context ctx) {
    JsonNode body = body(ctx);
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!RUN_FIELDS.contains(n)) {
        throw ApiError.badRequest(
            n, "unknown field " + n + "; a run takes scenario, seed, without, liquidity and speed");
      }
    }
    JsonNode sc = body.get("scenario");
    if (sc == null || sc.isNull()) {
      throw ApiError.badRequest("scenario", "scenario is missing: the scenario file's name");
    }
    if (!sc.isTextual()) {
      throw ApiError.badRequest("scenario", "scenario must be a string (a file name)");
    }
    ScenarioCatalog.Loaded loaded = scenarios.load(sc.asText());
    long seed = loaded.spec().seed();
    JsonNode sd = body.get("seed");
    if (sd != null && !sd.isNull()) {
      if (!sd.isIntegralNumber() || !sd.canConvertToLong() || sd.asLong() < 0) {
        throw ApiError.badRequest("seed", "seed must be a whole number >= 0, got " + sd);
      }
      seed = sd.asLong();
    }
    Set<String> off = new LinkedHashSet<>();
    JsonNode wo = body.get("without");
    if (wo != null && !wo.isNull()) {
      if (!wo.isArray()) {
        throw ApiError.badRequest("without", "without must be an array of names");
      }
      for (JsonNode n : wo) {
        if (!n.isTextual()) {
          throw ApiError.badRequest("without", "without must hold names (strings), got " + n);
        }
        off.add(n.asText());
      }
      WithoutNames accepted = WithoutNames.of(loaded.spec());
      List<String> unknown = accepted.unknown(off);
      if (!unknown.isEmpty()) {
        throw ApiError.badRequest(
            "without",
            "without names no mechanism, family, group or shock type of "
                + loaded.file()
                + ": "
                + String.join(", ", unknown)
                + "; it accepts "
                + accepted.describe());
      }
    }
    double liquidity = 1;
    ScenarioSpec spec = loaded.spec();
    JsonNode lq = body.get("liquidity");
    if (lq != null && !lq.isNull()) {
      if (!lq.isNumber() || !ParticipantScaling.isLiquidityFactor(lq.asDouble())) {
        throw ApiError.badRequest(
            "liquidity",
            "liquidity must be a number above 0 and at most 100 (the liquidity providers' factor,"
                + " as cascade run --scale-liquidity), got "
                + lq);
      }
      liquidity = lq.asDouble();
      spec = ParticipantScaling.liquidity(spec, liquidity, registry);
      String beyond = Endowments.beyondLimit(Endowments.micro(spec), "would come to");
      if (beyond != null) {
        throw ApiError.badRequest("liquidity", "liquidity " + lq + ": " + beyond);
      }
    }
    double speed = 0;
    JsonNode sp = body.get("speed");
    if (sp != null && !sp.isNull()) {
      if (!sp.isNumber() || !(sp.asDouble() >= 0) || sp.asDouble() > 1e9) {
        throw ApiError.badRequest(
            "speed",
            "speed must be a number >= 0 (simulated seconds per wall second; 0: as fast as it"
                + " runs), got "
                + sp);
      }
      speed = sp.asDouble();
    }
    LiveRun run;
    synchronized (this) {
      long live = runs.values().stream().filter(r -> r.state().live()).count();
      if (live >= settings.maxRuns()) {
        throw new ApiError(
            429,
            null,
            live
                + " runs are live, the most this server runs at once (--max-runs "
                + settings.maxRuns()
                + "); stop one or wait for it to finish");
      }
      String id = String.valueOf(nextId++);
      Simulation sim = Simulations.resolve(spec, seed, off, registry);
      Path target = freeTarget(loaded.spec().name(), seed, off, liquidity);
      run =
          new LiveRun(
              id,
              loaded.file(),
              seed,
              off,
              liquidity,
              speed,
              sim,
              loaded.text(),
              target,
              archive,
              json);
      runs.put(id, run);
    }
    run.start();
    ObjectNode o = json.createObjectNode();
    o.put("id", run.id());
    o.put("url", "/api/runs/" + run.id());
    send(ctx, 201, o);
  }

  /**
   * runs/&lt;scenario&gt;-seed&lt;N&gt;[-without-...][-liquidity-X] as {@code cascade run} names it
   * (the liquidity factor added when not 1), or the first of -2, -3, ... after it where nothing is:
   * the server never asks to replace anything.
   */
  private Path freeTarget(String name, long seed, Set<String> off, double liquidity) {
    String base =
        name
            + "-seed"
            + seed
            + (off.isEmpty() ? "" : "-without-" + String.join("-", off.stream().sorted().toList()))
            + (liquidity == 1 ? "" : "-liquidity-" + factor(liquidity));
    Path dir = past.dir();
    Path t = dir.resolve(base);
    for (int k = 2; Files.exists(t) || targetsInUse.contains(t); k++) {
      t = dir.resolve(base + "-" + k);
    }
    targetsInUse.add(t);
    return t;
  }

  /** A factor as a directory name shows it: 0.5, 2, 0.25. */
  private static String factor(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : BigDecimal.valueOf(x).toPlainString();
  }

  private LiveRun run(Context ctx) {
    String id = ctx.pathParam("id");
    LiveRun r;
    synchronized (this) {
      r = runs.get(id);
    }
    if (r == null) {
      throw ApiError.notFound("id", "no run " + id + " (GET /api/runs lists them)");
    }
    r.touch();
    return r;
  }

  private void control(Context ctx) {
    LiveRun r = run(ctx);
    String action = ctx.pathParam("action");
    LiveRun.State s = r.state();
    switch (action) {
      case "pause" -> {
        if (s != LiveRun.State.RUNNING && s != LiveRun.State.QUEUED) {
          throw ApiError.conflict("run " + r.id() + " is " + s.label() + ", not running");
        }
        r.gate().pause();
      }
      case "resume" -> {
        if (s != LiveRun.State.PAUSED && !(s.live() && r.gate().paused())) {
          throw ApiError.conflict("run " + r.id() + " is " + s.label() + ", not paused");
        }
        r.gate().resume();
      }
      case "step" -> {
        if (!s.live() || !r.gate().paused()) {
          throw ApiError.conflict(
              "run " + r.id() + " is " + s.label() + "; pause it before stepping");
        }
        r.gate().stepTo(r.simNow() + LiveRun.STEP_NANOS);
      }
      case "stop" -> {
        if (!s.live()) {
          throw ApiError.conflict("run " + r.id() + " is " + s.label() + " already");
        }
        r.stop();
      }
      default ->
          throw ApiError.notFound(
              "action", "no action " + action + "; a run takes pause, resume, step and stop");
    }
    send(ctx, 202, r.status());
  }

  /**
   * Server-sent events: every retained snapshot after the client's {@code Last-Event-ID}, then each
   * new one as the run publishes it, until the run ends. Each event is {@code id: <seq>}, {@code
   * event: snapshot} and the snapshot as one line of JSON; the last is {@code event: end}.
   */
  private void events(Context ctx) throws IOException, InterruptedException {
    LiveRun r = run(ctx);
    long after = -1;
    String last = ctx.header("Last-Event-ID");
    if (last != null) {
      try {
        after = Long.parseLong(last.trim());
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("Last-Event-ID", "Last-Event-ID must be a snapshot number");
      }
    }
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setHeader("Cache-Control", "no-store");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    out.write(": cascade run events\nretry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    try {
      while (true) {
        r.touch();
        for (LiveRun.Snapshot s : r.since(after)) {
          String msg = "id: " + s.seq() + "\nevent: snapshot\ndata: " + s.json() + "\n\n";
          out.write(msg.getBytes(StandardCharsets.UTF_8));
          after = s.seq();
        }
        out.flush();
        if (!r.state().live() && r.since(after).isEmpty()) {
          out.write(("event: end\ndata: " + r.status() + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          return;
        }
        r.awaitAfter(after, 1_000);
        // A comment line now and then finds a client that went away.
        out.write(":\n".getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException gone) {
      // The client went away: nothing to tell it.
    }
  }

  private void report(Context ctx) throws IOException {
    Path report =
        past.report(ctx.pathParam("name"))
            .orElseThrow(
                () ->
                    ApiError.notFound(
                        "name", "no report of a Cascade run named " + ctx.pathParam("name")));
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(Files.readAllBytes(report));
  }

  private synchronized void stopIdleRuns() {
    long limit = settings.idleTimeout().toNanos();
    for (LiveRun r : runs.values()) {
      if (r.state().live() && r.idleNanos() > limit) {
        r.stop();
      }
    }
  }

  private JsonNode body(Context ctx) {
    String type = ctx.contentType();
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, null, "the body must be JSON (Content-Type: application/json)");
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiError(413, null, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      throw ApiError.badRequest(null, "the body is empty; send a JSON object");
    }
    JsonNode n;
    try {
      n = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      // Jackson's stream limits (nesting depth, number length) fail without a location
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw ApiError.badRequest(
          null,
          "the body is not JSON: "
              + e.getOriginalMessage()
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (n == null || !n.isObject()) {
      throw ApiError.badRequest(null, "the body must be a JSON object");
    }
    return n;
  }

  private void send(Context ctx, int status, JsonNode body) {
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(body.toString());
  }

  private void error(Context ctx, int status, String field, String message) {
    ObjectNode o = json.createObjectNode();
    o.put("error", message);
    if (field != null) {
      o.put("field", field);
    } else {
      o.putNull("field");
    }
    send(ctx, status, o);
  }

  private static void page(Context ctx, String name, String type) throws IOException {
    try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + name);
      }
      ctx.contentType(type + "; charset=utf-8");
      ctx.result(in.readAllBytes());
    }
  }

  private void echarts(Context ctx) throws IOException {
    ClassLoader cl = DashboardServer.class.getClassLoader();
    Properties p = new Properties();
    try (InputStream in = cl.getResourceAsStream(ECHARTS_POM)) {
      if (in == null) {
        throw new IllegalStateException("ECharts webjar not on the classpath: " + ECHARTS_POM);
      }
      p.load(in);
    }
    String path =
        "META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/echarts.min.js";
    try (InputStream in = cl.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + path);
      }
      ctx.contentType("text/javascript; charset=utf-8");
      ctx.header("Cache-Control", "max-age=3600");
      ctx.result(in.readAllBytes());
    }
  }

  /** The live runs' ids, oldest first (for tests). */
  synchronized List<String> runIds() {
    return new ArrayList<>(runs.keySet());
  }
}
