package dev.cascade.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cascade.derivatives.CboeChainCsv;
import dev.cascade.derivatives.ChainLoad;
import dev.cascade.derivatives.ChainVols;
import dev.cascade.derivatives.DealerConvention;
import dev.cascade.derivatives.GeneratedBookSpec;
import dev.cascade.derivatives.OpenInterestBook;
import dev.cascade.derivatives.OptionContract;
import dev.cascade.derivatives.OptionType;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class GexProfileTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2011, 1, 24, 14, 3);
  private static final Path CHAIN =
      Path.of("..", "data", "spx_options_2011-01-24_raw_cboe_format.csv");

  private static OptionContract contract(OptionType type, double k, int days, long oi) {
    return new OptionContract("X", type, k, NOW.plusDays(days), oi, 0, 0);
  }

  @Test
  void longCallOnlyBookIsPositiveEverywhereWithNoFlip() {
    OpenInterestBook book =
        new OpenInterestBook(
            "X",
            100,
            NOW,
            List.of(
                contract(OptionType.CALL, 100, 30, 1000), contract(OptionType.CALL, 110, 60, 500)),
            DealerConvention.standard());
    GexProfile p = GexProfile.compute(book, c -> 0.2, 0.0, 0.0, 20, 41);
    assertThat(p.points()).allSatisfy(pt -> assertThat(pt.net()).isPositive());
    assertThat(p.flips()).isEmpty();
    assertThat(p.putWall()).isEmpty();
    assertThat(p.callWall().get().strike()).isEqualTo(100);
  }

  /** One contract: GEX = Gamma * OI * 100 * S^2 * 0.01 exactly. */
  @Test
  void singleContractMatchesTheFormula() {
    OpenInterestBook book =
        new OpenInterestBook(
            "X",
            100,
            NOW,
            List.of(contract(OptionType.PUT, 95, 365, 10)),
            DealerConvention.standard());
    double t = book.yearsTo(book.contracts().get(0));
    double gamma = dev.cascade.derivatives.BlackScholes.gamma(100, 95, t, 0.01, 0.0, 0.25);
    GexPoint at = GexProfile.at(book, c -> 0.25, 0.01, 0.0, 100);
    assertThat(at.net()).isCloseTo(-gamma * 10 * 100 * 100 * 100 * 0.01, within(1e-9));
    assertThat(at.calls()).isZero();
  }

  /**
   * Dealers short a put at K1 and long a call at K2 &gt; K1, equal OI, one expiry, r = q = 0. S^2
   * Gamma = S n(d1) / (sigma sqrt T) for both, so the two cancel where |d1(K1)| = |d1(K2)|, i.e.
   * ln(S/K1) + ln(S/K2) + sigma^2 T = 0: S = sqrt(K1 K2) e^{-sigma^2 T / 2}.
   */
  @Test
  void longCallAboveShortPutFlipsBetweenTheStrikes() {
    double k1 = 90;
    double k2 = 110;
    OpenInterestBook book =
        new OpenInterestBook(
            "X",
            100,
            NOW,
            List.of(
                contract(OptionType.PUT, k1, 30, 1000), contract(OptionType.CALL, k2, 30, 1000)),
            DealerConvention.standard());
    GexProfile p = GexProfile.compute(book, c -> 0.2, 0.0, 0.0, 20, 41);
    assertThat(p.flips()).hasSize(1);
    double t = book.yearsTo(book.contracts().get(0));
    double expected = Math.sqrt(k1 * k2) * Math.exp(-0.2 * 0.2 * t / 2);
    assertThat(p.flips().get(0)).isCloseTo(expected, within(1e-6));
    assertThat(p.points().get(0).net()).isNegative();
    assertThat(p.points().get(40).net()).isPositive();
  }

  @Test
  void longCallShortPutAtOneStrikeCancelsAndFlipsAtThatStrike() {
    // Same strike, expiry and OI: the call's and the put's gammas are equal, GEX is zero
    // everywhere.
    OpenInterestBook same =
        new OpenInterestBook(
            "X",
            100,
            NOW,
            List.of(
                contract(OptionType.CALL, 100, 30, 1000), contract(OptionType.PUT, 100, 30, 1000)),
            DealerConvention.standard());
    GexProfile zero = GexProfile.compute(same, c -> 0.2, 0.0, 0.0, 20, 41);
    assertThat(zero.points()).allSatisfy(pt -> assertThat(pt.net()).isCloseTo(0, within(1e-6)));
    // Split the strike by +-1: short put at 99, long call at 101 -> one flip at
    // sqrt(99 * 101) e^{-sigma^2 T / 2} = 99.83, next to the shared strike 100.
    OpenInterestBook split =
        new OpenInterestBook(
            "X",
            100,
            NOW,
            List.of(
                contract(OptionType.CALL, 101, 30, 1000), contract(OptionType.PUT, 99, 30, 1000)),
            DealerConvention.standard());
    GexProfile p = GexProfile.compute(split, c -> 0.2, 0.0, 0.0, 20, 41);
    assertThat(p.flips()).hasSize(1);
    assertThat(p.flips().get(0)).isCloseTo(100, within(0.2));
    // A longer-dated short put at the strike: the short-dated long call dominates near 100, the
    // put's flatter gamma in the wings: positive at spot and a flip on each side.
    OpenInterestBook tilted =
        new OpenInterestBook(
            "X",
            100,
            NOW,
            List.of(
                contract(OptionType.CALL, 100, 30, 1000), contract(OptionType.PUT, 100, 60, 1000)),
            DealerConvention.standard());
    GexProfile t = GexProfile.compute(tilted, c -> 0.2, 0.0, 0.0, 20, 81);
    assertThat(t.flips()).hasSize(2);
    assertThat(t.flips().get(0)).isBetween(90.0, 100.0);
    assertThat(t.flips().get(1)).isBetween(100.0, 110.0);
    assertThat(t.atSpot().net()).isPositive();
  }

  @Test
  void strikeBandsOverrideTheDealerSide() {
    OpenInterestBook book =
        new OpenInterestBook(
            "X",
            100,
            NOW,
            List.of(contract(OptionType.CALL, 100, 30, 1000)),
            new DealerConvention(1, -1, List.of(new DealerConvention.StrikeBand(95, 105, -1, -1))));
    assertThat(GexProfile.at(book, c -> 0.2, 0, 0, 100).net()).isNegative();
  }

  @Test
  void generatedBookHasTheRequestedNotionalAndPutCallRatio() {
    GeneratedBookSpec spec =
        new GeneratedBookSpec("X", 5000, NOW, 5e11, 0.01, 15, 0.05, 1.5, List.of(7, 30, 90));
    OpenInterestBook book = spec.build();
    assertThat(book.contracts()).hasSize(3 * 31 * 2);
    double notional = book.totalOpenInterest() * 100.0 * 5000;
    assertThat(notional).isCloseTo(5e11, within(5e11 * 1e-3));
    long puts =
        book.contracts().stream()
            .filter(c -> c.type() == OptionType.PUT)
            .mapToLong(OptionContract::openInterest)
            .sum();
    long calls = book.totalOpenInterest() - puts;
    assertThat((double) puts / calls).isCloseTo(1.5, within(1e-3));
    GexProfile p = GexProfile.compute(book, c -> 0.18, 0.0, 0.0, 20, 41);
    // more puts than calls, dealers short puts: negative gamma at spot
    assertThat(p.atSpot().net()).isNegative();
  }

  /**
   * The SPX chain of 2011-01-24 (spot 1290.59): 960 rows of quotes, a call and a put each. The flip
   * with r = q = 0 and vols from mids lies below spot (measured 1276.6, at the time of writing; the
   * test brackets it).
   */
  @Test
  void aFileThatIsNotTextOrNotThereIsAPlainError(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path binary = dir.resolve("binary.csv");
    java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
    ChainLoad bad = CboeChainCsv.read(binary);
    assertThat(bad.book()).isEmpty();
    assertThat(bad.errors().get(0).message()).contains("not UTF-8").doesNotContain("Exception");
    ChainLoad missing = CboeChainCsv.read(dir.resolve("none.csv"));
    assertThat(missing.errors().get(0).message())
        .contains("does not exist")
        .doesNotContain("Exception");
  }

  @Test
  void spxChainLoadsAndHasAFlipBelowSpot() {
    ChainLoad load = CboeChainCsv.read(CHAIN);
    assertThat(load.errors()).isEmpty();
    OpenInterestBook book = load.book().orElseThrow();
    assertThat(book.contracts()).hasSize(2 * 960);
    assertThat(book.spot()).isEqualTo(1290.59);
    assertThat(book.expiries()).hasSize(16);
    ChainVols vols = ChainVols.fromMids(book, 0.0, 0.0, 0.20);
    GexProfile p = GexProfile.compute(book, vols::vol, 0.0, 0.0, 20, 41);
    assertThat(p.flips()).hasSize(1);
    assertThat(p.flips().get(0)).isBetween(1260.0, 1290.0);
    assertThat(p.atSpot().net()).isPositive();
    assertThat(p.callWall().orElseThrow().strike()).isEqualTo(1300);
    assertThat(p.putWall().orElseThrow().strike()).isEqualTo(1250);
  }

  @Test
  void impliedMoveOfAFlatVolStraddleIsAboutPoint8SigmaRootT() {
    ImpliedMove m = ImpliedMove.fromVol(100, 0.2, 30.0 / 365, 0.0, 0.0);
    assertThat(m.percent())
        .isCloseTo(100 * Math.sqrt(2 / Math.PI) * 0.2 * Math.sqrt(30.0 / 365), within(0.01));
    assertThat(m.upperBreakeven() - m.strike()).isCloseTo(m.move(), within(1e-12));
    assertThat(m.scaledTo(4 * 30.0 / 365).move()).isCloseTo(2 * m.move(), within(1e-12));
  }
}
