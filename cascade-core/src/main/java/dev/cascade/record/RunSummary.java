package dev.cascade.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cascade.derivatives.DealerReport;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, as written to {@code summary.json}. Field names are stable: later sections are
 * added, never renamed.
 *
 * @param scenario scenario name
 * @param seed the seed used
 * @param without agent families left out
 * @param tapeHash SHA-256 of the tape, hex
 * @param events events processed: wake-ups plus order messages
 * @param wakeups scheduled wake-ups run (agents, shocks, clearing, samplers)
 * @param orderMessages order messages the exchange handled (submits, cancels, reduces)
 * @param eventsPerSecond events per wall-clock second
 * @param wallSeconds wall-clock duration of the simulation
 * @param simulatedStart ISO-8601 UTC
 * @param simulatedEnd ISO-8601 UTC
 * @param conservation "conserved", or what is not
 * @param instruments one line per instrument, in scenario order
 * @param halts every halt, in order
 * @param margin margin calls per broker
 * @param liquidations forced sales per venue, insurance fund and auto-deleveraging
 * @param dealers options dealers per underlying; absent (null) in runs without dealers
 * @param episode the run against the episode it reproduces; absent without an episode section
 * @param levels watched levels (moving averages, Fibonacci retracements, round numbers, gamma
 *     flips) and whether the price broke them
 * @param pnl profit and loss per account group over the run ({@link PnlSummary})
 * @param scale the run's figures at real scale ({@link ScaleSummary}); absent (null) when the
 *     scenario states no real daily volume
 * @param volatility VIX-style futures and funds that reset daily ({@link VolatilitySummary});
 *     absent (null) in runs with neither
 */
public record RunSummary(
    String scenario,
    long seed,
    List<String> without,
    String tapeHash,
    long events,
    long wakeups,
    long orderMessages,
    double eventsPerSecond,
    double wallSeconds,
    String simulatedStart,
    String simulatedEnd,
    String conservation,
    List<InstrumentSummary> instruments,
    List<HaltSummary> halts,
    MarginSummary margin,
    LiquidationSummary liquidations,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<DealerSummary> dealers,
    @JsonInclude(JsonInclude.Include.NON_NULL) EpisodeSummary episode,
    List<EpisodeSummary.LevelLine> levels,
    List<PnlSummary> pnl,
    @JsonInclude(JsonInclude.Include.NON_NULL) ScaleSummary scale,
    @JsonInclude(JsonInclude.Include.NON_NULL) VolatilitySummary volatility) {

  /**
   * A halt as summarised.
   *
   * @param symbol instrument halted
   * @param start ISO-8601 UTC
   * @param until ISO-8601 UTC
   * @param reason why
   */
  public record HaltSummary(String symbol, String start, String until, String reason) {}

  /** Builds the summary of a finished run. */
  public static RunSummary of(
      Simulation sim, MarketRecorder rec, TapeHash hash, double wallSeconds) {
    List<InstrumentSummary> lines = new ArrayList<>();
    double days = (double) (sim.endNanos() - sim.startNanos()) / Time.NANOS_PER_DAY;
    for (Instrument ins : sim.instruments()) {
      int i = ins.id();
      InstrumentSpec spec = sim.spec().instrument(ins.symbol());
      double open = onTick(ins, ins.price(rec.open(i)));
      double close = onTick(ins, ins.price(rec.close(i)));
      Double relVol = null;
      if (spec.baselineDailyVolume() > 0) {
        // Baseline per trading day; a run shorter than a day compares with one day.
        relVol =
            round(rec.volume(i) / (spec.baselineDailyVolume() * Math.max(1, Math.ceil(days))), 4);
      }
      lines.add(
          new InstrumentSummary(
              ins.symbol(),
              open,
              close,
              round(rec.changePct(i), 4),
              onTick(ins, ins.price(rec.high(i))),
              onTick(ins, ins.price(rec.low(i))),
              rec.volume(i),
              rec.trades(i),
              relVol,
              round(100 * rec.maxDrawdown(i), 4),
              finite(100 * rec.realizedVol(i)),
              finite(rec.avgSpreadBps(i)),
              finite(rec.avgDepth(i))));
    }
    List<HaltSummary> halts = new ArrayList<>();
    for (Halt h : rec.halts()) {
      halts.add(
          new HaltSummary(
              sim.instruments().get(h.instrument()).symbol(),
              Time.format(h.startNanos()),
              Time.format(h.untilNanos()),
              h.reason()));
    }
    List<DealerSummary> dealers = new ArrayList<>();
    for (DealerReport r : sim.world().options().reports()) {
      dealers.add(DealerSummary.of(r));
    }
    long events = sim.events();
    MarginSummary margin = MarginSummary.of(sim.world().brokers());
    LiquidationSummary liquidations =
        LiquidationSummary.of(
            sim.world().brokers(), sim.instruments(), sim.insuranceFund(), sim.funding());
    return new RunSummary(
        sim.spec().name(),
        sim.seed(),
        sim.without().stream().sorted().toList(),
        hash.hex(),
        events,
        sim.clock().eventsRun(),
        sim.exchange().messages(),
        wallSeconds > 0 ? Math.round(events / wallSeconds) : 0,
        round(wallSeconds, 3),
        Time.format(sim.startNanos()),
        Time.format(sim.endNanos()),
        sim.ledger().conservation().toString(),
        lines,
        halts,
        margin,
        liquidations,
        dealers.isEmpty() ? null : List.copyOf(dealers),
        EpisodeSummary.of(sim, rec, lines),
        levels(sim, rec, dealers),
        PnlSummary.of(sim),
        ScaleSummary.of(sim.spec().scale(), margin, liquidations, dealers),
        VolatilitySummary.of(sim));
  }

  /**
   * A price rounded to its tick's decimals, so ticks x tick size prints as the price it is (660.05,
   * not 660.0500000000001).
   */
  static double onTick(Instrument ins, double price) {
    if (!Double.isFinite(price)) {
      return price;
    }
    return java.math.BigDecimal.valueOf(price)
        .setScale(
            Math.max(0, ins.tickSize().stripTrailingZeros().scale()),
            java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  /** The scenario's watched levels, then each dealer book's gamma flip at the start. */
  private static List<EpisodeSummary.LevelLine> levels(
      Simulation sim, MarketRecorder rec, List<DealerSummary> dealers) {
    List<EpisodeSummary.LevelLine> out = new ArrayList<>(EpisodeSummary.levels(sim, rec));
    for (DealerSummary d : dealers) {
      if (d.flipStart() != null) {
        boolean crossed = d.flipCrossedAt() != null;
        out.add(
            new EpisodeSummary.LevelLine(
                d.underlying(),
                "gamma flip",
                d.flipStart(),
                crossed,
                crossed ? (d.spotStart() > d.flipStart() ? "below" : "above") : null,
                d.flipCrossedAt()));
      }
    }
    return List.copyOf(out);
  }

  /** Micro-units to dollars, rounded to cents. */
  static double dollars(long micro) {
    return Math.round(micro / 10_000.0) / 100.0;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? round(v, 4) : null;
  }

  static double round(double v, int places) {
    double f = StrictMath.pow(10, places);
    return Math.round(v * f) / f;
  }
}
