package dev.cascade.scenario;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.ParamSpec;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Seeded generator of broken and extreme scenario files for the contract fuzz test: it reads a
 * template into a small YAML tree whose scalars keep their raw text, damages it (values at and
 * beyond every documented bound, wrong types, unknown references, sizes, times, YAML features the
 * loader refuses), and writes it back out, sometimes damaging the text as well. Everything it does
 * follows from the {@link SplittableRandom} it is given, so a case is reproduced from its seed.
 */
final class ScenarioMutator {
  /** A YAML value; scalars hold their raw text, written out verbatim. */
  sealed interface Y permits Scalar, Mapping, Sequence {}

  record Scalar(String raw) implements Y {}

  /** Entries in order; a list, so duplicate keys can be written. */
  record Mapping(List<Entry> entries) implements Y {
    Y get(String key) {
      for (Entry e : entries) {
        if (e.key.equals(key)) {
          return e.value;
        }
      }
      return null;
    }

    void put(String key, Y value) {
      for (Entry e : entries) {
        if (e.key.equals(key)) {
          e.value = value;
          return;
        }
      }
      entries.add(new Entry(key, value));
    }
  }

  record Sequence(List<Y> items) implements Y {}

  static final class Entry {
    final String key;
    Y value;

    Entry(String key, Y value) {
      this.key = key;
      this.value = value;
    }
  }

  static final String[] CLASSES = {
    "equity", "etf", "index", "treasury", "future", "metal", "crypto", "crypto-perp"
  };
  static final String[] SESSIONS = {"us-equity", "globex", "crypto-24-7"};
  static final String[] SHOCKS = {
    "fundamental", "liquidity", "yield", "policy", "flow", "margin-rate"
  };

  /** Values that are wrong almost anywhere: types, YAML specials, sizes, encodings. */
  static final String[] NASTY = {
    "0",
    "-0",
    "-1",
    "0.0",
    "1e-18",
    "0.0000000000000000001",
    "1e21",
    "-1e21",
    "1e22",
    "999999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "1e308",
    "1e999999999",
    ".nan",
    "NaN",
    ".inf",
    "-.inf",
    "Infinity",
    "0x7fffffff",
    "0o17",
    "1_000_000",
    "1__0",
    "+5",
    ".5",
    "5.",
    "1e",
    "~",
    "null",
    "''",
    "\"\"",
    "true",
    "no",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "abc",
    "\"\\u0000\"",
    "\"\\t\"",
    "'ＳＰＹ'",
    "'💥'",
    "\"\\u202Egnp\"",
    "!!binary aGVsbG8=",
    "!!int 5",
    "!!str 5",
    "!!float 1",
    "2025-11-18",
    "12:30",
    "'15:25'",
    "&anchor 5",
    "*anchor",
    "<<",
    "? complex",
  };

  static final String[] TIMES = {
    "2025-11-18T09:30:00-05:00",
    "2025-11-18T09:30:00Z",
    "2025-11-18T16:00:00-05:00",
    "2025-11-22T10:00:00-05:00",
    "2025-11-27T10:00:00-05:00",
    "2025-12-19T10:00:00-05:00",
    "1969-12-31T23:59:59Z",
    "1970-01-01T00:00:00Z",
    "1970-01-01T00:00:01Z",
    "1971-01-01T00:00:00Z",
    "1677-09-21T00:12:44Z",
    "0001-01-01T00:00:00Z",
    "-999999999-01-01T00:00:00+18:00",
    "+999999999-12-31T23:59:59-18:00",
    "+999999999-12-01T00:00:00Z",
    "2199-12-31T23:59:59Z",
    "2200-01-01T00:00:00Z",
    "2262-04-11T23:47:16.854775807Z",
    "2262-04-11T23:47:16.854775808Z",
    "2262-04-12T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2025-11-18T09:30:00.000000001-05:00",
    "2025-11-18T09:30:00+18:00",
    "2025-11-18T09:30:00-18:00",
    "2025-11-18T09:30",
    "2025-11-18",
    "2025-02-30T10:00:00Z",
    "2025-11-18T25:00:00Z",
    "yesterday",
  };

  private final SplittableRandom rng;
  private final AgentRegistry registry;
  private final List<String> log = new ArrayList<>();

  ScenarioMutator(SplittableRandom rng, AgentRegistry registry) {
    this.rng = rng;
    this.registry = registry;
  }

