package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AttributeCommandTest {
  @TempDir Path tmp;

  private static String[] cascade(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new String[] {Integer.toString(exit), out.toString(), err.toString()};
  }

  @Test
  void attributionRunsEveryVariantAndIsTheSameWhateverTheThreadCount() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    String[] one =
        cascade(
            "attribute",
            scenario,
            "--seeds",
            "2",
            "--threads",
            "1",
            "--out",
            tmp.resolve("a").toString());
    String[] two =
        cascade(
            "attribute",
            scenario,
            "--seeds",
            "2",
            "--threads",
            "2",
            "--out",
            tmp.resolve("b").toString());
    assertThat(one[0]).as(one[2]).isEqualTo("0");
    assertThat(two[0]).as(two[2]).isEqualTo("0");
    assertThat(one[1]).contains("SPY", "full", "direct shock alone", "momentum");
    assertThat(Files.readString(tmp.resolve("a/attribution.json")))
        .isEqualTo(Files.readString(tmp.resolve("b/attribution.json")))
        .contains("\"mechanisms\" : [ \"momentum\" ]");
  }

  @Test
  void anUnknownMechanismOrBadCountIsAClearError() throws Exception {
    String scenario = Path.of(getClass().getResource("/shocked.yaml").toURI()).toString();
    String[] r = cascade("attribute", scenario, "--mechanisms", "dealers");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("'dealers' is not a mechanism of this scenario").contains("momentum");
    String[] s = cascade("attribute", scenario, "--seeds", "0");
    assertThat(s[0]).isEqualTo("2");
    assertThat(s[2]).contains("--seeds").doesNotContain("\tat ");
  }
}
