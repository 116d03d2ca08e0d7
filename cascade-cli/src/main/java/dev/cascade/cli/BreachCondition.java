package dev.cascade.cli;

import dev.cascade.scenario.AgentGroupSpec;
import dev.cascade.scenario.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A breach condition of a reverse stress test: what a path must do to count as breaching, read from
 * a short text and evaluated on a {@link PathOutcome}. The grammar (words are case-sensitive,
 * spaces between tokens optional around operators and {@code %}):
 *
 * <pre>
 * condition := SYMBOL "drawdown" "&gt;=" NUMBER "%"       largest peak-to-trough fall of the run
 *            | SYMBOL "change" ("&lt;=" | "&gt;=") NUMBER "%" change over the episode
 *            | SYMBOL ("&lt;" | "&gt;") NUMBER               a trade below (above) the level, any time
 *            | "group" NAME "liquidated"                 an account of the group liquidated
 *            | "insurance-fund" "exhausted"               the insurance fund stopped taking over
 *            | "adl"                                      auto-deleveraging closed a position
 *            | "halt"                                     a market-wide halt
 * </pre>
 *
 * A bad condition is a {@link CliFailure} (exit 2) naming the column of the bad token.
 */
sealed interface BreachCondition {

  /** Whether the path breached. */
  boolean test(PathOutcome o);

  /** The condition in its canonical spelling. */
  String text();

  /** A drawdown of at least {@code pct} percent. */
  record Drawdown(String symbol, int instrument, double pct) implements BreachCondition {
    @Override
    public boolean test(PathOutcome o) {
      return o.maxDrawdownPct()[instrument] >= pct;
    }

    @Override
    public String text() {
      return symbol + " drawdown >= " + num(pct) + "%";
    }
  }

  /** A change over the episode at most (or, {@code atMost} false, at least) {@code pct} percent. */
  record Change(String symbol, int instrument, boolean atMost, double pct)
      implements BreachCondition {
    @Override
    public boolean test(PathOutcome o) {
      double c = o.changePct()[instrument];
      return atMost ? c <= pct : c >= pct;
    }

    @Override
    public String text() {
      return symbol + " change " + (atMost ? "<=" : ">=") + " " + num(pct) + "%";
    }
  }

  /** A trade below (or, {@code below} false, above) {@code level} at any time of the run. */
  record Level(String symbol, int instrument, boolean below, double level)
      implements BreachCondition {
    @Override
    public boolean test(PathOutcome o) {
      return below ? o.low()[instrument] < level : o.high()[instrument] > level;
    }

    @Override
    public String text() {
      return symbol + (below ? " < " : " > ") + num(level);
    }
  }

  /** An account of the group liquidated. */
  record GroupLiquidated(String group) implements BreachCondition {
    @Override
    public boolean test(PathOutcome o) {
      return o.events().liquidatedGroups().contains(group);
    }

    @Override
    public String text() {
      return "group " + group + " liquidated";
    }
  }

  /** The insurance fund exhausted. */
  record InsuranceExhausted() implements BreachCondition {
    @Override
    public boolean test(PathOutcome o) {
      return o.events().insuranceExhausted();
    }

    @Override
    public String text() {
      return "insurance-fund exhausted";
    }
  }

  /** Auto-deleveraging ran. */
  record Adl() implements BreachCondition {
    @Override
    public boolean test(PathOutcome o) {
      return o.events().adl();
    }

    @Override
    public String text() {
      return "adl";
    }
  }

  /** A market-wide halt. */
  record MarketHalt() implements BreachCondition {
    @Override
    public boolean test(PathOutcome o) {
      return o.events().marketHalt();
    }

    @Override
    public String text() {
      return "halt";
    }
  }

  /** A token and its 1-based column. */
  record Token(String text, int column) {}

  /** The forms, for error messages. */
  String FORMS =
      "SYMBOL drawdown >= N%, SYMBOL change <= N% (or >=), SYMBOL < LEVEL (or >),"
          + " group NAME liquidated, insurance-fund exhausted, adl, halt";

