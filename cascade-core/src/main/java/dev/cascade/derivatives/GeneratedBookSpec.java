package dev.cascade.derivatives;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of a synthetic open-interest book, for scenarios without a real chain.
 *
 * <p>Strikes K_j = spot (1 + j * strikeStep), j = -strikesEachSide..strikesEachSide. Open interest
 * at K_j is proportional to exp(-ln(K_j/spot)^2 / (2 strikeWidth^2)) (a normal profile in
 * log-moneyness), split put:call = putCallRatio:1 at every strike and equally over expiries, and
 * scaled so that the total notional sum(OI) * 100 * spot equals {@code totalNotional}; each OI is
 * rounded to whole contracts.
 *
 * @param underlying symbol
 * @param spot dollars
 * @param valuationTime the book's instant
 * @param totalNotional dollars of underlying controlled by all contracts
 * @param strikeStep strike spacing as a fraction of spot (e.g. 0.01)
 * @param strikesEachSide number of strikes above (and below) spot
 * @param strikeWidth standard deviation of ln(K/spot) of the OI profile (e.g. 0.05)
 * @param putCallRatio put OI / call OI (e.g. 1.5 for SPX-like books, assumed)
 * @param expiryDays calendar days to each expiry from the valuation instant
 */
public record GeneratedBookSpec(
    String underlying,
    double spot,
    LocalDateTime valuationTime,
    double totalNotional,
    double strikeStep,
    int strikesEachSide,
    double strikeWidth,
    double putCallRatio,
    List<Integer> expiryDays) {

  public GeneratedBookSpec {
    Objects.requireNonNull(underlying);
    Objects.requireNonNull(valuationTime);
    expiryDays = List.copyOf(expiryDays);
    if (!(spot > 0) || !(totalNotional >= 0) || !(strikeStep > 0) || strikesEachSide < 0) {
      throw new IllegalArgumentException("need spot > 0, totalNotional >= 0, strikeStep > 0");
    }
    if (strikeStep * strikesEachSide >= 1) {
      throw new IllegalArgumentException(
          "strikes would reach zero: strikeStep * strikesEachSide >= 1");
    }
    if (!(strikeWidth > 0) || !(putCallRatio >= 0) || expiryDays.isEmpty()) {
      throw new IllegalArgumentException("need strikeWidth > 0, putCallRatio >= 0, some expiries");
    }
    for (int d : expiryDays) {
      if (d <= 0) {
        throw new IllegalArgumentException("expiry days must be positive: " + d);
      }
    }
  }

  /** Builds the book, dealers on the {@link DealerConvention#standard()} sides. */
  public OpenInterestBook build() {
    int n = 2 * strikesEachSide + 1;
    double[] weight = new double[n];
    double total = 0;
    for (int j = 0; j < n; j++) {
      double k = StrictMath.log(1 + (j - strikesEachSide) * strikeStep);
      weight[j] = StrictMath.exp(-k * k / (2 * strikeWidth * strikeWidth));
      total += weight[j];
    }
    double contracts = totalNotional / (OptionContract.MULTIPLIER * spot);
    double callShare = 1 / (1 + putCallRatio);
    List<OptionContract> out = new ArrayList<>();
    for (int days : expiryDays) {
      LocalDateTime expiry = valuationTime.plusDays(days);
      for (int j = 0; j < n; j++) {
        double strike = spot * (1 + (j - strikesEachSide) * strikeStep);
        double oi = contracts * weight[j] / total / expiryDays.size();
        String tag = underlying + "+" + days + "d@" + Math.round(strike * 100) / 100.0;
        out.add(
            new OptionContract(
                tag + "C", OptionType.CALL, strike, expiry, Math.round(oi * callShare), 0, 0));
        out.add(
            new OptionContract(
                tag + "P", OptionType.PUT, strike, expiry, Math.round(oi * (1 - callShare)), 0, 0));
      }
    }
    return new OpenInterestBook(underlying, spot, valuationTime, out, DealerConvention.standard());
  }
}
