package dev.cascade.cli;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.Metaorders;
import dev.cascade.scenario.ParticipantScaling;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ShockScaling;
import dev.cascade.scenario.ShockSpec;
import dev.cascade.scenario.ShockType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --scale-shocks X} and {@code --scale-shock LABEL=X}: run a scenario with its shocks, or
 * one labelled shock, made X times as large by each type's rule ({@link ShockScaling}), every agent
 * and random stream unchanged; {@code --scale-leverage X}, {@code --scale-flows X} and {@code
 * --scale-liquidity X}: the same for participants' leverage, investor flows and the liquidity
 * providers ({@link ParticipantScaling}).
 */
final class ShockScaleOption {
  @Option(
      names = "--scale-shocks",
      paramLabel = "X",
      defaultValue = "1",
      description =
          "scale every shock by X in [0, 100]: 0 none, 1 the file's, 2 twice over (fundamental"
              + " moves as (1 + pct)^X, yields, policy and flows x X, spread, depth and margin"
              + " multipliers ^X, metaorder sizes x X; docs/scenario-format.md)")
  double all;

  @Option(
      names = "--scale-shock",
      paramLabel = "LABEL=X",
      description = "scale the shock labelled LABEL by X instead (repeatable)")
  Map<String, Double> byLabel = new LinkedHashMap<>();

  @Option(
      names = "--scale-leverage",
      paramLabel = "X",
      defaultValue = "1",
      description =
          "scale participants' leverage by X in [0, 100]: perpetual traders' leverage, long/short"
              + " funds' gross and net, vol-target, risk-parity and CTA targets and caps, each draw"
              + " clamped to its bounds (docs/scenario-format.md)")
  double leverage;

  @Option(
      names = "--scale-flows",
      paramLabel = "X",
      defaultValue = "1",
      description =
          "scale investor flows by X in [0, 100]: flow shocks' dollars and metaorder sizes"
              + " (docs/scenario-format.md)")
  double flows;

  @Option(
      names = "--scale-liquidity",
      paramLabel = "X",
      defaultValue = "1",
      description =
          "scale the liquidity providers by X in (0, 100]: latent books' depth, value investors'"
              + " and market makers' sizes and limits, and their cash and holdings"
              + " (docs/scenario-format.md)")
  double liquidity;

  /** True when the shock options change nothing. */
  boolean identity() {
    return all == 1 && byLabel.values().stream().allMatch(x -> x == 1);
  }

  /** True when no option changes anything. */
  boolean none() {
    return identity() && leverage == 1 && flows == 1 && liquidity == 1;
  }

  /** The scaling as a text for records and experiment definitions; empty when it is identity. */
  String describe() {
    StringBuilder b = new StringBuilder();
    if (!identity()) {
      b.append(String.format(Locale.ROOT, "--scale-shocks %s", num(all)));
      byLabel.forEach((k, v) -> b.append(" --scale-shock ").append(k).append('=').append(num(v)));
    }
    // Appended only when used, so that the text of a shocks-only scaling is what it always was.
    if (leverage != 1) {
      b.append(" --scale-leverage ").append(num(leverage));
    }
    if (flows != 1) {
      b.append(" --scale-flows ").append(num(flows));
    }
    if (liquidity != 1) {
      b.append(" --scale-liquidity ").append(num(liquidity));
    }
    return b.toString().strip();
  }

  /**
   * The scalings for summary files, by key: {@code shockScaling} ({@link #record}), {@code
   * leverageScaling}, {@code flowScaling} and {@code liquidityScaling} (the factor), each only when
   * it changes something.
   */
  Map<String, Object> records() {
    Map<String, Object> r = new LinkedHashMap<>();
    if (record() != null) {
      r.put("shockScaling", record());
    }
    if (leverage != 1) {
      r.put("leverageScaling", leverage);
    }
    if (flows != 1) {
      r.put("flowScaling", flows);
    }
    if (liquidity != 1) {
      r.put("liquidityScaling", liquidity);
    }
    return r;
  }

  /** The scaling for summary files: {@code all} and {@code byLabel}; null when it is identity. */
  Map<String, Object> record() {
    if (identity()) {
      return null;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("all", all);
    r.put("byLabel", byLabel);
    return r;
  }

  /**
   * The scenario scaled.
   *
   * @throws CliFailure (usage, exit 2) for a factor outside [0, 100], a label no shock has (the
   *     labels listed), or a metaorder scaled past what its instrument allows
   */
  ScenarioSpec apply(ScenarioSpec spec) {
    if (!(all >= 0 && all <= ShockScaling.MAX_FACTOR)) {
      throw CliFailure.usage("--scale-shocks must be in [0, 100], got " + num(all));
    }
    checkFactor("--scale-leverage", leverage);
    checkFactor("--scale-flows", flows);
    checkLiquidity(liquidity);
    Set<String> labels = new LinkedHashSet<>();
    spec.shocks().forEach(s -> labels.add(s.label()));
    for (Map.Entry<String, Double> e : byLabel.entrySet()) {
      if (!labels.contains(e.getKey())) {
        throw CliFailure.usage(
            "--scale-shock: no shock is labelled '"
                + e.getKey()
                + "'; the labels are: "
                + (labels.isEmpty()
                    ? "(none: the scenario has no shocks)"
                    : String.join("; ", labels)));
      }
      double x = e.getValue();
      if (!(x >= 0 && x <= ShockScaling.MAX_FACTOR)) {
        throw CliFailure.usage(
            "--scale-shock " + e.getKey() + " must be in [0, 100], got " + num(x));
      }
    }
    if (none()) {
      return spec;
    }
    ScenarioSpec scaled = scaling().apply(spec, StandardFamilies.registry());
    checkMetaorders(spec, scaled);
    return scaled;
  }

  /** The factors as a value (call {@link #apply} first: it checks them). */
  Scaling scaling() {
    return new Scaling(all, byLabel, leverage, flows, liquidity);
  }

  /** Refuses a factor outside [0, 100] (NaN included), naming the flag. */
  static void checkFactor(String flag, double x) {
    if (!(x >= 0 && x <= ParticipantScaling.MAX_FACTOR)) {
      throw CliFailure.usage(flag + " must be in [0, 100], got " + num(x));
    }
  }

  /** Refuses a liquidity factor {@link ParticipantScaling#liquidity} does not take. */
  static void checkLiquidity(double x) {
    if (!ParticipantScaling.isLiquidityFactor(x)) {
      throw CliFailure.usage(
          "--scale-liquidity must be above 0 and at most 100 (a market without its liquidity"
              + " providers is not one), got "
              + num(x));
    }
  }

  /** Refuses a metaorder scaled past what its instrument allows. */
  static void checkMetaorders(ScenarioSpec spec, ScenarioSpec scaled) {
    for (ShockSpec s : scaled.shocks()) {
      if (s.type() == ShockType.METAORDER) {
        InstrumentSpec target =
            spec.instruments().stream()
                .filter(i -> i.symbol().equals(s.target()))
                .findFirst()
                .orElseThrow();
        String problem = Metaorders.problem(s, target);
        if (problem != null) {
          throw CliFailure.usage("scaled metaorder '" + s.label() + "': " + problem);
        }
      }
    }
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
