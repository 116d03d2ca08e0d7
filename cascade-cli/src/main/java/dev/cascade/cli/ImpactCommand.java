package dev.cascade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.market.Side;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.Metaorders;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ShockSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cascade impact FILE --instrument SYM}: the simulated market's own impact curve. For each
 * metaorder size and seed, runs the scenario with a TWAP metaorder added and pairs it with the same
 * seed without it (common random numbers), then reports the impact at the metaorder's end in units
 * of daily volatility, its decay, and the fitted power law I = Y sigma_d (Q/V)^delta beside the
 * literature's figures (docs/model.md §6). Writes nothing.
 */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the market's own pre-trade impact curve on one instrument.",
      "For each size (percent of the instrument's baselineDailyVolume) and each seed, runs the"
          + " scenario with a TWAP metaorder added and the same seed without it, and prints per"
          + " size: the impact at the metaorder's end, side x (ln p_with - ln p_without) of the"
          + " mid, in units of the daily volatility (mean ± standard error over seeds), the share"
          + " filled and the impact left 30 and 60 minutes after the end as a fraction of it;"
          + " then the fit I = Y sigma_d (Q/V)^delta beside the literature's figures (delta 0.5"
          + " ± 0.1, Y 0.5-1.5, 50-80%% left after 60 minutes) with pass or fail.",
      "Runs in parallel on local threads and writes no file; --json prints the results as JSON."
    })
final class ImpactCommand implements Callable<Integer> {
  /** Default sizes, percent of daily volume. */
  static final List<Double> DEFAULT_SIZES = List.of(0.1, 0.3, 1.0, 3.0, 10.0);

  /** The decay horizons after the metaorder's end, minutes. */
  static final int[] DECAY_MINUTES = {30, 60};

  /** Minutes the scenario must leave after the metaorder's end (the last decay horizon). */
  static final int AFTER_MINUTES = 60;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
  Path file;

  @Option(
      names = "--instrument",
      paramLabel = "SYM",
      required = true,
      description = "the instrument to trade (it needs a baselineDailyVolume)")
  String instrument;

  @Option(
      names = "--sizes",
      paramLabel = "PCT",
      split = ",",
      description =
          "metaorder sizes, percent of the instrument's daily volume (default: 0.1,0.3,1,3,10)")
  List<String> sizes;

  @Option(
      names = "--seeds",
      paramLabel = "N|A-B",
      defaultValue = "8",
      description =
          "seeds per size: N seeds from --first-seed, or the seeds A to B inclusive (default:"
              + " ${DEFAULT-VALUE})")
  String seeds;

  @Option(
      names = "--first-seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "seeds run S, S+1, ..., S+N-1 (default: ${DEFAULT-VALUE})")
  String firstSeed;

  @Option(
      names = "--side",
      paramLabel = "SIDE",
      defaultValue = "sell",
      description = "buy or sell (default: ${DEFAULT-VALUE})")
  String side;

  @Option(
      names = "--minutes",
      paramLabel = "M",
      defaultValue = "60",
      description = "the metaorder's duration, minutes (default: ${DEFAULT-VALUE})")
  String minutes;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      description =
          "when the metaorder starts, ISO-8601 with offset (default: 60 minutes after the"
              + " scenario's start); the scenario must go on for the metaorder's minutes plus 60"
              + " after it")
  String start;

  @Option(
      names = "--scale-liquidity",
      paramLabel = "X",
      defaultValue = "1",
      description =
          "measure the market with its liquidity providers scaled by X in (0, 100], as run and"
              + " sweep do (docs/scenario-format.md)")
  double liquidity;

  @Option(names = "--json", description = "print the results as JSON instead of a table")
  boolean json;

  @Mixin ThreadsOption threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    int nThreads = threads.resolve("impact", err);
    if (nThreads < 0) {
      return 2;
    }
    SeedRange.Seeds range =
        SeedRange.parse(
            seeds, whole("--first-seed", firstSeed, Long.MIN_VALUE, Long.MAX_VALUE), 100_000);
    int nSeeds = range.count();
    long first = range.first();
    Side s =
        switch (side) {
          case "buy" -> Side.BUY;
          case "sell" -> Side.SELL;
          default -> throw CliFailure.usage("--side must be buy or sell, got '" + side + "'");
        };
    double mins = real("--minutes", minutes);
    if (!(mins > 0 && mins <= 24 * 60)) {
      throw CliFailure.usage("--minutes must be above 0 and at most 1440, got " + minutes);
    }
    List<Double> pcts = new ArrayList<>();
    for (String p : sizes == null ? DEFAULT_SIZES.stream().map(String::valueOf).toList() : sizes) {
      double v = real("--sizes", p);
      if (!(v > 0 && v <= 1000)) {
        throw CliFailure.usage("--sizes must be above 0 and at most 1000 (percent), got " + p);
      }
      if (pcts.contains(v)) {
        // the fit's sizes must differ: a repeated one is the same runs twice, not a second point
        throw CliFailure.usage("--sizes names " + p + " twice; give each size once");
      }
      pcts.add(v);
    }

