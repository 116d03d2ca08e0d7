package dev.cascade.report;

import dev.cascade.analytics.CauseTable;
import dev.cascade.cause.CauseKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run's causes (causes.csv, or causes.parquet beside it) back into a {@link CauseTable}:
 * columns id, kind, agent, parent, timeNanos and label; every problem located by file and line.
 * Shared by the report and {@code cascade explain}.
 */
public final class RunCauses {
  private RunCauses() {}

  /** The causes of the run directory {@code runDir}. */
  public static CauseTable read(Path runDir) throws RunDataException {
    Path file = runDir.resolve(RunData.CAUSES);
    List<CauseKind> kinds = new ArrayList<>();
    List<String> agents = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Long> parents = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    int[] c = new int[6];
    RunTable.read(
        file,
        List.of("id", "kind", "agent", "parent", "timeNanos", "label"),
        idx -> System.arraycopy(idx, 0, c, 0, 6),
        row -> {
          int r = kinds.size();
          if (row.whole(c[0]) != r) {
            throw new RunDataException(
                file, row.line(), "ids must run 0, 1, 2, ... in order; found " + row.text(c[0]));
          }
          CauseKind k = kindOf(row.text(c[1]));
          if (k == null) {
            throw new RunDataException(
                file, row.line(), "unknown cause kind '" + row.text(c[1]) + "'");
          }
          long p = row.whole(c[3]);
          if (p < 0 || p > r || (p == r && r != 0)) {
            throw new RunDataException(
                file, row.line(), "parent " + p + " must be an earlier cause");
          }
          kinds.add(k);
          agents.add(row.text(c[2]));
          parents.add(p);
          times.add(row.text(c[4]).isEmpty() ? Long.MIN_VALUE : row.whole(c[4]));
          labels.add(row.text(c[5]));
        });
    if (kinds.isEmpty()) {
      throw new RunDataException(file, 0, "no causes (expected at least genesis)");
    }
    int[] parent = new int[kinds.size()];
    long[] time = new long[kinds.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = (int) (long) parents.get(i);
      time[i] = times.get(i);
    }
    return new CauseTable(kinds, agents, parent, time, labels);
  }

  private static CauseKind kindOf(String label) {
    for (CauseKind k : CauseKind.values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    return null;
  }
}
