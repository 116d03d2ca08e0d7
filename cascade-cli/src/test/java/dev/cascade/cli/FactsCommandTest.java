package dev.cascade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsCommandTest {
  private static final String NL = System.lineSeparator();

  @TempDir Path tmp;

  /**
   * A run directory by hand: SPY (US equity, 15% stated) on two sessions, 09:30-16:00 New York on
   * 18 and 19 November 2025, a seeded Gaussian walk at 15% a year with a 50% jump overnight; BTC
   * (24/7, no stated vol) for two hours across UTC midnight.
   */
  private Path handMadeRun(String name) throws Exception {
    Path run = Files.createDirectories(tmp.resolve(name));
    Files.writeString(run.resolve("summary.json"), "{}");
    String scenario =
        Files.readString(Path.of(getClass().getResource("/tiny.yaml").toURI()))
            .replace("    lot: 0.001\n    fundamentalVolPct: 50\n", "    lot: 0.001\n");
    Files.writeString(run.resolve("scenario.yaml"), scenario);
    StringBuilder csv = new StringBuilder("time,symbol,open,high,low,close,volume,trades\n");
    Random rng = new Random(42);
    double sd = 0.15 / Math.sqrt(252 * 390.0);
    double p = 660;
    for (String day : List.of("2025-11-18", "2025-11-19")) {
      Instant open = Instant.parse(day + "T14:30:00Z");
      p *= 1.5;
      for (int m = 0; m < 390; m++) {
        p *= Math.exp(sd * rng.nextGaussian());
        bar(csv, open.plusSeconds(60L * m), "SPY", p, 1000 + rng.nextInt(500));
      }
    }
    double b = 91000;
    Instant start = Instant.parse("2025-11-18T23:00:00Z");
    for (int m = 0; m < 120; m++) {
      b *= Math.exp(0.0005 * rng.nextGaussian());
      bar(csv, start.plusSeconds(60L * m), "BTC", b, 100);
    }
    Files.writeString(run.resolve("bars-1m.csv"), csv);
    return run;
  }

  private static void bar(StringBuilder csv, Instant t, String symbol, double close, int volume) {
    csv.append(
        String.format(
            Locale.ROOT,
            "%s,%s,%.4f,%.4f,%.4f,%.4f,%d,10%n",
            t,
            symbol,
            close,
            close,
            close,
            close,
            volume));
  }

  @Test
  void factsPrintEveryBandWithItsSourceAndDropTheFirstReturnOfEachDay() throws Exception {
    Path run = handMadeRun("run");
    Cli.Result r = Cli.run("facts", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("stylised facts of 1 run, pooled per instrument: " + run)
        .contains("SPY  one-minute returns: 778 from 2 session days in 1 run; bands intraday_1min")
        .contains("SPY  daily returns: 1 from 2 session days in 1 run: too few returns (1)")
        .contains("BTC  one-minute returns: 118 from 2 session days in 1 run")
        .contains("BTC  daily returns: 1 from 2 session days in 1 run: too few returns (1)")
        .contains("note: the scenario states no fundamentalVolPct (the engine's default is 20%)");
    String kurtosis =
        r.out().lines().filter(l -> l.startsWith("  excess kurtosis ")).findFirst().orElseThrow();
    assertThat(kurtosis).contains("[3, 100]", "FAIL", "Cont 2001 fact 2; Bouchaud & Potters 2003");
    assertThat(r.out())
        .containsPattern(
            "Hill alpha, top 5%, both tails +[0-9.]+ \\+- [0-9.]+ \\(k 38\\) +\\[2.5, 4.5\\]")
        .containsPattern(
            "ACF\\(r\\) at lag 1 \\(bid-ask bounce allowed\\) +[-+]0\\.[0-9]{3} +\\[-0.35, 0.1\\]")
        .contains("realised vol", "stated 15.0% (fundamentalVolPct)", "stated n/a")
        .contains("sources:" + NL + "  Cont 2001: R. Cont, Empirical properties of asset returns");
  }

  @Test
  void jsonGivesEveryFigureAndEveryCheckPerSymbolAndSeries() throws Exception {
    Path run = handMadeRun("run");
    Cli.Result r = Cli.run("facts", run.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("runs").get(0).asText()).isEqualTo(run.toString());
    assertThat(j.get("bands").asText()).isEqualTo("dev/cascade/analytics/stylized-bands.json");
    JsonNode spy = j.get("symbols").get(0);
    assertThat(spy.get("symbol").asText()).isEqualTo("SPY");
    assertThat(spy.get("session").asText()).isEqualTo("us-equity");
    assertThat(spy.get("statedVolPct").asDouble()).isEqualTo(15);
    JsonNode minute = spy.get("series").get(0);
    assertThat(minute.get("returns").asText()).isEqualTo("one-minute");
    assertThat(minute.get("profile").asText()).isEqualTo("intraday_1min");
    assertThat(minute.get("n").asInt()).isEqualTo(778);
    assertThat(minute.get("pass").asBoolean()).as("778 returns cannot pass").isFalse();
    JsonNode f = minute.get("figures");
    assertThat(f.get("excess_kurtosis").asDouble())
        .as("Gaussian minutes: the overnight jumps are not returns")
        .isCloseTo(0, within(4 * Math.sqrt(24.0 / 778)));
    assertThat(f.get("realised_vol").asDouble())
        .as("the walk's 15%% within 4 SE (15%% / sqrt(2n))")
        .isCloseTo(0.15, within(4 * 0.15 / Math.sqrt(2 * 778)));
    assertThat(f.has("hill.top_5pct.left.alpha")).isTrue();
    assertThat(f.get("hill.top_5pct.both.k").asInt()).isEqualTo(38);
    assertThat(f.has("acf_abs_r.power_law.beta")).isTrue();
    assertThat(f.get("leverage.values.9").isNumber()).isTrue();
    JsonNode checks = minute.get("checks");
    assertThat(checks.get(0).get("name").asText()).isEqualTo("sample size");
    assertThat(checks.get(0).get("result").asText()).isEqualTo("fail");
    for (JsonNode c : checks) {
      assertThat(c.get("result").asText()).isIn("pass", "fail", "warn", "skip");
      assertThat(c.get("source").asText()).isNotBlank();
    }
    JsonNode vol = checks.get(checks.size() - 1);
    assertThat(vol.get("metric").asText()).isEqualTo("realised_vol_ratio");
    assertThat(vol.get("result").asText()).isEqualTo("pass");
    JsonNode daily = spy.get("series").get(1);
    assertThat(daily.get("returns").asText()).isEqualTo("daily");
    assertThat(daily.get("error").asText()).isEqualTo("too few returns (1)");
    assertThat(spy.get("intraday").get("days").asInt()).isEqualTo(2);
    assertThat(spy.get("intraday").get("midday").asText()).isEqualTo("11:30-14:30");
    JsonNode btc = j.get("symbols").get(1);
    assertThat(btc.has("intraday")).as("no U-shape outside US equity sessions").isFalse();
    assertThat(btc.get("session").asText()).isEqualTo("crypto-24-7");
    assertThat(btc.get("statedVolPct").isNull()).isTrue();
    JsonNode btcVol = btc.get("series").get(0).get("checks");
    assertThat(btcVol.get(btcVol.size() - 1).get("result").asText()).isEqualTo("skip");
    assertThat(j.get("sources").get("Cont 2001").asText()).contains("Quantitative Finance");
  }

  @Test
  void theIntradayShapeIsEachWindowOverMiddayWithAJackknifeStandardErrorOverDays()
      throws Exception {
    // SPY over three sessions: every minute's return is +-a (a = 0.003 in the first five minutes,
    // 0.001 after), volume 100 a bar but for the first five minutes: 400, 400 and 700.
    Path run = Files.createDirectories(tmp.resolve("shaped"));
    Files.writeString(run.resolve("summary.json"), "{}");
    Files.writeString(
        run.resolve("scenario.yaml"),
        Files.readString(Path.of(getClass().getResource("/tiny.yaml").toURI())));
    StringBuilder csv = new StringBuilder("time,symbol,open,high,low,close,volume,trades\n");
    String[] days = {"2025-11-18", "2025-11-19", "2025-11-20"};
    int[] openVolume = {400, 400, 700};
    for (int d = 0; d < days.length; d++) {
      Instant open = Instant.parse(days[d] + "T14:30:00Z");
      double x = Math.log(660);
      for (int m = 0; m < 390; m++) {
        if (m > 0) {
          x += (m % 2 == 0 ? 1 : -1) * (m < 5 ? 0.003 : 0.001);
        }
        bar(csv, open.plusSeconds(60L * m), "SPY", Math.exp(x), m < 5 ? openVolume[d] : 100);
      }
    }
    Files.writeString(run.resolve("bars-1m.csv"), csv);
    Cli.Result r = Cli.run("facts", run.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode in = new ObjectMapper().readTree(r.out()).get("symbols").get(0).get("intraday");
    assertThat(in.get("days").asInt()).isEqualTo(3);
    JsonNode first = in.get("windows").get(0);
    assertThat(first.get("from").asText()).isEqualTo("09:30");
    assertThat(first.get("to").asText()).isEqualTo("09:35");
    // the closes carry four decimals: |r| is 0.003 and 0.001 to about 1e-7
    assertThat(first.get("absReturnRatio").asDouble()).isCloseTo(3.0, within(1e-3));
    assertThat(first.get("absReturnRatioSe").asDouble()).isCloseTo(0, within(1e-3));
    // volume: pooled (400 + 400 + 700) / 3 over 100; leaving out each day gives 5.5, 5.5, 4.0
    assertThat(first.get("volumeRatio").asDouble()).isCloseTo(5.0, within(1e-9));
    assertThat(first.get("volumeRatioSe").asDouble()).isCloseTo(1.0, within(1e-9));
    JsonNode later = in.get("windows").get(1);
    assertThat(later.get("from").asText()).isEqualTo("09:35");
    assertThat(later.get("volumeRatio").asDouble()).isCloseTo(1.0, within(1e-9));
    Cli.Result t = Cli.run("facts", run.toString());
    assertThat(t.out()).contains("intraday shape").contains("09:30-09:35").contains("5.00 +- 1.00");
  }

  @Test
  void runsArePooledPerSymbol() throws Exception {
    Path a = handMadeRun("a");
    Path b = handMadeRun("b");
    Cli.Result r = Cli.run("facts", a.toString(), b.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode spy = new ObjectMapper().readTree(r.out()).get("symbols").get(0);
    assertThat(spy.get("series").get(0).get("n").asInt()).isEqualTo(2 * 778);
    assertThat(spy.get("series").get(0).get("days").asInt()).isEqualTo(4);
    assertThat(spy.get("series").get(1).get("n").asInt())
        .as("one daily return per run, none across the two")
        .isEqualTo(2);
  }

  @Test
  void anIndexedPerpetualIsJudgedAgainstItsIndexsVol() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("perp"));
    Files.writeString(run.resolve("summary.json"), "{}");
    Files.writeString(
        run.resolve("scenario.yaml"),
        Files.readString(Path.of(getClass().getResource("/tiny.yaml").toURI()))
            .replace(
                "    fundamentalVolPct: 50\n",
                "    fundamentalVolPct: 50\n  - {symbol: BTC-PERP, class: crypto-perp, price: 91000.0,"
                    + " tick: 0.5, lot: 0.001, fundamentalVolPct: 5, index: BTC}\n"));
    StringBuilder csv = new StringBuilder("time,symbol,open,high,low,close,volume,trades\n");
    Random rng = new Random(7);
    double p = 91000;
    for (int m = 0; m < 60; m++) {
      p *= Math.exp(0.0005 * rng.nextGaussian());
      bar(csv, Instant.parse("2025-11-18T14:30:00Z").plusSeconds(60L * m), "BTC-PERP", p, 10);
    }
    Files.writeString(run.resolve("bars-1m.csv"), csv);
    Cli.Result r = Cli.run("facts", run.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode perp = new ObjectMapper().readTree(r.out()).get("symbols").get(0);
    assertThat(perp.get("symbol").asText()).isEqualTo("BTC-PERP");
    assertThat(perp.get("statedVolPct").asDouble()).as("BTC's, not its own 5").isEqualTo(50);
    assertThat(perp.get("statedVolSource").asText())
        .isEqualTo("BTC's fundamentalVolPct (the index its value follows)");
  }

  @Test
  void badRunDirectoriesAreOneLineErrorsWithExitTwo() throws Exception {
    Path nowhere = tmp.resolve("nowhere");
    assertError(
        Cli.run("facts", nowhere.toString()),
        nowhere + ": not a directory (expected a run directory written by cascade run)");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertError(
        Cli.run("facts", empty.toString()),
        empty
            + ": not a run directory (no summary.json; expected a directory written by cascade"
            + " run)");
    Files.writeString(empty.resolve("summary.json"), "{}");
    assertError(
        Cli.run("facts", empty.toString()),
        empty + ": no bars (neither bars-1m.csv nor bars-1m.parquet)");
    Files.writeString(
        empty.resolve("bars-1m.csv"), "time,symbol,open,high,low,close,volume,trades\n");
    assertError(
        Cli.run("facts", empty.toString()),
        empty.resolve("bars-1m.csv") + ": no bars (nothing traded in this run)");
    Files.writeString(
        empty.resolve("bars-1m.csv"),
        "time,symbol,open,high,low,close,volume,trades\n"
            + "2025-11-18T14:30:00Z,SPY,1,1,1,1,1,1\n"
            + "2025-11-18T14:31:00Z,SPY,1,1,1,abc,1,1\n");
    assertError(
        Cli.run("facts", empty.toString()),
        empty.resolve("bars-1m.csv") + ":3: column close: 'abc' is not a finite number");
    Path run = handMadeRun("run");
    assertError(
        Cli.run("facts", run.toString(), run.toString()),
        run + ": given twice (its returns would count twice)");
  }

  @Test
  void aSymbolWithTooFewReturnsIsARowNotAnError() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("short"));
    Files.writeString(run.resolve("summary.json"), "{}");
    StringBuilder csv = new StringBuilder("time,symbol,open,high,low,close,volume,trades\n");
    for (int m = 0; m < 10; m++) {
      bar(csv, Instant.parse("2025-11-18T14:30:00Z").plusSeconds(60L * m), "SPY", 100 + m, 5);
    }
    Files.writeString(run.resolve("bars-1m.csv"), csv);
    Cli.Result r = Cli.run("facts", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("SPY  one-minute returns: 9 from 1 session day in 1 run: too few returns (9)")
        .contains("note: " + run + ": no scenario.yaml: days are UTC dates, no stated vol")
        .doesNotContain("sources:");
  }

  /** The brief's end-to-end check: a real calm day, then its facts as a table and as JSON. */
  @Test
  @Tag("slow")
  void factsOfACalmDayRun() throws Exception {
    Path run = tmp.resolve("calm");
    Cli.Result ran =
        Cli.run(
            "run",
            Path.of("..", "scenarios", "calm-day.yaml").toString(),
            "--seed",
            "7",
            "--no-progress",
            "--out",
            run.toString());
    assertThat(ran.exit()).as(ran.err()).isZero();
    Cli.Result text = Cli.run("facts", run.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("SPY  one-minute returns: 389 from 1 session day in 1 run")
        .contains("NVDA  one-minute returns: 389", "BTC  one-minute returns: 389")
        .doesNotContain("daily returns");
    Cli.Result json = Cli.run("facts", run.toString(), "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(json.out());
    JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    assertThat(j.get("symbols")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode s = j.get("symbols").get(i);
      JsonNode minute = s.get("series").get(0);
      assertThat(minute.get("n").asInt()).isEqualTo(389);
      assertThat(minute.get("checks").size())
          .as("sample size, then the profile's 13 bands")
          .isEqualTo(14);
      assertThat(minute.get("figures").get("realised_vol").asDouble() * 100)
          .as("the run summary's realised vol of %s, the same minutes", s.get("symbol").asText())
          .isCloseTo(
              summary.get("instruments").get(i).get("realizedVolPct").asDouble(), within(1e-3));
    }
    assertThat(j.get("symbols").get(0).get("statedVolPct").asDouble()).isEqualTo(15);
  }

  private static void assertError(Cli.Result r, String message) {
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("cascade facts: " + message + NL);
  }
}