    AgentRegistry registry = StandardFamilies.registry();
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, registry, err);
    if (loaded == null) {
      return 2;
    }
    ShockScaleOption.checkLiquidity(liquidity);
    ScenarioSpec scenario =
        new Scaling(1, Map.of(), 1, 1, liquidity).apply(loaded.spec(), registry);
    InstrumentSpec ins = scenario.instrument(instrument);
    if (ins == null) {
      throw CliFailure.usage(
          "--instrument '"
              + instrument
              + "' is not an instrument of "
              + file
              + "; it has: "
              + String.join(
                  ", ", scenario.instruments().stream().map(InstrumentSpec::symbol).toList()));
    }
    if (ins.baselineDailyVolume() <= 0) {
      throw CliFailure.usage(
          instrument
              + " has no baselineDailyVolume in "
              + file
              + ", so a size in percent of daily volume means nothing; give it one");
    }
    OffsetDateTime at;
    if (start == null) {
      at = scenario.start().plusMinutes(60);
    } else {
      try {
        at = OffsetDateTime.parse(start);
      } catch (DateTimeParseException e) {
        throw CliFailure.usage(
            "--start expects an ISO-8601 date-time with offset, like 2025-11-18T10:30:00-05:00,"
                + " but got '"
                + start
                + "'");
      }
      if (at.isBefore(scenario.start())) {
        throw CliFailure.usage(
            "--start " + start + " is before the scenario's start, " + scenario.start());
      }
    }
    OffsetDateTime needed = at.plus(nanos(mins)).plusMinutes(AFTER_MINUTES);
    if (needed.isAfter(scenario.end())) {
      throw CliFailure.usage(
          "the scenario ends at "
              + scenario.end()
              + ", but a "
              + minutes
              + "-minute metaorder from "
              + at
              + " needs it to run until "
              + needed
              + " (its minutes plus "
              + AFTER_MINUTES
              + " after it); choose an earlier --start or fewer --minutes");
    }
    List<ScenarioSpec> variants = new ArrayList<>();
    List<Long> lots = new ArrayList<>();
    for (double p : pcts) {
      ShockSpec m =
          Metaorders.shock(
              at,
              "impact metaorder " + p + "% of daily volume",
              instrument,
              s,
              Metaorders.PCT_OF_DAILY_VOLUME,
              p,
              mins);
      String problem = Metaorders.problem(m, ins);
      if (problem != null) {
        throw CliFailure.usage("--sizes " + fmt(p) + ": " + problem);
      }
      lots.add(Metaorders.lots(m, ins));
      List<ShockSpec> shocks = new ArrayList<>(scenario.shocks());
      shocks.add(m);
      variants.add(scenario.withShocks(shocks));
    }

    long wall0 = System.nanoTime();
    ImpactStudy.Design design =
        new ImpactStudy.Design(
            scenario,
            variants,
            instrument,
            s,
            at,
            mins,
            first,
            nSeeds,
            pcts,
            lots,
            ins.baselineDailyVolume(),
            ImpactStudy.dailyVol(ins),
            liquidity);
    ImpactStudy.Result result = ImpactStudy.run(design, registry, nThreads);
    double wall = (System.nanoTime() - wall0) / 1e9;
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    } else {
      out.print(ImpactTable.render(result, wall, nThreads));
    }
    out.flush();
    return 0;
  }

  private static Duration nanos(double minutes) {
    return Duration.ofNanos(Math.round(minutes * 60e9));
  }

  private static long whole(String flag, String text, long min, long max) {
    long v;
    try {
      v = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw CliFailure.usage(flag + " expects a whole number, got '" + text + "'");
    }
    if (v < min || v > max) {
      throw CliFailure.usage(flag + " must be in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }

  private static double real(String flag, String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (Double.isFinite(v) && !text.strip().matches(".*[a-zA-Z].*")) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CliFailure.usage(flag + " expects a number, got '" + text + "'");
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
