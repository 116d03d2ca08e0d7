package dev.cascade.cli;

import dev.cascade.derivatives.GammaProfile;
import dev.cascade.derivatives.OptionsMarket;
import dev.cascade.derivatives.VixSample;
import dev.cascade.kernel.Time;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options dealers' tables of a run, written only when the run has dealers: {@code gex.csv}, the
 * dealers' net gamma exposure over a price grid at the start and at the end (underlying, when,
 * spot, price in dollars, netGammaPer1Pct in dollars of delta per 1% move), and {@code vix.csv},
 * the VIX-style index samples (time, timeNanos, underlying, vix in index points).
 */
final class DealerTables {
  static final String GEX_HEADER = "underlying,when,spot,price,netGammaPer1Pct\n";
  static final String VIX_HEADER = "time,timeNanos,underlying,vix\n";

  private DealerTables() {}

  /** Writes both tables into {@code dir} if the options market has dealers; else nothing. */
  static void write(Path dir, OptionsMarket options) throws IOException {
    List<GammaProfile> start = options.profiles(true);
    if (start.isEmpty()) {
      return;
    }
    List<GammaProfile> end = options.profiles(false);
    try (Writer w = Files.newBufferedWriter(dir.resolve("gex.csv"), StandardCharsets.UTF_8)) {
      w.write(GEX_HEADER);
      profile(w, "start", start);
      profile(w, "end", end);
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("vix.csv"), StandardCharsets.UTF_8)) {
      w.write(VIX_HEADER);
      for (VixSample v : options.vixSamples()) {
        w.write(
            Time.format(v.timeNanos())
                + ','
                + v.timeNanos()
                + ','
                + Csv.field(v.underlying())
                + ','
                + String.format(Locale.ROOT, "%.4f", v.value())
                + '\n');
      }
    }
  }

  private static void profile(Writer w, String when, List<GammaProfile> profiles)
      throws IOException {
    for (GammaProfile p : profiles) {
      double[] prices = p.prices();
      double[] gex = p.gexPer1Pct();
      for (int k = 0; k < prices.length; k++) {
        w.write(
            String.format(
                Locale.ROOT,
                "%s,%s,%.4f,%.4f,%.0f\n",
                Csv.field(p.underlying()),
                when,
                p.spot(),
                prices[k],
                gex[k]));
      }
    }
  }
}
