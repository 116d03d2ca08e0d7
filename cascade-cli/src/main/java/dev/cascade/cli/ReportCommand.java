package dev.cascade.cli;

import dev.cascade.report.HtmlReport;
import dev.cascade.report.RunDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cascade report RUN}: writes {@code RUN/report.html}, the self-contained HTML report of a
 * directory of {@code cascade run}, {@code cascade sweep} or {@code cascade attribute}. A missing
 * or malformed run directory is a located message and exit 2.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes RUN/report.html: one self-contained HTML file (charts inlined, opens offline)"
          + " with the run's prices, liquidity, volume, selling by mechanism, margin calls and"
          + " liquidations, dealers, cause chains, summary table and scenario; for a directory of"
          + " cascade sweep, the distributions over paths (histograms and tail statistics with"
          + " their intervals); for one of cascade attribute, the attribution waterfall."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written",
      "2:RUN is not a readable run, sweep or attribution directory, or holds a report.html Cascade may not replace",
      "74:report.html could not be written (the operating system's reason is printed)"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "RUN",
      description = "directory written by cascade run, cascade sweep or cascade attribute")
  Path run;

  @Mixin ForceOption force;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<RunMarker> marker = OutputDirectory.checkFileInRun(run, HtmlReport.FILE, force.force);
    try {
      Path report = HtmlReport.write(run);
      if (marker.isPresent()) {
        marker.get().rewrite(run);
      }
      out.println("report: " + report);
      out.flush();
      return 0;
    } catch (RunDataException e) {
      err.println("cascade report: " + e.getMessage());
      err.flush();
      return 2;
    }
  }
}
