package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cascade mechanisms lists what a scenario holds and exactly the names --without accepts. */
class MechanismsCommandTest {
  static final String SYSTEMATIC = Path.of("..", "scenarios", "systematic-demo.yaml").toString();

  @TempDir Path tmp;

  @Test
  void listsGroupsShocksAndTheNamesWithoutAccepts() {
    Cli.Result r = Cli.run("mechanisms", SYSTEMATIC);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("scenario systematic-demo", "instruments (7)", "agent groups (10)", "shocks (3)")
        .contains("--without accepts", "mechanisms", "families", "groups", "shock types", "market")
        .contains("vol-target", "yield", "flow");
  }

  @Test
  void everyNameItListsIsAcceptedByWithoutAndTheJsonAgrees() throws Exception {
    Cli.Result r = Cli.run("mechanisms", SYSTEMATIC, "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("scenario").asText()).isEqualTo("systematic-demo");
    assertThat(j.get("agents")).hasSize(10);
    assertThat(j.get("agents").get(0).has("family")).isTrue();
    assertThat(j.get("shocks").get(0).get("label").asText()).isNotBlank();
    List<String> names = new ArrayList<>();
    j.get("without").forEach(kind -> kind.forEach(n -> names.add(n.asText())));
    assertThat(names).contains("passive-flows", "flow", "yield", "leverage-effect");
    var spec =
        dev.cascade.scenario.ScenarioLoader.load(
                Path.of(SYSTEMATIC), dev.cascade.agents.StandardFamilies.registry())
            .spec()
            .orElseThrow();
    for (String n : names) {
      assertThat(RunCommand.unknownWithout("run", spec, java.util.Set.of(n), true)).as(n).isNull();
    }
  }

  @Test
  void anUnknownWithoutNameListsTheValidOnes() {
    Cli.Result bad =
        Cli.run(
            "run",
            SYSTEMATIC,
            "--without",
            "dealerz",
            "--no-progress",
            "--out",
            tmp.resolve("x").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .contains("--without names no mechanism", "dealerz", "it accepts mechanisms")
        .contains("families", "shock types", "cascade mechanisms FILE")
        .doesNotContain("Exception");
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    // given with no name at all: refused, not run with nothing left out
    for (String empty : new String[] {"--without=", "--without=,"}) {
      for (String command : new String[] {"run", "sweep"}) {
        Cli.Result none =
            Cli.run(
                command, SYSTEMATIC, empty, "--no-progress", "--out", tmp.resolve("y").toString());
        assertThat(none.exit()).as(command + " " + empty).isEqualTo(2);
        assertThat(none.err()).contains("--without names nothing", "it accepts mechanisms");
        assertThat(Files.exists(tmp.resolve("y"))).isFalse();
      }
    }
    Cli.Result stray =
        Cli.run(
            "run",
            SYSTEMATIC,
            "--without=stops,,retail",
            "--no-progress",
            "--out",
            tmp.resolve("y").toString());
    assertThat(stray.exit()).isEqualTo(2);
    assertThat(stray.err()).contains("--without has an empty name");
  }

  @Test
  void aBrokenScenarioIsLocatedErrorsAndExitTwo() throws Exception {
    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, "name: x\nseed: seven\n");
    Cli.Result r = Cli.run("mechanisms", broken.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("broken.yaml:2:7: seed").doesNotContain("Exception");
  }

  @Test
  void schemaPrintsTheSchemaAndTheFamilies() {
    Cli.Result schema = Cli.run("schema");
    assertThat(schema.exit()).isZero();
    assertThat(schema.out())
        .contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\"");
    Cli.Result families = Cli.run("schema", "--families");
    assertThat(families.out()).startsWith("<!-- families:begin").contains("### `market-maker`");
  }
}
