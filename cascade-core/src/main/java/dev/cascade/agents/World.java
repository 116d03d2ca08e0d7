package dev.cascade.agents;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.derivatives.OptionsMarket;
import dev.cascade.kernel.Priority;
import dev.cascade.kernel.RandomStreams;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import dev.cascade.ledger.AccountKind;
import dev.cascade.ledger.Ledger;
import dev.cascade.margin.MarginCallListener;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The environment agents live in: the clock, the exchange, the ledger, fundamentals and causes. It
 * gives each agent its own {@link AgentContext} bound to the agent's account and random stream, so
 * an agent can reach nothing else.
 */
public final class World implements MarketListener, MarginCallListener {
  /**
   * Fill wake-ups one agent may get at one simulated instant. Agents that requote on their fills
   * can trade with each other in a ring without time passing (market makers skewed through each
   * other's quotes pass inventory round forever at one nanosecond); past this many, the agent's
   * further fills at that instant wait for its next scheduled wake-up. Far above what any shipped
   * scenario reaches.
   */
  public static final int MAX_FILL_WAKES_PER_INSTANT = 64;

  private final Scheduler clock;
  private final RandomStreams streams;
  private final CauseLog causes;
  private final Exchange exchange;
  private final Ledger ledger;
  private final Fundamentals fundamentals;
  private final OptionsMarket options;
  private final List<Slot> slots = new ArrayList<>();
  private Slot[] slotOfAccount = new Slot[64];
  private final double[] spreadStress;
  private final double[] depthStress;
  private final long[] stressUntil;
  private final EtfBasket[] baskets;
  private final int[] issuer;
  private final int[] flowCause;
  // Per instrument: the last trade price and the causes of the last aggressive orders that moved
  // it down and up (-1 before any).
  private final long[] lastTrade;
  private final int[] downCause;
  private final int[] upCause;
  private final List<Flow> flows = new ArrayList<>();
  private int latestShock = CauseLog.GENESIS;
  private long latestShockTime = Long.MIN_VALUE;

  /** An investor flow into a fund: {@code dollars} spread evenly over [start, end). */
  private record Flow(int instrument, double dollars, long start, long end) {}

  private final List<PrimeBroker> brokers = new ArrayList<>();

  public World(
      Scheduler clock,
      RandomStreams streams,
      CauseLog causes,
      Exchange exchange,
      Ledger ledger,
      Fundamentals fundamentals) {
    this.clock = clock;
    this.streams = streams;
    this.causes = causes;
    this.exchange = exchange;
    this.ledger = ledger;
    this.fundamentals = fundamentals;
    this.options = new OptionsMarket(clock, streams, exchange, causes);
    int n = exchange.instruments().size();
    spreadStress = new double[n];
    depthStress = new double[n];
    stressUntil = new long[n];
    baskets = new EtfBasket[n];
    issuer = new int[n];
    flowCause = new int[n];
    Arrays.fill(flowCause, CauseLog.GENESIS);
    lastTrade = new long[n];
    downCause = new int[n];
    upCause = new int[n];
    Arrays.fill(downCause, -1);
    Arrays.fill(upCause, -1);
    Arrays.fill(spreadStress, 1);
    Arrays.fill(depthStress, 1);
    exchange.addListener(this);
  }

  public Scheduler clock() {
    return clock;
  }

  public CauseLog causes() {
    return causes;
  }

  public Exchange exchange() {
    return exchange;
  }

  public Ledger ledger() {
    return ledger;
  }

  public Fundamentals fundamentals() {
    return fundamentals;
  }

  /** The run's options market: vol surfaces and dealer books (idle until a dealer registers). */
  public OptionsMarket options() {
    return options;
  }

