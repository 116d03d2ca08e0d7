package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTablesTest {
  @TempDir Path tmp;

  @Test
  void theWitnessKeepsTheHeaderAndTheFirstLineOfEveryNewValueShape() throws IOException {
    Path csv = tmp.resolve("t.csv");
    Files.writeString(
        csv,
        "id,label,price\n"
            + "1,a,10.5\n"
            + "2,a,11.5\n"
            + "3,\"b, c\",12.5\n"
            + "4,a,\n"
            + "17,a,13.25\n"
            + "18,\"b, d\",14.5\n",
        StandardCharsets.UTF_8);
    Path witness = tmp.resolve("w.csv");

    assertThat(CsvWitness.write(csv, witness)).isTrue();

    assertThat(Files.readAllLines(witness))
        .containsExactly(
            "id,label,price",
            "1,a,10.5",
            "3,\"b, c\",12.5",
            "4,a,",
            "17,a,13.25",
            "18,\"b, d\",14.5");
  }

  @Test
  void aFieldSpanningLinesLeavesTheWitnessUnmade() throws IOException {
    Path csv = tmp.resolve("t.csv");
    Files.writeString(csv, "id,label\n1,\"two\nlines\"\n", StandardCharsets.UTF_8);

    assertThat(CsvWitness.write(csv, tmp.resolve("w.csv"))).isFalse();
  }

  @Test
  void parquetTypedFromTheWitnessIsTheParquetOfDetectionOverTheWholeFile() throws Exception {
    StringBuilder b = new StringBuilder("time,timeNanos,symbol,price,qty,label,links\n");
    Random rnd = new Random(20240611);
    long t = 1_763_476_200_000_000_000L;
    for (int k = 0; k < 20_000; k++) {
      t += 1 + rnd.nextInt(2_000_000_000);
      b.append(java.time.Instant.ofEpochSecond(0, t))
          .append(',')
          .append(t)
          .append(',')
          .append(rnd.nextBoolean() ? "SPY" : "BTC")
          .append(',')
          .append(k < 15_000 ? Integer.toString(100 + rnd.nextInt(900)) : "660.05")
          .append(',')
          .append(1 + rnd.nextInt(5000))
          .append(',')
          .append(rnd.nextInt(10) == 0 ? "\"stop SPY, @ " + rnd.nextInt(99999) + "\"" : "")
          .append(',')
          .append(rnd.nextInt(50) == 0 ? rnd.nextInt(1000) + ";" + rnd.nextInt(1000) : "")
          .append('\n');
    }
    assertSameParquetAsWholeFileDetection(b.toString());
  }

  @Test
  void aValueTheWitnessDidNotShowFallsBackToDetectionOverTheWholeFile() throws Exception {
    // Same shape (19 digits), but the second does not fit in 64 bits: the witness shows only the
    // first, so its types (BIGINT) fail on the whole file.
    assertSameParquetAsWholeFileDetection(
        "id,n\n1,9223372036854775807\n2,9223372036854775807\n3,9999999999999999999\n");
  }

  private void assertSameParquetAsWholeFileDetection(String content) throws Exception {
    Path run = Files.createDirectory(tmp.resolve("run"));
    Files.writeString(run.resolve("trades.csv"), content, StandardCharsets.UTF_8);
    Path expected = tmp.resolve("expected.parquet");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("SET threads TO 1");
      st.execute(
          "COPY (SELECT * FROM read_csv('"
              + run.resolve("trades.csv").toAbsolutePath()
              + "', header = true, sample_size = -1)) TO '"
              + expected.toAbsolutePath()
              + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
    }

    RunTables.toParquet(run, true);

    assertThat(Files.readAllBytes(run.resolve("trades.parquet")))
        .isEqualTo(Files.readAllBytes(expected));
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("trades.csv", "trades.parquet");
    }
    assertThat(types(run.resolve("trades.parquet"))).isEqualTo(types(expected));
  }

  private static List<String> types(Path parquet) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT column_type FROM (DESCRIBE SELECT * FROM '"
                    + parquet.toAbsolutePath()
                    + "')")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
