package dev.cascade.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cascade.agents.StandardFamilies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published schema checked by an independent validator (networknt, draft 2020-12): every
 * shipped scenario, turned into JSON by Jackson YAML, passes; broken ones fail with the schema's
 * messages.
 */
class SchemaValidationTest {
  static final Path SCENARIOS = Path.of("..", "scenarios");
  static final YAMLMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();

  static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    String text = Files.readString(SchemaDriftTest.SCHEMA, StandardCharsets.UTF_8);
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(text, InputFormat.JSON);
  }

  static Stream<Path> shipped() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static List<String> errors(String yaml) throws IOException {
    JsonNode tree = YAML.readTree(yaml);
    return schema.validate(JSON.writeValueAsString(tree), InputFormat.JSON).stream()
        .map(Error::toString)
        .toList();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedScenarioPasses(Path file) throws IOException {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(errors(yaml)).as(file.toString()).isEmpty();
    assertThat(ScenarioLoader.load(file, StandardFamilies.registry()).errors())
        .as("the loader agrees on %s", file)
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedScenarioNamesTheSchemaForEditors(Path file) throws IOException {
    String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    assertThat(first).isEqualTo("# yaml-language-server: $schema=../" + ScenarioSchema.PATH);
    assertThat(SCENARIOS.resolve("..").resolve(ScenarioSchema.PATH)).exists();
  }

  @Test
  void shippedScenariosAreFound() throws IOException {
    assertThat(shipped().count()).isGreaterThanOrEqualTo(5);
  }

  static final String BASE =
      """
      name: broken
      start: 2025-11-18T09:30:00-05:00
      end: 2025-11-18T16:00:00-05:00
      instruments:
        - {symbol: SPY, class: etf, price: 660.00}
      """;

  @Test
  void anUnknownFamilyIsRejected() throws IOException {
    assertThat(errors(BASE + "agents:\n  - {family: noize, count: 3}\n"))
        .anySatisfy(
            e ->
                assertThat(e).contains("/agents/0/family", "enumeration", "noise", "market-maker"));
  }

  @Test
  void aParameterOutOfBoundsIsRejected() throws IOException {
    assertThat(errors(BASE + "agents:\n  - {family: noise, params: {marketOrderProb: 1.5}}\n"))
        .anySatisfy(
            e -> assertThat(e).contains("/agents/0/params/marketOrderProb", "maximum", "1"));
    assertThat(
            errors(
                BASE
                    + "agents:\n  - family: noise\n    params:\n"
                    + "      marketOrderProb: {dist: uniform, min: 0.5, max: 2}\n"))
        .anySatisfy(e -> assertThat(e).contains("/agents/0/params/marketOrderProb"));
    assertThat(
            errors(
                BASE
                    + "agents:\n  - family: noise\n    params:\n"
                    + "      marketOrderProb: {dist: uniform, min: 0.1, max: 0.5}\n"))
        .isEmpty();
  }

  @Test
  void anUnknownShockKeyIsRejected() throws IOException {
    assertThat(
            errors(
                BASE
                    + "shocks:\n  - {type: fundamental, at: 2025-11-18T12:00:00-05:00,"
                    + " target: SPY, pct: -5, minutes: 3}\n"))
        .anySatisfy(
            e -> assertThat(e).contains("/shocks/0", "minutes", "not defined in the schema"));
  }

  @Test
  void aValueOfTheWrongTypeIsRejected() throws IOException {
    assertThat(errors(BASE.replace("price: 660.00", "price: cheap")))
        .anySatisfy(e -> assertThat(e).contains("/instruments/0/price", "string", "number"));
    assertThat(errors(BASE + "agents:\n  - {family: noise, count: 2.5}\n"))
        .anySatisfy(e -> assertThat(e).contains("/agents/0/count", "integer"));
  }

  @Test
  void aShockMissingItsParameterOrTargetIsRejected() throws IOException {
    assertThat(errors(BASE + "shocks:\n  - {type: flow, at: 2025-11-18T12:00:00-05:00}\n"))
        .anySatisfy(e -> assertThat(e).contains("/shocks/0", "required", "dollars"))
        .anySatisfy(e -> assertThat(e).contains("/shocks/0", "required", "target"));
  }
}
