package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.kernel.Time;
import dev.cascade.report.RunTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionsTableTest {
  @TempDir Path tmp;

  @Test
  void positionsAddUpToEquityAndEndAtTheSummarysProfitAndLoss() throws Exception {
    Path run = tmp.resolve("run");
    String tiny = Path.of(getClass().getResource("/tiny.yaml").toURI()).toString();
    Cli.Result r = Cli.run("run", tiny, "--seed", "5", "--out", run.toString(), "--no-progress");
    assertThat(r.exit()).as(r.err()).isZero();

    List<String> cols =
        List.of("time", "group", "instrument", "units", "mark", "markValue", "equity", "pnl");
    List<String[]> rows = new ArrayList<>();
    int[][] idx = new int[1][];
    RunTable.read(
        run.resolve("positions.csv"),
        cols,
        c -> idx[0] = c,
        row -> {
          String[] v = new String[cols.size()];
          for (int k = 0; k < v.length; k++) {
            v[k] = row.text(idx[0][k]);
          }
          rows.add(v);
        });

    // Per sample and group: the CASH row's equity is the sum of the markValues of its rows.
    Map<String, double[]> sums = new LinkedHashMap<>(); // time|group -> markValue sum, equity
    TreeSet<Instant> times = new TreeSet<>();
    for (String[] v : rows) {
      times.add(Instant.parse(v[0]));
      double[] s = sums.computeIfAbsent(v[0] + "|" + v[1], k -> new double[2]);
      s[0] += Double.parseDouble(v[5]);
      if (v[2].equals(PositionsCsvWriter.CASH)) {
        assertThat(v[3]).as("a CASH row has no units").isEmpty();
        s[1] = Double.parseDouble(v[6]);
      } else {
        assertThat(v[6]).isEmpty();
        long units = Long.parseLong(v[3]);
        double mark = Double.parseDouble(v[4]);
        if (v[2].equals("SPY")) {
          // cash product, lot 1, multiplier 1: units at the mark
          assertThat(Double.parseDouble(v[5])).isCloseTo(units * mark, within(1e-6));
        }
      }
    }
    sums.forEach((k, s) -> assertThat(s[0]).as(k).isCloseTo(s[1], within(1e-4)));

    // The depth sampler's first tick, then every five minutes, then the end of the run.
    JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    List<Instant> t = new ArrayList<>(times);
    assertThat(t.get(t.size() - 1)).isEqualTo(Instant.parse(summary.get("simulatedEnd").asText()));
    for (int k = 1; k < t.size() - 1; k++) {
      assertThat(Time.ofInstant(t.get(k)) % PositionsCsvWriter.PERIOD).isZero();
      if (k > 1) {
        assertThat(t.get(k).getEpochSecond() - t.get(k - 1).getEpochSecond()).isEqualTo(300);
      }
    }
    assertThat(t).hasSize(5); // 09:30:05, :35, :40, :45, then 09:50, the end

    // The last sample is the summary's profit and loss, group by group.
    String last = t.get(t.size() - 1).toString();
    Map<String, Double> pnl = new LinkedHashMap<>();
    for (String[] v : rows) {
      if (Instant.parse(v[0]).toString().equals(last) && v[2].equals(PositionsCsvWriter.CASH)) {
        pnl.put(v[1], Double.parseDouble(v[7]));
      }
    }
    Map<String, Double> expected = new LinkedHashMap<>();
    for (JsonNode g : summary.get("pnl")) {
      expected.put(g.get("group").asText(), g.get("pnl").asDouble());
    }
    assertThat(pnl.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((g, p) -> assertThat(pnl.get(g)).as(g).isCloseTo(p, within(0.006)));
    assertThat(Files.readString(run.resolve("positions.csv"))).doesNotContain("external");
  }

  @Test
  void theInstrumentsTableGivesWhatTurnsLotsIntoMoney() throws Exception {
    Path run = tmp.resolve("run");
    String tiny = Path.of(getClass().getResource("/tiny.yaml").toURI()).toString();
    Cli.Result r = Cli.run("run", tiny, "--seed", "5", "--out", run.toString(), "--no-progress");
    assertThat(r.exit()).as(r.err()).isZero();

    assertThat(Files.readAllLines(run.resolve("instruments.csv")))
        .containsExactly(
            RunTables.header("instruments"),
            "SPY,etf,0.01,1,1,USD,us-equity,660.00,100000,,",
            "BTC,crypto,0.5,0.001,1,USD,crypto-24-7,91000.0,0,,");
  }
}