  /**
   * Reads a condition against a scenario (its symbols and agent groups).
   *
   * @throws CliFailure exit 2: {@code --breach "TEXT": column C: what is wrong}
   */
  static BreachCondition parse(String text, ScenarioSpec scenario) {
    List<Token> t = tokens(text);
    Reader r = new Reader(text, t);
    if (t.isEmpty()) {
      throw r.fail(1, "empty condition; the forms are: " + FORMS);
    }
    Token first = t.get(0);
    BreachCondition c;
    switch (first.text()) {
      case "adl" -> {
        r.next();
        needPerpetual(r, first, scenario);
        c = new Adl();
      }
      case "halt" -> {
        r.next();
        if (scenario.rules().haltReference() == null) {
          throw r.fail(
              first.column(),
              "the scenario has no market-wide halts (rules.haltReference is not set), so"
                  + " 'halt' can never hold");
        }
        c = new MarketHalt();
      }
      case "insurance-fund" -> {
        r.next();
        needPerpetual(r, first, scenario);
        r.word("exhausted");
        c = new InsuranceExhausted();
      }
      case "group" -> {
        r.next();
        Token name = r.need("a group name");
        List<String> groups = new ArrayList<>();
        for (AgentGroupSpec g : scenario.agents()) {
          groups.add(g.name());
        }
        if (!groups.contains(name.text())) {
          throw r.fail(
              name.column(),
              "no agent group is named '"
                  + name.text()
                  + "'; the groups are: "
                  + (groups.isEmpty() ? "(none)" : String.join(", ", groups)));
        }
        r.word("liquidated");
        c = new GroupLiquidated(name.text());
      }
      default -> {
        Token sym = r.next();
        int i = -1;
        List<String> symbols = new ArrayList<>();
        for (int k = 0; k < scenario.instruments().size(); k++) {
          String s = scenario.instruments().get(k).symbol();
          symbols.add(s);
          if (s.equals(sym.text())) {
            i = k;
          }
        }
        if (i < 0) {
          throw r.fail(
              sym.column(),
              "'"
                  + sym.text()
                  + "' is neither an instrument of the scenario ("
                  + String.join(", ", symbols)
                  + ") nor one of: group, insurance-fund, adl, halt");
        }
        Token what = r.need("drawdown, change, < or >");
        switch (what.text()) {
          case "drawdown" -> {
            r.op(">=");
            Token at = r.peek();
            double pct = r.number();
            if (!(pct > 0 && pct <= 100)) {
              throw r.fail(at.column(), "a drawdown is in (0, 100]%, got " + num(pct) + "%");
            }
            r.word("%");
            c = new Drawdown(sym.text(), i, pct);
          }
          case "change" -> {
            Token op = r.need("<= or >=");
            if (!op.text().equals("<=") && !op.text().equals(">=")) {
              throw r.fail(op.column(), "expected <= or >=, got '" + op.text() + "'");
            }
            double pct = r.number();
            r.word("%");
            c = new Change(sym.text(), i, op.text().equals("<="), pct);
          }
          case "<", ">" -> {
            Token at = r.peek();
            double level = r.number();
            if (!(level > 0)) {
              throw r.fail(at.column(), "a price level is above 0, got " + num(level));
            }
            c = new Level(sym.text(), i, what.text().equals("<"), level);
          }
          default ->
              throw r.fail(
                  what.column(),
                  "expected drawdown, change, < or > after "
                      + sym.text()
                      + ", got '"
                      + what.text()
                      + "'");
        }
      }
    }
    r.end();
    return c;
  }

  private static void needPerpetual(Reader r, Token t, ScenarioSpec scenario) {
    if (scenario.instruments().stream()
        .noneMatch(i -> i.assetClass() == dev.cascade.market.AssetClass.CRYPTO_PERP)) {
      throw r.fail(
          t.column(),
          "the scenario has no perpetual, so no insurance fund and no auto-deleveraging: '"
              + t.text()
              + "' can never hold");
    }
  }

  /** Splits into words, numbers, operators ({@code <= >= < > =}) and {@code %}. */
  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (ch == '<' || ch == '>' || ch == '=') {
        int j = i + 1;
        if ((ch == '<' || ch == '>') && j < s.length() && s.charAt(j) == '=') {
          j++;
        }
        out.add(new Token(s.substring(i, j), i + 1));
        i = j;
      } else if (ch == '%') {
        out.add(new Token("%", i + 1));
        i++;
      } else {
        int j = i;
        while (j < s.length()
            && !Character.isWhitespace(s.charAt(j))
            && "<>=%".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(new Token(s.substring(i, j), i + 1));
        i = j;
      }
    }
    return out;
  }

  private static String num(double v) {
    return ShockScaleOption.num(v);
  }

  /** Walks the tokens, failing at the column of the first one out of place. */
  final class Reader {
    private final String text;
    private final List<Token> tokens;
    private int at;

    Reader(String text, List<Token> tokens) {
      this.text = text;
      this.tokens = tokens;
    }

    CliFailure fail(int column, String message) {
      return CliFailure.usage("--breach \"" + text + "\": column " + column + ": " + message);
    }

    private int endColumn() {
      return text.stripTrailing().length() + 1;
    }

    Token peek() {
      return at < tokens.size() ? tokens.get(at) : null;
    }

    Token next() {
      return tokens.get(at++);
    }

    Token need(String what) {
      if (at >= tokens.size()) {
        throw fail(endColumn(), "expected " + what + ", got the end of the condition");
      }
      return next();
    }

    void word(String w) {
      Token t = need("'" + w + "'");
      if (!t.text().equals(w)) {
        throw fail(t.column(), "expected '" + w + "', got '" + t.text() + "'");
      }
    }

    void op(String o) {
      Token t = need(o);
      if (!t.text().equals(o)) {
        throw fail(t.column(), "expected " + o + ", got '" + t.text() + "'");
      }
    }

    double number() {
      Token t = need("a number");
      try {
        double v = Double.parseDouble(t.text());
        if (Double.isFinite(v) && t.text().matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw fail(t.column(), "expected a number, got '" + t.text() + "'");
    }

    void end() {
      if (at < tokens.size()) {
        Token t = tokens.get(at);
        throw fail(t.column(), "unexpected '" + t.text() + "' after the condition");
      }
    }
  }

  /** Lower-case, for the JSON kind field. */
  static String kind(BreachCondition c) {
    return c.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
