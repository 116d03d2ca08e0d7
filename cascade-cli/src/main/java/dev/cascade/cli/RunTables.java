package dev.cascade.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a run directory and their column types, and their conversion to Parquet through an
 * embedded, in-memory DuckDB: each CSV the run wrote is converted to a Parquet file of the same
 * name, read with the types declared here rather than types DuckDB guesses from the data, so a
 * table has the same schema whatever its rows (an empty {@code halts} table has timestamp columns,
 * as a full one does). Declared types also keep the conversion's memory flat: nothing is read twice
 * or held to detect types, however long the run.
 */
final class RunTables {
  /** A column of a run table: its name and its DuckDB type. */
  record Column(String name, String type) {}

  private static final String TIME = "TIMESTAMP WITH TIME ZONE";
  private static final String TEXT = "VARCHAR";
  private static final String WHOLE = "BIGINT";
  private static final String NUMBER = "DOUBLE";

  /** The tables a run writes, by base name, each with its columns in file order. */
  static final Map<String, List<Column>> SCHEMAS = schemas();

  /** The tables a run writes, by base name. */
  static final List<String> TABLES = List.copyOf(SCHEMAS.keySet());

  private RunTables() {}

  private static Map<String, List<Column>> schemas() {
    Map<String, List<Column>> m = new LinkedHashMap<>();
    m.put(
        "trades",
        columns(
            "time",
            TIME,
            "timeNanos",
            WHOLE,
            "symbol",
            TEXT,
            "price",
            NUMBER,
            "qty",
            WHOLE,
            "notional",
            NUMBER,
            "aggressor",
            TEXT,
            "buyer",
            TEXT,
            "seller",
            TEXT,
            "buyCause",
            TEXT,
            "buyCauseId",
            WHOLE,
            "sellCause",
            TEXT,
            "sellCauseId",
            WHOLE));
    m.put(
        "bars-1m",
        columns(
            "time", TIME, "symbol", TEXT, "open", NUMBER, "high", NUMBER, "low", NUMBER, "close",
            NUMBER, "volume", WHOLE, "trades", WHOLE));
    m.put(
        "depth",
        columns(
            "time",
            TIME,
            "symbol",
            TEXT,
            "spreadBps",
            NUMBER,
            "bidDepthLots",
            WHOLE,
            "askDepthLots",
            WHOLE));
    m.put("halts", columns("symbol", TEXT, "start", TIME, "until", TIME, "reason", TEXT));
    m.put(
        "causes",
        columns(
            "id",
            WHOLE,
            "kind",
            TEXT,
            "agent",
            TEXT,
            "parent",
            WHOLE,
            "time",
            TIME,
            "timeNanos",
            WHOLE,
            "label",
            TEXT,
            "links",
            TEXT));
    m.put(
        "positions",
        columns(
            "time",
            TIME,
            "group",
            TEXT,
            "family",
            TEXT,
            "instrument",
            TEXT,
            "units",
            WHOLE,
            "mark",
            NUMBER,
            "markValue",
            NUMBER,
            "equity",
            NUMBER,
            "pnl",
            NUMBER,
            "marginUsed",
            NUMBER));
    m.put(
        "instruments",
        columns(
            "symbol",
            TEXT,
            "class",
            TEXT,
            "tick",
            NUMBER,
            "lot",
            NUMBER,
            "multiplier",
            NUMBER,
            "currency",
            TEXT,
            "session",
            TEXT,
            "startPrice",
            NUMBER,
            "baselineDailyVolume",
            WHOLE,
            "realDailyVolume",
            NUMBER,
            "realDollarsPerSimulatedDollar",
            NUMBER));
    m.put(
        "gex",
        columns(
            "underlying",
            TEXT,
            "when",
            TEXT,
            "spot",
            NUMBER,
            "price",
            NUMBER,
            "netGammaPer1Pct",
            WHOLE));
    m.put("vix", columns("time", TIME, "timeNanos", WHOLE, "underlying", TEXT, "vix", NUMBER));
    return m;
  }

  private static List<Column> columns(String... nameType) {
    List<Column> out = new ArrayList<>();
    for (int k = 0; k < nameType.length; k += 2) {
      out.add(new Column(nameType[k], nameType[k + 1]));
    }
    return List.copyOf(out);
  }

  /** The header line of a table, without the line end: its column names, comma-separated. */
  static String header(String table) {
    List<String> names = new ArrayList<>();
    for (Column c : SCHEMAS.get(table)) {
      names.add(c.name());
    }
    return String.join(",", names);
  }

  /**
   * Writes {@code name.parquet} beside each {@code name.csv} in {@code dir}.
   *
   * @param keepCsv whether the CSV files stay (the user asked for them)
   * @throws IllegalStateException if a table's header is not its declared columns (a bug: the
   *     writer and the declaration disagree)
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
        checkHeader(csv, t);
        try (Statement st = db.createStatement()) {
          st.execute(
              "COPY (SELECT * FROM "
                  + readCsv(csv, t)
                  + ") TO "
                  + literal(dir.resolve(t + ".parquet"))
                  + " (FORMAT PARQUET, COMPRESSION ZSTD)");
        }
        if (!keepCsv) {
          Files.delete(csv);
        }
      }
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A sweep's per-path rows: {@code sweep-paths.csv}'s columns and their types. */
  static final List<Column> SWEEP_PATHS =
      columns("seed", WHOLE, "symbol", TEXT, "changePct", NUMBER, "maxDrawdownPct", NUMBER);

  /**
   * Writes {@code sweep-paths.parquet} beside {@code sweep-paths.csv} in {@code dir}: the same rows
   * with the scenario's name as a first column, typed as declared (a flat file with scenario and
   * seed columns, not directories partitioned by them: an output directory holds files only).
   */
  static void sweepPathsToParquet(Path dir, String scenario) throws IOException {
    Path csv = dir.resolve("sweep-paths.csv");
    StringBuilder cols = new StringBuilder("{");
    for (Column c : SWEEP_PATHS) {
      cols.append(cols.length() > 1 ? ", " : "")
          .append('\'')
          .append(c.name())
          .append("': '")
          .append(c.type())
          .append('\'');
    }
    cols.append('}');
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("SET threads TO 1");
      st.execute(
          "COPY (SELECT "
              + "'"
              + scenario.replace("'", "''")
              + "' AS scenario, * FROM read_csv("
              + literal(csv)
              + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
              + " columns = "
              + cols
              + ")) TO "
              + literal(dir.resolve("sweep-paths.parquet"))
              + " (FORMAT PARQUET, COMPRESSION ZSTD)");
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * DuckDB's {@code read_csv} of a run table with its declared columns: nothing is detected, an
   * empty field is NULL.
   */
  static String readCsv(Path csv, String table) {
    StringBuilder cols = new StringBuilder("{");
    for (Column c : SCHEMAS.get(table)) {
      if (cols.length() > 1) {
        cols.append(", ");
      }
      cols.append('\'').append(c.name()).append("': '").append(c.type()).append('\'');
    }
    cols.append('}');
    return "read_csv("
        + literal(csv)
        + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
        + " columns = "
        + cols
        + ")";
  }

  private static void checkHeader(Path csv, String table) throws IOException {
    String first;
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      first = in.readLine();
    }
    if (!header(table).equals(first)) {
      throw new IllegalStateException(
          csv + ": header " + first + " is not the declared columns " + header(table));
    }
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
