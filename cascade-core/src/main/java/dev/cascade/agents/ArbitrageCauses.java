package dev.cascade.agents;

import dev.cascade.cause.CauseKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The causes of an arbitrageur's trades: one HEDGE cause per parent, the parent being whoever
 * opened the gap the arbitrageur closes (the last order that moved the price it trades against).
 * The arbitrageur's own causes are never parents of its next ones: when its own order made the last
 * move, the fallback parent is used.
 */
public final class ArbitrageCauses {
  private final String label;
  private final Map<Integer, Integer> byParent = new HashMap<>();
  private final Set<Integer> own = new HashSet<>();

  /**
   * @param label the label of every cause, e.g. "SPY ETF arbitrage"
   */
  public ArbitrageCauses(String label) {
    this.label = label;
  }

  /**
   * The cause for a trade that closes a gap opened by {@code mover} (a cause id, or -1 when nothing
   * has moved the price yet), else under {@code fallback}.
   */
  public int under(AgentContext ctx, int mover, int fallback) {
    int parent = mover < 0 || own.contains(mover) ? fallback : mover;
    Integer c = byParent.get(parent);
    if (c == null) {
      c = ctx.cause(CauseKind.HEDGE, parent, label);
      byParent.put(parent, c);
      own.add(c);
    }
    return c;
  }
}
