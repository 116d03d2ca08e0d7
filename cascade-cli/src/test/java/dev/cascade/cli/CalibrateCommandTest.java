package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.ScenarioSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter recovery: targets made by the model itself at known parameters, on the same seeds, are
 * matched exactly there (Q = 0), so a calibration started elsewhere must find its way back.
 */
class CalibrateCommandTest {
  private static final AgentRegistry REGISTRY = StandardFamilies.registry();

  @TempDir Path tmp;

  private Path tiny() throws Exception {
    return Path.of(getClass().getResource("/tiny.yaml").toURI());
  }

  /**
   * tiny.yaml moved from the open to 10:30-10:50, where the makers' spread follows their
   * half-spread parameter rather than the open's volatility.
   */
  private Path midday() throws Exception {
    Path p = tmp.resolve("tiny-midday.yaml");
    Files.writeString(
        p,
        Files.readString(tiny())
            .replace("T09:30:00-05:00", "T10:30:00-05:00")
            .replace("T09:50:00-05:00", "T10:50:00-05:00"));
    return p;
  }

  /** The moments' means over seeds 1..4 at these values of the targets file's free parameters. */
  private double[] momentsAt(String freeSection, String momentNames, double... values)
      throws Exception {
    return momentsAt(tiny(), freeSection, momentNames, values);
  }

  private double[] momentsAt(
      Path scenario, String freeSection, String momentNames, double... values) throws Exception {
    ScenarioSpec s =
        ScenarioFiles.load(scenario, REGISTRY, new PrintWriter(new StringWriter())).spec();
    Path t = tmp.resolve("probe.yaml");
    StringBuilder m = new StringBuilder("moments:\n");
    for (String name : momentNames.split(",")) {
      m.append("  ").append(name).append(": {target: 1}\n");
    }
    Files.writeString(t, freeSection + m);
    StringWriter err = new StringWriter();
    CalibrationTargets targets = CalibrationTargets.load(t, s, REGISTRY, new PrintWriter(err));
    assertThat(targets).as(err.toString()).isNotNull();
    return new Calibration(s, targets, List.of(1L, 2L, 3L, 4L), REGISTRY, 2, e -> {})
        .evaluate(values)
        .means();
  }

  @Test
  void recoversNoiseTradingRateAndQuotedSizeWithBobyqa() throws Exception {
    String free =
        "free:\n"
            + "  agents.noise.params.rate: {min: 0.1, max: 2, start: 0.3}\n"
            + "  agents.mm.params.size: {min: 50, max: 800, start: 120}\n";
    String names = "SPY.volume,SPY.avgDepthLots,BTC.volume,BTC.avgDepthLots";
    double[] truth = momentsAt(free, names, 0.7, 300);
    StringBuilder moments = new StringBuilder("moments:\n");
    String[] n = names.split(",");
    for (int k = 0; k < n.length; k++) {
      moments.append(String.format(Locale.ROOT, "  %s: {target: %s, weight: 1}\n", n[k], truth[k]));
    }
    Path targets = tmp.resolve("targets.yaml");
    Files.writeString(targets, free + moments);
    Path out = tmp.resolve("cal");
    Cli.Result r =
        Cli.run(
            "calibrate",
            tiny().toString(),
            "--targets",
            targets.toString(),
            "--threads",
            "2",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.resolve("calibration.json").toFile());
    assertThat(j.get("optimiser").asText()).startsWith("BOBYQA");
    assertThat(j.get("free").get(0).get("best").asDouble()).isCloseTo(0.7, within(0.105));
    assertThat(j.get("free").get(1).get("best").asDouble()).isCloseTo(300.0, within(45.0));
    assertThat(j.get("objectiveBest").asDouble()).isLessThan(j.get("objectiveStart").asDouble());
    assertThat(j.get("stopped").asText()).isNotEmpty();
    int evaluations = j.get("evaluations").asInt();
    assertThat(evaluations).isBetween(2, 40);
    assertThat(Files.readAllLines(out.resolve("path.csv")))
        .hasSize(1 + evaluations)
        .first()
        .isEqualTo("evaluation,agents.noise.params.rate,agents.mm.params.size,objective");
    assertThat(r.out()).contains("calibration of tiny", "SPY.avgDepthLots", "fitted");
    assertThat(r.err()).contains("calibrate: evaluation 1/40");

    // The calibrated scenario loads and holds the best values.
    StringWriter err = new StringWriter();
    ScenarioFiles.Loaded cal =
        ScenarioFiles.load(out.resolve("calibrated.yaml"), REGISTRY, new PrintWriter(err));
    assertThat(cal).as(err.toString()).isNotNull();
    assertThat(cal.spec().agents().get(1).params().get("rate").a())
        .isEqualTo(j.get("free").get(0).get("best").asDouble());
    assertThat(cal.spec().agents().get(0).params().get("size").a())
        .isEqualTo(j.get("free").get(1).get("best").asDouble());
    assertThat(cal.spec().agents().get(1).params().get("size").a()).isEqualTo(20);
  }

