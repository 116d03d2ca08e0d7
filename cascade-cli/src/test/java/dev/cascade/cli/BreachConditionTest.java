package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.agents.StandardFamilies;
import dev.cascade.scenario.ScenarioSpec;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The breach grammar: each form read and evaluated, each mistake named with its column. */
class BreachConditionTest {
  private static ScenarioSpec scenario() throws Exception {
    Path p = Path.of(BreachConditionTest.class.getResource("/shocked.yaml").toURI());
    return ScenarioFiles.load(
            p, StandardFamilies.registry(), new java.io.PrintWriter(java.io.Writer.nullWriter()))
        .spec();
  }

  /** SPY then BTC: change, drawdown, low, high; then the events. */
  private static PathOutcome outcome(Set<String> liquidated, boolean adl, boolean halt) {
    return new PathOutcome(
        new double[] {-6, 1},
        new double[] {11, 3},
        new double[] {530, 90000},
        new double[] {661, 92000},
        new PathOutcome.Events(liquidated, adl, adl, halt));
  }

  @Test
  void everyFormReadsAndTestsThePathItNames() throws Exception {
    ScenarioSpec s = scenario();
    PathOutcome o = outcome(Set.of("mm"), true, false);
    assertThat(BreachCondition.parse("SPY drawdown >= 10%", s).test(o)).isTrue();
    assertThat(BreachCondition.parse("SPY drawdown>=12%", s).test(o)).isFalse();
    assertThat(BreachCondition.parse("SPY change <= -5%", s).test(o)).isTrue();
    assertThat(BreachCondition.parse("  SPY change <= -7 % ", s).test(o)).isFalse();
    assertThat(BreachCondition.parse("BTC change >= 0.5%", s).test(o)).isTrue();
    assertThat(BreachCondition.parse("SPY < 540", s).test(o)).isTrue();
    assertThat(BreachCondition.parse("SPY<530", s).test(o)).isFalse();
    assertThat(BreachCondition.parse("SPY > 660", s).test(o)).isTrue();
    assertThat(BreachCondition.parse("group mm liquidated", s).test(o)).isTrue();
    assertThat(BreachCondition.parse("group value liquidated", s).test(o)).isFalse();
    assertThat(new BreachCondition.InsuranceExhausted().test(o)).isTrue();
    assertThat(new BreachCondition.Adl().test(o)).isTrue();
    assertThat(BreachCondition.parse("halt", s).test(o)).isFalse();
    assertThat(BreachCondition.parse("SPY drawdown>=10%", s).text())
        .isEqualTo("SPY drawdown >= 10%");
  }

  private static void fails(String text, String message) throws Exception {
    ScenarioSpec s = scenario();
    assertThatThrownBy(() -> BreachCondition.parse(text, s))
        .isInstanceOf(CliFailure.class)
        .hasMessage("--breach \"" + text + "\": " + message);
  }

  @Test
  void aMistakeIsNamedAtItsColumn() throws Exception {
    fails(
        "QQQ drawdown >= 10%",
        "column 1: 'QQQ' is neither an instrument of the scenario"
            + " (SPY, BTC) nor one of: group, insurance-fund, adl, halt");
    fails(
        "SPY drawup >= 10%", "column 5: expected drawdown, change, < or > after SPY, got 'drawup'");
    fails("SPY drawdown > 10%", "column 14: expected >=, got '>'");
    fails("SPY drawdown >= ten%", "column 17: expected a number, got 'ten'");
    fails("SPY drawdown >= 10", "column 19: expected '%', got the end of the condition");
    fails("SPY drawdown >= 150%", "column 17: a drawdown is in (0, 100]%, got 150%");
    fails("SPY change = -5%", "column 12: expected <= or >=, got '='");
    fails("SPY < 540 today", "column 11: unexpected 'today' after the condition");
    fails(
        "group whales liquidated",
        "column 7: no agent group is named 'whales'; the groups are:"
            + " mm, noise, momentum, value");
    fails("group mm sold", "column 10: expected 'liquidated', got 'sold'");
    fails(
        "insurance-fund exhausted",
        "column 1: the scenario has no perpetual, so no insurance fund and no"
            + " auto-deleveraging: 'insurance-fund' can never hold");
    fails(
        "  adl",
        "column 3: the scenario has no perpetual, so no insurance fund and no"
            + " auto-deleveraging: 'adl' can never hold");
    fails("", "column 1: empty condition; the forms are: " + BreachCondition.FORMS);
  }
}
