package dev.cascade.cli;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.ParamSpec;
import dev.cascade.record.InstrumentSummary;
import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.FactorSpec;
import dev.cascade.scenario.InstrumentSpec;
import dev.cascade.scenario.ScenarioError;
import dev.cascade.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A calibration's targets file, read and checked against the scenario: the free parameters (an
 * agent group's family parameter or an instrument's fundamental volatility, each with bounds and a
 * start) and the moments to match (a field of a run summary's instrument line, with a target, a
 * weight and a scale). Every problem is a located one-line error, as the scenario loader reports
 * them.
 */
final class CalibrationTargets {
  /** The summary fields a moment may name, in summary.json's order. */
  static final Map<String, ToDoubleFunction<InstrumentSummary>> FIELDS = fields();

  private static Map<String, ToDoubleFunction<InstrumentSummary>> fields() {
    Map<String, ToDoubleFunction<InstrumentSummary>> m = new LinkedHashMap<>();
    m.put("changePct", InstrumentSummary::changePct);
    m.put("volume", i -> i.volume());
    m.put("relativeVolume", i -> orNaN(i.relativeVolume()));
    m.put("maxDrawdownPct", InstrumentSummary::maxDrawdownPct);
    m.put("realizedVolPct", i -> orNaN(i.realizedVolPct()));
    m.put("avgSpreadBps", i -> orNaN(i.avgSpreadBps()));
    m.put("avgDepthLots", i -> orNaN(i.avgDepthLots()));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }

  /**
   * A free parameter.
   *
   * @param name as written: {@code agents.mm.params.halfSpreadBps} or {@code
   *     instruments.SPY.fundamentalVolPct}
   * @param group index of the agent group in the scenario, or -1 for an instrument's volatility
   * @param param the family parameter's name (null for an instrument)
   * @param instrument index of the instrument (-1 for an agent parameter)
   * @param min lower bound
   * @param max upper bound
   * @param start starting value
   */
  record Free(
      String name, int group, String param, int instrument, double min, double max, double start) {
    /** Value in [min, max] to [0, 1]. */
    double toUnit(double v) {
      return (v - min) / (max - min);
    }

    /** [0, 1] to [min, max], clamped. */
    double fromUnit(double u) {
      return min + Math.max(0, Math.min(1, u)) * (max - min);
    }
  }

  /**
   * A moment to match.
   *
   * @param name as written: {@code SPY.avgSpreadBps}
   * @param instrument index of the instrument in the scenario
   * @param field the summary field
   * @param target its target value
   * @param weight its weight in the objective
   * @param scale what the difference is divided by
   */
  record Moment(
      String name, int instrument, String field, double target, double weight, double scale) {
    double of(InstrumentSummary s) {
      return FIELDS.get(field).applyAsDouble(s);
    }
  }

  private final List<Free> free;
  private final List<Moment> moments;

  private CalibrationTargets(List<Free> free, List<Moment> moments) {
    this.free = List.copyOf(free);
    this.moments = List.copyOf(moments);
  }

  List<Free> free() {
    return free;
  }

  List<Moment> moments() {
    return moments;
  }

  /** The largest targets file read (1 MiB). */
  static final long MAX_TARGETS_BYTES = 1 << 20;

