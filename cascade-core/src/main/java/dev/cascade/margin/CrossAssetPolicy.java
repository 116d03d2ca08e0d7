package dev.cascade.margin;

import dev.cascade.market.Instrument;

/**
 * One margin agreement over every asset class (a prime-brokerage cross-margin agreement): equities,
 * ETFs and indices under {@code equities} (Reg-T or portfolio margin), futures and metals under the
 * CCP's procyclical margin, crypto perpetuals under tiered margin, spot crypto under {@code crypto}
 * (a haircut). Each requirement is multiplied by the venue's current multiplier for the instrument
 * ({@link VenueRates}, raised by margin-rate shocks).
 */
public final class CrossAssetPolicy implements MarginPolicy {
  private final MarginPolicy equities;
  private final CcpMargin futures;
  private final MarginPolicy perpetuals;
  private final MarginPolicy crypto;
  private final VenueRates venue;

  public CrossAssetPolicy(
      MarginPolicy equities,
      CcpMargin futures,
      MarginPolicy perpetuals,
      MarginPolicy crypto,
      VenueRates venue) {
    this.equities = equities;
    this.futures = futures;
    this.perpetuals = perpetuals;
    this.crypto = crypto;
    this.venue = venue;
  }

  private MarginPolicy of(Instrument i) {
    switch (i.assetClass()) {
      case FUTURE:
      case METAL:
      case TREASURY:
        return futures;
      case CRYPTO_PERP:
        return perpetuals;
      case CRYPTO:
        return crypto;
      default:
        return equities;
    }
  }

  @Override
  public long initial(Instrument instrument, long lots, long markTicks) {
    return Math.round(
        venue.multiplier(instrument.id()) * of(instrument).initial(instrument, lots, markTicks));
  }

  @Override
  public long maintenance(Instrument instrument, long lots, long markTicks) {
    return Math.round(
        venue.multiplier(instrument.id())
            * of(instrument).maintenance(instrument, lots, markTicks));
  }
}
