package dev.cascade.market;

import dev.cascade.kernel.SessionKind;
import java.math.BigDecimal;

/** Instruments for tests. */
final class TestInstruments {
  private TestInstruments() {}

  /** An ETF quoted in cents, one share per lot, referenced at 100.00 dollars. */
  static Instrument spy() {
    return new Instrument(
        0,
        "SPY",
        AssetClass.ETF,
        new BigDecimal("0.01"),
        BigDecimal.ONE,
        BigDecimal.ONE,
        "USD",
        SessionKind.US_EQUITY,
        10_000);
  }
}
