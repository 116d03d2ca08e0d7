package dev.cascade.market;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.ledger.Ledger;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An exchange wired as {@code Simulations.resolve} wires it (scheduler, cause log, real ledger as
 * clearing, marks from the exchange's last prices), over three instruments: SPY (ETF, the halt
 * reference, 100.00 dollars), AAPL (equity, 200.00 dollars), BTC (crypto, 24/7, 50,000 dollars in
 * whole-dollar ticks and lots of 0.001 coin). Records every trade and halt.
 */
final class ExchangeFixture {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final int SPY = 0;
  static final int AAPL = 1;
  static final int BTC = 2;

  /** A trade as the exchange reports it to listeners. */
  record Fill(
      long time,
      int instrument,
      long price,
      long qty,
      Side aggressor,
      int buyAccount,
      int sellAccount,
      int buyCause,
      int sellCause) {}

  /** A halt as the exchange reports it. */
  record HaltEvent(long time, int instrument, long until, String reason) {}

  final Scheduler clock;
  final CauseLog causes = new CauseLog();
  final Ledger ledger;
  final Exchange exchange;
  final List<Instrument> instruments;
  final List<Fill> fills = new ArrayList<>();
  final List<HaltEvent> halts = new ArrayList<>();

  ExchangeFixture(long start, MarketRules rules, double takerFeeBps, double makerFeeBps) {
    clock = new Scheduler(start);
    instruments =
        List.of(
            instrument(SPY, "SPY", AssetClass.ETF, "0.01", "1", SessionKind.US_EQUITY, 10_000),
            instrument(AAPL, "AAPL", AssetClass.EQUITY, "0.01", "1", SessionKind.US_EQUITY, 20_000),
            instrument(
                BTC, "BTC", AssetClass.CRYPTO, "1", "0.001", SessionKind.CRYPTO_24_7, 50_000));
    Exchange[] ref = new Exchange[1];
    ledger = new Ledger(instruments, takerFeeBps, makerFeeBps, i -> ref[0].lastPrice(i));
    exchange =
        new Exchange(clock, causes, instruments, rules, ledger, new double[] {0.2, 0.3, 0.6});
    ref[0] = exchange;
    exchange.addListener(
        new MarketListener() {
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
            fills.add(
                new Fill(
                    time,
                    instrument.id(),
                    price,
                    qty,
                    aggressor,
                    buyAccount,
                    sellAccount,
                    buyCause,
                    sellCause));
          }

          @Override
          public void onHalt(long time, Instrument instrument, long untilNanos, String reason) {
            halts.add(new HaltEvent(time, instrument.id(), untilNanos, reason));
          }
        });
  }

  /** No fees, bands off, NYSE halts on SPY, 5% collar; the clock at the given New York time. */
  static ExchangeFixture at(String newYorkTime) {
    return new ExchangeFixture(ny(newYorkTime), rules(0, 5), 0, 0);
  }

  static MarketRules rules(double bandPct, double collarPct) {
    return new MarketRules(
        SPY,
        List.of(7.0, 13.0, 20.0),
        List.of(15, 15, -1),
        LocalTime.of(15, 25),
        bandPct,
        300 * Time.NANOS_PER_SECOND,
        300 * Time.NANOS_PER_SECOND,
        collarPct);
  }

  static long ny(String localDateTime) {
    return Time.of(LocalDateTime.parse(localDateTime), NEW_YORK);
  }

  private static Instrument instrument(
      int id, String sym, AssetClass ac, String tick, String lot, SessionKind s, long ref) {
    return new Instrument(
        id, sym, ac, new BigDecimal(tick), new BigDecimal(lot), BigDecimal.ONE, "USD", s, ref);
  }

  /** A cash account endowed with {@code dollars} from the external account. */
  int cashAccount(String name, long dollars) {
    int a = ledger.openAccount(name, AccountKind.CASH, 0);
    ledger.transferCash(Ledger.EXTERNAL, a, dollars * Instrument.CASH_UNITS_PER_CURRENCY_UNIT);
    return a;
  }

  /** A margin account endowed with {@code dollars}, allowed {@code leverage} times its equity. */
  int marginAccount(String name, long dollars, double leverage) {
    int a = ledger.openAccount(name, AccountKind.MARGIN, leverage);
    ledger.transferCash(Ledger.EXTERNAL, a, dollars * Instrument.CASH_UNITS_PER_CURRENCY_UNIT);
    return a;
  }

  /** A cash account with plenty of cash and of every instrument: a liquidity provider. */
  int whale(String name) {
    int a = cashAccount(name, 1_000_000_000L);
    for (Instrument i : instruments) {
      ledger.transferUnits(Ledger.EXTERNAL, a, i.id(), 1_000_000);
    }
    return a;
  }

  int cause(String label) {
    return causes.record(CauseKind.NOISE, 0, CauseLog.GENESIS, clock.now(), label);
  }

  /** Prints one trade of {@code qty} lots at {@code price} between two whale accounts. */
  void print(int instrument, long price, long qty, int buyer, int seller, int cause) {
    long bid = exchange.limit(buyer, instrument, Side.BUY, price, qty, cause);
    if (bid < 0) {
      throw new IllegalStateException("bid rejected: " + RejectReason.ofResult(bid));
    }
    long sell = exchange.ioc(seller, instrument, Side.SELL, price, qty, cause);
    if (sell < 0) {
      throw new IllegalStateException("sell rejected: " + RejectReason.ofResult(sell));
    }
  }

  void advanceTo(long time) {
    clock.runUntil(time);
  }
}
