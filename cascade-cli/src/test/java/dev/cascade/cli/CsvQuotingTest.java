package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.StandardFamilies;
import dev.cascade.kernel.Time;
import dev.cascade.record.RunSummary;
import dev.cascade.report.RunDataException;
import dev.cascade.report.RunTable;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.Simulation;
import dev.cascade.scenario.Simulations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvQuotingTest {
  /** A group name that a hand-written CSV line would break: a comma and double quotes. */
  private static final String HERD = "noise, \"the herd\"";

  @TempDir Path tmp;

  @Test
  void fieldsAreQuotedOnlyWhenTheyNeedIt() {
    assertThat(Csv.field("SPY")).isEqualTo("SPY");
    assertThat(Csv.field("noise-12")).isEqualTo("noise-12");
    assertThat(Csv.field("-")).isEqualTo("-");
    assertThat(Csv.field("")).isEmpty();
    assertThat(Csv.field("b, c")).isEqualTo("\"b, c\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.field(" padded")).isEqualTo("\" padded\"");
    assertThat(Csv.quoted("market-wide level 1 (-7.0%)"))
        .isEqualTo("\"market-wide level 1 (-7.0%)\"");
    assertThat(Csv.record("a", "b,c", "")).isEqualTo("a,\"b,c\",\n");
  }

  @Test
  void aFieldCacheFollowsTheNameAtEachIndex() {
    Csv.Fields f = new Csv.Fields();
    assertThat(f.of(0, "mm-0")).isEqualTo("mm-0");
    assertThat(f.of(40, HERD)).isEqualTo("\"noise, \"\"the herd\"\"\"");
    assertThat(f.of(0, "a,b")).isEqualTo("\"a,b\"");
  }

  @Test
  void scenarioFilesRefuseSuchAGroupNameSoTheWritersAreTestedBelowTheLoader() throws Exception {
    String text = Files.readString(resource("/tiny.yaml"), StandardCharsets.UTF_8);
    String renamed = text.replace("  - family: noise\n", "  - family: noise\n    name: 'a,b'\n");
    assertThat(renamed).isNotEqualTo(text);
    assertThat(ScenarioLoader.parse(renamed, "tiny.yaml", StandardFamilies.registry()).ok())
        .isFalse();
  }

  @Test
  void aGroupNameWithACommaAndQuotesReadsBackExactlyFromCsvAndParquet() throws Exception {
    AgentRegistry registry = StandardFamilies.registry();
    Path file = resource("/tiny.yaml");
    ScenarioFiles.Loaded loaded =
        ScenarioFiles.load(file, registry, new PrintWriter(new StringWriter()));
    ScenarioSpec spec = loaded.spec();
    List<AgentGroupSpec> groups = new ArrayList<>();
    for (AgentGroupSpec g : spec.agents()) {
      groups.add(
          g.family().equals("noise")
              ? new AgentGroupSpec(
                  g.family(), HERD, g.count(), g.instruments(), g.cash(), g.holdings(), g.params())
              : g);
    }
    ScenarioSpec herd =
        new ScenarioSpec(
            spec.name(),
            spec.description(),
            spec.seed(),
            spec.start(),
            spec.end(),
            spec.instruments(),
            groups,
            spec.rules(),
            spec.shocks(),
            spec.episode(),
            spec.factors(),
            spec.scale());
    Simulation sim = Simulations.resolve(herd, 5, Set.of(), registry);
    Path run = tmp.resolve("run");
    RunRecording rec =
        RunRecording.open(sim, run, false, "run", 5, new PrintWriter(new StringWriter()));
    sim.run(Time.NANOS_PER_MINUTE, (t, events) -> {});
    RunSummary summary = rec.finish(0);
    rec.commit(summary, loaded, Map.of(), true, false);

    assertThat(column(run.resolve("positions.csv"), "group")).contains(HERD, "mm");
    Set<String> traders = column(run.resolve("trades.csv"), "buyer");
    traders.addAll(column(run.resolve("trades.csv"), "seller"));
    assertThat(traders).anyMatch(a -> a.startsWith(HERD + "-"));
    assertThat(column(run.resolve("causes.csv"), "agent")).anyMatch(a -> a.startsWith(HERD + "-"));

    // The Parquet copies, converted by DuckDB from the same CSV, read the same names.
    for (String t : List.of("positions", "trades")) {
      Files.delete(run.resolve(t + ".csv"));
    }
    assertThat(column(run.resolve("positions.csv"), "group")).contains(HERD);
    assertThat(column(run.resolve("trades.csv"), "seller")).anyMatch(a -> a.startsWith(HERD));
  }

  private static Set<String> column(Path table, String name) throws RunDataException {
    Set<String> values = new TreeSet<>();
    int[] c = new int[1];
    RunTable.read(table, List.of(name), idx -> c[0] = idx[0], row -> values.add(row.text(c[0])));
    return values;
  }

  private Path resource(String name) throws Exception {
    return Path.of(getClass().getResource(name).toURI());
  }
}
