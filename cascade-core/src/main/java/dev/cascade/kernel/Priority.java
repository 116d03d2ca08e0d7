package dev.cascade.kernel;

/**
 * Priorities break ties between events at the same nanosecond: lower runs first. Market structure
 * (sessions opening, halts lifting) runs before shocks, shocks before clearing, clearing before
 * agents, so an agent woken at the open sees the market already open.
 */
public final class Priority {
  /** Sessions opening and closing, halts starting and ending. */
  public static final int MARKET_STRUCTURE = 0;

  /** Scenario shocks: news, yield moves, margin-rate changes. */
  public static final int SHOCK = 10;

  /** Prime brokers and clearing houses checking accounts. */
  public static final int CLEARING = 20;

  /** Trading agents. */
  public static final int AGENT = 50;

  /** Recorders sampling the market after everything else at that instant. */
  public static final int SAMPLING = 90;

  private Priority() {}
}
