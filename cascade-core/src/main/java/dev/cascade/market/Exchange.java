package dev.cascade.market;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Priority;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Session;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes orders to the books, enforces sessions, halts and price bands, holds stop orders and
 * triggers them on prints, and settles every fill through the {@link Clearing}.
 *
 * <p>Order ids encode the instrument: {@code id = sequence << 10 | instrumentId}, so a cancel needs
 * no lookup table and ids increase within each book.
 *
 * <p>Rules (see docs/model.md, "Market rules"): orders are good till cancelled and rest across
 * sessions; there is no opening auction. Market orders are immediate-or-cancel limit orders at a
 * protection price (the best opposite price moved by the collar). Limits beyond the price band are
 * repriced to the band; an aggressive order that runs out of liquidity inside the band puts the
 * instrument in a limit state, and it pauses if fifteen seconds later the side it ran through still
 * holds nothing inside the band (the LULD Plan's limit state). Market-wide halts follow the decline
 * of the reference instrument from its prior close. Stop orders are elected by prints: a stop that
 * a print reached while its instrument was paused is sent at the first print after the pause, not
 * at the first order message.
 */
public final class Exchange implements BookListener {
  private static final int INSTRUMENT_BITS = EngineLimits.INSTRUMENT_BITS;
  private static final long INSTRUMENT_MASK = (1L << INSTRUMENT_BITS) - 1;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /**
   * How long an instrument may stay in a limit state before it pauses, nanoseconds: 15 seconds
   * (Plan to Address Extraordinary Market Volatility, the LULD Plan, section VII).
   */
  public static final long LIMIT_STATE_NANOS = 15 * Time.NANOS_PER_SECOND;

  private final Scheduler clock;
  private final CauseLog causes;
  private final Clearing clearing;
  private final MarketRules rules;
  private final List<Instrument> instruments;
  private final OrderBook[] books;
  private final Session[] sessions;
  private final StopBook[] sellStops;
  private final StopBook[] buyStops;
  private final long[] last;
  private final long[] haltedUntil;
  private final long[] bandRef;
  private final long[] bandRefTime;
  // Per instrument: the side whose order ran through the band (its opposite side is empty inside
  // the band), or null when not in a limit state.
  private final Side[] limitState;
  // Daily price limits: percent of the reference (0 = none); limit down and up in ticks, set at the
  // trading day's first order from the last trade before it (the previous close); their day.
  private double[] dailyLimitPct;
  private final long[] limitDown;
  private final long[] limitUp;
  private final java.time.LocalDate[] limitDay;
  private final Wakeable limitStateEnd = (time, instrument) -> endLimitState(instrument);
  private final long[] volume;
  private final long[] maxOrderLots;
  private final long[] tradeCount;
  private final RealizedVol[] vols;
  private final List<MarketListener> listeners = new ArrayList<>();
  private MarketListener[] listenerArray = new MarketListener[0];
  private long nextSeq = 1;
  private long messages;

  // The order being matched (the taker), for settlement.
  private Instrument takerInstrument;
  private long takerLimit;
  private Side takerSide;

  // Market-wide breaker state.
  private LocalDate breakerDay;
  private long priorClose;
  private int levelsTriggered;

  // Stop processing: guards against re-entry while triggered stops trade.
  private boolean processingStops;

  /**
   * @param instruments indexed by id (instrument i has id i)
   * @param initialVols prior annualised volatility per instrument, for {@link #realizedVol}
   */
  public Exchange(
      Scheduler clock,
      CauseLog causes,
      List<Instrument> instruments,
      MarketRules rules,
      Clearing clearing,
      double[] initialVols) {
    if (instruments.size() > EngineLimits.MAX_INSTRUMENTS) {
      throw new IllegalArgumentException(
          "at most " + EngineLimits.MAX_INSTRUMENTS + " instruments");
    }
    this.clock = clock;
    this.causes = causes;
    this.clearing = clearing;
    this.rules = rules;
    this.instruments = List.copyOf(instruments);
    int n = instruments.size();
    books = new OrderBook[n];
    sessions = new Session[n];
    sellStops = new StopBook[n];
    buyStops = new StopBook[n];
    last = new long[n];
    haltedUntil = new long[n];
    bandRef = new long[n];
    bandRefTime = new long[n];
    limitState = new Side[n];
    dailyLimitPct = new double[n];
    limitDown = new long[n];
    limitUp = new long[n];
    limitDay = new java.time.LocalDate[n];
    volume = new long[n];
    maxOrderLots = new long[n];
    tradeCount = new long[n];
    vols = new RealizedVol[n];
    for (int i = 0; i < n; i++) {
      Instrument ins = instruments.get(i);
      if (ins.id() != i) {
        throw new IllegalArgumentException("instrument " + ins.symbol() + " has id " + ins.id());
      }
      books[i] = new LadderOrderBook(ins, maxPriceTicks(ins), this);
      sessions[i] = Session.of(ins.session());
      sellStops[i] = new StopBook(Side.SELL);
      buyStops[i] = new StopBook(Side.BUY);
      maxOrderLots[i] = EngineLimits.maxOrderLots(ins);
      last[i] = ins.referencePriceTicks();
      bandRef[i] = ins.referencePriceTicks();
      bandRefTime[i] = clock.now();
      vols[i] = new RealizedVol(300, ins.session().tradingSecondsPerYear(), initialVols[i]);
    }
    if (rules.haltReference() >= 0) {
      priorClose = last[rules.haltReference()];
    }
  }

  /** Books accept prices up to four times the reference price (and at least 1,000 ticks). */
  static long maxPriceTicks(Instrument i) {
    return EngineLimits.maxBookPriceTicks(i.referencePriceTicks());
  }

  public void addListener(MarketListener l) {
    listeners.add(l);
    listenerArray = listeners.toArray(new MarketListener[0]);
  }

  // ---- orders ----

  /** A resting limit order. Returns the order id, or a negative reject code. */
  public long limit(int account, int instrument, Side side, long price, long qty, int cause) {
    messages++;
    return submit(account, instrument, side, price, qty, cause, false, false);
  }

  /** An immediate-or-cancel limit order. */
  public long ioc(int account, int instrument, Side side, long price, long qty, int cause) {
    messages++;
    return submit(account, instrument, side, price, qty, cause, true, false);
  }

  /** A market order: immediate or cancel at the protection price. */
  public long market(int account, int instrument, Side side, long qty, int cause) {
    messages++;
    return submit(account, instrument, side, 0, qty, cause, true, true);
  }

  /** A stop-market order, held until a print at or through {@code stopPrice}. */
  public long stop(int account, int instrument, Side side, long stopPrice, long qty, int cause) {
    messages++;
    RejectReason r = check(instrument, qty);
    if (r != null) {
      return -r.code();
    }
    Instrument ins = instruments.get(instrument);
    if (stopPrice < 1 || stopPrice > books[instrument].maxPriceTicks()) {
      return -RejectReason.INVALID_PRICE.code();
    }
    long id = nextId(instrument);
    (side == Side.SELL ? sellStops : buyStops)[ins.id()].add(id, account, stopPrice, qty, cause);
    // A stop already through the market triggers at once.
    processStops(instrument, cause);
    return id;
  }

  private RejectReason check(int instrument, long qty) {
    if (instrument < 0 || instrument >= books.length) {
      return RejectReason.UNKNOWN_INSTRUMENT;
    }
    if (qty <= 0) {
      return RejectReason.INVALID_QUANTITY;
    }
    if (qty > maxOrderLots[instrument]) {
      return RejectReason.QUANTITY_TOO_LARGE;
    }
    long now = clock.now();
    if (!sessions[instrument].isOpen(now)) {
      return RejectReason.SESSION_CLOSED;
    }
    if (now < haltedUntil[instrument]) {
      return RejectReason.HALTED;
    }
    return null;
  }

  private long submit(
      int account,
      int instrument,
      Side side,
      long price,
      long qty,
      int cause,
      boolean ioc,
      boolean isMarket) {
    RejectReason r = check(instrument, qty);
    if (r != null) {
      return -r.code();
    }
    OrderBook book = books[instrument];
    Instrument ins = instruments.get(instrument);
    long now = clock.now();
    if (now - bandRefTime[instrument] >= rules.bandWindowNanos()) {
      bandRef[instrument] = last[instrument];
      bandRefTime[instrument] = now;
    }
    long limit;
    if (isMarket) {
      long opposite = side == Side.BUY ? book.bestAsk() : book.bestBid();
      if (opposite == OrderBook.NO_PRICE) {
        return -RejectReason.NO_LIQUIDITY.code();
      }
      long collar = Math.max(1, Math.round(opposite * rules.collarPct() / 100));
      limit = side == Side.BUY ? opposite + collar : opposite - collar;
    } else {
      if (price < 1 || price > book.maxPriceTicks()) {
        return -RejectReason.PRICE_OUT_OF_RANGE.code();
      }
      limit = price;
    }
    if (dailyLimitPct[instrument] > 0) {
      updateDailyLimits(instrument, now);
      if (isMarket) {
        limit = Math.max(limitDown[instrument], Math.min(limitUp[instrument], limit));
      } else if (limit < limitDown[instrument] || limit > limitUp[instrument]) {
        return -RejectReason.BEYOND_DAILY_LIMIT.code();
      }
    }
    long wanted = limit;
    limit = clampToBand(instrument, side, limit);
    limit = Math.max(1, Math.min(book.maxPriceTicks(), limit));
    RejectReason cr = clearing.admit(account, ins, side, qty, limit);
    if (cr != null) {
      return -cr.code();
    }
    long id = nextId(instrument);
    takerInstrument = ins;
    takerLimit = limit;
    takerSide = side;
    long tradesBefore = tradeCount[instrument];
    long filled = book.submit(id, account, side, limit, qty, cause, ioc);
    long left = qty - filled;
    if (ioc && left > 0) {
      clearing.release(account, ins, side, left, limit);
    }
    takerInstrument = null;
    if (left > 0
        && wanted != limit
        && runsThroughBand(book, side, limit)
        && limitState[instrument] == null) {
      limitState[instrument] = side;
      clock.at(now + LIMIT_STATE_NANOS, Priority.MARKET_STRUCTURE, limitStateEnd, instrument);
    }
    if (tradeCount[instrument] != tradesBefore) {
      afterTrading(instrument, cause);
    }
    return id;
  }

  /**
   * The end of a limit state: the instrument pauses if the side the order ran through is still
   * empty inside the band (nobody has come back to trade at the band), else trading goes on.
   */
  private void endLimitState(int instrument) {
    Side side = limitState[instrument];
    limitState[instrument] = null;
    if (side == null || !isOpen(instrument)) {
      return;
    }
    long limit = clampToBand(instrument, side, side == Side.BUY ? Long.MAX_VALUE : 0);
    if (runsThroughBand(books[instrument], side, limit)) {
      halt(instrument, clock.now() + rules.bandPauseNanos(), "price band");
    }
  }

  /** True if the opposite side is empty up to the band limit: the order ran out of liquidity. */
  private static boolean runsThroughBand(OrderBook book, Side side, long limit) {
    long opposite = side == Side.BUY ? book.bestAsk() : book.bestBid();
    return opposite == OrderBook.NO_PRICE
        || (side == Side.BUY ? opposite > limit : opposite < limit);
  }

  /**
   * Sets each instrument's daily price limit, percent of the previous close (0: none), before the
   * first order: orders priced beyond it are refused, market orders trade no further.
   */
  public void dailyLimits(double[] pct) {
    if (pct.length != dailyLimitPct.length) {
      throw new IllegalArgumentException("one daily limit per instrument");
    }
    dailyLimitPct = pct.clone();
  }

  /**
   * At the trading day's first order, sets limit down and limit up in ticks: the reference (the
   * last trade before that order, so the previous close, or the starting price) times 1 -+ the
   * limit, rounded to the tick, at least one tick.
   */
  private void updateDailyLimits(int instrument, long now) {
    java.time.LocalDate day = sessions[instrument].tradingDay(now);
    if (!day.equals(limitDay[instrument])) {
      limitDay[instrument] = day;
      long ref = last[instrument];
      double x = dailyLimitPct[instrument] / 100;
      limitDown[instrument] = Math.max(1, Math.round(ref * (1 - x)));
      limitUp[instrument] = Math.round(ref * (1 + x));
    }
  }

  private long clampToBand(int instrument, Side side, long limit) {
    if (rules.bandPct() <= 0) {
      return limit;
    }
    long ref = bandRef[instrument];
    long width = Math.max(1, Math.round(ref * rules.bandPct() / 100));
    return side == Side.BUY ? Math.min(limit, ref + width) : Math.max(limit, ref - width);
  }

  private long nextId(int instrument) {
    return (nextSeq++ << INSTRUMENT_BITS) | instrument;
  }

  /** The instrument id an order id belongs to. */
  public static int instrumentOf(long orderId) {
    return (int) (orderId & INSTRUMENT_MASK);
  }

  /**
   * Cancels an open order (resting or stop) of {@code account}.
   *
   * @return null on success, else why not
   */
  public RejectReason cancel(int account, long orderId) {
    messages++;
    int i = instrumentOf(orderId);
    if (orderId <= 0 || i >= books.length) {
      return RejectReason.UNKNOWN_ORDER;
    }
    OrderBook book = books[i];
    int owner = book.account(orderId);
    if (owner >= 0) {
      if (owner != account) {
        return RejectReason.NOT_ORDER_OWNER;
      }
      book.cancel(orderId); // releases through onCancel
      return null;
    }
    StopBook sb = sellStops[i].accountOf(orderId) >= 0 ? sellStops[i] : buyStops[i];
    int a = sb.accountOf(orderId);
    if (a < 0) {
      return RejectReason.UNKNOWN_ORDER;
    }
    if (a != account) {
      return RejectReason.NOT_ORDER_OWNER;
    }
    sb.remove(orderId);
    return null;
  }

  /** Reduces a resting order of {@code account} to {@code newQty} lots, keeping priority. */
  public RejectReason reduce(int account, long orderId, long newQty) {
    messages++;
    int i = instrumentOf(orderId);
    if (orderId <= 0 || i >= books.length) {
      return RejectReason.UNKNOWN_ORDER;
    }
    OrderBook book = books[i];
    int owner = book.account(orderId);
    if (owner < 0) {
      return RejectReason.UNKNOWN_ORDER;
    }
    if (owner != account) {
      return RejectReason.NOT_ORDER_OWNER;
    }
    if (newQty < 0 || !book.reduce(orderId, newQty)) {
      return RejectReason.INVALID_QUANTITY;
    }
    return null;
  }

  /** Lots still open on an order: resting in a book or waiting as a stop. */
  public long openQty(long orderId) {
    int i = instrumentOf(orderId);
    if (orderId <= 0 || i >= books.length) {
      return 0;
    }
    long r = books[i].remaining(orderId);
    if (r > 0) {
      return r;
    }
    long s = sellStops[i].qtyOf(orderId);
    return s > 0 ? s : buyStops[i].qtyOf(orderId);
  }

  // ---- BookListener: called while a book matches ----

  @Override
  public void onTrade(
      long price,
      long qty,
      Side aggressor,
      long makerOrderId,
      int makerAccount,
      int makerCause,
      long takerOrderId,
      int takerAccount,
      int takerCause,
      long makerRemaining) {
    Instrument ins = takerInstrument;
    boolean buyerIsTaker = aggressor == Side.BUY;
    int buyer = buyerIsTaker ? takerAccount : makerAccount;
    int seller = buyerIsTaker ? makerAccount : takerAccount;
    long buyLimit = buyerIsTaker ? takerLimit : price;
    long sellLimit = buyerIsTaker ? price : takerLimit;
    clearing.settle(ins, buyer, seller, price, qty, buyLimit, sellLimit, buyerIsTaker);
    int i = ins.id();
    last[i] = price;
    volume[i] += qty;
    tradeCount[i]++;
    long now = clock.now();
    vols[i].onPrice(now, price);
    int buyCause = buyerIsTaker ? takerCause : makerCause;
    int sellCause = buyerIsTaker ? makerCause : takerCause;
    for (MarketListener l : listenerArray) {
      l.onTrade(now, ins, price, qty, aggressor, buyer, seller, buyCause, sellCause);
    }
  }

  @Override
  public void onCancel(
      long orderId, int account, Side side, long price, long qty, CancelReason reason) {
    clearing.release(account, instruments.get(instrumentOf(orderId)), side, qty, price);
  }

  // ---- after each top-level order that printed: stops and circuit breakers ----
  // Stops are elected by prints only. Stops a print reached while the instrument was paused wait
  // for the first print after the pause; a maker's first quote at the reopening does not send
  // them into a book that holds that one quote.

  private void afterTrading(int instrument, int cause) {
    processStops(instrument, cause);
    checkMarketWideBreaker(instrument);
  }

  private void processStops(int instrument, int parentCause) {
    if (processingStops
        || (sellStops[instrument].size() == 0 && buyStops[instrument].size() == 0)) {
      return;
    }
    processingStops = true;
    try {
      stopPrints = 0;
      addStopPrint(parentCause, last[instrument]);
      boolean any = true;
      while (any) {
        any = triggerStops(instrument, sellStops[instrument], Side.SELL);
        any |= triggerStops(instrument, buyStops[instrument], Side.BUY);
      }
    } finally {
      processingStops = false;
    }
  }

  /**
   * Sends every stop of one side that the last price has reached as a market order, each with a
   * STOP cause whose parent is the order whose print first reached it (the order that started this
   * round, or a stop triggered before it) and which links to the stop's own.
   */
  private boolean triggerStops(int instrument, StopBook sb, Side side) {
    boolean any = false;
    while (sb.triggered(last[instrument]) && clock.now() >= haltedUntil[instrument]) {
      int acct = sb.nextAccount();
      long qty = sb.nextQty();
      int own = sb.nextCause();
      long stopPx = sb.nextPrice();
      sb.popNext();
      int c =
          causes.record(
              CauseKind.STOP,
              -1,
              stopParent(side, stopPx),
              clock.now(),
              "stop " + instruments.get(instrument).symbol() + " @ " + stopPx);
      causes.link(c, own);
      long tradesBefore = tradeCount[instrument];
      submit(acct, instrument, side, 0, qty, c, true, true);
      if (tradeCount[instrument] != tradesBefore) {
        addStopPrint(c, last[instrument]);
      }
      any = true;
    }
    return any;
  }

  // The orders that printed while stops are processed, in order, with the last price after each:
  // a triggered stop descends from the first of them whose print reached its level. Cold path.
  private int[] stopPrintCause = new int[8];
  private long[] stopPrintLast = new long[8];
  private int stopPrints;

  private void addStopPrint(int cause, long lastPrice) {
    if (stopPrints == stopPrintCause.length) {
      stopPrintCause = Arrays.copyOf(stopPrintCause, stopPrints * 2);
      stopPrintLast = Arrays.copyOf(stopPrintLast, stopPrints * 2);
    }
    stopPrintCause[stopPrints] = cause;
    stopPrintLast[stopPrints] = lastPrice;
    stopPrints++;
  }

  private int stopParent(Side side, long stopPrice) {
    for (int k = 0; k < stopPrints; k++) {
      long p = stopPrintLast[k];
      if (side == Side.SELL ? p <= stopPrice : p >= stopPrice) {
        return stopPrintCause[k];
      }
    }
    return stopPrintCause[stopPrints - 1];
  }

  private void checkMarketWideBreaker(int instrument) {
    int ref = rules.haltReference();
    if (ref != instrument || ref < 0) {
      return;
    }
    long now = clock.now();
    LocalDate day = sessions[ref].tradingDay(now);
    if (!day.equals(breakerDay)) {
      if (breakerDay != null) {
        priorClose = lastBeforeDay;
      }
      breakerDay = day;
      levelsTriggered = 0;
    }
    lastBeforeDay = last[ref];
    double declinePct = 100.0 * (priorClose - last[ref]) / priorClose;
    List<Double> levels = rules.haltLevelsPct();
    while (levelsTriggered < levels.size() && declinePct >= levels.get(levelsTriggered)) {
      int k = levelsTriggered++;
      int minutes = rules.haltMinutes().get(k);
      boolean lastLevel = k == levels.size() - 1;
      LocalTime nyTime = Time.toInstant(now).atZone(NEW_YORK).toLocalTime();
      if (!lastLevel && !nyTime.isBefore(rules.haltCutoff())) {
        continue;
      }
      String reason = String.format("market-wide level %d (-%.1f%%)", k + 1, levels.get(k));
      for (Instrument ins : instruments) {
        if (!ins.assetClass().haltsWithUsEquities() || ins.session() != SessionKind.US_EQUITY) {
          continue;
        }
        long until =
            minutes < 0 ? sessions[ins.id()].nextClose(now) : now + minutes * Time.NANOS_PER_MINUTE;
        halt(ins.id(), until, reason);
      }
    }
  }

  // The reference's last price within the current breaker day: the next day's prior close.
  private long lastBeforeDay;

  private void halt(int instrument, long until, String reason) {
    if (until <= haltedUntil[instrument]) {
      return;
    }
    haltedUntil[instrument] = until;
    // The band restarts from the halt price when trading resumes.
    bandRef[instrument] = last[instrument];
    bandRefTime[instrument] = until;
    Instrument ins = instruments.get(instrument);
    for (MarketListener l : listenerArray) {
      l.onHalt(clock.now(), ins, until, reason);
    }
  }

  // ---- market data ----

  /**
   * Order messages received so far: submissions of every type, cancels and reduces (accepted or
   * rejected). Triggered stops are not counted again.
   */
  public long messages() {
    return messages;
  }

  public List<Instrument> instruments() {
    return instruments;
  }

  public OrderBook book(int instrument) {
    return books[instrument];
  }

  public boolean isOpen(int instrument) {
    long now = clock.now();
    return sessions[instrument].isOpen(now) && now >= haltedUntil[instrument];
  }

  public Session session(int instrument) {
    return sessions[instrument];
  }

  public long haltedUntil(int instrument) {
    return haltedUntil[instrument];
  }

  /** Last trade price in ticks (the reference price before the first trade). */
  public long lastPrice(int instrument) {
    return last[instrument];
  }

  /** Lots traded so far. */
  public long volume(int instrument) {
    return volume[instrument];
  }

  public long tradeCount(int instrument) {
    return tradeCount[instrument];
  }

  /** Short-term realised volatility, annualised decimal. */
  public double realizedVol(int instrument) {
    return vols[instrument].annualized();
  }

  /** Stop orders waiting on an instrument. */
  public int pendingStops(int instrument) {
    return sellStops[instrument].size() + buyStops[instrument].size();
  }
}
