package dev.cascade.agents.systematic;

import dev.cascade.agents.AgentContext;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A fund's trade list worked in equal slices: each of {@code slices} wake-ups sends a market order
 * for (what remains) / (slices left) lots of each instrument, so a rebalance near the close is
 * spread over its window rather than sent at once (the execution style documented for vol-control
 * funds; slice count assumed).
 */
final class SlicedRebalance {
  private final long[] remaining;
  private int slicesLeft;
  private int cause;

  SlicedRebalance(int instruments) {
    remaining = new long[instruments];
  }

  void begin(long[] deltas, int slices, int cause) {
    System.arraycopy(deltas, 0, remaining, 0, remaining.length);
    this.slicesLeft = slices;
    this.cause = cause;
  }

  boolean active() {
    return slicesLeft > 0;
  }

  /** Sends this slice's orders. */
  void slice(AgentContext ctx, List<Instrument> instruments) {
    if (slicesLeft <= 0) {
      return;
    }
    for (int k = 0; k < remaining.length; k++) {
      long q = remaining[k] / slicesLeft;
      if (slicesLeft == 1) {
        q = remaining[k];
      }
      Instrument ins = instruments.get(k);
      if (q == 0 || !ctx.isOpen(ins)) {
        continue;
      }
      long r = ctx.market(ins, q > 0 ? Side.BUY : Side.SELL, Math.abs(q), cause);
      if (r > 0) {
        remaining[k] -= q;
      }
    }
    slicesLeft--;
  }
}
