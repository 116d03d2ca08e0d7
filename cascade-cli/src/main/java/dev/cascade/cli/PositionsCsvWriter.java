package dev.cascade.cli;

import dev.cascade.kernel.Time;
import dev.cascade.ledger.Ledger;
import dev.cascade.market.Instrument;
import dev.cascade.record.AccountGroups;
import dev.cascade.record.GroupPositions;
import dev.cascade.scenario.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Streams {@code positions.csv}: each account group's holdings over the run ({@link
 * GroupPositions}), sampled on the depth sampler's clock thinned to one sample per {@link #PERIOD}
 * of simulated time (the first tick, then the first tick at or after each multiple of the period
 * since the epoch), and once more at the end of the run. Per sample and group: a {@code CASH} row
 * (the group's cash as its {@code markValue}, its equity, profit since the start and maintenance
 * margin), then a row per instrument the group holds or has held at an earlier sample (its lots,
 * the mark and their value). Money is in currency units, exact to the micro-unit. Group, family and
 * symbol are quoted where they need it ({@link Csv}).
 */
final class PositionsCsvWriter {
  /** One positions sample per five simulated minutes. */
  static final long PERIOD = 5 * Time.NANOS_PER_MINUTE;

  /** The instrument column of a group's own row. */
  static final String CASH = "CASH";

  private final Writer out;
  private final List<Instrument> instruments;
  private final GroupPositions positions;
  private final Ledger ledger;
  private final StringBuilder line = new StringBuilder(128);
  private long next = Long.MIN_VALUE;
  private final long end;
  private long last = Long.MIN_VALUE;

  PositionsCsvWriter(Writer out, Simulation sim) throws IOException {
    this.out = out;
    this.instruments = List.copyOf(sim.instruments());
    this.positions = new GroupPositions(sim);
    this.ledger = sim.ledger();
    this.end = sim.endNanos();
    out.write(RunTables.header("positions") + "\n");
  }

  /** A tick of the sampling clock: writes a sample if one is due. */
  void sampled(long timeNanos) {
    // A tick at the end itself may come before the last events at that time: finish writes it.
    if (timeNanos >= next && timeNanos < end) {
      write(timeNanos);
      next = (Math.floorDiv(timeNanos, PERIOD) + 1) * PERIOD;
    }
  }

  /**
   * Writes the last sample, at the end of the run (the state the summary reports); for a run
   * stopped before its end, unless a sample was written at that very time.
   */
  void finish(long timeNanos) {
    if (timeNanos != last) {
      write(timeNanos);
    }
  }

  private void write(long timeNanos) {
    last = timeNanos;
    positions.sample(timeNanos);
    AccountGroups groups = positions.groups();
    String time = Time.format(timeNanos);
    try {
      for (int g = 0; g < groups.size(); g++) {
        String group = Csv.field(groups.name(g));
        String family = Csv.field(groups.family(g));
        line.setLength(0);
        line.append(time).append(',').append(group).append(',').append(family).append(',');
        line.append(CASH).append(",,,").append(money(positions.cash(g))).append(',');
        line.append(money(positions.equity(g))).append(',').append(money(positions.pnl(g)));
        line.append(',');
        if (positions.marginCovered(g)) {
          line.append(money(positions.marginUsed(g)));
        }
        line.append('\n');
        out.append(line);
        for (int i = 0; i < instruments.size(); i++) {
          if (!positions.everHeld(g, i)) {
            continue;
          }
          Instrument ins = instruments.get(i);
          line.setLength(0);
          line.append(time).append(',').append(group).append(',').append(family).append(',');
          line.append(Csv.field(ins.symbol())).append(',').append(positions.units(g, i));
          line.append(',')
              .append(ins.tickSize().multiply(BigDecimal.valueOf(ledger.mark(i))).toPlainString());
          line.append(',').append(money(positions.value(g, i))).append(",,,\n");
          out.append(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Micro-units as currency units, exactly, without trailing zeros. */
  static String money(long micro) {
    return BigDecimal.valueOf(micro, 6).stripTrailingZeros().toPlainString();
  }
}