  /** What was done to the last case, for the failure message (long values shortened). */
  List<String> log() {
    return log.stream().map(l -> l.length() > 160 ? l.substring(0, 160) + "..." : l).toList();
  }

  /** One damaged or extreme scenario made from {@code template}. */
  String generate(String template) {
    log.clear();
    Y root = parse(template);
    int n = 1 + (rng.nextInt(10) < 6 ? 0 : rng.nextInt(3));
    for (int k = 0; k < n; k++) {
      mutate(root);
    }
    String text = emit(root);
    if (rng.nextInt(8) == 0) {
      text = damageText(text);
    }
    return text;
  }

  // ---- tree mutations ----

  private void mutate(Y root) {
    if (!(root instanceof Mapping top)) {
      return;
    }
    switch (rng.nextInt(17)) {
      case 0 -> replaceAnyScalar(root, NASTY[rng.nextInt(NASTY.length)]);
      case 1, 2 -> instrumentValue(top);
      case 3 -> manyInstruments(top);
      case 4, 5 -> agentParams(top);
      case 6 -> addGroup(top);
      case 7 -> groupValue(top);
      case 8, 9 -> addShock(top);
      case 10 -> times(top);
      case 11 -> yamlFeature(top);
      case 12 -> removeKey(root);
      case 13 -> rules(top);
      case 14 -> episode(top);
      case 15 -> richest(top);
      default -> scale(top);
    }
  }

  private void instrumentValue(Mapping top) {
    String key =
        pick(
            "price",
            "tick",
            "lot",
            "multiplier",
            "class",
            "session",
            "symbol",
            "fundamentalVolPct",
            "baselineDailyVolume",
            "duration",
            "convexity",
            "yieldPct",
            "index",
            "fundingHours",
            "fundingCapPct",
            "basket",
            "creationUnit",
            "currency");
    // A perpetual's own keys on a perpetual when the file has one, so they are not all refused.
    Mapping ins =
        key.equals("index") || key.startsWith("funding")
            ? perpetualOr(randomItem(top, "instruments"), top)
            : randomItem(top, "instruments");
    if (ins == null) {
      return;
    }
    String v =
        switch (key) {
          case "price" ->
              pick(
                  "1e9",
                  "1000000000",
                  "999999999.99",
                  "500000.00",
                  "500000",
                  "0.01",
                  "0.000001",
                  "1e-18",
                  "123456789",
                  "50000000",
                  "50000001",
                  "536870895",
                  "2147483647",
                  "0.5",
                  "7");
          case "tick", "lot", "multiplier" ->
              pick(
                  "1e-18",
                  "0.000001",
                  "0.0000001",
                  "0.001",
                  "0.5",
                  "1",
                  "3",
                  "1000",
                  "1e6",
                  "1e9",
                  "1e9000",
                  "0.333333333333333333");
          case "class" -> pick(CLASSES);
          case "session" -> pick(SESSIONS);
          case "symbol" -> pick("SPY", "BTC", "X", "A.B-C", "ABCDEFGHIJKLMNOP", "'spy'", "ＳＰＹ");
          case "fundamentalVolPct" -> pick("0", "500", "500.0000001", "1e-18");
          case "baselineDailyVolume" -> pick("0", "1e18", "1000000000000000000", "1e19");
          case "duration" -> pick("0", "100", "1e-18", "100.1");
          case "convexity" -> pick("0", "10000", "10001");
          case "yieldPct" -> pick("-5", "50", "50.5");
          case "index" -> pick(symbolOf(top), "NOPE", "BTC-PERP", "BTC");
          case "fundingHours" -> pick("1e-18", "0.000001", "0.00999", "0.01", "168", "168.0001");
          case "fundingCapPct" -> pick("1e-18", "100", "100.1");
          case "basket" -> "{" + symbolOf(top) + ": 1}";
          case "creationUnit" -> pick("1", "1000000000", "1000000001");
          default -> pick("USD", "EUR", "usd", "XXXX");
        };
    log.add("instrument " + key + " = " + v);
    ins.put(key, new Scalar(v));
  }

