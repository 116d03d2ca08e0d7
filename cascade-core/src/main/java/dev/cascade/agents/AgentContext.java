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

  /** The tag of the wake-up that tells an agent its account has been called for margin. */
  int MARGIN_CALL_TAG = -2;

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
   * The activity of the instrument's news flow now, relative to its long-run mean of 1 (see {@link
   * NewsFlow}): it paces the noise traders, so volume follows volatility.
   */
  double newsActivity(Instrument i);

  /**
   * The cause id of the latest scenario shock to the instrument's fundamental value, or 0 (genesis)
   * if none: the parent for orders motivated by the value it moved.
   */
  int lastValueShock(Instrument i);

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
  OptionsMarket options();

  // ---- own account ----

  /** Cash in micro-units of the account currency. */
  long cash();

  /** Position in lots (negative when short). */
  long position(Instrument i);

  /** Equity at the current marks (cash plus positions), micro-units of the account currency. */
  long equity();

  /** Average entry price of the open position in ticks (0 when flat). */
  double entryPrice(Instrument i);

  /**
   * The deficit of the account's open margin call (maintenance requirement minus equity),
   * micro-units, or 0 if it has none. An agent is woken with {@link #MARGIN_CALL_TAG} when called.
   */
  long marginCallAmount();

  /** The cause id of the account's open margin call (the genesis cause, 0, if none). */
  int marginCallCause();

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
   * whenever one of this agent's orders trades. At most one is pending at a time, and at most
   * {@link World#MAX_FILL_WAKES_PER_INSTANT} happen at one instant.
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

  // ---- sessions, shocks, flows and funds (docs/model.md §12) ----

  /** The close (nanos) of the instrument's session open now, or of its next session. */
  long sessionClose(Instrument i);

  /** The cause id of the latest scenario shock so far, or {@code CauseLog.GENESIS} if none. */
  int latestShock();

  /** When the latest scenario shock happened, nanos, or {@link Long#MIN_VALUE} if none. */
  long latestShockTime();

  /**
   * Investor flow into fund {@code i} that flow shocks announced so far schedule within [from, to),
   * dollars (currency units); negative for outflows. Each flow is spread evenly over its minutes.
   */
  double flowDollars(Instrument i, long from, long to);

  /** The cause id of the latest flow shock into {@code i}, or {@code CauseLog.GENESIS}. */
  int flowCause(Instrument i);

  /**
   * The cause of the last aggressive order that moved {@code i}'s trade price down ({@code down})
   * or up, or -1 if none has yet: whom an agent reacting to the move is reacting to.
   */
  int moveCause(Instrument i, boolean down);

  /** The creation basket of an exchange-traded fund, or null if {@code i} has none. */
  EtfBasket basket(Instrument i);

  /**
   * Net asset value of one lot of the fund, in the fund's ticks (a double), from the constituents'
   * mids; NaN if {@code i} has no basket.
   */
  double nav(Instrument i);

  /**
   * Creates {@code units} creation units: the account delivers the basket's lots to the fund's
   * issuer and receives {@code units x unitLots} lots of the fund, as balanced transfers. False
   * (and nothing moves) if the account does not hold the basket free of resting orders.
   */
  boolean create(Instrument etf, long units);

  /** Redeems {@code units} creation units: the reverse of {@link #create}. */
  boolean redeem(Instrument etf, long units);

  // ---- positions held before the run (docs/model.md §11) ----

  /**
   * Gives the agent a position it opened before the simulation starts, at an entry price, off the
   * book against the outside world (as scenario holdings are endowed): a perpetual trader's
   * leveraged position, or a margin account's levered book (a long bought with the broker's loan, a
   * short sold against borrowed units). Cash moves as a fill at that price would move it, so the
   * account's equity includes the unrealised gain or loss since entry. Only from {@link
   * Agent#start}.
   *
   * @param lots signed: positive long, negative short
   * @param entryPriceTicks the entry price, ticks
   * @return false outside {@link Agent#start}, or for an instrument settled by delivery in an
   *     account that is not a margin account
   */
  boolean openHeldPosition(Instrument i, long lots, long entryPriceTicks);
}