  @Test
  void recoversOneParameterWithBrentAndIsReproducible() throws Exception {
    String free = "free:\n  agents.mm.params.halfSpreadBps: {min: 0.5, max: 4, start: 3.5}\n";
    Path scenario = midday();
    double[] truth = momentsAt(scenario, free, "SPY.avgSpreadBps", 1.5);
    Path targets = tmp.resolve("targets.yaml");
    Files.writeString(
        targets,
        free
            + String.format(Locale.ROOT, "moments:\n  SPY.avgSpreadBps: {target: %s}\n", truth[0]));
    Cli.Result a =
        Cli.run(
            "calibrate",
            scenario.toString(),
            "--targets",
            targets.toString(),
            "--max-evaluations",
            "25",
            "--threads",
            "2",
            "--out",
            tmp.resolve("a").toString());
    Cli.Result b =
        Cli.run(
            "calibrate",
            scenario.toString(),
            "--targets",
            targets.toString(),
            "--max-evaluations",
            "25",
            "--threads",
            "1",
            "--out",
            tmp.resolve("b").toString());
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("a/calibration.json").toFile());
    assertThat(j.get("optimiser").asText()).startsWith("Brent");
    assertThat(j.get("free").get(0).get("best").asDouble()).isCloseTo(1.5, within(0.15));
    assertThat(Files.readString(tmp.resolve("a/calibration.json")))
        .isEqualTo(Files.readString(tmp.resolve("b/calibration.json")));
    assertThat(Files.readString(tmp.resolve("a/path.csv")))
        .isEqualTo(Files.readString(tmp.resolve("b/path.csv")));
  }

  @Test
  void theCalibratedScenarioHoldsTheValuesAndLoadsAsTheSameScenarioOtherwise() throws Exception {
    ScenarioSpec s =
        ScenarioFiles.load(tiny(), REGISTRY, new PrintWriter(new StringWriter())).spec();
    Path t = tmp.resolve("t.yaml");
    Files.writeString(
        t,
        "free:\n"
            + "  agents.mm.params.halfSpreadBps: {min: 0.5, max: 4, start: 1}\n"
            + "  instruments.BTC.fundamentalVolPct: {min: 5, max: 90, start: 50}\n"
            + "  agents.noise.params.size: {min: 1, max: 90, start: 20}\n"
            + "moments:\n  SPY.volume: {target: 1000}\n");
    CalibrationTargets targets =
        CalibrationTargets.load(t, s, REGISTRY, new PrintWriter(new StringWriter()));
    Path out = tmp.resolve("calibrated.yaml");
    Files.writeString(
        out,
        CalibrateCommand.calibratedYaml(
            Files.readString(tiny()), s, targets.free(), new double[] {2.25, 61.5, 33}));
    StringWriter err = new StringWriter();
    ScenarioFiles.Loaded cal = ScenarioFiles.load(out, REGISTRY, new PrintWriter(err));
    assertThat(cal).as(err.toString()).isNotNull();
    ScenarioSpec expected = Calibration.apply(s, targets.free(), new double[] {2.25, 61.5, 33});
    assertThat(cal.spec()).isEqualTo(expected);
    assertThat(cal.text()).startsWith("# tiny calibrated by cascade calibrate");
  }

  /** {@code cascade calibrate SCENARIO --targets TARGETS --out OUT}. */
  private static Cli.Result calibrateInto(Path out, String scenario, Path targets) {
    return Cli.run("calibrate", scenario, "--targets", targets.toString(), "--out", out.toString());
  }

  @Test
  void aVolatilityBelowWhatTheFactorsGiveIsALocatedError() throws Exception {
    // A factor of 20% loading SPY at 0.6 gives it 12% a year: its walk cannot be calibrated below.
    Path scenario = tmp.resolve("factor.yaml");
    Files.writeString(
        scenario,
        Files.readString(tiny())
            + "factors:\n  mkt:\n    volPct: 20\n    loadings: {SPY: 0.6, BTC: 0.5}\n");
    Path targets = tmp.resolve("low.yaml");
    Files.writeString(
        targets,
        "free:\n"
            + "  instruments.SPY.fundamentalVolPct: {min: 5, max: 60, start: 15}\n"
            + "moments:\n"
            + "  SPY.realizedVolPct: {target: 15}\n");
    Cli.Result r = calibrateInto(tmp.resolve("x"), scenario.toString(), targets);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "low.yaml:2:38: free.instruments.SPY.fundamentalVolPct: min 5 is below the 12% a year"
                + " the scenario's factors give SPY")
        .doesNotContain("Exception");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void mistakesInTheTargetsFileAreLocatedOneLineErrors() throws Exception {
    Path targets = tmp.resolve("bad.yaml");
    Files.writeString(
        targets,
        "free:\n"
            + "  agents.mm.params.halfSpredBps: {min: 0.5, max: 4, start: 1}\n"
            + "  agents.mn.params.halfSpreadBps: {min: 0.5, max: 4, start: 1}\n"
            + "  instruments.SPY.fundamentalVolPct: {min: 5, max: 60, start: 90}\n"
            + "moments:\n"
            + "  SPY.avgSpreadBp: {target: 2}\n"
            + "  QQQ.avgSpreadBps: {target: 2}\n"
            + "  SPY.changePct: {target: 0}\n");
    Cli.Result r = calibrateInto(tmp.resolve("x"), tiny().toString(), targets);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "bad.yaml:2:3: free.agents.mm.params.halfSpredBps: unknown parameter of market-maker"
                + " (group mm) 'halfSpredBps'; did you mean 'halfSpreadBps'?",
            "bad.yaml:3:3: free.agents.mn.params.halfSpreadBps: unknown agent group 'mn'; did you"
                + " mean 'mm'?",
            "bad.yaml:4:38: free.instruments.SPY.fundamentalVolPct: start 90 is outside [5, 60]",
            "bad.yaml:6:3: moments.SPY.avgSpreadBp: unknown summary field 'avgSpreadBp'; did you"
                + " mean 'avgSpreadBps'?",
            "bad.yaml:7:3: moments.QQQ.avgSpreadBps: unknown instrument 'QQQ'",
            "bad.yaml:8:",
            "give a scale",
            "6 error(s) in")
        .doesNotContain("Exception");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void aVolatilityBoundBeyondWhatTheLoaderAcceptsIsRefused() throws Exception {
    // calibrate once searched up to 1000 and wrote a calibrated.yaml that validate refused
    Path targets = tmp.resolve("high.yaml");
    Files.writeString(
        targets,
        "free:\n"
            + "  instruments.SPY.fundamentalVolPct: {min: 600, max: 1000, start: 800}\n"
            + "moments:\n"
            + "  SPY.realizedVolPct: {target: 900}\n");
    Cli.Result r = calibrateInto(tmp.resolve("h"), tiny().toString(), targets);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("high.yaml:2:").contains("500").doesNotContain("Exception");
    assertThat(tmp.resolve("h")).doesNotExist();
  }

  @Test
  void aTargetsFileThatIsNoTextFileIsOneLine() throws Exception {
    Path binary = tmp.resolve("binary.yaml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    Cli.Result r = calibrateInto(tmp.resolve("b"), tiny().toString(), binary);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("not UTF-8 text").doesNotContain("Input length");
    Cli.Result dir = calibrateInto(tmp.resolve("d"), tiny().toString(), tmp);
    assertThat(dir.exit()).isEqualTo(2);
    assertThat(dir.err()).contains("is a directory");
  }
}
