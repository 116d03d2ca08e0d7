package dev.cascade.cli;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.serve.DashboardServer;
import dev.cascade.serve.ServeSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cascade serve}: the live dashboard and its HTTP API (docs/api.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the live dashboard: start runs of the scenario files in --scenarios, watch them"
          + " (prices, forced flow, margin calls, dealers, cause chains), pause, step, compare a"
          + " run without a mechanism; open past runs' reports. The HTTP API is in docs/api.md.",
      "Runs are written under --runs as cascade run --report writes them."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenarios",
      paramLabel = "DIR",
      defaultValue = "scenarios",
      description = "directory of the scenario files it may run (default: ${DEFAULT-VALUE})")
  Path scenarios;

  @Option(
      names = "--runs",
      paramLabel = "DIR",
      defaultValue = "runs",
      description = "where runs are written and past runs listed (default: ${DEFAULT-VALUE})")
  Path runs;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "7070",
      description = "port (default: ${DEFAULT-VALUE}; 0: any free port)")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "address to listen on (default: ${DEFAULT-VALUE}); any other than a loopback address"
              + " prints a random access token that every /api request must carry")
  String bind;

  @Option(
      names = "--max-runs",
      paramLabel = "N",
      defaultValue = "2",
      description = "runs at once, at most; more are refused with 429 (default: ${DEFAULT-VALUE})")
  int maxRuns;

  @Option(
      names = "--idle-timeout",
      paramLabel = "S",
      defaultValue = "120",
      description =
          "a run no client has asked about for S seconds is stopped (default: ${DEFAULT-VALUE})")
  int idleSeconds;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65_535) {
      throw CliFailure.usage("--port must be in [0, 65535], got " + port);
    }
    if (maxRuns < 1 || maxRuns > 64) {
      throw CliFailure.usage("--max-runs must be in [1, 64], got " + maxRuns);
    }
    if (idleSeconds < 1) {
      throw CliFailure.usage("--idle-timeout must be at least 1 second, got " + idleSeconds);
    }
    if (!Files.isDirectory(scenarios)) {
      throw CliFailure.usage("--scenarios " + scenarios + " is not a directory");
    }
    if (Files.exists(runs) && !Files.isDirectory(runs)) {
      throw CliFailure.usage("--runs " + runs + " is not a directory");
    }
    // Runs are written under --runs when they are started: a directory that cannot be written or
    // created is refused now, not at the first run.
    Path existing = runs.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw CliFailure.usage(
          "--runs " + runs + " cannot be created: " + existing + " is not a directory");
    }
    if (!Files.isWritable(existing)) {
      throw CliFailure.usage(
          "--runs "
              + runs
              + (existing.equals(runs.toAbsolutePath().normalize()) ? "" : ": " + existing)
              + " is not writable");
    }
    String notHere = bindProblem(bind);
    if (notHere != null) {
      throw CliFailure.usage("--bind " + bind + ": " + notHere);
    }
    String token = ServeSettings.loopback(bind) ? null : ServeSettings.newToken();
    ServeSettings settings =
        new ServeSettings(
            scenarios, runs, bind, port, maxRuns, token, Duration.ofSeconds(idleSeconds));
    DashboardServer server =
        new DashboardServer(
            settings, new ServeArchive(spec.commandLine().getErr()), StandardFamilies.registry());
    int bound;
    try {
      bound = server.start();
    } catch (RuntimeException e) {
      server.close();
      throw CliFailure.usage(
          "cannot listen on "
              + bind
              + ":"
              + port
              + " ("
              + CliFailure.reason(e)
              + ")"
              + "; --port N picks another port");
    }
    String host = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    String url = "http://" + host + ":" + bound + "/";
    out.println("cascade serve: " + (token == null ? url : url + "?token=" + token));
    out.println(
        "scenarios from "
            + scenarios.toAbsolutePath().normalize()
            + ", runs into "
            + runs.toAbsolutePath().normalize()
            + "; Ctrl-C stops");
    if (token != null) {
      out.println(
          "access token: "
              + token
              + " (every /api request: Authorization: Bearer <token> or ?token=<token>)");
    }
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "cascade-serve-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Null if {@code bind} is an address this machine can listen on (the wildcard, a loopback
   * address, or one of its interfaces'), else why not: a bad address was reported by the server as
   * "port already in use".
   */
  static String bindProblem(String bind) {
    java.net.InetAddress a;
    try {
      a = java.net.InetAddress.getByName(bind);
    } catch (java.net.UnknownHostException | SecurityException e) {
      return "not an address or a host name this machine can resolve";
    }
    try {
      if (a.isAnyLocalAddress()
          || a.isLoopbackAddress()
          || java.net.NetworkInterface.getByInetAddress(a) != null) {
        return null;
      }
    } catch (java.net.SocketException e) {
      return null; // the interfaces cannot be listed here: let the server try
    }
    return "not an address of this machine (give 127.0.0.1, 0.0.0.0 or one of its interfaces')";
  }
}
