package dev.cascade.cli;

import dev.cascade.agents.World;
import dev.cascade.analytics.CauseTable;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.report.RunCauses;
import dev.cascade.report.RunDataException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code causes.csv}: one row per cause (id, kind, agent, parent, time, label, links), the file
 * {@code cascade explain} reads back. Kind, agent and label are quoted where they need it ({@link
 * Csv}); a label's line breaks are kept, inside its quotes.
 */
final class CauseCsv {
  static final String HEADER = "id,kind,agent,parent,time,timeNanos,label,links\n";

  private CauseCsv() {}

  static void write(Path file, World world) throws IOException {
    CauseLog log = world.causes();
    List<StringBuilder> links = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      links.add(null);
    }
    for (int[] l : log.links()) {
      StringBuilder b = links.get(l[0]);
      if (b == null) {
        links.set(l[0], b = new StringBuilder());
      } else {
        b.append(';');
      }
      b.append(l[1]);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      for (int i = 0; i < log.size(); i++) {
        int a = log.agent(i);
        long t = log.time(i);
        String label = log.label(i);
        w.write(
            i
                + ","
                + Csv.field(log.kind(i).label())
                + ","
                + (a >= 0 ? Csv.field(world.agentId(a)) : "")
                + ","
                + log.parent(i)
                + ","
                + (t == Long.MIN_VALUE ? "" : Time.format(t))
                + ","
                + (t == Long.MIN_VALUE ? "" : Long.toString(t))
                + ","
                + Csv.field(label == null ? "" : label)
                + ","
                + (links.get(i) == null ? "" : links.get(i))
                + "\n");
      }
    }
  }

  /**
   * Reads a run's causes (causes.csv or causes.parquet) back into a table; every problem located by
   * file:line.
   */
  static CauseTable read(Path runDir) throws RunDataException {
    return RunCauses.read(runDir);
  }
}
