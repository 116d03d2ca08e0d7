package dev.cascade.market;

import static dev.cascade.market.ExchangeFixture.AAPL;
import static dev.cascade.market.ExchangeFixture.BTC;
import static dev.cascade.market.ExchangeFixture.SPY;
import static dev.cascade.market.ExchangeFixture.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cascade.kernel.Time;
import dev.cascade.market.ExchangeFixture.HaltEvent;
import org.junit.jupiter.api.Test;

/**
 * Market-wide circuit breakers (NYSE Rule 7.12) on the reference SPY, prior close 100.00: a 7% fall
 * halts US equities, ETFs and indices for 15 minutes, 13% again, 20% closes them for the day;
 * levels 1 and 2 do not halt from 15:25 New York; each level once a day; crypto never halts.
 */
class ExchangeCircuitBreakerTest {
  private static final long MINUTE = Time.NANOS_PER_MINUTE;

  private ExchangeFixture f;
  private int a;
  private int b;

  private void startAt(String newYorkTime) {
    f = ExchangeFixture.at(newYorkTime);
    a = f.whale("a");
    b = f.whale("b");
  }

  @Test
  void aSevenPercentFallHaltsUsEquitiesForFifteenMinutesButNotCrypto() {
    startAt("2025-11-18T10:00");
    long now = f.clock.now();

    f.print(SPY, 9_300, 1, a, b, 0);

    assertThat(f.halts)
        .extracting(HaltEvent::instrument, HaltEvent::until)
        .containsExactly(tuple(SPY, now + 15 * MINUTE), tuple(AAPL, now + 15 * MINUTE));
    assertThat(f.halts.get(0).reason()).contains("level 1");
    assertThat(f.exchange.isOpen(SPY)).isFalse();
    assertThat(f.exchange.isOpen(AAPL)).isFalse();
    assertThat(f.exchange.isOpen(BTC)).isTrue();
    assertThat(f.exchange.limit(a, BTC, Side.BUY, 49_000, 1, 0)).isPositive();

    f.advanceTo(now + 15 * MINUTE);

    assertThat(f.exchange.isOpen(SPY)).isTrue();
    assertThat(f.exchange.isOpen(AAPL)).isTrue();
  }

  @Test
  void aFallJustShortOfSevenPercentDoesNotHalt() {
    startAt("2025-11-18T10:00");

    f.print(SPY, 9_301, 1, a, b, 0);

    assertThat(f.halts).isEmpty();
  }

  @Test
  void levelTwoHaltsAgainAtThirteenPercentAndEachLevelFiresOncePerDay() {
    startAt("2025-11-18T10:00");
    f.print(SPY, 9_300, 1, a, b, 0);
    f.advanceTo(ny("2025-11-18T10:30"));

    f.print(SPY, 9_200, 1, a, b, 0); // still past level 1: no second level-1 halt
    assertThat(f.halts).hasSize(2);

    f.print(SPY, 8_700, 1, a, b, 0);

    assertThat(f.halts).hasSize(4);
    assertThat(f.halts.get(2).reason()).contains("level 2");
    assertThat(f.halts.get(2).until()).isEqualTo(ny("2025-11-18T10:45"));
    f.advanceTo(ny("2025-11-18T11:00"));
    f.print(SPY, 8_600, 1, a, b, 0);
    assertThat(f.halts).hasSize(4);
  }

  @Test
  void levelThreeAtTwentyPercentClosesUsEquitiesForTheRestOfTheDay() {
    startAt("2025-11-18T10:00");
    f.exchange.limit(a, SPY, Side.BUY, 8_000, 1, 0);

    f.exchange.ioc(b, SPY, Side.SELL, 8_000, 1, 0);

    assertThat(f.halts)
        .filteredOn(h -> h.instrument() == SPY)
        .last()
        .satisfies(h -> assertThat(h.until()).isEqualTo(ny("2025-11-18T16:00")));
    assertThat(f.halts).noneMatch(h -> h.instrument() == BTC);
    f.advanceTo(ny("2025-11-18T15:59"));
    assertThat(f.exchange.isOpen(AAPL)).isFalse();
    assertThat(f.exchange.isOpen(BTC)).isTrue();
  }

  @Test
  void fromThreeTwentyFiveOnlyLevelThreeHalts() {
    startAt("2025-11-18T15:25");

    f.print(SPY, 8_600, 1, a, b, 0); // -14%: levels 1 and 2 pass without a halt

    assertThat(f.halts).isEmpty();
    assertThat(f.exchange.isOpen(SPY)).isTrue();

    f.print(SPY, 7_900, 1, a, b, 0);

    assertThat(f.halts).isNotEmpty().allMatch(h -> h.until() == ny("2025-11-18T16:00"));
  }

  @Test
  void justBeforeThreeTwentyFiveLevelOneStillHalts() {
    startAt("2025-11-18T15:24:59");

    f.print(SPY, 9_300, 1, a, b, 0);

    assertThat(f.halts).isNotEmpty();
  }

  @Test
  void theNextDayMeasuresFromThatDaysPriorCloseWithEveryLevelArmedAgain() {
    startAt("2025-11-18T10:00");
    f.print(SPY, 9_300, 1, a, b, 0); // day one: level 1 fires
    f.advanceTo(ny("2025-11-18T15:00"));
    f.print(SPY, 9_500, 1, a, b, 0); // day one closes at 95.00
    int haltsOnDayOne = f.halts.size();
    f.advanceTo(ny("2025-11-19T09:30"));

    f.print(SPY, 8_900, 1, a, b, 0); // -6.3% from 95.00 (but -11% from 100.00)
    assertThat(f.halts).hasSize(haltsOnDayOne);

    f.print(SPY, 8_830, 1, a, b, 0); // -7.05% from 95.00
    assertThat(f.halts).hasSize(haltsOnDayOne + 2);
    assertThat(f.halts.get(haltsOnDayOne).reason()).contains("level 1");
  }

  @Test
  void onlyTradesInTheReferenceTriggerMarketWideHalts() {
    startAt("2025-11-18T10:00");

    f.print(AAPL, 10_000, 1, a, b, 0); // AAPL -50%

    assertThat(f.halts).isEmpty();
  }
}
