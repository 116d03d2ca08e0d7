package dev.cascade.scenario;

import java.util.List;
import java.util.Objects;

/**
 * How many real dollars one dollar of the simulated market stands for (docs/model.md §14, "Real
 * scale"). A scenario's market is a miniature: its books trade a small fraction of the real
 * market's dollar volume. Instruments that state {@code realDailyVolume} (the real market's daily
 * dollar volume the instrument stands for) fix the ratio: the sum of their real daily dollar
 * volumes over the sum of their simulated ones ({@code baselineDailyVolume} x price x lot x
 * multiplier). Sizes written {@code {real: X}} in a scenario are divided by it when the file is
 * read, and dollar figures in a run's outputs are multiplied by it.
 *
 * @param factor real dollars per simulated dollar (1 when no instrument states a real volume)
 * @param basis the instruments that fixed the factor, in scenario order (empty when none did)
 */
public record RealScale(double factor, List<Basis> basis) {

  /** The instrument key that states the real market's daily dollar volume. */
  public static final String REAL_DAILY_VOLUME = "realDailyVolume";

  /** The key of a size written at real scale, {@code {real: X}}. */
  public static final String REAL = "real";

  /** Why a {@code {real: X}} size cannot be read in a file with no real volume. */
  static final String NO_SCALE =
      "a {real: ...} size needs the market's real scale: give realDailyVolume (the real market's"
          + " daily dollar volume) on the instruments it is measured against";

  /** No instrument states a real volume: figures are the simulation's own. */
  public static final RealScale NONE = new RealScale(1, List.of());

  /**
   * One instrument's part in the scale.
   *
   * @param symbol the instrument
   * @param realDailyVolume the real market's daily dollar volume it stands for
   * @param simulatedDailyVolume its {@code baselineDailyVolume} in dollars at its start price
   */
  public record Basis(String symbol, double realDailyVolume, double simulatedDailyVolume) {
    public Basis {
      Objects.requireNonNull(symbol, "symbol");
      if (!(realDailyVolume > 0) || !(simulatedDailyVolume > 0)) {
        throw new IllegalArgumentException("both daily volumes must be above 0");
      }
    }

    /** This instrument's own ratio of real to simulated dollar volume. */
    public double factor() {
      return realDailyVolume / simulatedDailyVolume;
    }
  }

  public RealScale {
    basis = List.copyOf(basis);
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("the scale must be a positive finite number");
    }
  }

  /** The scale fixed by these instruments: their summed real over summed simulated volume. */
  public static RealScale of(List<Basis> basis) {
    if (basis.isEmpty()) {
      return NONE;
    }
    double real = 0;
    double simulated = 0;
    for (Basis b : basis) {
      real += b.realDailyVolume();
      simulated += b.simulatedDailyVolume();
    }
    return new RealScale(real / simulated, basis);
  }

  /** An instrument's baseline daily volume in dollars at its start price. */
  public static double simulatedDailyDollars(InstrumentSpec ins) {
    return ins.baselineDailyVolume()
        * ins.price().doubleValue()
        * ins.lot().doubleValue()
        * ins.multiplier().doubleValue();
  }

  /** True when some instrument states a real volume. */
  public boolean isSet() {
    return !basis.isEmpty();
  }

  /** A simulated amount (dollars or lots) at real scale. */
  public double real(double simulated) {
    return simulated * factor;
  }

  /** A real amount (dollars or lots) in the simulation's units. */
  public double simulated(double real) {
    return real / factor;
  }
}
