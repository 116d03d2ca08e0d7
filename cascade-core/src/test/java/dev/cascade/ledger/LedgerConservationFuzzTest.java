package dev.cascade.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Scheduler;
import dev.cascade.kernel.SessionKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.AssetClass;
import dev.cascade.market.Exchange;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketRules;
import dev.cascade.market.Side;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random order flow of every kind (limit, IOC, market, stop, cancel, reduce, time passing
 * through halts and the close) from cash and margin accounts through the exchange. After every
 * operation: cash and units are conserved, checked both by the ledger and by summing independently;
 * no cash account has negative cash or a negative position; no account reserves more cash than it
 * has. When every order is gone, nothing stays reserved.
 */
class LedgerConservationFuzzTest {
  private static final long DOLLAR = Instrument.CASH_UNITS_PER_CURRENCY_UNIT;
  private static final int OPERATIONS = 6_000;

  private Ledger ledger;
  private Exchange exchange;
  private Scheduler clock;
  private List<Instrument> instruments;
  private final List<int[]> accountsAndKinds = new ArrayList<>();

  private static Instrument instrument(
      int id, String sym, AssetClass ac, String tick, String lot, SessionKind s, long ref) {
    return new Instrument(
        id, sym, ac, new BigDecimal(tick), new BigDecimal(lot), BigDecimal.ONE, "USD", s, ref);
  }

  private void build() {
    clock =
        new Scheduler(
            Time.of(LocalDateTime.parse("2025-11-18T15:00"), ZoneId.of("America/New_York")));
    instruments =
        List.of(
            instrument(0, "SPY", AssetClass.ETF, "0.01", "1", SessionKind.US_EQUITY, 10_000),
            instrument(1, "AAPL", AssetClass.EQUITY, "0.01", "1", SessionKind.US_EQUITY, 20_000),
            instrument(2, "BTC", AssetClass.CRYPTO, "1", "0.001", SessionKind.CRYPTO_24_7, 50_000));
    MarketRules rules =
        new MarketRules(
            0,
            List.of(3.0, 6.0, 9.0),
            List.of(2, 2, -1),
            LocalTime.of(15, 25),
            4,
            60 * Time.NANOS_PER_SECOND,
            30 * Time.NANOS_PER_SECOND,
            3);
    Exchange[] ref = new Exchange[1];
    ledger = new Ledger(instruments, 0.3, -0.1, i -> ref[0].lastPrice(i));
    exchange =
        new Exchange(clock, new CauseLog(), instruments, rules, ledger, new double[] {.2, .3, .6});
    ref[0] = exchange;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 2_025, 31_337})
  void conservationAndCashAccountLimitsHoldAfterEveryOperation(long seed) {
    build();
    SplittableRandom rng = new SplittableRandom(seed);
    List<Integer> accounts = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      boolean margin = k % 3 == 2;
      int a =
          ledger.openAccount(
              "trader-" + k, margin ? AccountKind.MARGIN : AccountKind.CASH, margin ? 3 : 0);
      ledger.transferCash(Ledger.EXTERNAL, a, (20_000 + rng.nextInt(80_000)) * DOLLAR);
      for (Instrument i : instruments) {
        ledger.transferUnits(Ledger.EXTERNAL, a, i.id(), rng.nextInt(200));
      }
      accounts.add(a);
    }
    List<long[]> open = new ArrayList<>(); // {orderId, account}

    for (int op = 0; op < OPERATIONS; op++) {
      int account = accounts.get(rng.nextInt(accounts.size()));
      int ins = rng.nextInt(instruments.size());
      Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
      long last = exchange.lastPrice(ins);
      long price = Math.max(1, last + Math.round(last * 0.02 * (rng.nextDouble() * 2 - 1)));
      long qty = 1 + rng.nextInt(rng.nextInt(10) == 0 ? 200 : 20);
      int kind = rng.nextInt(100);
      String what;
      if (kind < 40) {
        what = "limit";
        remember(open, exchange.limit(account, ins, side, price, qty, 0), account);
      } else if (kind < 50) {
        what = "ioc";
        exchange.ioc(account, ins, side, price, qty, 0);
      } else if (kind < 60) {
        what = "market";
        exchange.market(account, ins, side, qty, 0);
      } else if (kind < 67) {
        what = "stop";
        long stopPx = side == Side.SELL ? price - last / 100 : price + last / 100;
        remember(open, exchange.stop(account, ins, side, Math.max(1, stopPx), qty, 0), account);
      } else if (kind < 82 && !open.isEmpty()) {
        what = "cancel";
        long[] o = open.remove(rng.nextInt(open.size()));
        exchange.cancel((int) o[1], o[0]);
      } else if (kind < 92 && !open.isEmpty()) {
        what = "reduce";
        long[] o = open.get(rng.nextInt(open.size()));
        long left = exchange.openQty(o[0]);
        if (left > 1) {
          exchange.reduce((int) o[1], o[0], rng.nextLong(left));
        }
      } else {
        what = "time";
        clock.runUntil(clock.now() + rng.nextLong(90 * Time.NANOS_PER_SECOND));
      }
      assertBooksBalance("seed " + seed + ", op " + op + " (" + what + ")");
    }

    for (long[] o : open) {
      exchange.cancel((int) o[1], o[0]);
    }
    for (int a : accounts) {
      assertThat(ledger.freeCash(a))
          .as("account %d after every order is gone", a)
          .isEqualTo(ledger.cash(a));
    }
    long traded = 0;
    for (Instrument i : instruments) {
      traded += exchange.volume(i.id());
    }
    assertThat(traded).as("the flow actually trades").isGreaterThan(1_000);
  }

  private static void remember(List<long[]> open, long id, int account) {
    if (id > 0) {
      open.add(new long[] {id, account});
    }
  }

  private void assertBooksBalance(String where) {
    assertThat(ledger.conservation().holds()).as(where).isTrue();
    long cashSum = 0;
    for (int a = 0; a < ledger.accountCount(); a++) {
      cashSum += ledger.cash(a);
    }
    assertThat(cashSum).as(where + ": cash summed independently").isZero();
    for (Instrument i : instruments) {
      long units = 0;
      for (int a = 0; a < ledger.accountCount(); a++) {
        units += ledger.position(a, i.id());
      }
      assertThat(units).as(where + ": units of " + i.symbol()).isZero();
    }
    for (int a = 0; a < ledger.accountCount(); a++) {
      if (ledger.kind(a) != AccountKind.CASH) {
        continue;
      }
      assertThat(ledger.cash(a)).as(where + ": cash of " + ledger.name(a)).isNotNegative();
      assertThat(ledger.freeCash(a)).as(where + ": free cash of " + ledger.name(a)).isNotNegative();
      assertThat(ledger.freeCash(a))
          .as(where + ": reserved cash of " + ledger.name(a))
          .isLessThanOrEqualTo(ledger.cash(a));
      for (Instrument i : instruments) {
        assertThat(ledger.position(a, i.id()))
            .as(where + ": " + i.symbol() + " of " + ledger.name(a))
            .isNotNegative();
      }
    }
  }
}
