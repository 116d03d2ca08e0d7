package dev.cascade.agents;

import dev.cascade.cause.CauseKind;
import dev.cascade.market.Instrument;
import java.util.List;

/**
 * The causes of an agent that trades on fundamental value: before any shock to an instrument's
 * value, its routine cause; after one, a cause whose parent is that shock, one per instrument and
 * shock, labelled "{@code prefix} SYMBOL".
 */
public final class ValueShockCauses {
  private final List<Instrument> instruments;
  private final String prefix;
  private final int routine;
  private final int[] shockSeen;
  private final int[] shockCause;

  /**
   * @param instruments the agent's instruments, indexed as the agent indexes them
   * @param routine the cause before any shock
   * @param prefix the label's first word, e.g. "revalue"
   */
  public ValueShockCauses(List<Instrument> instruments, int routine, String prefix) {
    this.instruments = instruments;
    this.routine = routine;
    this.prefix = prefix;
    shockSeen = new int[instruments.size()];
    shockCause = new int[instruments.size()];
  }

  /** The cause for an order in the agent's k-th instrument now. */
  public int causeFor(AgentContext ctx, int k) {
    Instrument ins = instruments.get(k);
    int shock = ctx.lastValueShock(ins);
    if (shock == 0) {
      return routine;
    }
    if (shockSeen[k] != shock) {
      shockSeen[k] = shock;
      shockCause[k] = ctx.cause(CauseKind.FUNDAMENTAL, shock, prefix + " " + ins.symbol());
    }
    return shockCause[k];
  }
}
