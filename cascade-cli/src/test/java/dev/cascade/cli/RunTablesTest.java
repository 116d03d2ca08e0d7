package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.report.RunTable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run tables read back, from CSV and from Parquet, with their declared columns and types. */
class RunTablesTest {
  @TempDir static Path shared;
  @TempDir Path tmp;

  private static Path run;

  /** One short run (tiny.yaml: no halts, so its halts table is empty), shared by the tests. */
  @BeforeAll
  static void runTiny() throws URISyntaxException {
    run = shared.resolve("run");
    String tiny = Path.of(RunTablesTest.class.getResource("/tiny.yaml").toURI()).toString();
    Cli.Result r = Cli.run("run", tiny, "--seed", "5", "--out", run.toString(), "--no-progress");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void everyTableOfARunHasItsDeclaredColumnsInCsvAndInParquet() throws Exception {
    List<String> written = new ArrayList<>();
    for (String t : RunTables.TABLES) {
      Path csv = run.resolve(t + ".csv");
      if (!Files.exists(csv)) {
        continue; // gex and vix come with options dealers only
      }
      written.add(t);
      List<RunTables.Column> declared = RunTables.SCHEMAS.get(t);
      assertThat(Files.readAllLines(csv).get(0)).as(t).isEqualTo(RunTables.header(t));
      assertThat(describe("'" + run.resolve(t + ".parquet").toAbsolutePath() + "'"))
          .as(t)
          .isEqualTo(declared);
      // The report module's reader finds every column, and as many rows, in either file (the text
      // of a value may differ: 660.00 in CSV is 660.0 from Parquet, whose times are to the µs).
      List<String> names = declared.stream().map(RunTables.Column::name).toList();
      Path parquetOnly = Files.createDirectories(tmp.resolve(t));
      Files.copy(run.resolve(t + ".parquet"), parquetOnly.resolve(t + ".parquet"));
      assertThat(rows(parquetOnly.resolve(t + ".csv"), names))
          .as(t)
          .hasSameSizeAs(rows(csv, names));
    }
    assertThat(written)
        .containsExactly(
            "trades", "bars-1m", "depth", "halts", "causes", "positions", "instruments");
    assertThat(Files.readAllLines(run.resolve("halts.csv"))).hasSize(1);
    assertThat(Files.readAllLines(run.resolve("positions.csv")).size()).isGreaterThan(10);
  }

  @Test
  void theDeclaredTypesAreThoseDuckDbDetectsOnAFullTable() throws Exception {
    for (String t : List.of("trades", "bars-1m", "depth", "causes")) {
      String csv = "'" + run.resolve(t + ".csv").toAbsolutePath() + "'";
      List<RunTables.Column> detected =
          describe("read_csv(" + csv + ", header = true, sample_size = -1)");
      assertThat(detected).as(t).isEqualTo(RunTables.SCHEMAS.get(t));
    }
  }

  @Test
  void anEmptyTableHasTheTypesOfAFullOne() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("empty"));
    Files.writeString(dir.resolve("halts.csv"), RunTables.header("halts") + "\n");
    Path full = Files.createDirectory(tmp.resolve("full"));
    Files.writeString(
        full.resolve("halts.csv"),
        RunTables.header("halts")
            + "\nSPY,2025-11-20T14:30:15.000000001Z,2025-11-20T14:45:15.000000001Z,\"level 1, 7%\"\n",
        StandardCharsets.UTF_8);

    RunTables.toParquet(dir, false);
    RunTables.toParquet(full, true);

    assertThat(dir.resolve("halts.csv")).doesNotExist();
    List<RunTables.Column> empty = describe("'" + dir.resolve("halts.parquet") + "'");
    assertThat(empty).isEqualTo(describe("'" + full.resolve("halts.parquet") + "'"));
    assertThat(empty.get(1).type()).isEqualTo("TIMESTAMP WITH TIME ZONE");
  }

  @Test
  void aHeaderThatIsNotTheDeclaredColumnsIsRefused() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("wrong"));
    Files.writeString(dir.resolve("halts.csv"), "symbol,until,start,reason\n");

    assertThatThrownBy(() -> RunTables.toParquet(dir, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not the declared columns");
  }

  private static List<RunTables.Column> describe(String from) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + from)) {
      List<RunTables.Column> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new RunTables.Column(rs.getString("column_name"), rs.getString("column_type")));
      }
      return out;
    }
  }

  private static List<List<String>> rows(Path file, List<String> names) throws Exception {
    List<List<String>> out = new ArrayList<>();
    int[][] idx = new int[1][];
    RunTable.read(
        file,
        names,
        c -> idx[0] = c,
        row -> {
          List<String> r = new ArrayList<>();
          for (int c : idx[0]) {
            r.add(row.text(c));
          }
          out.add(r);
        });
    return out;
  }
}
