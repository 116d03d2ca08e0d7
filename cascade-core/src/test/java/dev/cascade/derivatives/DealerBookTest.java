package dev.cascade.derivatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.kernel.Time;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DealerBookTest {
  private static final ZoneId NY = ZoneId.of("America/New_York");
  private static final long NOW = Time.of(LocalDateTime.of(2025, 11, 18, 10, 0), NY);
  private static final long WEEK = NOW + 7 * Time.NANOS_PER_DAY;
  private static final VolSurface FLAT = new VolSurface(VolSurfaceParams.flat(0.2), 100);

  @Test
  void aShortPutBookIsShortGammaAndItsDeltaRisesAsSpotFalls() {
    DealerBook book = new DealerBook(0, 0);
    book.add(OptionType.PUT, 100, WEEK, -1000);

    assertThat(book.gammaPerOnePercent(100, NOW, FLAT, 100)).isNegative();
    // Short gamma: the book gets longer as spot falls, so its hedge must sell into the fall.
    assertThat(book.delta(99, NOW, FLAT)).isGreaterThan(book.delta(100, NOW, FLAT));
    assertThat(book.delta(101, NOW, FLAT)).isLessThan(book.delta(100, NOW, FLAT));
  }

  @Test
  void aLongCallBookIsLongGammaAndItsDeltaFallsAsSpotFalls() {
    DealerBook book = new DealerBook(0, 0);
    book.add(OptionType.CALL, 100, WEEK, 1000);

    assertThat(book.gammaPerOnePercent(100, NOW, FLAT, 100)).isPositive();
    assertThat(book.delta(99, NOW, FLAT)).isLessThan(book.delta(100, NOW, FLAT));
  }

  @Test
  void gammaExposureIsTheFiniteDifferenceOfDeltaInDollarsPerOnePercent() {
    DealerBook book = new DealerBook(0.03, 0.01);
    book.add(OptionType.PUT, 95, WEEK, -700);
    book.add(OptionType.CALL, 104, WEEK + 7 * Time.NANOS_PER_DAY, 400);
    double s = 100;
    double h = 1e-3;
    double dDelta = (book.delta(s + h, NOW, FLAT) - book.delta(s - h, NOW, FLAT)) / (2 * h);

    // GEX = Gamma (units per $) * S * (1% of S): dollars of delta per 1% move.
    assertThat(book.gammaPerOnePercent(s, NOW, FLAT, s))
        .isCloseTo(dDelta * s * s * 0.01, within(1e-6 * Math.abs(dDelta * s * s * 0.01)));
  }

  @Test
  void expiredLinesRollOffAndTheRestStay() {
    DealerBook book = new DealerBook(0, 0);
    long today = NOW + 6 * Time.NANOS_PER_HOUR;
    book.add(OptionType.PUT, 100, today, -300);
    book.add(OptionType.CALL, 105, today, 200);
    book.add(OptionType.PUT, 95, WEEK, -500);

    assertThat(book.rollOff(today - 1)).isZero();
    assertThat(book.rollOff(today)).isEqualTo(500);
    assertThat(book.lines()).isEqualTo(1);
    assertThat(book.grossContracts()).isEqualTo(500);
    assertThat(book.earliestExpiry()).isEqualTo(WEEK);
  }

  @Test
  void onlyLongCallsThatHaveExpiredCountForTheOverwritersRoll() {
    DealerBook book = new DealerBook(0, 0);
    long today = NOW + Time.NANOS_PER_HOUR;
    book.add(OptionType.CALL, 102, today, 400);
    book.add(OptionType.CALL, 104, today, -50);
    book.add(OptionType.PUT, 95, today, 300);
    book.add(OptionType.CALL, 102, WEEK, 700);

    assertThat(book.longContractsExpiring(OptionType.CALL, NOW)).isZero();
    assertThat(book.longContractsExpiring(OptionType.CALL, today)).isEqualTo(400);
    assertThat(book.longContractsExpiring(OptionType.PUT, today)).isEqualTo(300);
    assertThat(book.longContractsExpiring(OptionType.CALL, WEEK)).isEqualTo(1100);
  }

  @Test
  void longCallsWrittenByOverwritersMakeTheBookLongerGamma() {
    DealerBook book = new DealerBook(0, 0);
    book.add(OptionType.PUT, 98, WEEK, -1000);
    double before = book.gammaPerOnePercent(100, NOW, FLAT, 100);
    double deltaBefore = book.delta(100, NOW, FLAT);
    book.add(OptionType.CALL, 102, WEEK, 400);

    assertThat(book.gammaPerOnePercent(100, NOW, FLAT, 100)).isGreaterThan(before);
    // long delta too: the dealer sells the underlying to hedge the calls it bought
    assertThat(book.delta(100, NOW, FLAT)).isGreaterThan(deltaBefore);
  }

  @Test
  void customerPutsAddToTheDealersShortPutsAndMakeItShorterGamma() {
    DealerBook book = new DealerBook(0, 0);
    book.add(OptionType.CALL, 102, WEEK, 1000);
    double before = book.gammaPerOnePercent(100, NOW, FLAT, 100);
    book.add(OptionType.PUT, 95, WEEK, -300);
    book.add(OptionType.PUT, 95, WEEK, -200);

    assertThat(book.lines()).isEqualTo(2);
    assertThat(book.netContracts(OptionType.PUT)).isEqualTo(-500);
    assertThat(book.gammaPerOnePercent(100, NOW, FLAT, 100)).isLessThan(before);
  }

  @Test
  void aGeneratedBookHasItsNotionalRatioAndExpiriesAtFourInTheAfternoon() {
    DealerBookSpec spec = new DealerBookSpec(1e8, 1.5, 3, 2, 4, 1, 10, 3, 1, 7, 1, -1);
    DealerBook book = spec.build(500, NOW, NY, 0, 0);
    double contracts = 1e8 / (100 * 500.0);

    assertThat((double) book.grossContracts()).isCloseTo(contracts, within(0.01 * contracts));
    assertThat((double) -book.netContracts(OptionType.PUT) / book.netContracts(OptionType.CALL))
        .isCloseTo(1.5, within(0.02));
    assertThat(Time.toInstant(spec.expiryNanos(0, NOW, NY)).atZone(NY).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2025, 11, 19, 16, 0));
    assertThat(book.earliestExpiry()).isEqualTo(spec.expiryNanos(0, NOW, NY));
  }

  @Test
  void aStrikeGridWiderThanItsCentreKeepsOnlyPositiveStrikes() {
    // 10% steps, 200 each side: strikes down to -1,900% of the centre. The loader allows both
    // values, and this once failed the dealer's construction ("strikes would reach zero").
    DealerBookSpec spec = new DealerBookSpec(1e8, 1.5, 3, 2, 4, 10, 200, 1, 1, 7, 1, -1);
    DealerBook book = spec.build(500, NOW, NY, 0, 0);
    // j = -9..200 of each profile are positive strikes (the book refuses any other); those far
    // from the centres round to no contracts and hold no line.
    assertThat(book.lines()).isBetween(1, 2 * 210);
    double contracts = 1e8 / (100 * 500.0);
    assertThat((double) book.grossContracts()).isCloseTo(contracts, within(0.01 * contracts));
  }

  @Test
  void theFlipLiesBetweenLongCallsAboveAndShortPutsBelow() {
    // Equal long calls at 105 and short puts at 95, one expiry, r = q = 0: S^2 Gamma is
    // proportional to S n(d1), so the two cancel where |d1| is equal, at
    // S = sqrt(95 * 105) exp(-sigma^2 T / 2).
    DealerBook book = new DealerBook(0, 0);
    book.add(OptionType.CALL, 105, WEEK, 1000);
    book.add(OptionType.PUT, 95, WEEK, -1000);
    double flip =
        GammaFlip.nearest(
            s -> book.gammaPerOnePercent(s, NOW, FLAT, 100),
            100,
            GammaFlip.GRID_PCT,
            GammaFlip.STEPS);

    double variance = 0.2 * 0.2 * 7 / 365;
    assertThat(flip).isCloseTo(Math.sqrt(95 * 105) * Math.exp(-variance / 2), within(1e-6));
  }

  @Test
  void aBookWithGammaOfOneSignHasNoFlip() {
    DealerBook book = new DealerBook(0, 0);
    book.add(OptionType.PUT, 95, WEEK, -1000);
    book.add(OptionType.PUT, 100, WEEK, -1000);

    assertThat(GammaFlip.nearest(s -> book.gammaPerOnePercent(s, NOW, FLAT, 100), 100, 20, 81))
        .isNaN();
  }
}
