package dev.cascade.analytics;

import dev.cascade.cause.CauseKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each chain of causes did. Every trade is attributed to the cause of its aggressor order (the
 * order that took liquidity and so moved the price); its signed price impact is the log change from
 * the previous trade in the same instrument, in basis points. Causes are grouped by root (a shock,
 * or a routine cause for background flow) and, within a root, by their kind path ("shock >
 * margin-call > liquidation"), so the output reads as the mechanisms a shock set off, in order,
 * with the volume and impact of each step.
 */
public final class CauseChains {
  private CauseChains() {}

  /**
   * One step of a chain: all causes under one root with the same kind path.
   *
   * @param path kinds from the root, e.g. "shock > margin-call > liquidation"
   * @param depth number of kinds in the path
   * @param causes causes in this step
   * @param aggressiveLots lots their orders took from the book
   * @param notional currency units traded aggressively
   * @param impactBps signed price impact per instrument, bps (sum of log changes on their trades)
   */
  public record Step(
      String path,
      int depth,
      int causes,
      long aggressiveLots,
      double notional,
      Map<String, Double> impactBps) {}

  /**
   * A root and what descends from it.
   *
   * @param root the root cause id
   * @param kind the root's kind
   * @param label the root's label
   * @param time when the root happened, nanos
   * @param steps its steps, shallowest first, then by volume
   * @param aggressiveLots total over the steps
   */
  public record Chain(
      int root, CauseKind kind, String label, long time, List<Step> steps, long aggressiveLots) {}

  /**
   * The analysis of a run.
   *
   * @param shocks chains rooted in shocks, in time order
   * @param background other roots (routine noise, quotes, value, momentum), by volume
   * @param longestDepth the deepest chain's number of causes
   * @param longestPath its kind path
   */
  public record Report(
      List<Chain> shocks, List<Chain> background, int longestDepth, String longestPath) {}

  /**
   * The analysis of a whole tape (trades whose aggressor cause is not in the table are skipped).
   */
  public static Report analyze(CauseTable causes, List<TapeTrade> trades) {
    CauseFlow flow = new CauseFlow();
    int n = causes.size();
    for (TapeTrade t : trades) {
      int c = t.aggressorCause();
      if (c >= 0 && c < n) {
        flow.add(t);
      }
    }
    return analyze(causes, flow);
  }

  /** The analysis of a tape already summed by cause, as a run or a reader of trades.csv sums it. */
  public static Report analyze(CauseTable causes, CauseFlow flow) {
    int n = causes.size();
    // Group by (root, path); the LinkedHashMaps keep first-seen order, which is cause-id order.
    Map<Integer, Map<String, StepAcc>> byRoot = new LinkedHashMap<>();
    int longest = 0;
    int longestId = 0;
    for (int id = 1; id < n; id++) {
      int root = causes.root(id);
      String path = causes.kindPath(id);
      int depth = causes.depth(id);
      StepAcc acc =
          byRoot
              .computeIfAbsent(root, r -> new LinkedHashMap<>())
              .computeIfAbsent(path, p -> new StepAcc(p, depth));
      acc.causes++;
      acc.lots += flow.lots(id);
      acc.notional += flow.notional(id);
      Map<String, Double> impact = flow.impactBps(id);
      if (impact != null) {
        impact.forEach((s, v) -> acc.impact.merge(s, v, Double::sum));
      }
      if (depth > longest) {
        longest = depth;
        longestId = id;
      }
    }

    List<Chain> shocks = new ArrayList<>();
    List<Chain> background = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, StepAcc>> e : byRoot.entrySet()) {
      int root = e.getKey();
      List<Step> steps = new ArrayList<>();
      long total = 0;
      for (StepAcc a : e.getValue().values()) {
        steps.add(new Step(a.path, a.depth, a.causes, a.lots, a.notional, Map.copyOf(a.impact)));
        total += a.lots;
      }
      steps.sort(
          Comparator.comparingInt(Step::depth)
              .thenComparing(Comparator.comparingLong(Step::aggressiveLots).reversed())
              .thenComparing(Step::path));
      Chain chain =
          new Chain(
              root,
              causes.kind().get(root),
              causes.label().get(root),
              causes.time()[root],
              List.copyOf(steps),
              total);
      if (chain.kind() == CauseKind.SHOCK) {
        shocks.add(chain);
      } else {
        background.add(chain);
      }
    }
    shocks.sort(Comparator.comparingLong(Chain::time).thenComparingInt(Chain::root));
    background.sort(
        Comparator.comparingLong(Chain::aggressiveLots).reversed().thenComparingInt(Chain::root));
    return new Report(
        List.copyOf(shocks),
        List.copyOf(background),
        longest,
        longestId == 0 ? "" : causes.kindPath(longestId));
  }

  private static final class StepAcc {
    final String path;
    final int depth;
    int causes;
    long lots;
    double notional;
    final Map<String, Double> impact = new LinkedHashMap<>();

    StepAcc(String path, int depth) {
      this.path = path;
      this.depth = depth;
    }
  }
}
