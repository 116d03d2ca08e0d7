package dev.cascade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.record.Bar;
import dev.cascade.record.CauseFlowRecorder;
import dev.cascade.record.MarketRecorder;
import dev.cascade.record.RunSummary;
import dev.cascade.record.TapeHash;
import dev.cascade.report.HtmlReport;
import dev.cascade.report.RunDataException;
import dev.cascade.scenario.Simulation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one run records into its run directory, shared by {@code cascade run} and {@code cascade
 * serve}: the recorders attached to the simulation before it starts, the tables streamed into the
 * directory's temporary copy while it runs, and, once it has run, the summary, the remaining tables
 * and the atomic move into place ({@link OutputDirectory}'s rule).
 */
final class RunRecording {
  private final Simulation sim;
  private final OutputDirectory dir;
  private final TapeHash hash = new TapeHash();
  private final CauseFlowRecorder flow = new CauseFlowRecorder();
  private final MarketRecorder rec;
  private final Writer trades;
  private final Writer bars;
  private final Writer depth;
  private final Writer positions;
  private PositionsCsvWriter positionRows;
  private boolean closed;

  private RunRecording(Simulation sim, OutputDirectory dir, double sampleSeconds)
      throws IOException {
    this.sim = sim;
    this.dir = dir;
    this.rec = MarketRecorder.of(sim, sampleSeconds);
    this.trades = table(dir, "trades.csv");
    this.bars = table(dir, "bars-1m.csv");
    this.depth = table(dir, "depth.csv");
    this.positions = table(dir, "positions.csv");
  }

  /**
   * Opens the run directory {@code target} by the output rule and attaches the recorders to {@code
   * sim}, which must not have started.
   *
   * @throws CliFailure when the rule refuses the target or it cannot be written
   */
  static RunRecording open(
      Simulation sim,
      Path target,
      boolean force,
      String command,
      double sampleSeconds,
      PrintWriter err) {
    OutputDirectory dir = OutputDirectory.open(target, force, command, err);
    try {
      RunRecording r = new RunRecording(sim, dir, sampleSeconds);
      // The tables stream into the directory as the run goes: nothing per trade, bar or sample is
      // held in memory.
      MarketCsvWriter market = new MarketCsvWriter(r.bars, r.depth, sim.instruments());
      r.positionRows = new PositionsCsvWriter(r.positions, sim);
      PositionsCsvWriter positionRows = r.positionRows;
      r.rec.streamTo(
          new MarketRecorder.Sink() {
            @Override
            public void bar(Bar b) {
              market.bar(b);
            }

            @Override
            public void depth(MarketRecorder.DepthSample d) {
              market.depth(d);
            }

            @Override
            public void sampled(long timeNanos) {
              positionRows.sampled(timeNanos);
            }
          });
      sim.addListener(r.hash);
      sim.addListener(r.rec);
      sim.addListener(r.flow);
      sim.addListener(new TradeCsvWriter(r.trades, sim.world()));
      r.rec.start();
      return r;
    } catch (IOException e) {
      dir.abandon();
      throw CliFailure.io(dir.path(), e);
    }
  }

  /** The cause flow summed so far. */
  CauseFlowRecorder flow() {
    return flow;
  }

  /** Where the directory goes when committed. */
  Path target() {
    return dir.target();
  }

  /** Closes the streamed tables and summarises the run that has just run. */
  RunSummary finish(double wallSeconds) throws IOException {
    rec.finish();
    positionRows.finish(sim.clock().now());
    RunSummary summary = RunSummary.of(sim, rec, hash, wallSeconds);
    closeTables();
    return summary;
  }

  /**
   * Writes the remaining tables, {@code summary.json} (with {@code extra} fields after the
   * summary's), the scenario's text and, with {@code report}, {@code report.html}; then moves the
   * directory into place.
   *
   * @return the committed directory
   */
  Path commit(
      RunSummary summary,
      ScenarioFiles.Loaded loaded,
      Map<String, Object> extra,
      boolean csv,
      boolean report)
      throws IOException {
    writeHalts(dir.file("halts.csv"), summary);
    InstrumentsCsv.write(dir.file("instruments.csv"), sim.spec());
    CauseCsv.write(dir.file("causes.csv"), sim.world());
    DealerTables.write(dir.path(), sim.world().options());
    RunTables.toParquet(dir.path(), csv);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode tree = RunCommand.withProvenance(json, summary, loaded);
    extra.forEach((k, v) -> tree.set(k, json.valueToTree(v)));
    json.writeValue(dir.file("summary.json").toFile(), tree);
    // The scenario travels with its run, so the run can be reproduced from its directory.
    loaded.copyTo(dir.file("scenario.yaml"));
    if (report) {
      writeReport();
    }
    Path where = dir.commit();
    closed = true;
    return where;
  }

  /** Removes the temporary directory of a run that will not be committed. */
  void abandon() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeTables();
    } catch (IOException ignored) {
      // The directory is removed next: what could not be flushed into it is lost with it.
    }
    dir.abandon();
  }

  private void closeTables() throws IOException {
    try (trades;
        bars;
        depth;
        positions) {
      // closed in reverse order, each even if another fails
    }
  }

  private void writeReport() throws IOException {
    try {
      // Written inside the temporary directory before the rename: the report names the run
      // directory by its final name.
      HtmlReport.write(dir.path(), String.valueOf(dir.target().getFileName()));
    } catch (RunDataException e) {
      // The run directory was written just above: a problem reading it back is a bug.
      throw new IllegalStateException("report of the run just written: " + e.getMessage(), e);
    }
  }

  private static Writer table(OutputDirectory dir, String name) throws IOException {
    return new BufferedWriter(
        Files.newBufferedWriter(dir.file(name), StandardCharsets.UTF_8), 1 << 16);
  }

  private static void writeHalts(Path f, RunSummary s) throws IOException {
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write(RunTables.header("halts") + "\n");
      for (RunSummary.HaltSummary h : s.halts()) {
        // The reason is always quoted, as it always was.
        w.write(
            Csv.field(h.symbol())
                + ','
                + h.start()
                + ','
                + h.until()
                + ','
                + Csv.quoted(h.reason())
                + '\n');
      }
    }
  }
}
