package dev.cascade.cli;

import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.Metaorders;
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
 * and random stream unchanged.
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

  /** True when the options change nothing. */
  boolean identity() {
    return all == 1 && byLabel.values().stream().allMatch(x -> x == 1);
  }

  /** The scaling as a text for records and experiment definitions; empty when it is identity. */
  String describe() {
    if (identity()) {
      return "";
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "--scale-shocks %s", num(all)));
    byLabel.forEach((k, v) -> b.append(" --scale-shock ").append(k).append('=').append(num(v)));
    return b.toString();
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
    if (identity()) {
      return spec;
    }
    ScenarioSpec scaled = ShockScaling.scale(spec, all, byLabel);
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
    return scaled;
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
