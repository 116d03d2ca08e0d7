package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.analytics.CauseChains;
import dev.cascade.analytics.CauseTable;
import dev.cascade.kernel.Time;
import dev.cascade.record.CauseFlowRecorder;
import dev.cascade.record.MarketRecorder;
import dev.cascade.record.RunSummary;
import dev.cascade.record.TapeHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code cascade validate} accepts, {@code cascade run} runs: seeded broken and extreme
 * scenarios (made by {@link ScenarioMutator} from the shipped scenarios and small templates) go
 * through the loader, and every one it accepts is resolved and run for a few simulated minutes with
 * the real engine and summarised as {@code cascade run} does. No case may throw: a bad file is a
 * list of located errors, a good one a run that keeps cash and units.
 */
@Tag("slow")
class ScenarioContractFuzzTest {
  /** The recorded seed: case c is generated from SEED + c, which a failure names. */
  static final long SEED = 20_251_118L;

  /** Cases generated (-Dcontract.cases=N for more when hunting). */
  static final int CASES = Integer.getInteger("contract.cases", 1000);

  /** Simulated time each accepted scenario runs for, from its start. */
  static final long WINDOW_NANOS = 3 * Time.NANOS_PER_MINUTE;

  /** Events after which a run stops early, so huge populations keep the test short. */
  static final long EVENT_BUDGET = 150_000;

