package dev.cascade.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a located {@link YamlNode} tree from Jackson's streaming parser. Reports,
 * located: syntax errors (where the parser stopped; nothing after them is read), duplicate keys,
 * keys longer than {@link #MAX_KEY_CHARS}, aliases (refused: they are how "billion laughs"
 * documents grow, and a scenario never needs them), nesting deeper than {@link #MAX_DEPTH} and more
 * than one document.
 *
 * <p>What an error may quote: nothing from the file until its first token shows a mapping at the
 * top level, as every scenario has. A file whose top level is a string, a number or a list (a
 * password file, a key, a CSV table, a log) is reported by that kind alone, and a syntax error
 * before the top-level mapping starts by its location and a fixed reason, never the parser's own
 * message, which can quote the text. From a mapping on, messages may quote keys and values (cut to
 * 40 characters): they are what a scenario's author needs to see.
 */
final class YamlTreeReader {
  /** A scenario nests four levels; anything far deeper is not a scenario. */
  static final int MAX_DEPTH = 32;

  /** The longest key: the longest in the format is 21 characters, a sector name a few words. */
  static final int MAX_KEY_CHARS = 200;

  private static final String NOT_A_MAPPING =
      "a scenario file must be a mapping (name: ..., start: ..., instruments: ...) but this one is ";

  private static final YAMLFactory FACTORY = factory();

  private final YAMLParser parser;
  private final ScenarioErrors errors;

  private YamlTreeReader(YAMLParser parser, ScenarioErrors errors) {
    this.parser = parser;
    this.errors = errors;
  }

  /** The document's root, or null if the text is empty or could not be parsed (reported). */
  static YamlNode read(String text, ScenarioErrors errors) {
    boolean mapping = false;
    try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        errors.add(
            1,
            1,
            "",
            "the file is empty; expected a mapping with name, start, end and instruments");
        return null;
      }
      if (first != JsonToken.START_OBJECT) {
        JsonLocation l = p.currentTokenLocation();
        if (first == JsonToken.VALUE_STRING && p.getText().isBlank()) {
          errors.add(
              1,
              1,
              "",
              "the file is empty; expected a mapping with name, start, end and instruments");
        } else {
          errors.add(l.getLineNr(), l.getColumnNr(), "", NOT_A_MAPPING + kind(first));
        }
        return null;
      }
      mapping = true;
      YamlTreeReader reader = new YamlTreeReader(p, errors);
      YamlNode root = reader.node(first, "", 0);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        JsonLocation l = p.currentTokenLocation();
        errors.add(
            l.getLineNr(),
            l.getColumnNr(),
            "",
            "a scenario file holds one YAML document; found a second");
      }
      return root;
    } catch (TooDeep e) {
      errors.add(e.line, e.column, e.path, "nested more than " + MAX_DEPTH + " levels deep");
      return null;
    } catch (IOException | RuntimeException e) {
      // The parser reports malformed input with exceptions; they are the user's errors, not bugs.
      syntaxError(e, mapping, errors);
      return null;
    }
  }

  /** What a top-level token is, in words; never its text. */
  private static String kind(JsonToken t) {
    switch (t) {
      case START_ARRAY:
        return "a list";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return "text (not quoted: the file may not be a scenario)";
    }
  }

  private YamlNode node(JsonToken t, String path, int depth) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (depth > MAX_DEPTH) {
      throw new TooDeep(line, column, path);
    }
    switch (t) {
      case START_OBJECT:
        return mapping(path, depth, line, column);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken n = parser.nextToken(); n != JsonToken.END_ARRAY; n = parser.nextToken()) {
          items.add(node(n, path + "[" + items.size() + "]", depth + 1));
        }
        return new YamlNode.Sequence(List.copyOf(items), line, column);
      default:
        if (parser.isCurrentAlias()) {
          errors.add(
              line,
              column,
              path,
              "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
          return new YamlNode.Invalid(line, column);
        }
        return new YamlNode.Scalar(t, parser.getText(), line, column);
    }
  }

  private YamlNode mapping(String path, int depth, int line, int column) throws IOException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    for (JsonToken n = parser.nextToken(); n != JsonToken.END_OBJECT; n = parser.nextToken()) {
      // n is FIELD_NAME: the parser rejects non-scalar keys itself.
      JsonLocation keyAt = parser.currentTokenLocation();
      String key = parser.currentName();
      if (key.length() > MAX_KEY_CHARS) {
        errors.add(
            keyAt.getLineNr(),
            keyAt.getColumnNr(),
            path,
            "a key of "
                + key.length()
                + " characters; keys are at most "
                + MAX_KEY_CHARS
                + " ('"
                + Suggestions.shorten(key)
                + "')");
        node(parser.nextToken(), path, depth + 1);
        continue;
      }
      String keyPath = path.isEmpty() ? key : path + "." + key;
      YamlNode value = node(parser.nextToken(), keyPath, depth + 1);
      YamlNode.Entry first = entries.get(key);
      if (first != null) {
        errors.add(
            keyAt.getLineNr(),
            keyAt.getColumnNr(),
            keyPath,
            "duplicate key '"
                + Suggestions.shorten(key)
                + "' (first at line "
                + first.line()
                + ")");
      } else {
        entries.put(key, new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
      }
    }
    return new YamlNode.Mapping(entries, line, column);
  }

  /**
   * Locates a parser failure at the parser's own mark when it has one. The parser's reason is given
   * only inside a top-level mapping ({@code mapping}): it can quote the text (a tag, an escape, a
   * number), which is shown only for a file that looks like a scenario.
   */
  private static void syntaxError(Exception e, boolean mapping, ScenarioErrors errors) {
    int line = 0;
    int column = 0;
    String reason = e.getMessage();
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        Mark p = m.getProblemMark();
        line = p.getLine() + 1;
        column = p.getColumn() + 1;
        StringBuilder msg = new StringBuilder(String.valueOf(m.getProblem()));
        Mark ctx = m.getContextMark();
        if (m.getContext() != null && ctx != null) {
          msg.append(" (")
              .append(m.getContext())
              .append(" at line ")
              .append(ctx.getLine() + 1)
              .append(", column ")
              .append(ctx.getColumn() + 1)
              .append(")");
        }
        reason = msg.toString();
        break;
      }
    }
    if (line == 0 && e instanceof JsonProcessingException j && j.getLocation() != null) {
      line = j.getLocation().getLineNr();
      column = j.getLocation().getColumnNr();
      reason = j.getOriginalMessage();
    }
    errors.add(
        line,
        column,
        "",
        mapping
            ? "invalid YAML: " + reason
            : "invalid YAML before any top-level mapping (a scenario is one); the parser's reason"
                + " is not shown, as it can quote a file that may not be a scenario");
  }

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    // Binding here: the scanner stops past this many code points. UTF-8 takes at least a byte per
    // code point, so ScenarioLoader's byte limit is reached first; this one guards parse(text).
    options.setCodePointLimit(ScenarioLoader.MAX_BYTES);
    // These two bind only in SnakeYAML's composer, which Jackson's streaming parser does not use:
    // node() refuses every alias and stops at MAX_DEPTH as the tokens arrive, so the parser never
    // holds more than MAX_DEPTH + 1 open collections. (Jackson's StreamReadConstraints cap only the
    // nesting depth for YAML, at 1000 by default; the string, name and document lengths are not
    // checked by its YAML parser, hence ScenarioLoader's own size limit.) Set in case a composer
    // is ever built from these options.
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /** Thrown to abandon a document nested too deeply; reported by {@link #read}. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;
    final String path;

    TooDeep(int line, int column, String path) {
      super(null, null, false, false);
      this.line = line;
      this.column = column;
      this.path = path;
    }
  }
}
