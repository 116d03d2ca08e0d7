package dev.cascade.derivatives;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The open interest of one underlying's listed options at a valuation instant, with the dealer side
 * of each contract. Loaded from a CBOE chain ({@link CboeChainCsv}) or generated ({@link
 * GeneratedBookSpec}).
 *
 * @param underlying the underlying's symbol, e.g. {@code SPX}
 * @param spot the underlying's price at the valuation instant, dollars (index points)
 * @param valuationTime the snapshot instant, exchange local time
 * @param contracts every series, including those with zero open interest
 * @param dealers who is long and who is short
 */
public record OpenInterestBook(
    String underlying,
    double spot,
    LocalDateTime valuationTime,
    List<OptionContract> contracts,
    DealerConvention dealers) {

  private static final double MINUTES_PER_YEAR = 365.0 * 24 * 60;

  public OpenInterestBook {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(dealers, "dealers");
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be positive: " + spot);
    }
    contracts = List.copyOf(contracts);
  }

  /** Time from the valuation instant to the contract's expiry, years (ACT/365, in minutes). */
  public double yearsTo(OptionContract c) {
    return Duration.between(valuationTime, c.expiry()).toMinutes() / MINUTES_PER_YEAR;
  }

  /** Distinct expiry instants after the valuation instant, earliest first. */
  public List<LocalDateTime> expiries() {
    TreeSet<LocalDateTime> set = new TreeSet<>();
    for (OptionContract c : contracts) {
      if (c.expiry().isAfter(valuationTime)) {
        set.add(c.expiry());
      }
    }
    return List.copyOf(set);
  }

  /** Total open interest, contracts. */
  public long totalOpenInterest() {
    long sum = 0;
    for (OptionContract c : contracts) {
      sum += c.openInterest();
    }
    return sum;
  }

  /** The same book with another spot, dollars. */
  public OpenInterestBook withSpot(double newSpot) {
    return new OpenInterestBook(underlying, newSpot, valuationTime, contracts, dealers);
  }

  /** The same book with another dealer convention. */
  public OpenInterestBook withDealers(DealerConvention convention) {
    return new OpenInterestBook(underlying, spot, valuationTime, contracts, convention);
  }
}