  /**
   * Reads {@code file} against {@code scenario}.
   *
   * @return the targets, or null after printing every error and a count to {@code err}
   */
  static CalibrationTargets load(
      Path file, ScenarioSpec scenario, AgentRegistry registry, java.io.PrintWriter err) {
    String text;
    String unreadable = InputFile.problem(file);
    if (unreadable == null && file.toFile().length() > MAX_TARGETS_BYTES) {
      unreadable = "is larger than " + MAX_TARGETS_BYTES + " bytes (a targets file is a few lines)";
    }
    if (unreadable != null) {
      err.println(file + ":0:0: cannot read the targets file: " + unreadable);
      return null;
    }
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(file + ":0:0: cannot read the targets file: " + CliFailure.reason(e));
      return null;
    }
    Reader r = new Reader(file.toString(), scenario, registry);
    CalibrationTargets t = r.read(text);
    if (t == null) {
      for (ScenarioError e : r.errors) {
        err.println(e);
      }
      err.printf("%d error(s) in %s%n", r.errors.size(), file);
      err.flush();
    }
    return t;
  }

  /** Parses {@code text}; null when there are errors (in {@link Reader#errors}). */
  static final class Reader {
    private final String file;
    private final ScenarioSpec scenario;
    private final AgentRegistry registry;
    final List<ScenarioError> errors = new ArrayList<>();

    Reader(String file, ScenarioSpec scenario, AgentRegistry registry) {
      this.file = file;
      this.scenario = scenario;
      this.registry = registry;
    }

    CalibrationTargets read(String text) {
      Node root;
      try {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        root = new Yaml(options).compose(new StringReader(text));
      } catch (RuntimeException e) {
        int line = 0;
        int col = 0;
        if (e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
            && m.getProblemMark() != null) {
          line = m.getProblemMark().getLine() + 1;
          col = m.getProblemMark().getColumn() + 1;
        }
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
        errors.add(new ScenarioError(file, line, col, "", "not valid YAML: " + msg));
        return null;
      }
      if (!(root instanceof MappingNode top)) {
        errors.add(
            new ScenarioError(
                file, 1, 1, "", "expected a mapping with 'free' and 'moments' sections"));
        return null;
      }
      List<Free> free = new ArrayList<>();
      List<Moment> moments = new ArrayList<>();
      boolean sawFree = false;
      boolean sawMoments = false;
      for (NodeTuple t : top.getValue()) {
        String key = key(t.getKeyNode(), "");
        if (key == null) {
          continue;
        }
        switch (key) {
          case "free" -> {
            sawFree = true;
            readFree(t.getValueNode(), free);
          }
          case "moments" -> {
            sawMoments = true;
            readMoments(t.getValueNode(), moments);
          }
          default -> error(t.getKeyNode(), "", unknown("section", key, List.of("free", "moments")));
        }
      }
      if (!sawFree) {
        errors.add(new ScenarioError(file, 1, 1, "", "missing section 'free'"));
      } else if (free.isEmpty() && errors.isEmpty()) {
        errors.add(new ScenarioError(file, 1, 1, "free", "needs at least one free parameter"));
      }
      if (!sawMoments) {
        errors.add(new ScenarioError(file, 1, 1, "", "missing section 'moments'"));
      } else if (moments.isEmpty() && errors.isEmpty()) {
        errors.add(new ScenarioError(file, 1, 1, "moments", "needs at least one moment"));
      }
      return errors.isEmpty() ? new CalibrationTargets(free, moments) : null;
    }

    private void readFree(Node node, List<Free> out) {
      if (!(node instanceof MappingNode m)) {
        error(node, "free", "expected a mapping of parameter names to {min, max, start}");
        return;
      }
      for (NodeTuple t : m.getValue()) {
        String name = key(t.getKeyNode(), "free");
        if (name == null) {
          continue;
        }
        String path = "free." + name;
        if (out.stream().anyMatch(f -> f.name().equals(name))) {
          error(t.getKeyNode(), path, "given twice");
          continue;
        }
        Map<String, Double> v =
            numbers(t.getValueNode(), path, List.of("min", "max", "start"), List.of());
        String[] parts = name.split("\\.", -1);
        int group = -1;
        int instrument = -1;
        String param = null;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        if (parts.length == 4 && parts[0].equals("agents") && parts[2].equals("params")) {
          List<String> names = scenario.agents().stream().map(AgentGroupSpec::name).toList();
          group = names.indexOf(parts[1]);
          if (group < 0) {
            error(t.getKeyNode(), path, unknown("agent group", parts[1], names));
            continue;
          }
          AgentGroupSpec g = scenario.agents().get(group);
          AgentFamily family = registry.get(g.family());
          ParamSpec p = family.param(parts[3]);
          if (p == null) {
            error(
                t.getKeyNode(),
                path,
                unknown(
                    "parameter of " + g.family() + " (group " + g.name() + ")",
                    parts[3],
                    family.params().stream().map(ParamSpec::name).toList()));
            continue;
          }
          if (p.integer()) {
            error(
                t.getKeyNode(),
                path,
                parts[3] + " takes whole numbers; only real-valued parameters can be calibrated");
            continue;
          }
          param = p.name();
          lo = p.min();
          hi = p.max();
        } else if (parts.length == 3
            && parts[0].equals("instruments")
            && parts[2].equals("fundamentalVolPct")) {
          List<String> symbols = symbols();
          instrument = symbols.indexOf(parts[1]);
          if (instrument < 0) {
            error(t.getKeyNode(), path, unknown("instrument", parts[1], symbols));
            continue;
          }
          lo = 0;
          hi = 500; // the loader's own bound, so calibrated.yaml validates
        } else {
          error(
              t.getKeyNode(),
              path,
              "expected agents.<group>.params.<parameter> or"
                  + " instruments.<SYMBOL>.fundamentalVolPct");
          continue;
        }
        if (v == null) {
          continue;
        }
        double min = v.get("min");
        double max = v.get("max");
        double start = v.get("start");
        double floor = instrument >= 0 ? factorVolPct(symbols().get(instrument)) : 0;
        if (!(min < max)) {
          error(t.getValueNode(), path, "min must be below max, got " + fmt(min) + ", " + fmt(max));
        } else if (min < floor) {
          error(
              t.getValueNode(),
              path,
              "min "
                  + fmt(min)
                  + " is below the "
                  + fmt(Math.round(floor * 1e4) / 1e4)
                  + "% a year the scenario's factors give "
                  + symbols().get(instrument)
                  + " (sum over factors of loading^2 x volPct^2): its volatility cannot go lower");
        } else if (min < lo || max > hi) {
          error(
              t.getValueNode(),
              path,
              "bounds ["
                  + fmt(min)
                  + ", "
                  + fmt(max)
                  + "] must lie in the parameter's range ["
                  + fmt(lo)
                  + ", "
                  + fmt(hi)
                  + "]");
        } else if (start < min || start > max) {
          error(
              t.getValueNode(),
              path,
              "start " + fmt(start) + " is outside [" + fmt(min) + ", " + fmt(max) + "]");
        } else {
          out.add(new Free(name, group, param, instrument, min, max, start));
        }
      }
    }

    private void readMoments(Node node, List<Moment> out) {
      if (!(node instanceof MappingNode m)) {
        error(node, "moments", "expected a mapping of SYMBOL.field to {target, weight, scale}");
        return;
      }
      for (NodeTuple t : m.getValue()) {
        String name = key(t.getKeyNode(), "moments");
        if (name == null) {
          continue;
        }
        String path = "moments." + name;
        if (out.stream().anyMatch(x -> x.name().equals(name))) {
          error(t.getKeyNode(), path, "given twice");
          continue;
        }
        Map<String, Double> v =
            numbers(t.getValueNode(), path, List.of("target"), List.of("weight", "scale"));
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
          error(t.getKeyNode(), path, "expected SYMBOL.field, e.g. SPY.realizedVolPct");
          continue;
        }
        String symbol = name.substring(0, dot);
        String field = name.substring(dot + 1);
        List<String> symbols = symbols();
        int instrument = symbols.indexOf(symbol);
        if (instrument < 0) {
          error(t.getKeyNode(), path, unknown("instrument", symbol, symbols));
          continue;
        }
        if (!FIELDS.containsKey(field)) {
          error(t.getKeyNode(), path, unknown("summary field", field, FIELDS.keySet()));
          continue;
        }
        if (v == null) {
          continue;
        }
        double target = v.get("target");
        double weight = v.getOrDefault("weight", 1.0);
        Double given = v.get("scale");
        double scale = given != null ? given : Math.abs(target);
        if (weight < 0) {
          error(t.getValueNode(), path, "weight must be >= 0, got " + fmt(weight));
        } else if (!(scale > 0)) {
          error(
              t.getValueNode(),
              path,
              given != null
                  ? "scale must be > 0, got " + fmt(scale)
                  : "the target is 0, so give a scale (> 0) to divide the difference by");
        } else {
          out.add(new Moment(name, instrument, field, target, weight, scale));
        }
      }
    }

    /** The volatility, percent a year, the scenario's factors give an instrument (0: none). */
    private double factorVolPct(String symbol) {
      double variance = 0;
      for (FactorSpec f : scenario.factors()) {
        double b = f.loading(symbol);
        variance += b * b * f.volPct() * f.volPct();
      }
      return Math.sqrt(variance);
    }

    private List<String> symbols() {
      return scenario.instruments().stream().map(InstrumentSpec::symbol).toList();
    }

    /** A {key: number} mapping with these required and optional keys; null after errors. */
    private Map<String, Double> numbers(
        Node node, String path, List<String> required, List<String> optional) {
      if (!(node instanceof MappingNode m)) {
        error(
            node,
            path,
            "expected a mapping {"
                + String.join(", ", required)
                + (optional.isEmpty() ? "" : ", " + String.join(", ", optional))
                + "}");
        return null;
      }
      Map<String, Double> out = new LinkedHashMap<>();
      boolean ok = true;
      List<String> known = new ArrayList<>(required);
      known.addAll(optional);
      for (NodeTuple t : m.getValue()) {
        String k = key(t.getKeyNode(), path);
        if (k == null) {
          ok = false;
          continue;
        }
        if (!known.contains(k)) {
          error(t.getKeyNode(), path, unknown("key", k, known));
          ok = false;
          continue;
        }
        Double d = number(t.getValueNode());
        if (d == null) {
          error(t.getValueNode(), path + "." + k, "expected a finite number");
          ok = false;
          continue;
        }
        out.put(k, d);
      }
      for (String r : required) {
        if (!out.containsKey(r) && ok) {
          error(node, path, "missing '" + r + "'");
          ok = false;
        }
      }
      return ok ? out : null;
    }

    private static Double number(Node n) {
      if (!(n instanceof ScalarNode s)) {
        return null;
      }
      try {
        double d = Double.parseDouble(s.getValue().trim());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private String key(Node n, String path) {
      if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
        return s.getValue();
      }
      error(n, path, "expected a name as key");
      return null;
    }

    private void error(Node n, String path, String message) {
      errors.add(
          new ScenarioError(
              file,
              n.getStartMark().getLine() + 1,
              n.getStartMark().getColumn() + 1,
              path,
              message));
    }
  }

  /** "unknown WHAT 'given'; did you mean 'x'?" or the known names. */
  static String unknown(String what, String given, Collection<String> known) {
    String head = "unknown " + what + " '" + given + "'";
    String best = null;
    int bestD = 3;
    for (String k : known) {
      int d = distance(given.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best != null) {
      return head + "; did you mean '" + best + "'?";
    }
    return known.isEmpty()
        ? head + "; none are defined"
        : head + "; expected one of: " + String.join(", ", known);
  }

  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + c);
      }
    }
    return d[a.length()][b.length()];
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
