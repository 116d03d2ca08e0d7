package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.agents.StandardFamilies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published schema and the families section of docs/scenario-format.md are what the generators
 * make from the loader and the standard families today: neither can drift from the code.
 */
class SchemaDriftTest {
  static final Path SCHEMA = Path.of("..", ScenarioSchema.PATH);
  static final Path DOC = Path.of("..", "docs", "scenario-format.md");

  @Test
  void thePublishedSchemaIsTheGeneratorsOutput() throws IOException {
    String committed = Files.readString(SCHEMA, StandardCharsets.UTF_8);
    assertThat(committed)
        .as(
            "schema/scenario.schema.json differs from what the loader and the agent families"
                + " generate; regenerate it from the repository's root with:"
                + " ./cascade schema > schema/scenario.schema.json")
        .isEqualTo(ScenarioSchema.text(StandardFamilies.registry()));
  }

  @Test
  void theDocumentedFamiliesAreTheRegistrys() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(FamilyTables.BEGIN);
    int end = doc.indexOf(FamilyTables.END);
    assertThat(begin).as("the families:begin marker in %s", DOC).isNotNegative();
    assertThat(end).as("the families:end marker in %s", DOC).isGreaterThan(begin);
    String section = doc.substring(begin, end + FamilyTables.END.length() + 1);
    assertThat(section)
        .as(
            "the families section of docs/scenario-format.md differs from the agent registry;"
                + " replace everything from its families:begin line to its families:end line with"
                + " the output of ./cascade schema --families")
        .isEqualTo(FamilyTables.markdown(StandardFamilies.registry()));
  }

  @Test
  void everyKeyOfTheLoaderIsInTheSchema() {
    var schema = ScenarioSchema.of(StandardFamilies.registry());
    assertThat(keys(schema.get("properties"))).containsExactlyElementsOf(ScenarioReader.TOP_KEYS);
    var defs = schema.get("$defs");
    assertThat(keys(defs.get("rules").get("properties")))
        .containsExactlyElementsOf(ScenarioReader.RULE_KEYS);
    assertThat(keys(defs.get("instrument").get("properties")))
        .containsExactlyElementsOf(ScenarioReader.INSTRUMENT_KEYS);
    assertThat(keys(defs.get("agentGroup").get("properties")))
        .containsExactlyElementsOf(ScenarioReader.AGENT_KEYS);
    assertThat(keys(defs.get("params-noise").get("properties")))
        .containsExactlyElementsOf(
            StandardFamilies.registry().get("noise").params().stream()
                .map(dev.cascade.agents.ParamSpec::name)
                .toList());
  }

  private static java.util.List<String> keys(com.fasterxml.jackson.databind.JsonNode n) {
    java.util.List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
