package dev.cascade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cascade calibrate FILE --targets TARGETS.yaml}: simulated method of moments. Searches the
 * free parameters the targets file names, within their bounds, for those whose run statistics,
 * averaged over a fixed set of seeds, come closest to the targets; see {@link Calibration}.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulated method of moments: fits free parameters (agent-family parameters, instruments'"
          + " fundamental volatility) so that run statistics averaged over the same N seeds match"
          + " targets; minimises sum w ((mean - target) / scale)^2 with BOBYQA (Brent's method for"
          + " one parameter) inside the bounds.",
      "Writes calibration.json, path.csv (every evaluation) and calibrated.yaml (the scenario at"
          + " the best values). Runs locally on --threads threads."
    })
final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
  Path file;

  @Option(
      names = "--targets",
      required = true,
      paramLabel = "TARGETS",
      description = "YAML file of free parameters and moments (docs/calibration.md)")
  Path targetsFile;

  @Option(
      names = "--seeds",
      paramLabel = "N|A-B",
      defaultValue = "4",
      description =
          "seeds per candidate, the same for every one: N seeds from --first-seed, or the seeds A"
              + " to B inclusive (default: ${DEFAULT-VALUE})")
  String seedsText;

  /** How many seeds, from {@link #firstSeed}: set from {@code --seeds}. */
  private int seeds;

  @Option(
      names = "--first-seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "candidates run seeds S, S+1, ..., S+N-1 (default: ${DEFAULT-VALUE})")
  long firstSeed;

  @Option(
      names = "--max-evaluations",
      paramLabel = "M",
      defaultValue = "40",
      description =
          "candidates to evaluate at most, the start included (default: ${DEFAULT-VALUE})")
  int maxEvaluations;

  @Mixin ThreadsOption threads;

  @Mixin ForceOption force;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "where to write the results (default: runs/<scenario>-calibration)")
  Path out;

  /**
   * A free parameter in calibration.json.
   *
   * @param name as in the targets file
   * @param min lower bound
   * @param max upper bound
   * @param start starting value
   * @param best value at the best evaluation
   */
  record FreeLine(String name, double min, double max, double start, double best) {}

  /**
   * A moment in calibration.json.
   *
   * @param name as in the targets file
   * @param target the target
   * @param weight its weight
   * @param scale what the difference is divided by
   * @param startMean mean over the seeds at the start
   * @param fittedMean mean over the seeds at the best evaluation
   * @param fittedSe its standard error over the seeds (null for one seed)
   */
  record MomentLine(
      String name,
      double target,
      double weight,
      double scale,
      Double startMean,
      Double fittedMean,
      Double fittedSe) {}

  /**
   * What calibration.json holds. No wall time, so that the same inputs write the same file.
   *
   * @param scenario name
   * @param optimiser which search was used
   * @param firstSeed first seed
   * @param seeds seeds per candidate
   * @param maxEvaluations the budget
   * @param evaluations candidates run
   * @param stopped why the search ended: converged, evaluation budget used, or the optimiser's
   *     message
   * @param bestEvaluation the best one's number (1 = the start)
   * @param objectiveStart Q at the start
   * @param objectiveBest Q at the best
   * @param free the free parameters
   * @param moments the moments
   */
  record Result(
      String scenario,
      String optimiser,
      long firstSeed,
      int seeds,
      int maxEvaluations,
      int evaluations,
      String stopped,
      int bestEvaluation,
      double objectiveStart,
      double objectiveBest,
      List<FreeLine> free,
      List<MomentLine> moments) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outW = spec.commandLine().getOut();
    SeedRange.Seeds range = SeedRange.parse(seedsText, firstSeed, 10_000);
    seeds = range.count();
    firstSeed = range.first();
    if (maxEvaluations < 1 || maxEvaluations > 100_000) {
      err.println(
          "cascade calibrate: --max-evaluations must be in [1, 100000], got " + maxEvaluations);
      return 2;
    }
    int nThreads = threads.resolve("calibrate", err);
    if (nThreads < 0) {
      return 2;
    }
    AgentRegistry registry = StandardFamilies.registry();
    ScenarioFiles.Loaded loaded = ScenarioFiles.load(file, registry, err);
    if (loaded == null) {
      return 2;
    }
    ScenarioSpec scenario = loaded.spec();
    CalibrationTargets targets = CalibrationTargets.load(targetsFile, scenario, registry, err);
    if (targets == null) {
      return 2;
    }
    Path target = out != null ? out : Path.of("runs", scenario.name() + "-calibration");
    OutputDirectory.checkTarget(target, force.force);

    List<Long> seedList = new ArrayList<>();
    for (int k = 0; k < seeds; k++) {
      seedList.add(firstSeed + k);
    }
    List<CalibrationTargets.Free> free = targets.free();
    long wall0 = System.nanoTime();
    Calibration cal =
        new Calibration(
            scenario,
            targets,
            seedList,
            registry,
            nThreads,
            e -> {
              err.println(
                  String.format(
                      Locale.ROOT,
                      "calibrate: evaluation %d/%d  %s  Q %.6g",
                      e.index(),
                      maxEvaluations,
                      values(free, e.values()),
                      e.objective()));
              err.flush();
            });
    cal.run(maxEvaluations);
    double wall = (System.nanoTime() - wall0) / 1e9;
    Result result = result(scenario.name(), targets, seedList, maxEvaluations, cal);

    OutputDirectory dir = OutputDirectory.open(target, force.force, "calibrate", err);
    boolean committed = false;
    try {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.file("calibration.json").toFile(), result);
      writePath(dir.file("path.csv"), free, cal.evaluations());
      Files.writeString(
          dir.file("calibrated.yaml"),
          calibratedYaml(loaded.text(), scenario, free, cal.best().values()),
          StandardCharsets.UTF_8);
      Path where = dir.commit();
      committed = true;
      outW.print(render(result, wall, nThreads));
      outW.println("calibration: " + where);
      outW.flush();
      return 0;
    } finally {
      if (!committed) {
        dir.abandon();
      }
    }
  }

  static String optimiser(int n) {
    return n == 1
        ? "Brent (Hipparchus BrentOptimizer), parameter scaled to [0, 1]"
        : "BOBYQA (Hipparchus BOBYQAOptimizer, 2n+1 interpolation points, trust radius 0.25 to"
            + " 1e-3), parameters scaled to [0, 1]";
  }

  static Result result(
      String name,
      CalibrationTargets targets,
      List<Long> seeds,
      int maxEvaluations,
      Calibration cal) {
    Calibration.Evaluation start = cal.evaluations().get(0);
    Calibration.Evaluation best = cal.best();
    List<FreeLine> free = new ArrayList<>();
    for (int i = 0; i < targets.free().size(); i++) {
      CalibrationTargets.Free f = targets.free().get(i);
      free.add(new FreeLine(f.name(), f.min(), f.max(), f.start(), best.values()[i]));
    }
    List<MomentLine> moments = new ArrayList<>();
    for (int k = 0; k < targets.moments().size(); k++) {
      CalibrationTargets.Moment m = targets.moments().get(k);
      moments.add(
          new MomentLine(
              m.name(),
              m.target(),
              m.weight(),
              m.scale(),
              finite(start.means()[k]),
              finite(best.means()[k]),
              finite(best.standardErrors()[k])));
    }
    return new Result(
        name,
        optimiser(targets.free().size()),
        seeds.get(0),
        seeds.size(),
        maxEvaluations,
        cal.evaluations().size(),
        cal.stopped(),
        best.index(),
        start.objective(),
        best.objective(),
        free,
        moments);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String values(List<CalibrationTargets.Free> free, double[] v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append("  ");
      }
      b.append(free.get(i).name()).append(' ').append(String.format(Locale.ROOT, "%.6g", v[i]));
    }
    return b.toString();
  }

  private static void writePath(
      Path f, List<CalibrationTargets.Free> free, List<Calibration.Evaluation> evals)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      StringBuilder head = new StringBuilder("evaluation");
      for (CalibrationTargets.Free p : free) {
        head.append(',').append(Csv.field(p.name()));
      }
      w.write(head.append(",objective\n").toString());
      for (Calibration.Evaluation e : evals) {
        StringBuilder row = new StringBuilder().append(e.index());
        for (double v : e.values()) {
          row.append(',').append(v);
        }
        w.write(row.append(',').append(e.objective()).append('\n').toString());
      }
    }
  }

  /**
   * The scenario's text with the free parameters at {@code values}: the YAML is read as a tree, the
   * values set (a distribution becomes the fixed value) and the tree written back. Comments and
   * formatting are not kept.
   */
  static String calibratedYaml(
      String text, ScenarioSpec scenario, List<CalibrationTargets.Free> free, double[] values)
      throws IOException {
    YAMLMapper yaml =
        YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // decimals keep their text (660.00 stays 660.00, not 660.0 through a double)
            .enable(
                com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(
                com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    ObjectNode root = (ObjectNode) yaml.readTree(text);
    for (int i = 0; i < free.size(); i++) {
      CalibrationTargets.Free f = free.get(i);
      if (f.group() >= 0) {
        ObjectNode g = (ObjectNode) root.get("agents").get(f.group());
        JsonNode params = g.get("params");
        ObjectNode p = params instanceof ObjectNode o ? o : g.putObject("params");
        p.put(f.param(), values[i]);
      } else {
        String symbol = scenario.instruments().get(f.instrument()).symbol();
        for (JsonNode ins : (ArrayNode) root.get("instruments")) {
          if (symbol.equals(ins.path("symbol").asText())) {
            ((ObjectNode) ins).put("fundamentalVolPct", values[i]);
          }
        }
      }
    }
    return "# "
        + scenario.name()
        + " calibrated by cascade calibrate (comments of the original are not kept)\n"
        + yaml.writeValueAsString(root);
  }

  static String render(Result r, double wallSeconds, int threads) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "calibration of %s: %d evaluations x %d seeds (%d..%d) on %d threads in %.1f s (%s);"
                + " objective %.6g -> %.6g (evaluation %d)%n%n",
            r.scenario(),
            r.evaluations(),
            r.seeds(),
            r.firstSeed(),
            r.firstSeed() + r.seeds() - 1,
            threads,
            wallSeconds,
            r.stopped(),
            r.objectiveStart(),
            r.objectiveBest(),
            r.bestEvaluation()));
    b.append(
        String.format(
            Locale.ROOT,
            "%-40s %12s %12s %12s %12s%n",
            "parameter",
            "min",
            "max",
            "start",
            "best"));
    for (FreeLine f : r.free()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-40s %12.6g %12.6g %12.6g %12.6g%n",
              f.name(),
              f.min(),
              f.max(),
              f.start(),
              f.best()));
    }
    b.append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "%-28s %12s %12s %12s %10s %8s%n",
            "moment",
            "target",
            "start",
            "fitted",
            "se",
            "weight"));
    for (MomentLine m : r.moments()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-28s %12.6g %12s %12s %10s %8.3g%n",
              m.name(),
              m.target(),
              num(m.startMean()),
              num(m.fittedMean()),
              num(m.fittedSe()),
              m.weight()));
    }
    return b.toString();
  }

  private static String num(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.6g", v);
  }
}
