package dev.cascade.report;

/**
 * The scenario file that produced the run, verbatim, so the report says what was simulated. Reads
 * scenario.yaml (copied into the run directory by {@code cascade run}).
 */
final class ScenarioSection implements ReportSection {
  @Override
  public String reads() {
    return RunData.SCENARIO;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.scenarioText.isPresent();
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.section(
        "scenario",
        "Scenario",
        "The scenario file this run was made from; rerun it with the seed above to get the same"
            + " tape hash.",
        reads());
    page.html("<pre class=\"scenario\">").text(run.scenarioText.orElseThrow()).html("</pre>\n");
    page.endSection();
  }
}
