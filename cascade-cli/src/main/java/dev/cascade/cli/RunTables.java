package dev.cascade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a run directory in Parquet, written through an embedded, in-memory DuckDB: each CSV
 * the run streamed is converted to a Parquet file of the same name, with column types inferred by
 * DuckDB from the whole file (so the schema is a function of the data alone).
 */
final class RunTables {
  /** The tables a run writes, by base name. */
  static final List<String> TABLES =
      List.of("trades", "bars-1m", "depth", "halts", "causes", "gex", "vix");

  private RunTables() {}

  /**
   * Writes {@code name.parquet} beside each {@code name.csv} in {@code dir}.
   *
   * @param keepCsv whether the CSV files stay (the user asked for them)
   */
  static void toParquet(Path dir, boolean keepCsv) throws IOException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("SET threads TO 1");
      for (String t : TABLES) {
        Path csv = dir.resolve(t + ".csv");
        if (!Files.exists(csv)) {
          continue;
        }
        Path parquet = dir.resolve(t + ".parquet");
        st.execute(
            "COPY (SELECT * FROM read_csv("
                + literal(csv)
                + ", header = true, sample_size = -1)) TO "
                + literal(parquet)
                + " (FORMAT PARQUET, COMPRESSION ZSTD)");
        if (!keepCsv) {
          Files.delete(csv);
        }
      }
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
