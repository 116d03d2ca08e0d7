package dev.cascade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The HTML of a report as it is built: sections append escaped text and markup, and register
 * charts, each a placeholder element plus a JSON spec that the page's script turns into an ECharts
 * chart. Chart kinds the script draws: {@code lines}, {@code priceVolume}, {@code liquidity}.
 */
final class ReportPage {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final StringBuilder body = new StringBuilder(1 << 16);
  private final ArrayNode charts = JSON.arrayNode();
  private final long t0Millis;

  ReportPage(long t0Millis) {
    this.t0Millis = t0Millis;
  }

  long t0Millis() {
    return t0Millis;
  }

  /** Appends markup as is: only for constant markup written in this package. */
  ReportPage html(String markup) {
    body.append(markup);
    return this;
  }

  /** Appends text, escaped for HTML. */
  ReportPage text(String s) {
    body.append(escape(s));
    return this;
  }

  /** Opens a section: a heading, a one-line note of what it shows and the file it reads. */
  ReportPage section(String id, String title, String note, String reads) {
    html("<section class=\"section\" id=\"").text(id).html("\">\n<h2>").text(title).html("</h2>\n");
    html("<p class=\"note\">").text(note).html(" <span class=\"reads\">Source: ");
    html("<code>").text(reads).html("</code></span></p>\n");
    return this;
  }

  ReportPage endSection() {
    return html("</section>\n");
  }

  /** A new chart spec of {@code kind}, placed here with CSS class {@code size}. */
  ObjectNode chart(String id, String kind, String size, String title) {
    html("<div class=\"chart ").text(size).html("\" id=\"").text(id).html("\"></div>\n");
    ObjectNode c = charts.addObject();
    c.put("id", id);
    c.put("kind", kind);
    c.put("title", title);
    return c;
  }

  /** The downsampled series {@code s} as {@code {"t": seconds since t0, "v": values}}. */
  ObjectNode points(Series s, long maxGapMillis) {
    Downsampling.Points p = Downsampling.of(s, t0Millis, maxGapMillis);
    ObjectNode o = JSON.objectNode();
    ArrayNode t = o.putArray("t");
    ArrayNode v = o.putArray("v");
    for (int i = 0; i < p.size(); i++) {
      double sec = p.seconds()[i];
      if (sec == Math.rint(sec)) {
        t.add((long) sec);
      } else {
        t.add(sec);
      }
      Double val = p.values()[i];
      if (val == null) {
        v.addNull();
      } else if (val == Math.rint(val) && Math.abs(val) < 1e15) {
        v.add(val.longValue());
      } else {
        v.add(val);
      }
    }
    return o;
  }

  /** Halts as shaded spans: {@code [{"from": s, "to": s, "label": reason}]}. */
  ArrayNode spans(List<RunData.HaltSpan> halts) {
    ArrayNode a = JSON.arrayNode();
    for (RunData.HaltSpan h : halts) {
      ObjectNode o = a.addObject();
      o.put("from", (h.startMillis() - t0Millis) / 1000.0);
      o.put("to", (h.untilMillis() - t0Millis) / 1000.0);
      o.put("label", "Halt: " + h.reason());
    }
    return a;
  }

  /**
   * Shocks as marks on the time axis, those at the same moment as one: {@code [{"at": s, "label":
   * "first; second"}]}.
   */
  ArrayNode shockMarks(List<RunData.Shock> shocks) {
    ArrayNode a = JSON.arrayNode();
    ObjectNode last = null;
    long lastAt = Long.MIN_VALUE;
    for (RunData.Shock s : shocks) {
      if (last != null && s.atMillis() == lastAt) {
        last.put("label", last.get("label").asText() + "; " + s.label());
        continue;
      }
      last = a.addObject();
      lastAt = s.atMillis();
      last.put("at", (s.atMillis() - t0Millis) / 1000.0);
      last.put("label", s.label());
    }
    return a;
  }

  /** Dollars for a table cell: $1.23M, $456.7K, $12.34. */
  /**
   * Simulated dollars, followed by the same at real scale ("~$11.76B real") when the run's scenario
   * states one (summary.json's {@code scale}).
   */
  static String money(double v, dev.cascade.record.ScaleSummary scale) {
    return scale == null
        ? money(v)
        : money(v) + " (~" + money(v * scale.realDollarsPerSimulatedDollar()) + " real)";
  }

  static String money(double v) {
    double a = Math.abs(v);
    String sign = v < 0 ? "-" : "";
    if (a >= 1e9) {
      return sign + String.format(java.util.Locale.ROOT, "$%.2fB", a / 1e9);
    }
    if (a >= 1e6) {
      return sign + String.format(java.util.Locale.ROOT, "$%.2fM", a / 1e6);
    }
    if (a >= 1e4) {
      return sign + String.format(java.util.Locale.ROOT, "$%.1fK", a / 1e3);
    }
    return sign + String.format(java.util.Locale.ROOT, "$%.2f", a);
  }

  /**
   * A table of text cells: {@code head} as {name, unit} pairs; cells right-aligned after the first.
   */
  ReportPage table(String[][] head, List<String[]> rows) {
    html("<div class=\"table-wrap\"><table class=\"summary\">\n<thead><tr>");
    for (String[] h : head) {
      html(h.length > 2 ? "<th class=\"left\">" : "<th>").text(h[0]);
      if (h.length > 1 && !h[1].isEmpty()) {
        html("<span class=\"unit\">").text(h[1]).html("</span>");
      }
      html("</th>");
    }
    html("</tr></thead>\n<tbody>\n");
    for (String[] r : rows) {
      html("<tr>");
      for (int k = 0; k < r.length; k++) {
        html(k == 0
                ? "<td class=\"sym\">"
                : head[k].length > 2 ? "<td class=\"left\">" : "<td class=\"num\">")
            .text(r[k])
            .html("</td>");
      }
      html("</tr>\n");
    }
    return html("</tbody></table></div>\n");
  }

  /** A row of key/value facts, as under the summary. */
  ReportPage facts(List<String[]> kv) {
    html("<div class=\"facts\">\n");
    for (String[] f : kv) {
      html("<div class=\"fact\"><span class=\"k\">")
          .text(f[0])
          .html("</span><span class=\"v\">")
          .text(f[1])
          .html("</span></div>\n");
    }
    return html("</div>\n");
  }

  static ArrayNode array() {
    return JSON.arrayNode();
  }

  String body() {
    return body.toString();
  }

  /** The chart specs as JSON that is safe inside a script element. */
  String chartsJson(ObjectMapper mapper) throws com.fasterxml.jackson.core.JsonProcessingException {
    return scriptSafe(mapper.writeValueAsString(charts));
  }

  int chartCount() {
    return charts.size();
  }

  /** Escapes text for HTML element content and attribute values. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Makes script text safe inside {@code <script>}: no "</script" can close the element early and
   * no "<!--" can open an HTML comment. Both only occur inside strings, where the escaped forms
   * mean the same.
   */
  static String scriptSafe(String js) {
    return js.replaceAll("(?i)</(script)", "<\\\\/$1").replace("<!--", "<\\u0021--");
  }
}