  /**
   * Adds an agent trading from {@code account}. Its random stream is derived from the scenario seed
   * and {@code agentId}.
   *
   * @return the agent's index
   */
  public int add(String agentId, Agent agent, int account, List<Instrument> instruments) {
    Slot s = new Slot(slots.size(), agentId, agent, account, instruments, streams.stream(agentId));
    slots.add(s);
    if (account >= slotOfAccount.length) {
      slotOfAccount = Arrays.copyOf(slotOfAccount, Math.max(account + 1, slotOfAccount.length * 2));
    }
    slotOfAccount[account] = s;
    return s.index;
  }

  /** Calls every agent's {@link Agent#start}, in the order they were added. */
  public void start() {
    starting = true;
    for (Slot s : slots) {
      s.agent.start(s);
    }
    starting = false;
  }

  private boolean starting;

  public int agentCount() {
    return slots.size();
  }

  public String agentId(int index) {
    return slots.get(index).id;
  }

  /** The agent at {@code index} (in the order agents were added), for reports after a run. */
  public Agent agent(int index) {
    return slots.get(index).agent;
  }

  public int agentAccount(int index) {
    return slots.get(index).account;
  }

  /** The agent trading from an account, or -1 (the external world, the venue). */
  public int agentOfAccount(int account) {
    Slot s = account < slotOfAccount.length ? slotOfAccount[account] : null;
    return s == null ? -1 : s.index;
  }

  public List<String> agentIds() {
    List<String> ids = new ArrayList<>();
    for (Slot s : slots) {
      ids.add(s.id);
    }
    return Collections.unmodifiableList(ids);
  }

  /**
   * Adds a prime broker or clearing house: agents see their calls through their context and are
   * woken with {@link AgentContext#MARGIN_CALL_TAG} when called.
   */
  public void addBroker(PrimeBroker broker) {
    brokers.add(broker);
    broker.setListener(this);
  }

  /** The brokers and clearing houses, in the order added. */
  public List<PrimeBroker> brokers() {
    return Collections.unmodifiableList(brokers);
  }

  @Override
  public void onMarginCall(int account, int cause, long amountMicro) {
    Slot s = account < slotOfAccount.length ? slotOfAccount[account] : null;
    if (s != null) {
      clock.at(clock.now(), Priority.AGENT, s, AgentContext.MARGIN_CALL_TAG);
    }
  }

  /**
   * A liquidity-withdrawal shock: market makers on the instrument quote {@code spreadMultiplier}
   * times wider and {@code depthMultiplier} of their size until {@code until}.
   */
  public void stressLiquidity(
      int instrument, double spreadMultiplier, double depthMultiplier, long until) {
    spreadStress[instrument] = spreadMultiplier;
    depthStress[instrument] = depthMultiplier;
    stressUntil[instrument] = until;
  }

  /**
   * Gives an ETF its creation basket and opens the account of its issuer, which creates and redeems
   * units (its positions are the net creations: negative fund lots, positive basket lots).
   */
  public void defineBasket(EtfBasket b) {
    int i = b.etf().id();
    baskets[i] = b;
    issuer[i] = ledger.openAccount("issuer:" + b.etf().symbol(), AccountKind.EXTERNAL, 0);
  }

  /** An ETF's mid over its NAV, minus 1 (positive: a premium); NaN without a basket. */
  public double etfPremium(int instrument) {
    return markOf(instrument) / nav(instrument) - 1;
  }

  /** The basket of an instrument, or null. */
  public EtfBasket basket(int instrument) {
    return baskets[instrument];
  }

  /** Notes a scenario shock (already recorded as a cause) so agents can name it as a parent. */
  public void noteShock(int cause, long time) {
    latestShock = cause;
    latestShockTime = time;
  }

  /**
   * An investor flow shock: {@code dollars} (negative for an outflow) into fund {@code instrument},
   * spread evenly from {@code start} over {@code minutes}.
   */
  public void addFlow(int instrument, double dollars, long start, double minutes, int cause) {
    long end = start + Math.max(1, Math.round(minutes * Time.NANOS_PER_MINUTE));
    flows.add(new Flow(instrument, dollars, start, end));
    flowCause[instrument] = cause;
  }

