package dev.cascade.cli;

import dev.cascade.record.RunSummary;
import dev.cascade.scenario.Simulation;
import dev.cascade.serve.RunArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs started from the dashboard write the run directory {@code cascade run --report} writes, by
 * the same output rule ({@link OutputDirectory}), never replacing anything.
 */
final class ServeArchive implements RunArchive {
  /** Spread and depth sampling, simulated seconds: {@code cascade run}'s default. */
  private static final double SAMPLE_SECONDS = 5;

  private final PrintWriter err;

  ServeArchive(PrintWriter err) {
    this.err = err;
  }

  @Override
  public Recording open(Simulation sim, String scenarioText, Path target, Map<String, Object> extra)
      throws Refused {
    RunRecording rec;
    try {
      rec = RunRecording.open(sim, target, false, "serve", SAMPLE_SECONDS, err);
    } catch (CliFailure e) {
      throw new Refused(e.getMessage(), e);
    }
    ScenarioFiles.Loaded loaded = new ScenarioFiles.Loaded(sim.spec(), scenarioText);
    return new Recording() {
      private String hash;

      @Override
      public Path commit(double wallSeconds) throws Refused {
        try {
          RunSummary summary = rec.finish(wallSeconds);
          hash = summary.tapeHash();
          return rec.commit(summary, loaded, extra, true, true);
        } catch (CliFailure e) {
          throw new Refused(e.getMessage(), e);
        } catch (IOException e) {
          throw new Refused(rec.target() + ": " + CliFailure.reason(e), e);
        }
      }

      @Override
      public String tapeHash() {
        return hash;
      }

      @Override
      public void abandon() {
        rec.abandon();
      }
    };
  }
}
