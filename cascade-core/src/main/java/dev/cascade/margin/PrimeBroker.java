package dev.cascade.margin;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Priority;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.Time;
import dev.cascade.kernel.Wakeable;
import dev.cascade.ledger.Ledger;
import dev.cascade.ledger.MarginCheck;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A prime broker or clearing house: it holds margin agreements with accounts, checks them every
 * {@link MarginTerms#checkSeconds()} and right after a trade moves an instrument {@link
 * MarginTerms#moveTriggerPct()} from its price at the last check, calls every account whose equity
 * is below its maintenance requirement, and liquidates through the order book when a call is still
 * unmet at its deadline.
 *
 * <p>Causes: a call's parent is the shock that raised margin rates, if one triggered the check,
 * else the cause whose price moves cost the account most over the run ({@link MoveAttribution}),
 * linked to the next largest; every liquidation order has its own {@code LIQUIDATION} cause whose
 * parent is the call. The broker never trades from inside a listener callback: a move schedules a
 * check at the same instant with {@link Priority#CLEARING}.
 *
 * <p>Liquidation sells a fraction f of the account's maintenance requirement, f = 1 - E / ((1 + b)
 * M) (all of it when E <= 0), positions taken in the agreement's {@link LiquidationOrder}.
 * Positions in closed or halted instruments wait; the broker looks again after {@link
 * MarginTerms#retrySeconds()} until the account is compliant or flat. Settles variation margin on
 * futures and perpetuals at each check.
 */
public final class PrimeBroker implements Wakeable, MarketListener, MarginCheck {
  private static final int TAG_SCHEDULED = -1;
  private static final int TAG_MOVE = -2;
  private static final int MOVERS = 4;
  private static final byte STALE = 0;
  private static final byte FLAT = 1;
  private static final byte LONG_BELOW = 2;
  private static final byte SHORT_ABOVE = 3;
  private static final byte ALWAYS = 4;

  private final String name;
  private final Scheduler clock;
  private final CauseLog causes;
  private final Exchange exchange;
  private final Ledger ledger;
  private final MarginTerms terms;
  private final CcpMargin ccp;
  private final Holdings holdings;
  private final List<Instrument> instruments;

  private MarginPolicy[] policyOf = new MarginPolicy[16];
  private int[] openCall = new int[16];
  private boolean[] liquidated = new boolean[16];
  private int[] accounts = new int[16];
  private int accountCount;
  // Per account, the mark beyond which a single-position account can be below maintenance, so a
  // check skips every account the price has not reached (see watch()).
  private byte[] watch = new byte[16];
  private long[] trigger = new long[16];
  private int[] watchedInstrument = new int[16];
  private long fullChecks;
  private final List<MarginCall> calls = new ArrayList<>();

  private final long[] refPrice;
  private final long[] lastTrade;
  private final int[] lastMover;
  private final int[] markSource;
  private boolean movePending;
  private final int[] movers = new int[MOVERS];
  private final MoveAttribution moves;
  private final long[] cashPerTickLot;
  private int moverCount;
  private int pendingParent = CauseLog.GENESIS;
  private boolean started;

  private MarginCallListener listener = (a, c, m) -> {};
  private Backstop backstop;

  // statistics, for the run summary
  private final long[] longNotional;
  private final long[] shortNotional;
  private final long[] liquidationTrades;
  private long callAmount;
  private int liquidationOrders;
  private long variationPaid;
  private long unsecuredDeficit;

  /**
   * @param name e.g. "prime-broker" or "crypto-venue", for labels and the summary
   * @param ccp the CCP margin the broker's policies use, updated at each check (may be null)
   */
  public PrimeBroker(
      String name,
      Scheduler clock,
      CauseLog causes,
      Exchange exchange,
      Ledger ledger,
      MarginTerms terms,
      CcpMargin ccp) {
    this.name = name;
    this.clock = clock;
    this.causes = causes;
    this.exchange = exchange;
    this.ledger = ledger;
    this.terms = terms;
    this.ccp = ccp;
    this.instruments = exchange.instruments();
    this.holdings = new Holdings(ledger, instruments);
    this.moves = new MoveAttribution(instruments.size());
    this.cashPerTickLot = new long[instruments.size()];
    for (Instrument ins : instruments) {
      cashPerTickLot[ins.id()] = ins.cashPerTickLot();
    }
    int n = instruments.size();
    refPrice = new long[n];
    lastTrade = new long[n];
    lastMover = new int[n];
    markSource = new int[n];
    for (int i = 0; i < n; i++) {
      markSource[i] = i;
    }
    longNotional = new long[n];
    shortNotional = new long[n];
    liquidationTrades = new long[n];
    Arrays.fill(openCall, -1);
  }

  public String name() {
    return name;
  }

  public MarginTerms terms() {
    return terms;
  }

  /** Puts an account under this broker's agreement with a margin policy. */
  public void cover(int account, MarginPolicy policy) {
    if (account >= policyOf.length) {
      int cap = Math.max(account + 1, policyOf.length * 2);
      policyOf = Arrays.copyOf(policyOf, cap);
      liquidated = Arrays.copyOf(liquidated, cap);
      watch = Arrays.copyOf(watch, cap);
      trigger = Arrays.copyOf(trigger, cap);
      int old = openCall.length;
      openCall = Arrays.copyOf(openCall, cap);
      Arrays.fill(openCall, old, cap, -1);
    }
    if (policyOf[account] == null) {
      if (accountCount == accounts.length) {
        accounts = Arrays.copyOf(accounts, accountCount * 2);
      }
      accounts[accountCount++] = account;
    }
    policyOf[account] = policy;
    watch[account] = STALE;
  }

  /**
   * Declares that an instrument's mark follows another's trades (a perpetual marked at its spot
   * index): a call that no large move triggered then descends from the order that last moved the
   * source's price.
   */
  public void markFollows(int instrument, int source) {
    markSource[instrument] = source;
  }

  public void setListener(MarginCallListener l) {
    this.listener = l;
  }

  /** What to do with positions that cannot be liquidated before equity runs out (perpetuals). */
  public void setBackstop(Backstop b) {
    this.backstop = b;
  }

  public int accountCount() {
    return accountCount;
  }

  /** The covered accounts, in the order they were covered. */
  public int[] accounts() {
    return Arrays.copyOf(accounts, accountCount);
  }

  /** Schedules the first check; does nothing if no account is covered. */
  public void start() {
    if (started || accountCount == 0) {
      return;
    }
    started = true;
    for (int i = 0; i < refPrice.length; i++) {
      refPrice[i] = exchange.lastPrice(i);
    }
    clock.after(Time.seconds(terms.checkSeconds()), Priority.CLEARING, this, TAG_SCHEDULED);
  }

  /**
   * Checks every account at once (after the current event, at {@link Priority#CLEARING}); calls it
   * issues descend from {@code parent}, e.g. a shock that raised margin rates.
   */
  public void requestCheck(int parent) {
    revalue();
    scheduleCheck(parent);
  }

  /**
   * Forgets every account's cached trigger price, so the next check evaluates each account in full:
   * call after anything that moves accounts' cash or requirements outside a trade (funding, rate
   * changes).
   */
  public void revalue() {
    for (int k = 0; k < accountCount; k++) {
      watch[accounts[k]] = STALE;
    }
  }

  private void scheduleCheck(int parent) {
    if (accountCount == 0) {
      return;
    }
    pendingParent = parent;
    if (!movePending) {
      movePending = true;
      clock.at(clock.now(), Priority.CLEARING, this, TAG_MOVE);
    }
  }

  // ---- MarginCheck ----

  @Override
  public boolean covers(int account) {
    return account < policyOf.length && policyOf[account] != null;
  }

  @Override
  public boolean admits(int account, int instrument, long positionAfter, long priceTicks) {
    if (openCall[account] >= 0) {
      return false; // no new risk while called
    }
    long required =
        policyOf[account].initial(holdings.with(account, instrument, positionAfter, priceTicks));
    return ledger.equity(account) >= required;
  }

  // ---- requirements ----

  /** Maintenance requirement of a covered account now, micro-units. */
  public long maintenance(int account) {
    return policyOf[account].maintenance(holdings.of(account));
  }

  /** Initial requirement of a covered account now, micro-units. */
  public long initial(int account) {
    return policyOf[account].initial(holdings.of(account));
  }

  /** The deficit of the account's open call, micro-units, or 0 if it has none. */
  public long openCallAmount(int account) {
    if (!covers(account) || openCall[account] < 0) {
      return 0;
    }
    return Math.max(0, maintenance(account) - ledger.equity(account));
  }

  /** The cause of the account's open call, or {@link CauseLog#GENESIS} if it has none. */
  public int openCallCause(int account) {
    if (!covers(account) || openCall[account] < 0) {
      return CauseLog.GENESIS;
    }
    return calls.get(openCall[account]).cause();
  }

  // ---- events ----

  @Override
  public void wake(long time, int tag) {
    if (tag == TAG_SCHEDULED) {
      clock.after(Time.seconds(terms.checkSeconds()), Priority.CLEARING, this, TAG_SCHEDULED);
      checkAll(latestMover());
    } else if (tag == TAG_MOVE) {
      movePending = false;
      int parent = pendingParent;
      pendingParent = CauseLog.GENESIS;
      checkAll(parent);
    } else {
      followUp(tag);
    }
  }

  /** The root of a cause: its ancestor whose parent is genesis. */
  private int rootOf(int cause) {
    int c = cause;
    while (c != CauseLog.GENESIS && causes.parent(c) != CauseLog.GENESIS) {
      c = causes.parent(c);
    }
    return c;
  }

  private int latestMover() {
    return moverCount == 0 ? CauseLog.GENESIS : movers[(moverCount - 1) % MOVERS];
  }

  /** Checks every covered account in the order they were covered. */
  public void checkAll(int parent) {
    if (ccp != null) {
      ccp.update(exchange::realizedVol);
    }
    for (int i = 0; i < refPrice.length; i++) {
      if (Ledger.settlesByVariation(instruments.get(i).assetClass())) {
        variationPaid += ledger.settleVariation(i, ledger.mark(i));
      }
    }
    for (int k = 0; k < accountCount; k++) {
      check(accounts[k], parent);
    }
    for (int i = 0; i < refPrice.length; i++) {
      refPrice[i] = exchange.lastPrice(i);
    }
    moverCount = 0;
  }

  private void check(int account, int parent) {
    if (openCall[account] < 0 && !reached(account)) {
      return;
    }
    fullChecks++;
    long equity = ledger.equity(account);
    long maint = maintenance(account);
    int c = openCall[account];
    if (c >= 0) {
      if (equity >= maint || maint == 0) {
        close(account);
      } else if (terms.deadlineSeconds() == 0) {
        followUp(c);
      }
      return;
    }
    if (equity >= maint || maint == 0) {
      watch(account, equity, maint);
      return;
    }
    long amount = maint - equity;
    // Parent: a shock that raised the requirement itself (a margin hike), else the cause whose
    // price moves cost this account most; the next largest are linked.
    long[] pos = new long[instruments.size()];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = ledger.position(account, i);
    }
    int[] losers = moves.largestLosses(pos, cashPerTickLot, 4, this::rootOf);
    int own = -1;
    if (losers.length == 0 && parent == CauseLog.GENESIS) {
      // No attributable loss and no large move since the last check: the order that last moved
      // the account's biggest position's mark (its index for a perpetual) is the cause.
      own = largestPosition(account);
      if (own >= 0) {
        parent = lastMover[markSource[own]];
      }
    }
    int primary = causes.kind(parent) == CauseKind.SHOCK || losers.length == 0 ? parent : losers[0];
    int cause =
        causes.record(
            CauseKind.MARGIN_CALL,
            -1,
            primary,
            clock.now(),
            String.format("%s margin call %s $%.0f", name, ledger.name(account), amount / 1e6));
    for (int m : losers) {
      if (m != primary && m != CauseLog.GENESIS) {
        causes.link(cause, m);
      }
    }
    if (own >= 0 && lastMover[own] != parent && lastMover[own] != CauseLog.GENESIS) {
      causes.link(cause, lastMover[own]);
    }
    long deadline = clock.now() + Time.seconds(terms.deadlineSeconds());
    calls.add(
        new MarginCall(account, cause, amount, clock.now(), deadline, MarginCall.Outcome.OPEN, 0));
    int index = calls.size() - 1;
    openCall[account] = index;
    callAmount += amount;
    listener.onMarginCall(account, cause, amount);
    if (terms.deadlineSeconds() == 0) {
      followUp(index);
    } else {
      clock.at(deadline, Priority.CLEARING, this, index);
    }
  }

  private void close(int account) {
    int c = openCall[account];
    MarginCall call = calls.get(c);
    calls.set(
        c,
        call.with(
            call.liquidationOrders() > 0 ? MarginCall.Outcome.LIQUIDATED : MarginCall.Outcome.MET,
            call.liquidationOrders()));
    openCall[account] = -1;
  }

  /** At a call's deadline, and after each round of liquidation orders. */
  private void followUp(int index) {
    MarginCall call = calls.get(index);
    int account = call.account();
    if (openCall[account] != index) {
      return; // already closed
    }
    long equity = ledger.equity(account);
    long maint = maintenance(account);
    if (equity >= maint || maint == 0) {
      if (maint == 0 && equity < 0) {
        unsecuredDeficit -= equity;
      }
      close(account);
      return;
    }
    int sent = liquidate(account, call.cause(), equity, maint);
    calls.set(index, call.with(MarginCall.Outcome.OPEN, call.liquidationOrders() + sent));
    if (openCall[account] == index && maintenance(account) > 0) {
      if (ledger.equity(account) >= maintenance(account)) {
        close(account);
      } else {
        clock.after(Time.seconds(terms.retrySeconds()), Priority.CLEARING, this, index);
      }
    } else if (openCall[account] == index) {
      close(account);
    }
  }

  /** Sends the liquidation orders of one round; returns how many it sent. */
  private int liquidate(int account, int callCause, long equity, long maint) {
    MarginPolicy policy = policyOf[account];
    double f =
        equity <= 0 ? 1 : Math.max(0, Math.min(1, 1 - equity / ((1 + terms.buffer()) * maint)));
    double need = f * maint;
    Integer[] order = ranked(account);
    int sent = 0;
    for (int i : order) {
      if (need <= 0 && terms.order() != LiquidationOrder.PRO_RATA) {
        break;
      }
      long pos = ledger.position(account, i);
      if (pos == 0 || !exchange.isOpen(i)) {
        continue;
      }
      Instrument ins = instruments.get(i);
      long abs = Math.abs(pos);
      long lots;
      if (terms.order() == LiquidationOrder.PRO_RATA) {
        lots = Math.min(abs, (long) Math.ceil(f * abs));
      } else {
        long m = policy.maintenance(ins, pos, ledger.mark(i));
        if (m <= 0) {
          continue;
        }
        lots = Math.min(abs, (long) Math.ceil(abs * need / m));
        need -= (double) m * lots / abs;
      }
      if (lots <= 0) {
        continue;
      }
      Side side = pos > 0 ? Side.SELL : Side.BUY;
      int cause =
          causes.record(
              CauseKind.LIQUIDATION,
              -1,
              callCause,
              clock.now(),
              name + " liquidates " + ledger.name(account) + " " + ins.symbol());
      if (terms.iocAtBankruptcy()) {
        long bankruptcy = bankruptcyPrice(account, i);
        exchange.ioc(account, i, side, Math.max(1, bankruptcy), lots, cause);
        long left = ledger.position(account, i);
        // what the IOC could not sell at the bankruptcy price goes to the backstop at that price
        // (Binance: the insurance fund takes over what the liquidation order cannot fill)
        if (left != 0 && backstop != null) {
          backstop.absorb(account, i, bankruptcyPrice(account, i), callCause);
          revalue(); // takeovers and ADL move other accounts' positions off the book
        }
      } else {
        exchange.market(account, i, side, lots, cause);
      }
      liquidated[account] = true;
      liquidationOrders++;
      sent++;
    }
    return sent;
  }

  /**
   * Whether a check must evaluate the account: always, unless the account holds a single position
   * whose trigger price (cached when it was last found compliant) the mark has not reached, or
   * nothing at all. A 1,000-account ladder of isolated perpetual positions thus costs one
   * comparison per account per check instead of a revaluation.
   */
  private boolean reached(int account) {
    switch (watch[account]) {
      case FLAT:
        return false;
      case LONG_BELOW:
        return ledger.mark(watchedInstrument[account]) <= trigger[account];
      case SHORT_ABOVE:
        return ledger.mark(watchedInstrument[account]) >= trigger[account];
      default:
        return true;
    }
  }

  /**
   * Caches when a compliant account would next need a look. For a single position of q lots in an
   * instrument whose requirement depends only on its own mark (not the CCP's volatility-driven
   * rates), equity at mark x is E + q (x - M) c exactly, so the highest mark (long) or lowest mark
   * (short) at which equity < maintenance is found by bisection over ticks.
   */
  private void watch(int account, long equity, long maint) {
    int held = -1;
    for (int i = 0; i < refPrice.length; i++) {
      if (ledger.position(account, i) != 0) {
        if (held >= 0) {
          watch[account] = ALWAYS;
          return;
        }
        held = i;
      }
    }
    if (held < 0) {
      watch[account] = equity >= 0 ? FLAT : ALWAYS;
      return;
    }
    Instrument ins = instruments.get(held);
    if (maint <= 0 || equity < maint) {
      watch[account] = ALWAYS;
      return;
    }
    switch (ins.assetClass()) {
      case FUTURE:
      case METAL:
      case TREASURY:
        watch[account] = ALWAYS; // CCP rates move with volatility at every check
        return;
      default:
        break;
    }
    MarginPolicy policy = policyOf[account];
    long q = ledger.position(account, held);
    long mark = ledger.mark(held);
    double c = ins.cashPerTickLot();
    if (q > 0) {
      // called(x) is true at low x, false at the mark: find the highest called tick
      long lo = 0;
      long hi = mark;
      while (hi - lo > 1) {
        long mid = (lo + hi) >>> 1;
        if (called(policy, ins, q, mid, equity, mark, c)) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      watch[account] = LONG_BELOW;
      trigger[account] = lo + 1; // one tick of slack against rounding
    } else {
      long lo = mark;
      long hi = mark + (long) Math.ceil(equity / (-q * c)) + 1;
      while (!called(policy, ins, q, hi, equity, mark, c)) {
        hi = hi * 2 + 1;
      }
      while (hi - lo > 1) {
        long mid = (lo + hi) >>> 1;
        if (called(policy, ins, q, mid, equity, mark, c)) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      watch[account] = SHORT_ABOVE;
      trigger[account] = hi - 1;
    }
    if (watchedInstrument.length < watch.length) {
      watchedInstrument = Arrays.copyOf(watchedInstrument, watch.length);
    }
    watchedInstrument[account] = held;
  }

  private static boolean called(
      MarginPolicy p, Instrument ins, long q, long x, long equity, long mark, double c) {
    double e = equity + q * (double) (x - mark) * c;
    return e < p.maintenance(ins, q, Math.max(0, x));
  }

  /** Accounts evaluated in full by checks so far (the others were skipped by trigger price). */
  public long fullChecks() {
    return fullChecks;
  }

  /**
   * The price of instrument i at which the account's equity would be zero, other marks unchanged:
   * mark - equity / (position x cashPerTickLot), rounded towards the mark.
   */
  public long bankruptcyPrice(int account, int instrument) {
    long pos = ledger.position(account, instrument);
    long mark = ledger.mark(instrument);
    if (pos == 0) {
      return mark;
    }
    double per = (double) pos * instruments.get(instrument).cashPerTickLot();
    double p = mark - ledger.equity(account) / per;
    return pos > 0 ? (long) Math.ceil(p) : (long) Math.floor(p);
  }

  private int largestPosition(int account) {
    int best = -1;
    double most = 0;
    for (int i = 0; i < instruments.size(); i++) {
      double n =
          Math.abs((double) ledger.position(account, i))
              * ledger.mark(i)
              * instruments.get(i).cashPerTickLot();
      if (n > most) {
        most = n;
        best = i;
      }
    }
    return best;
  }

  private Integer[] ranked(int account) {
    List<Integer> held = new ArrayList<>();
    for (int i = 0; i < instruments.size(); i++) {
      if (ledger.position(account, i) != 0) {
        held.add(i);
      }
    }
    Integer[] order = held.toArray(new Integer[0]);
    switch (terms.order()) {
      case MOST_LIQUID_FIRST:
        Arrays.sort(order, (a, b) -> Double.compare(tradedNotional(b), tradedNotional(a)));
        break;
      case BIGGEST_WINNERS_FIRST:
        Arrays.sort(order, (a, b) -> Double.compare(gain(account, b), gain(account, a)));
        break;
      default:
        break;
    }
    return order;
  }

  private double tradedNotional(int i) {
    return (double) exchange.volume(i)
        * exchange.lastPrice(i)
        * instruments.get(i).cashPerTickLot();
  }

  /** Unrealised gain of a position, micro-units. */
  private double gain(int account, int i) {
    long pos = ledger.position(account, i);
    return pos
        * (ledger.mark(i) - ledger.entryPrice(account, i))
        * instruments.get(i).cashPerTickLot();
  }

  // ---- MarketListener ----

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
    moves.onTrade(i, price, aggressor == Side.BUY ? buyCause : sellCause);
    if (covers(buyAccount)) {
      watch[buyAccount] = STALE;
    }
    if (covers(sellAccount)) {
      watch[sellAccount] = STALE;
    }
    long notional = price * qty * instrument.cashPerTickLot();
    if (covers(sellAccount) && causes.kind(sellCause) == CauseKind.LIQUIDATION) {
      longNotional[i] += notional;
      liquidationTrades[i]++;
    }
    if (covers(buyAccount) && causes.kind(buyCause) == CauseKind.LIQUIDATION) {
      shortNotional[i] += notional;
      liquidationTrades[i]++;
    }
    if (price != lastTrade[i]) {
      lastTrade[i] = price;
      lastMover[i] = aggressor == Side.BUY ? buyCause : sellCause;
    }
    if (!started) {
      return;
    }
    long ref = refPrice[i];
    if (Math.abs(price - ref) * 100 >= terms.moveTriggerPct() * ref) {
      refPrice[i] = price;
      int mover = aggressor == Side.BUY ? buyCause : sellCause;
      movers[moverCount % MOVERS] = mover;
      moverCount++;
      scheduleCheck(mover);
    }
  }

  // ---- statistics ----

  /** Every call so far, in the order issued. */
  public List<MarginCall> calls() {
    return Collections.unmodifiableList(calls);
  }

  /** Sum of the amounts of every call, micro-units. */
  public long callAmount() {
    return callAmount;
  }

  /** Liquidation orders sent. */
  public int liquidationOrders() {
    return liquidationOrders;
  }

  /** Whether the broker has sent at least one liquidation order for {@code account}. */
  public boolean hasLiquidated(int account) {
    return account >= 0 && account < liquidated.length && liquidated[account];
  }

  /** Accounts the broker has sent at least one liquidation order for. */
  public int accountsLiquidated() {
    int n = 0;
    for (int k = 0; k < accountCount; k++) {
      n += liquidated[accounts[k]] ? 1 : 0;
    }
    return n;
  }

  /** Notional of long positions sold by liquidation in an instrument, micro-units. */
  public long longsLiquidated(int instrument) {
    return longNotional[instrument];
  }

  /** Notional of short positions bought back by liquidation in an instrument, micro-units. */
  public long shortsLiquidated(int instrument) {
    return shortNotional[instrument];
  }

  /** Variation margin paid to gaining accounts at this broker's checks, micro-units. */
  public long variationPaid() {
    return variationPaid;
  }

  /** Losses beyond the equity of accounts that ended flat, micro-units. */
  public long unsecuredDeficit() {
    return unsecuredDeficit;
  }
}
