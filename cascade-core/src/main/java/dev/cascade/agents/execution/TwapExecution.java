package dev.cascade.agents.execution;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;

/**
 * Works one metaorder by TWAP (docs/model.md §6): {@code totalLots} are cut into {@code children}
 * child orders sent every {@link #CHILD_INTERVAL_NANOS} from the start. Child k (from 0) is due to
 * bring the cumulative quantity to floor(Q / n) x (k + 1) + min(k + 1, Q mod n), so the first Q mod
 * n children carry one lot more and the schedule sums to Q exactly. Each child is a market order
 * for what is due less what has filled: whatever a child leaves unfilled (the exchange's collar, a
 * halt, a closed session) is carried to the next one, and what is left after the last child is
 * {@link #unfilledLots()}.
 *
 * <p>Market orders rather than IOC limits at the touch: a metaorder's impact is measured at its
 * size, and a child that may walk the book keeps the executed quantity close to the one asked for
 * (an IOC at the touch fills only the displayed best level, so the executed size would depend on
 * the depth the liquidity model happens to show); the exchange's market-order collar still bounds
 * how far one child can go.
 *
 * <p>Uses no random numbers, so adding a metaorder leaves every other agent's stream unchanged.
 */
public final class TwapExecution implements Agent {
  /** The interval between child orders: 10 seconds. */
  public static final long CHILD_INTERVAL_NANOS = 10 * Time.NANOS_PER_SECOND;

  private static final int CHILD = 1;

  private final Instrument instrument;
  private final Side side;
  private final long totalLots;
  private final long startNanos;
  private final int children;
  private final String label;
  private int shockCause = CauseLog.GENESIS;
  private long initialPosition;
  private long filled;
  private int sent;

  /**
   * @param instrument what to trade
   * @param side buy or sell
   * @param totalLots the metaorder's size, lots (at least 1)
   * @param startNanos when the first child is sent
   * @param durationNanos the metaorder's duration: children are sent every 10 s within it
   * @param label the shock's label, for the children's causes
   */
  public TwapExecution(
      Instrument instrument,
      Side side,
      long totalLots,
      long startNanos,
      long durationNanos,
      String label) {
    if (totalLots < 1 || durationNanos < 1) {
      throw new IllegalArgumentException("a metaorder needs lots and a duration");
    }
    this.instrument = instrument;
    this.side = side;
    this.totalLots = totalLots;
    this.startNanos = startNanos;
    this.children = childrenFor(durationNanos);
    this.label = label;
  }

  /** Child orders in a metaorder of this duration: ceil(duration / 10 s), at least 1. */
  public static int childrenFor(long durationNanos) {
    long n = (durationNanos + CHILD_INTERVAL_NANOS - 1) / CHILD_INTERVAL_NANOS;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, n));
  }

  /** The quantity scheduled by the end of child {@code k} (1-based), lots. */
  public long scheduledThrough(int k) {
    long base = totalLots / children;
    long extra = totalLots % children;
    return base * k + Math.min(k, extra);
  }

  /** Called by the shock when it happens: the SHOCK cause every child descends from. */
  public void begin(int shockCause) {
    this.shockCause = shockCause;
  }

  @Override
  public void start(AgentContext ctx) {
    initialPosition = ctx.position(instrument);
    ctx.wakeAt(startNanos, CHILD);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    if (tag != CHILD || sent >= children) {
      return;
    }
    sent++;
    long due = scheduledThrough(sent) - filled;
    if (due > 0 && ctx.isOpen(instrument)) {
      int cause =
          ctx.cause(CauseKind.EXECUTION, shockCause, label + ": child " + sent + " of " + children);
      ctx.market(instrument, side, due, cause);
      filled = Math.abs(ctx.position(instrument) - initialPosition);
    }
    if (sent < children) {
      ctx.wakeAt(startNanos + sent * CHILD_INTERVAL_NANOS, CHILD);
    }
  }

  public Instrument instrument() {
    return instrument;
  }

  public Side side() {
    return side;
  }

  /** The metaorder's size, lots. */
  public long totalLots() {
    return totalLots;
  }

  /** Lots filled so far. */
  public long filledLots() {
    return filled;
  }

  /** Lots not (yet) filled: after the last child, what the book did not give. */
  public long unfilledLots() {
    return totalLots - filled;
  }

  /** Child orders in the schedule. */
  public int children() {
    return children;
  }

  /** Child orders whose time has come (sent, or skipped while the market was shut). */
  public int childrenDue() {
    return sent;
  }

  /** When the first child is sent, nanos. */
  public long startNanos() {
    return startNanos;
  }

  /** When the last child is sent, nanos. */
  public long lastChildNanos() {
    return startNanos + (children - 1) * CHILD_INTERVAL_NANOS;
  }

  /** The SHOCK cause the children descend from ({@code CauseLog.GENESIS} before it happens). */
  public int shockCause() {
    return shockCause;
  }
}
