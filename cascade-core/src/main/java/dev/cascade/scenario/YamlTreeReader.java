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
 * aliases (refused: they are how "billion laughs" documents grow, and a scenario never needs them),
 * nesting deeper than {@link #MAX_DEPTH} and more than one document.
 */
final class YamlTreeReader {
  /** A scenario nests four levels; anything far deeper is not a scenario. */
  static final int MAX_DEPTH = 32;

  private static final YAMLFactory FACTORY = factory();

  private final YAMLParser parser;
  private final ScenarioErrors errors;

  private YamlTreeReader(YAMLParser parser, ScenarioErrors errors) {
    this.parser = parser;
    this.errors = errors;
  }

  /** The document's root, or null if the text is empty or could not be parsed (reported). */
  static YamlNode read(String text, ScenarioErrors errors) {
    try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        errors.add(
            1,
            1,
            "",
            "the file is empty; expected a mapping with name, start, end and instruments");
        return null;
      }
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
      if (root instanceof YamlNode.Scalar s && (s.isNull() || s.text().isBlank())) {
        errors.add(
            1,
            1,
            "",
            "the file is empty; expected a mapping with name, start, end and instruments");
        return null;
      }
      return root;
    } catch (TooDeep e) {
      errors.add(e.line, e.column, e.path, "nested more than " + MAX_DEPTH + " levels deep");
      return null;
    } catch (IOException | RuntimeException e) {
      // The parser reports malformed input with exceptions; they are the user's errors, not bugs.
      syntaxError(e, errors);
      return null;
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

  /** Locates a parser failure at the parser's own mark when it has one. */
  private static void syntaxError(Exception e, ScenarioErrors errors) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        Mark p = m.getProblemMark();
        StringBuilder msg = new StringBuilder("invalid YAML: ").append(m.getProblem());
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
        errors.add(p.getLine() + 1, p.getColumn() + 1, "", msg.toString());
        return;
      }
    }
    if (e instanceof JsonProcessingException j && j.getLocation() != null) {
      JsonLocation l = j.getLocation();
      errors.add(l.getLineNr(), l.getColumnNr(), "", "invalid YAML: " + j.getOriginalMessage());
      return;
    }
    errors.add(0, 0, "", "invalid YAML: " + e.getMessage());
  }

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    // Our own size cap (ScenarioLoader.MAX_BYTES) is the binding one.
    options.setCodePointLimit(2 * ScenarioLoader.MAX_BYTES);
    options.setMaxAliasesForCollections(0);
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