  /** Adds many generated instruments (past the engine's limit of 1,024 sometimes). */
  private void manyInstruments(Mapping top) {
    if (!(top.get("instruments") instanceof Sequence seq)) {
      return;
    }
    int n = pickInt(1, 5, 40, 300, 1020, 1024, 1025, 1500);
    log.add("adds " + n + " instruments");
    for (int k = 0; k < n; k++) {
      Mapping m = new Mapping(new ArrayList<>());
      m.put("symbol", new Scalar("Z" + k));
      String cls = rng.nextInt(4) == 0 ? pick(CLASSES) : "equity";
      m.put("class", new Scalar(cls.equals("crypto-perp") ? "crypto" : cls));
      m.put("price", new Scalar(pick("10.00", "1000.00", "0.01", "4000.00")));
      seq.items().add(m);
    }
  }

  /** A parameter of a group at, or beyond, the family's declared bounds. */
  private void agentParams(Mapping top) {
    Mapping g = randomItem(top, "agents");
    if (g == null) {
      return;
    }
    AgentFamily family =
        g.get("family") instanceof Scalar s ? registry.find(s.raw()).orElse(null) : null;
    if (family == null || family.params().isEmpty()) {
      return;
    }
    Mapping params;
    if (g.get("params") instanceof Mapping p) {
      params = p;
    } else {
      params = new Mapping(new ArrayList<>());
      g.put("params", params);
    }
    if (rng.nextInt(4) == 0) {
      // Every parameter at the same end of its range: combinations no single bound shows.
      boolean high = rng.nextBoolean();
      log.add("every " + family.name() + " parameter at its " + (high ? "max" : "min"));
      for (ParamSpec p : family.params()) {
        params.put(p.name(), new Scalar(num(high ? p.max() : p.min())));
      }
      return;
    }
    int k = 1 + rng.nextInt(4);
    for (int j = 0; j < k; j++) {
      ParamSpec p = family.params().get(rng.nextInt(family.params().size()));
      String v = paramValue(p);
      log.add("param " + family.name() + "." + p.name() + " = " + v);
      params.put(p.name(), new Scalar(v));
    }
  }

  private String paramValue(ParamSpec p) {
    String lo = num(p.min());
    String hi = num(p.max());
    return switch (rng.nextInt(10)) {
      case 0, 1 -> lo;
      case 2, 3 -> hi;
      case 4 -> "{dist: uniform, min: " + lo + ", max: " + hi + "}";
      case 5 -> "{dist: normal, mean: " + hi + ", sd: " + pick("0", "1", "1e21") + "}";
      case 6 ->
          "{dist: lognormal, mu: "
              + (p.max() > 0 ? num(Math.log(p.max())) : "0")
              + ", sigma: "
              + pick("0", "3", "1e21")
              + "}";
      case 7 -> num(p.max() * 2 + 1);
      case 8 -> num(p.min() - 1);
      default -> pick(NASTY);
    };
  }

  private void addGroup(Mapping top) {
    List<String> families = new ArrayList<>(registry.names());
    String family = families.get(rng.nextInt(families.size()));
    Mapping g = new Mapping(new ArrayList<>());
    g.put("family", new Scalar(family));
    g.put("name", new Scalar("fz-" + rng.nextInt(1000)));
    // Dealers are costly to build (an option book each): many of them only where refused.
    g.put(
        "count",
        new Scalar(
            family.equals("options-dealer")
                ? pick("1", "3", "100001")
                : pick("1", "2", "10", "100", "1000", "100000", "100001", "0")));
    if (rng.nextBoolean()) {
      g.put("cash", new Scalar(pick("0", "1000000", "1e9", "1e12", "9e12", "1e13", "1e13.5")));
    }
    String sym = symbolOf(top);
    if (rng.nextBoolean()) {
      g.put(
          "instruments",
          new Scalar(pick("all", "[" + sym + "]", "[" + sym + ", " + sym + "]", "[NOPE]", "[]")));
    }
    if (rng.nextBoolean()) {
      g.put(
          "holdings",
          new Scalar("{" + sym + ": " + pick("1", "1000", "1e9", "1e12", "1000000000001") + "}"));
    }
    AgentFamily f = registry.get(family);
    if (!f.params().isEmpty() && rng.nextBoolean()) {
      Mapping params = new Mapping(new ArrayList<>());
      for (int j = 0; j < 1 + rng.nextInt(3); j++) {
        ParamSpec p = f.params().get(rng.nextInt(f.params().size()));
        params.put(p.name(), new Scalar(paramValue(p)));
      }
      g.put("params", params);
    }
    log.add("adds group " + emit(g).replace('\n', ' '));
    if (top.get("agents") instanceof Sequence seq) {
      seq.items().add(g);
    } else {
      top.put("agents", new Sequence(new ArrayList<>(List.of(g))));
    }
  }

