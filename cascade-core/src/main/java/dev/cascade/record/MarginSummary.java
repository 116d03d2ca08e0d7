package dev.cascade.record;

import dev.cascade.margin.MarginCall;
import dev.cascade.margin.PrimeBroker;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code margin} section of summary.json: margin calls per broker or venue.
 *
 * @param desks one entry per prime broker or clearing venue, in the order created
 */
public record MarginSummary(List<Desk> desks) {

  /**
   * One broker's calls.
   *
   * @param name e.g. prime-broker
   * @param accounts accounts under its agreements
   * @param calls margin calls issued
   * @param callAmount sum of the calls' deficits when issued, dollars
   * @param met calls met before the deadline
   * @param liquidated calls that ended in liquidation
   * @param open calls still open at the end
   * @param variationPaid variation margin paid to gaining accounts at its checks, dollars
   */
  public record Desk(
      String name,
      int accounts,
      int calls,
      double callAmount,
      int met,
      int liquidated,
      int open,
      double variationPaid) {}

  static MarginSummary of(List<PrimeBroker> brokers) {
    List<Desk> desks = new ArrayList<>();
    for (PrimeBroker b : brokers) {
      int met = 0;
      int liq = 0;
      int open = 0;
      for (MarginCall c : b.calls()) {
        switch (c.outcome()) {
          case MET:
            met++;
            break;
          case LIQUIDATED:
            liq++;
            break;
          default:
            open++;
        }
      }
      desks.add(
          new Desk(
              b.name(),
              b.accountCount(),
              b.calls().size(),
              RunSummary.dollars(b.callAmount()),
              met,
              liq,
              open,
              RunSummary.dollars(b.variationPaid())));
    }
    return new MarginSummary(desks);
  }
}
