package dev.cascade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.analytics.CauseChains;
import dev.cascade.analytics.CauseTable;
import dev.cascade.kernel.Time;
import dev.cascade.record.RunSummary;
import dev.cascade.report.HtmlReport;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import dev.cascade.scenario.WithoutNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cascade run FILE}: one simulated episode, summarised on the terminal and on disk. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one simulated episode of a scenario.",
      "Prints the summary table and the tape hash, and writes a run directory atomically:"
          + " summary.json, scenario.yaml and the tables trades, bars-1m, depth, halts, causes,"
          + " positions (each account group's holdings every five simulated minutes) and"
          + " instruments"
          + " (and gex and vix with options dealers)"
          + " as Parquet (through embedded DuckDB) and CSV (--no-csv for Parquet only), and"
          + " report.html with"
          + " --report."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
  Path file;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "random seed (default: the scenario's seed)")
  Long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "run directory (default: runs/<scenario>-seed<N>)")
  Path out;

  @Option(
      names = "--without",
      paramLabel = "FAMILY",
      split = ",",
      description =
          "leave out mechanisms, agent families, groups or shock types (comma-separated);"
              + " every other random stream stays the same")
  List<String> without = new ArrayList<>();

  @Mixin ForceOption force;

  @Mixin ShockScaleOption scale;

  @Option(names = "--no-progress", description = "do not draw the progress bar")
  boolean noProgress;

  @Option(
      names = "--no-csv",
      description = "write the tables as Parquet only (by default CSV copies are kept beside them)")
  boolean noCsv;

  @Option(
      names = "--report",
      description =
          "also write report.html, the self-contained HTML report, into the run directory")
  boolean report;

  @Option(
      names = "--sample-seconds",
      paramLabel = "S",
      defaultValue = "5",
      description =
          "spread and depth sampling period, simulated seconds (default: ${DEFAULT-VALUE}); positions"
              + " are read on the same clock, every five simulated minutes")
  double sampleSeconds;

  @Override
  public Integer call() throws IOException {
    PrintWriter outW = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(sampleSeconds > 0) || sampleSeconds > 86_400) {
      err.println("cascade run: --sample-seconds must be in (0, 86400], got " + sampleSeconds);
      return 2;
    }
    AgentRegistry registry = StandardFamilies.registry();
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, registry, err);
    if (loaded == null) {
      return 2;
    }
    ScenarioSpec scenario = scale.apply(loaded.spec());
    Set<String> off = new LinkedHashSet<>(without);
    String unknown =
        unknownWithout(
            "run",
            scenario,
            off,
            spec.commandLine().getParseResult().hasMatchedOption("--without"));
    if (unknown != null) {
      err.println(unknown);
      return 2;
    }
    String heap =
        HeapFit.refusal(scenario, off, sampleSeconds, registry, Runtime.getRuntime().maxMemory());
    if (heap != null) {
      err.println(heap);
      return 2;
    }
    long runSeed = seed != null ? seed : scenario.seed();
    Path target =
        out != null
            ? out
            : Path.of("runs", scenario.name() + "-seed" + runSeed + withoutSuffix(off));

    Simulation sim = Simulations.resolve(scenario, runSeed, off, registry);
    RunRecording recording = RunRecording.open(sim, target, force.force, "run", sampleSeconds, err);
    ShockMoves shockMoves = ShockMoves.of(scenario.shocks());
    sim.addListener(shockMoves.listener());
    boolean committed = false;
    try {
      long start = sim.startNanos();
      long wall0 = System.nanoTime();
      double wall;
      // A single run draws a bar on a terminal and prints nothing otherwise: it reports its own
      // wall time when done.
      try (Progress bar =
          Progress.start(
              err,
              !noProgress && Progress.stderrIsTerminal() ? Progress.Mode.BAR : Progress.Mode.NONE,
              "run",
              "sim-min",
              Math.max(1, (sim.endNanos() - start) / Time.NANOS_PER_MINUTE),
              0)) {
        sim.run(
            Time.NANOS_PER_MINUTE,
            (t, events) -> {
              double secs = (System.nanoTime() - wall0) / 1e9;
              bar.message(
                  String.format(
                      Locale.ROOT,
                      "%s  %,.0f events/s",
                      Time.format(t).substring(0, 16).replace('T', ' '),
                      secs > 0 ? events / secs : 0));
              bar.stepTo((t - start) / Time.NANOS_PER_MINUTE);
            });
        wall = (System.nanoTime() - wall0) / 1e9;
      }
      RunSummary summary = recording.finish(wall);
      Map<String, Object> extra = new LinkedHashMap<>(scale.records());
      Path where = recording.commit(summary, loaded, extra, !noCsv, report);
      committed = true;

      outW.printf(
          Locale.ROOT,
          "%s  seed %d  %s -> %s%n%n",
          scenario.name(),
          runSeed,
          summary.simulatedStart(),
          summary.simulatedEnd());
      outW.print(SummaryTable.render(summary));
      outW.println();
      CauseChains.Report chains =
          CauseChains.analyze(
              CauseTable.of(sim.causes(), sim.world().agentIds()), recording.flow().flow());
      if (!chains.shocks().isEmpty()) {
        outW.println("top cause chains (cascade explain " + where + " for all):");
        outW.print(
            ChainText.render(
                chains,
                6,
                summary.scale() == null ? 0 : summary.scale().realDollarsPerSimulatedDollar(),
                shockMoves.byRoot(chains.shocks())));
        outW.println();
      }
      outW.println("tape-hash: " + summary.tapeHash());
      outW.printf(
          Locale.ROOT,
          "events: %,d (%,d wake-ups + %,d order messages) in %.2f s: %,.0f events/s%n",
          summary.events(),
          summary.wakeups(),
          summary.orderMessages(),
          summary.wallSeconds(),
          summary.eventsPerSecond());
      outW.println("ledger: " + summary.conservation());
      outW.println("run: " + where);
      if (report) {
        outW.println("report: " + where.resolve(HtmlReport.FILE));
      }
      outW.flush();
      return summary.conservation().equals("conserved") ? 0 : 1;
    } finally {
      if (!committed) {
        recording.abandon();
      }
    }
  }

  /**
   * Null if {@code --without} names only what the scenario has, else the one-line refusal: the
   * unknown names and every name it accepts for this file, by kind. {@code given} says whether the
   * option was on the command line: given with no name at all ({@code --without=} or only commas)
   * is refused too, rather than run as if nothing were left out.
   */
  static String unknownWithout(String command, ScenarioSpec s, Set<String> off, boolean given) {
    WithoutNames accepted = WithoutNames.of(s);
    boolean blank = off.stream().anyMatch(String::isBlank);
    if (blank || (given && off.isEmpty())) {
      return "cascade "
          + command
          + (off.stream().allMatch(String::isBlank)
              ? ": --without names nothing (an empty value or only commas)"
              : ": --without has an empty name (a stray comma?)")
          + "; it accepts "
          + accepted.describe()
          + " (cascade mechanisms FILE lists them)";
    }
    List<String> unknown = accepted.unknown(off);
    if (unknown.isEmpty()) {
      return null;
    }
    return "cascade "
        + command
        + ": --without names no mechanism, family, group or shock type of this scenario: "
        + String.join(", ", unknown)
        + "; it accepts "
        + accepted.describe()
        + " (cascade mechanisms FILE lists them)";
  }

  private static String withoutSuffix(Set<String> off) {
    return off.isEmpty() ? "" : "-without-" + String.join("-", off.stream().sorted().toList());
  }

  /**
   * The version of summary.json's layout (docs/outputs.md); raised when a field changes meaning.
   */
  static final int SUMMARY_SCHEMA_VERSION = 1;

  /**
   * The summary with, first, what it was made by and from: {@code schemaVersion}, {@code
   * cascadeVersion} and the SHA-256 of the scenario text ({@code scenarioSha256}), so a run
   * directory says which tool and which file produced it.
   */
  static com.fasterxml.jackson.databind.node.ObjectNode withProvenance(
      ObjectMapper json, RunSummary summary, ScenarioFiles.Loaded loaded) {
    com.fasterxml.jackson.databind.node.ObjectNode out = json.createObjectNode();
    out.put("schemaVersion", SUMMARY_SCHEMA_VERSION);
    out.put("cascadeVersion", dev.cascade.report.HtmlReport.cascadeVersion());
    out.put("scenarioSha256", sha256(loaded.text()));
    out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(summary));
    return out;
  }

  private static String sha256(String text) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
