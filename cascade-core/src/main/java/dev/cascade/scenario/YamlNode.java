package dev.cascade.scenario;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line and column (1-based) where it starts. Jackson's tree model drops
 * locations, so the loader builds this one from the token stream.
 */
sealed interface YamlNode {
  int line();

  int column();

  /** What the value is, for "expected X but found Y" messages. */
  String describe();

  /**
   * A scalar with its text exactly as written (so decimals can be read without going through
   * double) and the type Jackson resolved it to.
   */
  record Scalar(JsonToken token, String text, int line, int column) implements YamlNode {
    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    @Override
    public String describe() {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      switch (token) {
        case VALUE_NULL:
          return "no value";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "'" + shown + "'";
        default:
          return "the string '" + shown + "'";
      }
    }
  }

  /** A key and its value; the location is the key's. */
  record Entry(String key, int line, int column, YamlNode value) {}

  /** A mapping in file order; each key appears once (duplicates are reported and dropped). */
  record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A value that was already reported as an error (e.g. an alias); using it adds no error. */
  record Invalid(int line, int column) implements YamlNode {
    @Override
    public String describe() {
      return "an invalid value";
    }
  }
}