  private double flowDollars(int instrument, long from, long to) {
    double sum = 0;
    for (Flow f : flows) {
      if (f.instrument == instrument) {
        long a = Math.max(from, f.start);
        long b = Math.min(to, f.end);
        if (b > a) {
          sum += f.dollars * (double) (b - a) / (f.end - f.start);
        }
      }
    }
    return sum;
  }

  private double nav(int instrument) {
    EtfBasket b = baskets[instrument];
    if (b == null) {
      return Double.NaN;
    }
    double cash = 0;
    for (int k = 0; k < b.size(); k++) {
      Instrument c = b.constituent(k);
      cash += (double) b.lots(k) * markOf(c.id()) * c.cashPerTickLot();
    }
    return cash / b.unitLots() / b.etf().cashPerTickLot();
  }

  /** Mid when both sides are quoted, else the last trade, ticks. */
  private double markOf(int instrument) {
    long bid = exchange.book(instrument).bestBid();
    long ask = exchange.book(instrument).bestAsk();
    return bid > 0 && ask > 0 ? 0.5 * (bid + ask) : exchange.lastPrice(instrument);
  }

  /** Create (sign +1) or redeem (sign -1) creation units as balanced transfers with the issuer. */
  private boolean exchangeUnits(int account, int etf, long units, int sign) {
    EtfBasket b = baskets[etf];
    if (b == null || units <= 0) {
      return false;
    }
    long etfLots = Math.multiplyExact(units, b.unitLots());
    int iss = issuer[etf];
    if (sign > 0) {
      for (int k = 0; k < b.size(); k++) {
        if (ledger.freeUnits(account, b.constituent(k).id())
            < Math.multiplyExact(units, b.lots(k))) {
          return false;
        }
      }
      for (int k = 0; k < b.size(); k++) {
        ledger.transferUnits(account, iss, b.constituent(k).id(), units * b.lots(k));
      }
      ledger.transferUnits(iss, account, etf, etfLots);
    } else {
      if (ledger.freeUnits(account, etf) < etfLots) {
        return false;
      }
      ledger.transferUnits(account, iss, etf, etfLots);
      for (int k = 0; k < b.size(); k++) {
        ledger.transferUnits(iss, account, b.constituent(k).id(), units * b.lots(k));
      }
    }
    return true;
  }

  @Override
  public void onTrade(
      long time,
      Instrument instrument,
      long price,
      long qty,
      Side aggressor,
      int buyAccount,
      int sellAccount,
      int buyCause,
      int sellCause) {
    int i = instrument.id();
    long prev = lastTrade[i];
    if (prev > 0 && price < prev && aggressor == Side.SELL) {
      downCause[i] = sellCause;
    } else if (prev > 0 && price > prev && aggressor == Side.BUY) {
      upCause[i] = buyCause;
    }
    lastTrade[i] = price;
    notifyFill(buyAccount);
    notifyFill(sellAccount);
  }

  private void notifyFill(int account) {
    Slot s = account < slotOfAccount.length ? slotOfAccount[account] : null;
    if (s != null && s.wakeOnFills && !s.fillWakePending) {
      long now = clock.now();
      if (now != s.fillWakeTime) {
        s.fillWakeTime = now;
        s.fillWakes = 0;
      }
      if (s.fillWakes < MAX_FILL_WAKES_PER_INSTANT) {
        s.fillWakes++;
        s.fillWakePending = true;
        clock.at(now, Priority.AGENT, s, AgentContext.FILL_TAG);
      }
    }
  }

  /** One agent's view of the world. */
  private final class Slot implements AgentContext, Wakeable {
    final int index;
    final String id;
    final Agent agent;
    final int account;
    final List<Instrument> instruments;
    final RandomGenerator rng;
    final int[] routine = new int[CauseKind.values().length];
    boolean wakeOnFills;
    boolean fillWakePending;
    // The instant of the latest fill wake-up and how many there were at it.
    long fillWakeTime = Long.MIN_VALUE;
    int fillWakes;

