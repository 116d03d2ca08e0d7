package dev.cascade.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bands a calm market's stylised facts are judged by, with their sources, read from the one
 * resource {@value #RESOURCE}: the bands of the independent checker ../shared/tools/stylized.py
 * (its bands.json), so that the two agree, plus realised against stated volatility.
 *
 * @param sources full citation of every source label the bands name
 * @param profiles the band profiles by name ({@code intraday_1min}, {@code daily})
 */
public record StylizedBands(Map<String, String> sources, Map<String, Profile> profiles) {
  public static final String RESOURCE = "/dev/cascade/analytics/stylized-bands.json";

  /** The profile of one-minute returns. */
  public static final String ONE_MINUTE = "intraday_1min";

  /** The profile of daily returns. */
  public static final String DAILY = "daily";

  /**
   * One band.
   *
   * @param name what it checks, for people
   * @param metric the figure, a key of {@link StylizedFacts#metrics}
   * @param lo lower bound (NaN: none)
   * @param hi upper bound (NaN: none)
   * @param abs compare |value|
   * @param loNoise the lower bound is at least loNoise / sqrt(n) (NaN: not so)
   * @param hiNoise the upper bound is at least hiNoise / sqrt(n) (NaN: not so)
   * @param hiSe the upper bound is at least hiSe x the standard error at seMetric (NaN: not so)
   * @param seMetric the standard error's metric (null with no hiSe)
   * @param minN skipped below this many returns (0: never)
   * @param required whether a failure fails the profile (else it is a warning)
   * @param source where the band comes from (labels of {@link #sources}, with sections)
   */
  public record Band(
      String name,
      String metric,
      double lo,
      double hi,
      boolean abs,
      double loNoise,
      double hiNoise,
      double hiSe,
      String seMetric,
      int minN,
      boolean required,
      String source) {}

  /**
   * A set of bands for returns at one frequency.
   *
   * @param name e.g. {@code intraday_1min}
   * @param description what returns it is for
   * @param minN fewest returns to judge at all
   * @param bandsFrom where the profile's numbers come from (a label of {@link #sources})
   * @param acfK first lag (return periods) from which no linear autocorrelation is expected
   * @param bands the bands in order
   */
  public record Profile(
      String name, String description, int minN, String bandsFrom, int acfK, List<Band> bands) {

    /** Judges one measurement, as the checker's {@code check_bands} does. */
    public Verdict check(StylizedFacts facts) {
      Map<String, Double> m = facts.metrics();
      int n = facts.n();
      List<Check> checks = new ArrayList<>();
      boolean ok = true;
      // The sample size comes first, always (the checker lists it only when it fails).
      boolean enough = n >= minN;
      ok &= enough;
      checks.add(
          new Check(
              new Band(
                  "sample size",
                  "n",
                  minN,
                  Double.NaN,
                  false,
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  null,
                  0,
                  true,
                  bandsFrom),
              n,
              minN,
              Double.NaN,
              enough ? Result.PASS : Result.FAIL,
              enough ? "" : "n < " + minN + ": too few returns to judge with this profile"));
      for (Band b : bands) {
        double v = m.getOrDefault(b.metric(), Double.NaN);
        if (b.abs()) {
          v = Math.abs(v);
        }
        double lo = b.lo();
        double hi = b.hi();
        if (!Double.isNaN(b.hiNoise())) {
          hi =
              Double.isNaN(hi)
                  ? b.hiNoise() / Math.sqrt(n)
                  : Math.max(hi, b.hiNoise() / Math.sqrt(n));
        }
        if (!Double.isNaN(b.hiSe())) {
          double se = m.getOrDefault(b.seMetric(), Double.NaN);
          if (Double.isFinite(se)) {
            hi = Double.isNaN(hi) ? b.hiSe() * se : Math.max(hi, b.hiSe() * se);
          }
        }
        if (!Double.isNaN(b.loNoise())) {
          lo =
              Double.isNaN(lo)
                  ? b.loNoise() / Math.sqrt(n)
                  : Math.max(lo, b.loNoise() / Math.sqrt(n));
        }
        Result r;
        String note = "";
        if (b.minN() > 0 && n < b.minN()) {
          r = Result.SKIP;
          note = "skipped: n < " + b.minN();
        } else if (!Double.isFinite(v)) {
          r = Result.SKIP;
          note = "skipped: not available";
        } else if ((Double.isNaN(lo) || v >= lo) && (Double.isNaN(hi) || v <= hi)) {
          r = Result.PASS;
        } else if (b.required()) {
          r = Result.FAIL;
          ok = false;
        } else {
          r = Result.WARN;
        }
        checks.add(new Check(b, v, lo, hi, r, note));
      }
      return new Verdict(name, ok, List.copyOf(checks));
    }
  }

  /** The outcome of one band. */
  public enum Result {
    PASS,
    FAIL,
    /** Outside a band that is not required. */
    WARN,
    /** Not judged: too few returns for this band, or the figure could not be measured. */
    SKIP
  }

  /**
   * One band applied.
   *
   * @param band the band
   * @param value the figure (|figure| for an abs band; NaN if not measured)
   * @param lo the lower bound applied (NaN: none)
   * @param hi the upper bound applied (NaN: none)
   * @param result pass, fail, warn or skip
   * @param note why it was skipped, or why the sample-size check failed (empty otherwise)
   */
  public record Check(Band band, double value, double lo, double hi, Result result, String note) {}

  /**
   * A profile applied to one measurement.
   *
   * @param profile its name
   * @param pass n is enough and every required, measured band passes
   * @param checks the sample size, then every band in order
   */
  public record Verdict(String profile, boolean pass, List<Check> checks) {}

  private static StylizedBands standard;

  /** The shipped bands. */
  public static synchronized StylizedBands standard() {
    if (standard == null) {
      try (InputStream in = StylizedBands.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
        }
        standard = parse(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(RESOURCE + " cannot be read", e);
      }
    }
    return standard;
  }

  /** The profile named, which must exist. */
  public Profile profile(String name) {
    Profile p = profiles.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no band profile '" + name + "' in " + profiles.keySet());
    }
    return p;
  }

  /** Reads a bands tree; a malformed one is a bug in the shipped file. */
  static StylizedBands parse(JsonNode root) {
    Set<String> known = StylizedFacts.metricNames();
    Map<String, String> sources = new LinkedHashMap<>();
    root.path("sources").properties().forEach(e -> sources.put(e.getKey(), e.getValue().asText()));
    Map<String, Profile> profiles = new LinkedHashMap<>();
    root.path("profiles")
        .properties()
        .forEach(
            e -> {
              JsonNode p = e.getValue();
              List<Band> bands = new ArrayList<>();
              for (JsonNode c : p.path("checks")) {
                Band b =
                    new Band(
                        text(c, "name"),
                        text(c, "metric"),
                        number(c, "lo"),
                        number(c, "hi"),
                        c.path("abs").asBoolean(false),
                        number(c, "lo_noise"),
                        number(c, "hi_noise"),
                        number(c, "hi_se"),
                        c.hasNonNull("se_metric") ? c.get("se_metric").asText() : null,
                        c.path("min_n").asInt(0),
                        c.path("required").asBoolean(true),
                        text(c, "source"));
                checkKnown(known, e.getKey(), b.metric());
                if (!Double.isNaN(b.hiSe())) {
                  checkKnown(known, e.getKey(), b.seMetric());
                }
                bands.add(b);
              }
              profiles.put(
                  e.getKey(),
                  new Profile(
                      e.getKey(),
                      text(p, "description"),
                      p.path("min_n").asInt(0),
                      text(p, "bands_from"),
                      p.path("acf_k").asInt(1),
                      List.copyOf(bands)));
            });
    return new StylizedBands(
        Collections.unmodifiableMap(sources), Collections.unmodifiableMap(profiles));
  }

  private static void checkKnown(Set<String> known, String profile, String metric) {
    if (metric == null || !known.contains(metric)) {
      throw new IllegalStateException(
          RESOURCE + ": profile " + profile + " names unknown metric '" + metric + "'");
    }
  }

  private static String text(JsonNode n, String key) {
    if (!n.hasNonNull(key)) {
      throw new IllegalStateException(RESOURCE + ": '" + key + "' missing in " + n);
    }
    return n.get(key).asText();
  }

  private static double number(JsonNode n, String key) {
    return n.hasNonNull(key) ? n.get(key).asDouble() : Double.NaN;
  }
}