  /**
   * The heap the runs here may use: a scenario whose {@link RunMemory} estimate is larger is
   * refused, as {@code cascade run} refuses it in a JVM of this size. A gibibyte, or half this
   * JVM's heap if that is less.
   */
  static final long HEAP_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 2);

  private static final AgentRegistry REGISTRY = StandardFamilies.registry();

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyScenarioTheLoaderAcceptsRunsAndEveryOtherIsALocatedError(TestReporter reporter)
      throws IOException {
    List<String> templates = templates();
    int rejected = 0;
    int refused = 0;
    int ran = 0;
    List<String> failures = new ArrayList<>();
    for (int c = 0; c < CASES; c++) {
      Outcome o = fuzzCase(c, templates);
      if (o.failure() != null) {
        failures.add(o.failure());
        Path dir = Path.of("target", "contract-fuzz");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("case-" + c + ".yaml"), o.text(), StandardCharsets.UTF_8);
      } else if (o.refused()) {
        refused++;
      } else if (o.accepted()) {
        ran++;
      } else {
        rejected++;
      }
    }
    reporter.publishEntry(
        "contract fuzz",
        "generated "
            + CASES
            + ", rejected "
            + rejected
            + ", accepted but refused for memory "
            + refused
            + ", accepted and ran "
            + ran);
    assertThat(failures).as("internal errors").isEmpty();
    assertThat(rejected).as("rejected").isGreaterThan(CASES / 5);
    assertThat(ran).as("accepted and ran").isGreaterThan(CASES / 5);
  }

  /**
   * One case's result.
   *
   * @param accepted whether the loader accepted the file
   * @param refused whether, accepted, it was refused for needing more than {@link #HEAP_BYTES}
   * @param failure what went wrong (an exception, an unlocated error), or null
   * @param text the generated file
   * @param label the case, its seed and what the generator did
   */
  record Outcome(boolean accepted, boolean refused, String failure, String text, String label) {}

  /** Generates case {@code c} from its seed, loads it and, if accepted, runs it. */
  static Outcome fuzzCase(int c, List<String> templates) {
    ScenarioMutator mutator = new ScenarioMutator(new SplittableRandom(SEED + c), REGISTRY);
    String text = mutator.generate(templates.get(c % templates.size()));
    String label = "case " + c + " (seed " + (SEED + c) + ") " + mutator.log();
    boolean accepted = false;
    try {
      LoadResult r = ScenarioLoader.parse(text, "fuzz.yaml", REGISTRY);
      if (r.spec().isEmpty()) {
        assertThat(r.errors()).as(label).isNotEmpty();
        for (ScenarioError e : r.errors()) {
          assertThat(e.message()).as(label).isNotBlank();
          // Located, or the file-level note that more errors were left out.
          boolean located = !e.path().isEmpty() || e.line() > 0;
          assertThat(located || e.message().startsWith("too many errors"))
              .as("%s: %s", label, e)
              .isTrue();
        }
        return new Outcome(false, false, null, text, label);
      }
      accepted = true;
      ScenarioSpec spec = r.spec().orElseThrow();
      if (RunMemory.estimate(spec, Set.of(), 5, REGISTRY).totalBytes() > HEAP_BYTES) {
        return new Outcome(true, true, null, text, label);
      }
      run(spec);
      return new Outcome(true, false, null, text, label);
    } catch (Throwable t) {
      StringBuilder b = new StringBuilder(label).append(": ").append(t);
      for (StackTraceElement e : t.getStackTrace()) {
        if (e.getClassName().startsWith("dev.cascade") && !e.getClassName().endsWith("Test")) {
          b.append("\n    at ").append(e);
        }
      }
      return new Outcome(accepted, false, b.toString(), text, label);
    }
  }

  /** Runs an accepted scenario for {@link #WINDOW_NANOS}, its shocks moved into the window. */
  static void run(ScenarioSpec loaded) {
    ScenarioSpec spec = withShocksInWindow(loaded);
    Simulation sim = Simulations.resolve(spec, spec.seed(), Set.of(), REGISTRY);
    TapeHash hash = new TapeHash();
    CauseFlowRecorder flow = new CauseFlowRecorder();
    MarketRecorder rec = MarketRecorder.of(sim, 5);
    sim.addListener(hash);
    sim.addListener(rec);
    sim.addListener(flow);
    rec.start();
    long stop = Math.min(sim.endNanos(), sim.startNanos() + WINDOW_NANOS);
    long t = sim.startNanos();
    while (t < stop && sim.events() < EVENT_BUDGET) {
      t = Math.min(stop, t + 10 * Time.NANOS_PER_MILLI);
      sim.runUntil(t);
    }
    rec.finish();
    RunSummary summary = RunSummary.of(sim, rec, hash, 1.0);
    CauseChains.analyze(CauseTable.of(sim.causes(), sim.world().agentIds()), flow.flow());
    assertThat(summary.conservation()).isEqualTo("conserved");
  }

  /**
   * The scenario with its shocks moved, in order, to the first minutes of the run (a shock anywhere
   * in [start, end] is valid, so the moved scenario is one the loader accepts too).
   */
  static ScenarioSpec withShocksInWindow(ScenarioSpec s) {
    List<ShockSpec> shocks = new ArrayList<>();
    long span = Math.min(WINDOW_NANOS, Duration.between(s.start(), s.end()).toNanos());
    for (int k = 0; k < s.shocks().size(); k++) {
      ShockSpec x = s.shocks().get(k);
      long offset = span * (k + 1) / (s.shocks().size() + 1);
      OffsetDateTime at = s.start().plusNanos(offset);
      shocks.add(new ShockSpec(x.type(), at, x.label(), x.target(), x.params(), x.spillover()));
    }
    return s.withShocks(shocks);
  }

  static List<String> templates() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../scenarios"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    out.add(SMALL_EQUITY);
    out.add(SMALL_PERPETUAL);
    out.add(SMALL_RATES);
    return out;
  }

  static final String SMALL_EQUITY =
      """
      name: small-equity
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T10:30:00-05:00
      rules: {haltReference: SPY}
      instruments:
        - {symbol: SPY, class: etf, price: 660.00, basket: {AAA: 0.5, BBB: 0.5}, creationUnit: 100}
        - {symbol: AAA, class: equity, price: 100.00}
        - {symbol: BBB, class: equity, price: 50.00}
      agents:
        - {family: market-maker, name: mm, count: 2, cash: 10000000}
        - {family: noise, count: 10, cash: 1000000, holdings: {SPY: 100, AAA: 100, BBB: 100}}
        - {family: etf-ap, name: ap, count: 1, cash: 10000000, holdings: {AAA: 1000, BBB: 1000}}
        - {family: etf-holder, name: holder, count: 1, cash: 1000000, holdings: {SPY: 5000}}
        - {family: options-dealer, name: dealer, count: 1, cash: 10000000, instruments: [SPY]}
        - {family: stop-loss, name: stops, count: 2, cash: 100000, holdings: {AAA: 100}}
        - {family: retail, count: 3, cash: 100000}
      shocks:
        - {type: fundamental, at: 2025-11-18T09:31:00-05:00, target: AAA, pct: -5}
        - {type: flow, at: 2025-11-18T09:32:00-05:00, target: SPY, dollars: -100000, minutes: 5}
        - {type: liquidity, at: 2025-11-18T09:33:00-05:00, spreadMultiplier: 3, depthMultiplier: 0.25, minutes: 10}
      """;

  static final String SMALL_PERPETUAL =
      """
      name: small-perpetual
      start: 2025-11-20T14:00:00-05:00
      end: 2025-11-20T15:00:00-05:00
      instruments:
        - {symbol: BTC, class: crypto, price: 91000.0, tick: 0.5, lot: 0.001}
        - {symbol: BTC-PERP, class: crypto-perp, price: 91000.0, tick: 0.5, lot: 0.001, index: BTC}
      agents:
        - {family: market-maker, name: mm, count: 2, cash: 10000000}
        - {family: noise, count: 10, cash: 100000, holdings: {BTC: 1000}}
        - {family: perp-trader, name: perps, count: 20, cash: 10000, instruments: [BTC-PERP]}
        - {family: basis-trader, name: basis, count: 1, cash: 1000000, instruments: [BTC-PERP, BTC]}
      shocks:
        - {type: fundamental, at: 2025-11-20T14:01:00-05:00, target: BTC, pct: -5}
        - {type: margin-rate, at: 2025-11-20T14:02:00-05:00, target: BTC-PERP, multiplier: 2}
      """;

  static final String SMALL_RATES =
      """
      name: small-rates
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T11:00:00-05:00
      instruments:
        - {symbol: UST10, class: treasury, price: 100.000, tick: 0.005, duration: 8, convexity: 80, yieldPct: 4.1}
        - {symbol: GC, class: future, price: 4065.1, tick: 0.1, multiplier: 100}
        - {symbol: NVDA, class: equity, price: 186.50}
      agents:
        - {family: market-maker, name: mm, count: 2, cash: 10000000}
        - {family: noise, count: 10, cash: 1000000, holdings: {UST10: 100, NVDA: 100}}
        - {family: fundamental, name: value, count: 3, cash: 1000000, holdings: {NVDA: 1000}}
        - {family: vol-target, name: vt, count: 1, cash: 10000000}
        - {family: risk-parity, name: rp, count: 1, cash: 10000000}
        - {family: cta, name: cta, count: 1, cash: 10000000}
        - {family: long-short-fund, name: ls, count: 1, cash: 10000000, instruments: [NVDA]}
        - {family: technical, name: tech, count: 1, cash: 1000000, holdings: {NVDA: 1000}}
        - {family: momentum, name: mom, count: 2, cash: 1000000}
        - {family: index-fund, name: idx, count: 1, cash: 1000000}
      shocks:
        - {type: yield, at: 2025-11-18T09:31:00-05:00, bp: 25}
        - {type: policy, at: 2025-11-18T09:32:00-05:00, probabilityChangePct: -30, cutBp: 25}
        - {type: margin-rate, at: 2025-11-18T09:33:00-05:00, target: GC, multiplier: 3}
      """;
}