    Slot(
        int index,
        String id,
        Agent agent,
        int account,
        List<Instrument> instruments,
        RandomGenerator rng) {
      this.index = index;
      this.id = id;
      this.agent = agent;
      this.account = account;
      this.instruments = List.copyOf(instruments);
      this.rng = rng;
      Arrays.fill(routine, -1);
    }

    @Override
    public void wake(long timeNanos, int tag) {
      if (tag == FILL_TAG) {
        fillWakePending = false;
      }
      agent.wake(this, tag);
    }

    @Override
    public String agentId() {
      return id;
    }

    @Override
    public int agentIndex() {
      return index;
    }

    @Override
    public long now() {
      return clock.now();
    }

    @Override
    public RandomGenerator random() {
      return rng;
    }

    @Override
    public List<Instrument> instruments() {
      return instruments;
    }

    @Override
    public Instrument instrument(String symbol) {
      for (Instrument i : exchange.instruments()) {
        if (i.symbol().equals(symbol)) {
          return i;
        }
      }
      return null;
    }

    @Override
    public boolean isOpen(Instrument i) {
      return exchange.isOpen(i.id());
    }

    @Override
    public long nextOpen(Instrument i) {
      long now = clock.now();
      return Math.max(exchange.session(i.id()).nextOpen(now), exchange.haltedUntil(i.id()));
    }

    @Override
    public long bestBid(Instrument i) {
      return exchange.book(i.id()).bestBid();
    }

    @Override
    public long bestAsk(Instrument i) {
      return exchange.book(i.id()).bestAsk();
    }

    @Override
    public long bestBidSize(Instrument i) {
      return exchange.book(i.id()).bestBidSize();
    }

    @Override
    public long bestAskSize(Instrument i) {
      return exchange.book(i.id()).bestAskSize();
    }

    @Override
    public long lastPrice(Instrument i) {
      return exchange.lastPrice(i.id());
    }

    @Override
    public double mid(Instrument i) {
      long b = bestBid(i);
      long a = bestAsk(i);
      if (b > 0 && a > 0) {
        return 0.5 * (a + b);
      }
      return lastPrice(i);
    }

    @Override
    public int depth(Instrument i, Side side, long[] prices, long[] sizes) {
      return exchange.book(i.id()).depth(side, prices, sizes);
    }

    @Override
    public double realizedVol(Instrument i) {
      return exchange.realizedVol(i.id());
    }

    @Override
    public double fundamentalValue(Instrument i) {
      return fundamentals.value(i.id(), clock.now());
    }

    @Override
    public double newsActivity(Instrument i) {
      return fundamentals.tradingActivity(i.id(), clock.now());
    }

    @Override
    public int lastValueShock(Instrument i) {
      return fundamentals.lastShock(i.id());
    }

    @Override
    public double spreadStress(Instrument i) {
      return clock.now() < stressUntil[i.id()] ? spreadStress[i.id()] : 1;
    }

    @Override
    public double depthStress(Instrument i) {
      return clock.now() < stressUntil[i.id()] ? depthStress[i.id()] : 1;
    }

    @Override
    public OptionsMarket options() {
      return options;
    }

    @Override
    public long cash() {
      return ledger.cash(account);
    }

    @Override
    public long position(Instrument i) {
      return ledger.position(account, i.id());
    }

    @Override
    public double entryPrice(Instrument i) {
      return ledger.entryPrice(account, i.id());
    }

    @Override
    public long equity() {
      return ledger.equity(account);
    }

    @Override
    public long marginCallAmount() {
      for (PrimeBroker b : brokers) {
        if (b.covers(account)) {
          return b.openCallAmount(account);
        }
      }
      return 0;
    }

