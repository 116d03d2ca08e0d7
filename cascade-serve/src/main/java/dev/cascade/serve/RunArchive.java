package dev.cascade.serve;

import dev.cascade.scenario.Simulation;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run started from the dashboard is recorded: {@code cascade-cli} writes the same run
 * directory as {@code cascade run}, by its output rule (this module knows nothing of the rule).
 */
@FunctionalInterface
public interface RunArchive {
  /**
   * Opens the run directory {@code target} for {@code sim}, which has not started, and attaches its
   * recorders.
   *
   * @param scenarioText the scenario file's text as it was parsed
   * @param extra fields {@code summary.json} gains after the run's figures (the run's scalings, as
   *     {@code cascade run} records them); empty for none
   * @throws Refused when the output rule refuses {@code target} or it cannot be written
   */
  Recording open(Simulation sim, String scenarioText, Path target, Map<String, Object> extra)
      throws Refused;

  /** A run directory being written. */
  interface Recording {
    /**
     * Writes what the run left to write (summary, tables, {@code report.html}) and moves the
     * directory into place.
     *
     * @param wallSeconds wall time the simulation ran
     * @return the committed run directory
     */
    Path commit(double wallSeconds) throws Refused;

    /** The tape hash of the run so far (hex), as {@code cascade run} prints it at the end. */
    String tapeHash();

    /** Removes the directory of a run that will not be committed. */
    void abandon();
  }

  /** The output was refused or could not be written; the message says why, in one line. */
  final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