  private void groupValue(Mapping top) {
    Mapping g = randomItem(top, "agents");
    if (g == null) {
      return;
    }
    String key = pick("count", "cash", "holdings", "instruments", "family", "name");
    String v =
        switch (key) {
          case "count" -> pick("1", "100000", "100001", "0", "-1", "1.5", "1e5");
          case "cash" -> pick("0", "1e12", "9.2e12", "1e13", "10000000000000", "-1", "0.0000001");
          case "holdings" ->
              "{"
                  + symbolOf(top)
                  + ": "
                  + pick("0", "1e12", "1000000000000", "1000000000001", "-5", "1.5")
                  + "}";
          case "instruments" -> pick("all", "[]", "[NOPE]", "ALL", "[" + symbolOf(top) + "]");
          case "family" -> pick(registry.names().toArray(new String[0]));
          default -> pick("a", "Z", "-x", "x".repeat(65), "mm");
        };
    log.add("group " + key + " = " + v);
    g.put(key, new Scalar(v));
  }

  private void addShock(Mapping top) {
    String type = pick(SHOCKS);
    Mapping s = new Mapping(new ArrayList<>());
    s.put("type", new Scalar(rng.nextInt(20) == 0 ? "earthquake" : type));
    String at =
        rng.nextInt(3) == 0
            ? pick(TIMES)
            : (top.get("start") instanceof Scalar st ? st.raw() : TIMES[0]);
    s.put("at", new Scalar(at));
    if (rng.nextInt(5) != 0) {
      s.put("target", new Scalar(rng.nextInt(6) == 0 ? "NOPE" : symbolOf(top)));
    }
    for (String p : ShockType.fromConfigName(type).orElseThrow().params()) {
      if (rng.nextInt(12) == 0) {
        continue; // missing parameter
      }
      String v =
          switch (p) {
            case "pct" -> pick("-100", "-99.99", "-1e21", "1e21", "0", "-8", "1000");
            case "minutes" -> pick("0", "-1", "1e-18", "1", "1e21", "44640");
            case "spreadMultiplier", "depthMultiplier" ->
                pick("0", "-1", "1e-18", "1e21", "3", "0.25");
            case "bp", "cutBp" -> pick("0", "-1e21", "1e21", "100000", "-15");
            case "probabilityChangePct" -> pick("0", "100", "-100", "1e21");
            case "dollars" -> pick("0", "-1e21", "1e21", "-4000000", "1e13");
            case "multiplier" -> pick("0", "-1", "1e-18", "1e21", "2");
            default -> pick(NASTY);
          };
      s.put(p, new Scalar(v));
    }
    if (rng.nextInt(10) == 0) {
      s.put("label", new Scalar("'" + "x".repeat(rng.nextInt(100_000)) + "'"));
    }
    log.add("adds shock " + emit(s).replace('\n', ' '));
    if (top.get("shocks") instanceof Sequence seq) {
      seq.items().add(s);
    } else {
      top.put("shocks", new Sequence(new ArrayList<>(List.of(s))));
    }
  }

  private void times(Mapping top) {
    String key = pick("start", "end", "both", "span");
    if (key.equals("both")) {
      String t = pick(TIMES);
      top.put("start", new Scalar(t));
      top.put("end", new Scalar(t));
    } else if (key.equals("span")) {
      String start = top.get("start") instanceof Scalar s ? s.raw() : TIMES[0];
      try {
        OffsetDateTime t = OffsetDateTime.parse(start);
        OffsetDateTime end =
            switch (rng.nextInt(4)) {
              case 0 -> t.plusDays(31);
              case 1 -> t.plusDays(31).plusNanos(1);
              case 2 -> t.plusNanos(1);
              default -> t.plusMinutes(3);
            };
        top.put("end", new Scalar(end.toString()));
      } catch (RuntimeException e) {
        top.put("end", new Scalar(pick(TIMES)));
      }
    } else {
      top.put(key, new Scalar(pick(TIMES)));
    }
    log.add("times: " + key + " start=" + top.get("start") + " end=" + top.get("end"));
  }

