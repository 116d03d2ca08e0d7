package dev.cascade.agents;

import dev.cascade.cause.CauseKind;
import dev.cascade.derivatives.OptionsMarket;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What an agent can see and do. Prices are ticks and quantities lots of the instrument named; order
 * submissions return a positive order id or a negative reject code ({@link
 * dev.cascade.market.RejectReason#ofResult}).
 */
public interface AgentContext {
  /** The tag of wake-ups that follow the agent's own fills (see {@link #wakeOnFills}). */
  int FILL_TAG = -1;

  // ---- identity and time ----

  /** The agent's id, unique in the simulation, e.g. {@code noise-3}. */
  String agentId();

  /** The agent's index, the id used in cause records. */
  int agentIndex();

  /** Simulated time, nanoseconds since the epoch. */
  long now();

  /** The agent's own random stream, derived from (scenario seed, agent id). */
  RandomGenerator random();

  // ---- instruments and market data ----

  /** The instruments this agent was given in the scenario, in scenario order. */
  List<Instrument> instruments();

  /** Any instrument of the simulation by symbol, or null. */
  Instrument instrument(String symbol);

  /** Whether the instrument's session is open and it is not halted. */
  boolean isOpen(Instrument i);

  /** The next time (nanos) the instrument's session opens, or now if it is open. */
  long nextOpen(Instrument i);

  /** Best bid in ticks, or {@link dev.cascade.market.OrderBook#NO_PRICE}. */
  long bestBid(Instrument i);

  /** Best ask in ticks, or {@link dev.cascade.market.OrderBook#NO_PRICE}. */
  long bestAsk(Instrument i);

  long bestBidSize(Instrument i);

  long bestAskSize(Instrument i);

  /** Last trade price in ticks (the reference price before the first trade). */
  long lastPrice(Instrument i);

  /**
   * The mid in ticks when both sides are quoted, else the last trade price. A double because the
   * mid of two ticks can fall between them.
   */
  double mid(Instrument i);

  /** Top-of-book depth, best first; see {@link dev.cascade.market.OrderBook#depth}. */
  int depth(Instrument i, Side side, long[] prices, long[] sizes);

  /**
   * Short-term realised volatility of the instrument, annualised, from an EWMA of one-second
   * returns (see docs/model.md).
   */
  double realizedVol(Instrument i);

  /**
   * The current fundamental value of the instrument in ticks: a slow random walk plus scenario
   * shocks, common to all agents; each agent adds its own estimation noise.
   */
  double fundamentalValue(Instrument i);

  /**
   * How much wider than normal market makers should quote on this instrument now: 1 normally, more
   * during a scenario's liquidity-withdrawal shock.
   */
  double spreadStress(Instrument i);

  /**
   * The fraction of their normal size market makers should quote now: 1 normally, less in stress.
   */
  double depthStress(Instrument i);

  /**
   * The run's listed-options market: the implied-vol surface shared by the dealers of each
   * underlying, and where dealers register their option books.
   */
  default OptionsMarket options() {
    throw new UnsupportedOperationException("this context has no options market");
  }

  // ---- own account ----

  /** Cash in micro-units of the account currency. */
  long cash();

  /** Position in lots (negative when short). */
  long position(Instrument i);

  // ---- orders ----

  /** A limit order that rests until filled or cancelled. */
  long limit(Instrument i, Side side, long priceTicks, long qty, int cause);

  /** A limit order whose unfilled part is cancelled at once. */
  long ioc(Instrument i, Side side, long priceTicks, long qty, int cause);

  /** A market order: immediate or cancel at the exchange's protection price. */
  long market(Instrument i, Side side, long qty, int cause);

  /**
   * A stop-market order held by the exchange: it becomes a market order when a trade prints at or
   * through {@code stopPriceTicks} (at or below for sells, at or above for buys).
   */
  long stop(Instrument i, Side side, long stopPriceTicks, long qty, int cause);

  /** Cancels an order (resting or stop); false if it is no longer open. */
  boolean cancel(long orderId);

  /** Reduces a resting order to {@code newQty}, keeping priority; false if not possible. */
  boolean reduce(long orderId, long newQty);

  /** Lots still open on an order (resting or stop), 0 if done. */
  long openQty(long orderId);

  // ---- scheduling ----

  /** Wake at an absolute time with a tag. */
  void wakeAt(long timeNanos, int tag);

  /** Wake after a delay in nanoseconds. */
  void wakeIn(long delayNanos, int tag);

  /** Wake after an exponential delay: the next arrival of a Poisson process. */
  void wakePoisson(double ratePerSecond, int tag);

  /**
   * Asks for a wake-up with {@link #FILL_TAG} (at the same instant, after the current event)
   * whenever one of this agent's orders trades. At most one is pending at a time.
   */
  void wakeOnFills(boolean on);

  // ---- causes ----

  /** Records a new cause by this agent and returns its id. */
  int cause(CauseKind kind, int parent, String label);

  /**
   * A standing cause of the given kind for this agent, created on first use: for routine orders
   * (noise, quotes) that need no cause of their own.
   */
  int routineCause(CauseKind kind);
}
