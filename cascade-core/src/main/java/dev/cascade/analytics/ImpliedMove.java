package dev.cascade.analytics;

import dev.cascade.derivatives.BlackScholes;
import dev.cascade.derivatives.OpenInterestBook;
import dev.cascade.derivatives.OptionContract;
import dev.cascade.derivatives.OptionType;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The move the options market prices over a horizon: the cost of the at-the-money straddle (call +
 * put at the strike nearest the forward), which is what the underlying must move, either way, for
 * the straddle buyer to break even at expiry.
 *
 * <pre>
 *   move = C(K) + P(K)   dollars;   percent = 100 * move / S;   breakevens K - move, K + move
 * </pre>
 *
 * For a lognormal underlying the ATM straddle is about sqrt(2/pi) sigma sqrt(T) S = 0.8 sigma
 * sqrt(T) S, i.e. the expected absolute move. {@link #scaledTo} rescales to another horizon by
 * sqrt(time), which assumes a flat term structure.
 *
 * @param years horizon, years
 * @param strike the ATM strike used, dollars
 * @param move straddle price = expected absolute move, dollars
 * @param percent move as a percent of spot
 * @param lowerBreakeven strike - move, dollars
 * @param upperBreakeven strike + move, dollars
 */
public record ImpliedMove(
    double years,
    double strike,
    double move,
    double percent,
    double lowerBreakeven,
    double upperBreakeven) {

  /** From quoted (or model) call and put prices at one strike, dollars. */
  public static ImpliedMove fromStraddle(
      double spot, double strike, double call, double put, double years) {
    double move = call + put;
    return new ImpliedMove(years, strike, move, 100 * move / spot, strike - move, strike + move);
  }

  /** From a vol: the Black-Scholes straddle struck at the forward S e^{(r-q)T}. */
  public static ImpliedMove fromVol(
      double spot, double vol, double years, double rate, double div) {
    double k = spot * StrictMath.exp((rate - div) * years);
    return fromStraddle(
        spot,
        k,
        BlackScholes.price(OptionType.CALL, spot, k, years, rate, div, vol),
        BlackScholes.price(OptionType.PUT, spot, k, years, rate, div, vol),
        years);
  }

  /**
   * From a book's quotes for one expiry: the mid straddle at the strike nearest the forward that
   * has two-sided quotes on both the call and the put; empty if none has.
   */
  public static Optional<ImpliedMove> fromBook(
      OpenInterestBook book, LocalDateTime expiry, double rate, double div) {
    OptionContract bestCall = null;
    OptionContract bestPut = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    double years = 0;
    for (OptionContract c : book.contracts()) {
      if (!c.expiry().equals(expiry) || c.type() != OptionType.CALL || c.mid().isEmpty()) {
        continue;
      }
      for (OptionContract p : book.contracts()) {
        if (p.type() == OptionType.PUT
            && p.expiry().equals(expiry)
            && p.strike() == c.strike()
            && p.mid().isPresent()) {
          double t = book.yearsTo(c);
          double forward = book.spot() * StrictMath.exp((rate - div) * t);
          double d = Math.abs(StrictMath.log(c.strike() / forward));
          if (t > 0 && d < bestDistance) {
            bestDistance = d;
            bestCall = c;
            bestPut = p;
            years = t;
          }
        }
      }
    }
    if (bestCall == null) {
      return Optional.empty();
    }
    return Optional.of(
        fromStraddle(
            book.spot(),
            bestCall.strike(),
            bestCall.mid().getAsDouble(),
            bestPut.mid().getAsDouble(),
            years));
  }

  /** The same move rescaled to {@code horizonYears} by sqrt(horizon / years), around the strike. */
  public ImpliedMove scaledTo(double horizonYears) {
    double m = move * Math.sqrt(horizonYears / years);
    return new ImpliedMove(horizonYears, strike, m, percent * m / move, strike - m, strike + m);
  }
}
