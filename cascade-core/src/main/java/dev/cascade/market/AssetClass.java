package dev.cascade.market;

import java.util.Locale;
import java.util.Optional;

/** What an instrument is; decides default sessions and which circuit breakers apply. */
public enum AssetClass {
  EQUITY,
  ETF,
  INDEX,
  TREASURY,
  FUTURE,
  METAL,
  CRYPTO,
  CRYPTO_PERP;

  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<AssetClass> fromConfigName(String s) {
    for (AssetClass a : values()) {
      if (a.configName().equals(s)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Whether US market-wide circuit breakers (halts on the S&P 500's fall) stop this class. */
  public boolean haltsWithUsEquities() {
    return this == EQUITY || this == ETF || this == INDEX;
  }
}
