package dev.cascade.record;

import dev.cascade.derivatives.Funding;
import dev.cascade.derivatives.InsuranceFund;
import dev.cascade.margin.PrimeBroker;
import dev.cascade.market.Instrument;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code liquidations} section of summary.json: forced sales per venue, and the perpetual
 * venue's insurance fund and auto-deleveraging.
 *
 * @param venues one entry per broker or clearing venue
 * @param insuranceFund the insurance fund's equity at the end, dollars (null without one)
 * @param insuranceTakeovers bankrupt positions the fund took over
 * @param adlEvents auto-deleveraging transfers
 * @param adlLots lots closed by auto-deleveraging
 */
public record LiquidationSummary(
    List<Venue> venues, Double insuranceFund, int insuranceTakeovers, int adlEvents, long adlLots) {

  /**
   * One venue's liquidations.
   *
   * @param name broker or venue
   * @param accounts accounts liquidated
   * @param orders liquidation orders sent
   * @param notional notional traded by liquidation orders, dollars
   * @param longs notional of long positions sold, dollars
   * @param shorts notional of short positions bought back, dollars
   * @param instruments per instrument, only those with liquidations
   * @param fundingPaid perpetual funding paid by longs to shorts (negative: shorts paid longs),
   *     dollars, on the perpetual venue; null for other desks
   */
  public record Venue(
      String name,
      int accounts,
      int orders,
      double notional,
      double longs,
      double shorts,
      List<ByInstrument> instruments,
      Double fundingPaid) {}

  /**
   * Liquidations in one instrument.
   *
   * @param symbol ticker
   * @param longs notional of longs sold, dollars
   * @param shorts notional of shorts bought back, dollars
   */
  public record ByInstrument(String symbol, double longs, double shorts) {}

  static LiquidationSummary of(
      List<PrimeBroker> brokers,
      List<Instrument> instruments,
      InsuranceFund fund,
      Funding funding) {
    List<Venue> venues = new ArrayList<>();
    for (PrimeBroker b : brokers) {
      long longs = 0;
      long shorts = 0;
      List<ByInstrument> rows = new ArrayList<>();
      for (Instrument ins : instruments) {
        long l = b.longsLiquidated(ins.id());
        long s = b.shortsLiquidated(ins.id());
        longs += l;
        shorts += s;
        if (l != 0 || s != 0) {
          rows.add(new ByInstrument(ins.symbol(), RunSummary.dollars(l), RunSummary.dollars(s)));
        }
      }
      venues.add(
          new Venue(
              b.name(),
              b.accountsLiquidated(),
              b.liquidationOrders(),
              RunSummary.dollars(longs + shorts),
              RunSummary.dollars(longs),
              RunSummary.dollars(shorts),
              rows,
              funding != null && funding.active() && funding.venue() == b
                  ? RunSummary.dollars(funding.longsToShorts())
                  : null));
    }
    return new LiquidationSummary(
        venues,
        fund == null ? null : RunSummary.dollars(fund.balance()),
        fund == null ? 0 : fund.takeovers(),
        fund == null ? 0 : fund.adlEvents(),
        fund == null ? 0 : fund.adlLots());
  }
}
