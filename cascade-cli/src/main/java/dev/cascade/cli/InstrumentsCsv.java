package dev.cascade.cli;

import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.RealScale;
import dev.cascade.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes {@code instruments.csv}: one row per instrument of the scenario, with what turns the other
 * tables' prices and lots into money (tick, lot, multiplier, currency: a trade's value is price x
 * qty x lot x multiplier), its session and start price, its baseline daily volume in lots, the real
 * daily dollar volume it stands for (empty when the scenario does not state one) and the run's real
 * dollars per simulated dollar (empty when the scenario has no real scale).
 */
final class InstrumentsCsv {
  private InstrumentsCsv() {}

  static void write(Path file, ScenarioSpec spec) throws IOException {
    RealScale scale = spec.scale();
    Map<String, Double> real = new HashMap<>();
    for (RealScale.Basis b : scale.basis()) {
      real.put(b.symbol(), b.realDailyVolume());
    }
    String factor = scale.isSet() ? plain(scale.factor()) : "";
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(RunTables.header("instruments") + "\n");
      for (InstrumentSpec i : spec.instruments()) {
        Double r = real.get(i.symbol());
        w.write(
            Csv.field(i.symbol())
                + ','
                + i.assetClass().configName()
                + ','
                + i.tick().toPlainString()
                + ','
                + i.lot().toPlainString()
                + ','
                + i.multiplier().toPlainString()
                + ','
                + Csv.field(i.currency())
                + ','
                + i.session().configName()
                + ','
                + i.price().toPlainString()
                + ','
                + i.baselineDailyVolume()
                + ','
                + (r == null ? "" : plain(r))
                + ','
                + factor
                + '\n');
      }
    }
  }

  /** A double as plain decimal text (no exponent), the shortest that reads back as it. */
  private static String plain(double v) {
    return BigDecimal.valueOf(v).toPlainString();
  }
}