  /** YAML the loader must refuse or read safely: aliases, duplicates, nesting, encodings. */
  private void yamlFeature(Mapping top) {
    int k = rng.nextInt(9);
    log.add("yaml feature " + k);
    switch (k) {
      case 0 -> {
        top.put("seed", new Scalar("&s 5"));
        top.put("description", new Scalar("*s"));
      }
      case 1 -> top.entries().add(new Entry(pick("name", "seed", "instruments", "start"), s("x")));
      case 2 -> {
        StringBuilder b = new StringBuilder();
        int depth = pickInt(5, 31, 32, 33, 200, 5000);
        b.append("[".repeat(depth)).append("1").append("]".repeat(depth));
        top.put("description", new Scalar(b.toString()));
      }
      case 3 ->
          top.put("description", new Scalar("'" + "é🙂\u202E".repeat(rng.nextInt(50_000)) + "'"));
      case 4 ->
          top.put("name", new Scalar(pick("'ＳＰＹ'", "'calm day'", "'" + "a".repeat(65) + "'")));
      case 5 -> {
        Mapping ins = randomItem(top, "instruments");
        if (ins != null) {
          ins.entries().add(new Entry("<<", new Scalar("{price: 1}")));
        }
      }
      case 6 -> top.put("unknownKey" + rng.nextInt(3), s("1"));
      case 7 -> top.put("agents", new Scalar(pick("[]", "{}", "~", "all", "[[]]")));
      default -> top.put("instruments", new Scalar(pick("[]", "{}", "~", "[~]", "[[1]]")));
    }
  }

  private void removeKey(Y root) {
    List<Mapping> maps = new ArrayList<>();
    collectMappings(root, maps);
    Mapping m = maps.get(rng.nextInt(maps.size()));
    if (!m.entries().isEmpty()) {
      Entry e = m.entries().remove(rng.nextInt(m.entries().size()));
      log.add("removes " + e.key);
    }
  }

  private void rules(Mapping top) {
    Mapping r;
    if (top.get("rules") instanceof Mapping m) {
      r = m;
    } else {
      r = new Mapping(new ArrayList<>());
      top.put("rules", r);
    }
    String key = pick(ScenarioReader.RULE_KEYS.toArray(String[]::new));
    String v =
        switch (key) {
          case "haltReference" -> pick(symbolOf(top), "NOPE");
          case "haltLevelsPct" -> pick("[]", "[1e-18]", "[99.9999]", "[7, 7]", "[20, 13, 7]");
          case "haltMinutes" -> pick("[]", "[1440]", "[-1, -1, -1]", "[0, 1, 2]", "[1441, 1, 1]");
          case "haltCutoff" -> pick("'00:00'", "'23:59'", "'24:00'", "15:25");
          case "bandPct" -> pick("0", "100", "1e-18");
          case "bandWindowSeconds", "bandPauseSeconds" -> pick("1", "86400", "86401");
          case "takerFeeBps", "makerFeeBps" -> pick("-100", "100", "1e-18", "100.1");
          default -> pick("1e-18", "100", "0");
        };
    log.add("rules " + key + " = " + v);
    r.put(key, new Scalar(v));
  }

  private void episode(Mapping top) {
    Mapping e;
    if (top.get("episode") instanceof Mapping m) {
      e = m;
    } else {
      e = new Mapping(new ArrayList<>());
      top.put("episode", e);
    }
    String sym = symbolOf(top);
    String key = pick("from", "observed", "index", "sectors", "levels", "source");
    String v =
        switch (key) {
          case "from" -> pick(TIMES);
          case "observed" ->
              "{"
                  + sym
                  + ": {price: "
                  + pick("1e9", "1e-18", "0")
                  + ", changePct: "
                  + pick("-100", "10000", "1e21")
                  + "}}";
          case "index" -> pick(sym, "NOPE");
          case "sectors" -> "{tech: [" + sym + ", NOPE], empty: []}";
          case "levels" ->
              "{"
                  + sym
                  + ": {ma200: "
                  + pick("1e9", "1e-18")
                  + ", fibHigh: "
                  + pick("1e9", "1")
                  + ", fibLow: "
                  + pick("1e-18", "2")
                  + ", roundStep: "
                  + pick("1e-18", "1e9", "0.01")
                  + "}}";
          default -> "'" + "s".repeat(rng.nextInt(10_000)) + "'";
        };
    log.add("episode " + key + " = " + v);
    e.put(key, new Scalar(v));
  }

