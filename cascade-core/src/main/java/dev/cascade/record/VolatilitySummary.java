package dev.cascade.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cascade.agents.World;
import dev.cascade.agents.leveraged.LeveragedEtf;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.VolFutureSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.json#volatility}: the VIX-style futures of a run (docs/model.md §10) and the funds
 * that reset their leverage daily (§12), at the end of the run. Absent (null) in runs with neither.
 *
 * @param futures one line per VIX-style future, in scenario order
 * @param funds one line per leveraged or inverse fund, in the order agents were added
 */
public record VolatilitySummary(List<Future> futures, List<Fund> funds) {

  /**
   * A VIX-style future at the end of the run.
   *
   * @param symbol the future
   * @param underlying the instrument whose VIX-style index it settles to
   * @param expiry ISO-8601 with offset, as in the scenario
   * @param priceStart the scenario's price
   * @param priceEnd the last trade price
   * @param valueEnd the model's value at the end, theta + (index - theta) exp(-kappa tau) scaled to
   *     the starting price: the price less this is the basis the flow left
   * @param indexEnd the underlying's VIX-style index as last sampled, points
   */
  public record Future(
      String symbol,
      String underlying,
      String expiry,
      double priceStart,
      double priceEnd,
      double valueEnd,
      double indexEnd) {}

  /**
   * A fund that resets its leverage daily.
   *
   * @param agent its agent id
   * @param instrument what it holds
   * @param leverage L
   * @param aumStart assets at the start, dollars
   * @param aumEnd assets at the end (0 once terminated), dollars
   * @param resets daily resets done
   * @param terminatedAt ISO-8601 UTC of its early termination; absent if it was not terminated
   */
  public record Fund(
      String agent,
      String instrument,
      double leverage,
      double aumStart,
      double aumEnd,
      int resets,
      @JsonInclude(JsonInclude.Include.NON_NULL) String terminatedAt) {}

  /** The section of a finished run, or null when it has neither futures nor such funds. */
  public static VolatilitySummary of(Simulation sim) {
    World world = sim.world();
    List<Future> futures = new ArrayList<>();
    for (InstrumentSpec is : sim.spec().instruments()) {
      VolFutureSpec vf = is.volFuture();
      if (!vf.present()) {
        continue;
      }
      Instrument f = sim.instrument(is.symbol());
      Instrument u = sim.instrument(vf.underlying());
      long now = world.clock().now();
      futures.add(
          new Future(
              is.symbol(),
              vf.underlying(),
              vf.expiry().toString(),
              is.price().doubleValue(),
              RunSummary.onTick(f, f.price(world.exchange().lastPrice(f.id()))),
              RunSummary.round(f.price(1) * world.fundamentals().value(f.id(), now), 4),
              RunSummary.round(world.options().latestVix(u), 4)));
    }
    List<Fund> funds = new ArrayList<>();
    for (int k = 0; k < world.agentCount(); k++) {
      if (world.agent(k) instanceof LeveragedEtf e) {
        funds.add(
            new Fund(
                world.agentId(k),
                e.instrument().symbol(),
                e.leverage(),
                Math.round(e.aumStart()),
                Math.round(e.aum()),
                e.resets(),
                e.terminatedAt() < 0 ? null : Time.format(e.terminatedAt())));
      }
    }
    return futures.isEmpty() && funds.isEmpty()
        ? null
        : new VolatilitySummary(List.copyOf(futures), List.copyOf(funds));
  }
}
