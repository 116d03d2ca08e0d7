package dev.cascade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Indented JSON for the commands' {@code --json} output. */
final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /**
   * {@code value} (maps, lists, records, Jackson trees) as indented JSON.
   *
   * @throws IllegalStateException if Jackson cannot serialise it: a programming error, since every
   *     caller passes plain data
   */
  static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
