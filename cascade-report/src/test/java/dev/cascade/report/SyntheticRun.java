package dev.cascade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a run directory in the format of {@code cascade run}, from a seeded random walk: {@code
 * instruments} instruments trading around the clock for {@code days} days, one bar a minute and one
 * depth sample every {@code sampleSeconds}, and one halt of the first instrument.
 */
final class SyntheticRun {
  static final Instant START = Instant.parse("2025-11-18T14:30:00Z");

  private SyntheticRun() {}

  static Path write(Path dir, int instruments, double days, int sampleSeconds) {
    try {
      Files.createDirectories(dir);
      SplittableRandom rnd = new SplittableRandom(42);
      long minutes = Math.round(days * 24 * 60);
      Instant end = START.plusSeconds(minutes * 60);
      List<String> symbols = new ArrayList<>();
      for (int i = 0; i < instruments; i++) {
        symbols.add("S" + (i + 1));
      }
      double[] px = new double[instruments];
      java.util.Arrays.fill(px, 100.0);
      try (Writer w = Files.newBufferedWriter(dir.resolve("bars-1m.csv"), StandardCharsets.UTF_8)) {
        w.write("time,symbol,open,high,low,close,volume,trades\n");
        for (long m = 0; m < minutes; m++) {
          String t = START.plusSeconds(m * 60).toString();
          for (int i = 0; i < instruments; i++) {
            double o = px[i];
            px[i] = Math.max(1, px[i] * (1 + 0.001 * rnd.nextGaussian()));
            w.write(
                String.format(
                    java.util.Locale.ROOT,
                    "%s,%s,%.2f,%.2f,%.2f,%.2f,%d,%d%n",
                    t,
                    symbols.get(i),
                    o,
                    Math.max(o, px[i]),
                    Math.min(o, px[i]),
                    px[i],
                    500 + rnd.nextInt(1000),
                    20 + rnd.nextInt(50)));
          }
        }
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve("depth.csv"), StandardCharsets.UTF_8)) {
        w.write("time,symbol,spreadBps,bidDepthLots,askDepthLots\n");
        for (long s = sampleSeconds; s < minutes * 60; s += sampleSeconds) {
          String t = START.plusSeconds(s).toString();
          for (int i = 0; i < instruments; i++) {
            w.write(
                t
                    + ','
                    + symbols.get(i)
                    + ','
                    + String.format(java.util.Locale.ROOT, "%.3f", 1 + 3 * rnd.nextDouble())
                    + ','
                    + (200 + rnd.nextInt(400))
                    + ','
                    + (200 + rnd.nextInt(400))
                    + '\n');
          }
        }
      }
      Instant haltStart = START.plusSeconds(minutes * 30);
      Files.writeString(
          dir.resolve("halts.csv"),
          "symbol,start,until,reason\n"
              + symbols.get(0)
              + ','
              + haltStart
              + ','
              + haltStart.plusSeconds(900)
              + ",\"limit down, 7%\"\n");
      // Written as JSON, not through RunSummary's constructor: summary.json gains sections as
      // the engine grows, and the report must read old and new summaries alike.
      ObjectMapper json = new ObjectMapper();
      ObjectNode summary = json.createObjectNode();
      summary.put("scenario", "synthetic");
      summary.put("seed", 7);
      summary.putArray("without");
      summary.put("tapeHash", "ab".repeat(32));
      summary.put("events", 1_000_000);
      summary.put("eventsPerSecond", 500_000.0);
      summary.put("wallSeconds", 2.0);
      summary.put("simulatedStart", START.toString());
      summary.put("simulatedEnd", end.toString());
      summary.put("conservation", "conserved");
      ArrayNode lines = summary.putArray("instruments");
      for (int i = 0; i < instruments; i++) {
        ObjectNode l = lines.addObject();
        l.put("symbol", symbols.get(i));
        l.put("open", 100.0);
        l.put("close", px[i]);
        l.put("changePct", px[i] - 100);
        l.put("high", 110.0);
        l.put("low", 90.0);
        l.put("volume", 12345);
        l.put("trades", 678);
        l.putNull("relativeVolume");
        l.put("maxDrawdownPct", 3.2);
        l.put("realizedVolPct", 20.0);
        l.put("avgSpreadBps", 1.5);
        l.put("avgDepthLots", 600.0);
      }
      ObjectNode halt = summary.putArray("halts").addObject();
      halt.put("symbol", symbols.get(0));
      halt.put("start", haltStart.toString());
      halt.put("until", haltStart.plusSeconds(900).toString());
      halt.put("reason", "limit down, 7%");
      summary.putObject("aSectionFromALaterIssue").put("ignored", true);
      json.writeValue(dir.resolve("summary.json").toFile(), summary);
      Files.writeString(dir.resolve("scenario.yaml"), "name: synthetic\n# <b>not markup</b>\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
