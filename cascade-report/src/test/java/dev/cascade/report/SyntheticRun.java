package dev.cascade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cascade.record.InstrumentSummary;
import dev.cascade.record.RunSummary;
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
      List<InstrumentSummary> lines = new ArrayList<>();
      for (int i = 0; i < instruments; i++) {
        lines.add(
            new InstrumentSummary(
                symbols.get(i),
                100,
                px[i],
                px[i] - 100,
                110,
                90,
                12345,
                678,
                null,
                3.2,
                20.0,
                1.5,
                600.0));
      }
      RunSummary summary =
          new RunSummary(
              "synthetic",
              7,
              List.of(),
              "ab".repeat(32),
              1_000_000,
              500_000,
              2.0,
              START.toString(),
              end.toString(),
              "conserved",
              lines,
              List.of(
                  new RunSummary.HaltSummary(
                      symbols.get(0),
                      haltStart.toString(),
                      haltStart.plusSeconds(900).toString(),
                      "limit down, 7%")));
      new ObjectMapper().writeValue(dir.resolve("summary.json").toFile(), summary);
      Files.writeString(dir.resolve("scenario.yaml"), "name: synthetic\n# <b>not markup</b>\n");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
