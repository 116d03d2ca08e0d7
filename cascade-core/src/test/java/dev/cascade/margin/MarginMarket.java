package dev.cascade.margin;

import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.ledger.Ledger;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketRules;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/**
 * A small 24/7 market for margin tests: a stock XYZ at 100.00 (cent ticks, one share a lot) and a
 * BTC perpetual at 100,000 (1-dollar ticks, 0.001 BTC a lot), no fees, no bands, no halts. Two
 * accounts of the outside world's kind print prices and provide bids.
 */
public final class MarginMarket {
  public static final int XYZ = 0;
  public static final int PERP = 1;

  public final Scheduler clock =
      new Scheduler(Time.ofInstant(java.time.Instant.parse("2025-10-10T20:00:00Z")));
  public final CauseLog causes = new CauseLog();
  public final List<Instrument> instruments =
      List.of(
          new Instrument(
              XYZ,
              "XYZ",
              AssetClass.EQUITY,
              new BigDecimal("0.01"),
              BigDecimal.ONE,
              BigDecimal.ONE,
              "USD",
              SessionKind.CRYPTO_24_7,
              10_000),
          new Instrument(
              PERP,
              "BTC-PERP",
              AssetClass.CRYPTO_PERP,
              BigDecimal.ONE,
              new BigDecimal("0.001"),
              BigDecimal.ONE,
              "USD",
              SessionKind.CRYPTO_24_7,
              100_000));
  final Exchange[] ref = new Exchange[1];
  public final Ledger ledger = new Ledger(instruments, 0, 0, i -> ref[0].lastPrice(i));
  public final Exchange exchange =
      new Exchange(
          clock,
          causes,
          instruments,
          new MarketRules(-1, List.of(), List.of(), LocalTime.of(15, 50), 0, 0, 0, 50),
          ledger,
          new double[] {0.3, 0.5});
  public final int printerBuy = ledger.openAccount("printer-buy", AccountKind.EXTERNAL, 0);
  public final int printerSell = ledger.openAccount("printer-sell", AccountKind.EXTERNAL, 0);
  public final int liquidity = ledger.openAccount("liquidity", AccountKind.EXTERNAL, 0);

  public MarginMarket() {
    ref[0] = exchange;
  }

  /** A margin account with cash (dollars). */
  public int marginAccount(String name, long dollars) {
    int a = ledger.openAccount(name, AccountKind.MARGIN, 100);
    ledger.transferCash(Ledger.EXTERNAL, a, dollars * 1_000_000);
    return a;
  }

  /** Gives an account a position bought from the outside world at a price (ticks). */
  public void fill(int account, int instrument, long lots, long priceTicks) {
    if (lots > 0) {
      ledger.transferAtPrice(instrument, account, Ledger.EXTERNAL, priceTicks, lots);
    } else {
      ledger.transferAtPrice(instrument, Ledger.EXTERNAL, account, priceTicks, -lots);
    }
  }

  /** Prints one lot at a price, returning the cause of the selling order that printed it. */
  public int print(int instrument, long priceTicks) {
    int buy = causes.record(CauseKind.NOISE, -1, CauseLog.GENESIS, clock.now(), "bid");
    int sell = causes.record(CauseKind.NOISE, -1, CauseLog.GENESIS, clock.now(), "print");
    exchange.limit(printerBuy, instrument, Side.BUY, priceTicks, 1, buy);
    exchange.ioc(printerSell, instrument, Side.SELL, priceTicks, 1, sell);
    return sell;
  }

  /** Rests bids from the liquidity account: {@code levels} prices {@code step} apart. */
  public void bids(int instrument, long top, long step, int levels, long lotsEach) {
    int c = causes.record(CauseKind.QUOTE, -1, CauseLog.GENESIS, clock.now(), "bids");
    for (int k = 0; k < levels; k++) {
      exchange.limit(liquidity, instrument, Side.BUY, top - k * step, lotsEach, c);
    }
  }

  public PrimeBroker broker(MarginTerms terms) {
    PrimeBroker b = new PrimeBroker("broker", clock, causes, exchange, ledger, terms, null);
    exchange.addListener(b);
    ledger.setMarginCheck(b);
    return b;
  }

  public void runFor(double seconds) {
    clock.runUntil(clock.now() + Time.seconds(seconds));
  }
}
