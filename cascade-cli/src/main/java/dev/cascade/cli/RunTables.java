package dev.cascade.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a run directory in Parquet, written through an embedded, in-memory DuckDB: each CSV
 * the run streamed is converted to a Parquet file of the same name, with column types inferred by
 * DuckDB from the whole file (so the schema is a function of the data alone).
 *
 * <p>DuckDB's detection over a whole file ({@code sample_size = -1}) holds the whole file in
 * memory, so a month-long run's trades would cost as much memory as the file is large. The types
 * are detected instead on the file's {@link CsvWitness} (a few dozen lines that show every value
 * shape of every column), and the whole file is then read with those types: if any value does not
 * fit them, the conversion fails and the file is converted again with detection over the whole
 * file. Either way the Parquet file is the same.
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
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = db.createStatement()) {
        st.execute("SET threads TO 1");
      }
      for (String t : TABLES) {
        Path csv = dir.resolve(t + ".csv");
        if (!Files.exists(csv)) {
          continue;
        }
        Path parquet = dir.resolve(t + ".parquet");
        if (!convertWithWitness(db, csv, dir.resolve(".witness-" + t + ".csv"), parquet)) {
          convert(
              db, "FROM read_csv(" + literal(csv) + ", header = true, sample_size = -1)", parquet);
        }
        if (!keepCsv) {
          Files.delete(csv);
        }
      }
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Converts {@code csv} with the types DuckDB detects on its witness.
   *
   * @return false (and no Parquet file) if the witness could not be made or some value of the file
   *     does not fit the types detected on it
   */
  private static boolean convertWithWitness(Connection db, Path csv, Path witness, Path parquet)
      throws IOException {
    // A statement that failed is closed by the driver: each query has its own.
    try (Statement st = db.createStatement()) {
      if (!CsvWitness.write(csv, witness)) {
        return false;
      }
      String prompt;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT Prompt FROM sniff_csv("
                  + literal(witness)
                  + ", header = true, sample_size = -1)")) {
        if (!rs.next()) {
          return false;
        }
        prompt = rs.getString(1).strip();
      }
      // The prompt is the read_csv call that reads the witness with the detected dialect and
      // types; pointed at the whole file, it reads the whole file the same way.
      String w = literal(witness);
      int at = prompt.indexOf(w);
      if (!prompt.startsWith("FROM read_csv(") || at < 0 || prompt.indexOf(w, at + 1) >= 0) {
        return false;
      }
      if (prompt.endsWith(";")) {
        prompt = prompt.substring(0, prompt.length() - 1);
      }
      convert(db, prompt.replace(w, literal(csv)), parquet);
      return true;
    } catch (SQLException e) {
      Files.deleteIfExists(parquet);
      return false;
    } finally {
      Files.deleteIfExists(witness);
    }
  }

  private static void convert(Connection db, String from, Path parquet) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(
          "COPY (SELECT * "
              + from
              + ") TO "
              + literal(parquet)
              + " (FORMAT PARQUET, COMPRESSION ZSTD)");
    }
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