    @Override
    public int marginCallCause() {
      for (PrimeBroker b : brokers) {
        if (b.covers(account)) {
          return b.openCallCause(account);
        }
      }
      return CauseLog.GENESIS;
    }

    @Override
    public long limit(Instrument i, Side side, long priceTicks, long qty, int cause) {
      return exchange.limit(account, i.id(), side, priceTicks, qty, cause);
    }

    @Override
    public long ioc(Instrument i, Side side, long priceTicks, long qty, int cause) {
      return exchange.ioc(account, i.id(), side, priceTicks, qty, cause);
    }

    @Override
    public long market(Instrument i, Side side, long qty, int cause) {
      return exchange.market(account, i.id(), side, qty, cause);
    }

    @Override
    public long stop(Instrument i, Side side, long stopPriceTicks, long qty, int cause) {
      return exchange.stop(account, i.id(), side, stopPriceTicks, qty, cause);
    }

    @Override
    public boolean cancel(long orderId) {
      return exchange.cancel(account, orderId) == null;
    }

    @Override
    public boolean reduce(long orderId, long newQty) {
      return exchange.reduce(account, orderId, newQty) == null;
    }

    @Override
    public long openQty(long orderId) {
      return exchange.openQty(orderId);
    }

    @Override
    public void wakeAt(long timeNanos, int tag) {
      clock.at(timeNanos, Priority.AGENT, this, tag);
    }

    @Override
    public void wakeIn(long delayNanos, int tag) {
      clock.after(delayNanos, Priority.AGENT, this, tag);
    }

    @Override
    public void wakePoisson(double ratePerSecond, int tag) {
      clock.poisson(ratePerSecond, rng, Priority.AGENT, this, tag);
    }

    @Override
    public void wakeOnFills(boolean on) {
      wakeOnFills = on;
    }

    @Override
    public int cause(CauseKind kind, int parent, String label) {
      return causes.record(kind, index, parent, clock.now(), label);
    }

    @Override
    public long sessionClose(Instrument i) {
      return exchange.session(i.id()).nextClose(clock.now());
    }

    @Override
    public int latestShock() {
      return latestShock;
    }

    @Override
    public long latestShockTime() {
      return latestShockTime;
    }

    @Override
    public double flowDollars(Instrument i, long from, long to) {
      return World.this.flowDollars(i.id(), from, to);
    }

    @Override
    public int flowCause(Instrument i) {
      return flowCause[i.id()];
    }

    @Override
    public int moveCause(Instrument i, boolean down) {
      return down ? downCause[i.id()] : upCause[i.id()];
    }

    @Override
    public EtfBasket basket(Instrument i) {
      return baskets[i.id()];
    }

    @Override
    public double nav(Instrument i) {
      return World.this.nav(i.id());
    }

    @Override
    public boolean openHeldPosition(Instrument i, long lots, long entryPriceTicks) {
      if (!starting
          || lots == 0
          || entryPriceTicks <= 0
          || !(Ledger.settlesByVariation(i.assetClass())
              || ledger.kind(account) == AccountKind.MARGIN)) {
        return false;
      }
      if (lots > 0) {
        ledger.transferAtPrice(i.id(), account, Ledger.EXTERNAL, entryPriceTicks, lots);
      } else {
        ledger.transferAtPrice(i.id(), Ledger.EXTERNAL, account, entryPriceTicks, -lots);
      }
      return true;
    }

    @Override
    public boolean create(Instrument etf, long units) {
      return exchangeUnits(account, etf.id(), units, 1);
    }

    @Override
    public boolean redeem(Instrument etf, long units) {
      return exchangeUnits(account, etf.id(), units, -1);
    }

    @Override
    public int routineCause(CauseKind kind) {
      int c = routine[kind.ordinal()];
      if (c < 0) {
        c = causes.record(kind, index, CauseLog.GENESIS, clock.now(), id + " " + kind.label());
        routine[kind.ordinal()] = c;
      }
      return c;
    }
  }
}