  /**
   * Gives every agent the same cash, the most the endowment limit allows in all (holdings aside),
   * so leveraged families trade the largest sums the engine accepts.
   */
  private void richest(Mapping top) {
    if (!(top.get("agents") instanceof Sequence seq)) {
      return;
    }
    long agents = 0;
    for (Y y : seq.items()) {
      if (y instanceof Mapping g) {
        agents +=
            g.get("count") instanceof Scalar c && c.raw().matches("[0-9]+")
                ? Long.parseLong(c.raw())
                : 1;
      }
    }
    long cash = 99_000_000_000L / Math.max(1, agents);
    log.add("every agent's cash = " + cash);
    for (Y y : seq.items()) {
      if (y instanceof Mapping g) {
        g.put("cash", new Scalar(Long.toString(cash)));
        if (rng.nextBoolean()) {
          g.entries().removeIf(e -> e.key.equals("holdings"));
        }
      }
    }
  }

  /** Scales every number under a key by a large or tiny factor, keeping the file's shape. */
  private void scale(Mapping top) {
    String key = pick("cash", "price", "size", "totalNotional", "rate", "minutes", "pct");
    String factor = pick("1000", "1000000", "0.001", "1e9");
    log.add("scales " + key + " by " + factor);
    scaleUnder(top, key, new BigDecimal(factor));
  }

  private void scaleUnder(Y y, String key, BigDecimal factor) {
    if (y instanceof Mapping m) {
      for (Entry e : m.entries()) {
        if (e.key.equals(key) && e.value instanceof Scalar s) {
          try {
            e.value =
                new Scalar(
                    new BigDecimal(s.raw().replace("_", ""))
                        .multiply(factor)
                        .stripTrailingZeros()
                        .toPlainString());
          } catch (NumberFormatException ex) {
            // not a plain number (a distribution written inline): leave it
          }
        } else {
          scaleUnder(e.value, key, factor);
        }
      }
    } else if (y instanceof Sequence q) {
      for (Y i : q.items()) {
        scaleUnder(i, key, factor);
      }
    }
  }

  private void replaceAnyScalar(Y root, String value) {
    List<Entry> entries = new ArrayList<>();
    collectEntries(root, entries);
    if (entries.isEmpty()) {
      return;
    }
    Entry e = entries.get(rng.nextInt(entries.size()));
    log.add("sets " + e.key + " = " + value);
    e.value = new Scalar(value);
  }

  // ---- text damage ----

  private String damageText(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int n = lines.size();
    int k = rng.nextInt(7);
    log.add("text damage " + k);
    switch (k) {
      case 0:
        lines.remove(rng.nextInt(n));
        return String.join("\n", lines);
      case 1:
        {
          int i = rng.nextInt(n);
          lines.add(i, lines.get(i));
          return String.join("\n", lines);
        }
      case 2:
        return text.substring(0, rng.nextInt(text.length() + 1));
      case 3:
        {
          int i = rng.nextInt(text.length() + 1);
          return text.substring(0, i)
              + pick("\t", ":", "[", "{", "- ", "&a ", "*a", "'", "\"", "\n", "\u0000", "---\n")
              + text.substring(i);
        }
      case 4:
        return "\uFEFF" + text;
      case 5:
        return text + "\n---\nname: second\n";
      default:
        {
          int i = rng.nextInt(n);
          lines.set(i, "  " + lines.get(i));
          return String.join("\n", lines);
        }
    }
  }

  // ---- helpers ----

  private Mapping randomItem(Mapping top, String key) {
    if (top.get(key) instanceof Sequence seq && !seq.items().isEmpty()) {
      Y y = seq.items().get(rng.nextInt(seq.items().size()));
      return y instanceof Mapping m ? m : null;
    }
    return null;
  }

  /** The file's first perpetual (class crypto-perp), or {@code otherwise}. */
  private static Mapping perpetualOr(Mapping otherwise, Mapping top) {
    if (top.get("instruments") instanceof Sequence seq) {
      for (Y y : seq.items()) {
        if (y instanceof Mapping m
            && m.get("class") instanceof Scalar c
            && c.raw().equals("crypto-perp")) {
          return m;
        }
      }
    }
    return otherwise;
  }

  /** A symbol of the file (so references mostly resolve), or sometimes an unknown one. */
  private String symbolOf(Mapping top) {
    if (top.get("instruments") instanceof Sequence seq && !seq.items().isEmpty()) {
      Y y = seq.items().get(rng.nextInt(seq.items().size()));
      if (y instanceof Mapping m && m.get("symbol") instanceof Scalar s) {
        return s.raw();
      }
    }
    return "NOPE";
  }

  private static void collectEntries(Y y, List<Entry> out) {
    if (y instanceof Mapping m) {
      for (Entry e : m.entries()) {
        out.add(e);
        collectEntries(e.value, out);
      }
    } else if (y instanceof Sequence q) {
      for (Y i : q.items()) {
        collectEntries(i, out);
      }
    }
  }

  private static void collectMappings(Y y, List<Mapping> out) {
    if (y instanceof Mapping m) {
      out.add(m);
      for (Entry e : m.entries()) {
        collectMappings(e.value, out);
      }
    } else if (y instanceof Sequence q) {
      for (Y i : q.items()) {
        collectMappings(i, out);
      }
    }
  }

  private String pick(String... options) {
    return options[rng.nextInt(options.length)];
  }

  private int pickInt(int... options) {
    return options[rng.nextInt(options.length)];
  }

  private static Scalar s(String raw) {
    return new Scalar(raw);
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(12)).toString();
  }

  // ---- reading and writing the tree ----

  /** Reads a scenario file into a tree whose scalars keep their text (quoted when they were). */
  static Y parse(String text) {
    LoaderOptions options = new LoaderOptions();
    Node root = new Yaml(options).compose(new StringReader(text));
    return convert(root);
  }

  private static Y convert(Node node) {
    if (node instanceof MappingNode m) {
      List<Entry> entries = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        entries.add(new Entry(((ScalarNode) t.getKeyNode()).getValue(), convert(t.getValueNode())));
      }
      return new Mapping(entries);
    }
    if (node instanceof SequenceNode q) {
      List<Y> items = new ArrayList<>();
      for (Node n : q.getValue()) {
        items.add(convert(n));
      }
      return new Sequence(items);
    }
    ScalarNode s = (ScalarNode) node;
    return new Scalar(s.isPlain() ? s.getValue() : quote(s.getValue()));
  }

  private static String quote(String v) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Block-style YAML; scalars verbatim. */
  static String emit(Y y) {
    StringBuilder b = new StringBuilder();
    if (y instanceof Mapping m) {
      mapping(m, 0, b);
    } else if (y instanceof Sequence q) {
      sequence(q, 0, b);
    } else {
      b.append(((Scalar) y).raw()).append('\n');
    }
    return b.toString();
  }

  private static void mapping(Mapping m, int indent, StringBuilder b) {
    for (Entry e : m.entries()) {
      b.append(" ".repeat(indent)).append(e.key).append(':');
      value(e.value, indent + 2, b);
    }
  }

  private static void value(Y v, int indent, StringBuilder b) {
    if (v instanceof Scalar s) {
      b.append(' ').append(s.raw()).append('\n');
    } else if (v instanceof Mapping m) {
      if (m.entries().isEmpty()) {
        b.append(" {}\n");
      } else {
        b.append('\n');
        mapping(m, indent, b);
      }
    } else {
      Sequence q = (Sequence) v;
      if (q.items().isEmpty()) {
        b.append(" []\n");
      } else {
        b.append('\n');
        sequence(q, indent, b);
      }
    }
  }

  private static void sequence(Sequence q, int indent, StringBuilder b) {
    for (Y item : q.items()) {
      b.append(" ".repeat(indent)).append('-');
      if (item instanceof Scalar s) {
        b.append(' ').append(s.raw()).append('\n');
      } else if (item instanceof Mapping m) {
        if (m.entries().isEmpty()) {
          b.append(" {}\n");
        } else {
          List<Entry> es = m.entries();
          b.append(' ').append(es.get(0).key).append(':');
          value(es.get(0).value, indent + 4, b);
          mapping(new Mapping(es.subList(1, es.size())), indent + 2, b);
        }
      } else {
        Sequence inner = (Sequence) item;
        if (inner.items().isEmpty()) {
          b.append(" []\n");
        } else {
          b.append('\n');
          sequence(inner, indent + 2, b);
        }
      }
    }
  }
}
