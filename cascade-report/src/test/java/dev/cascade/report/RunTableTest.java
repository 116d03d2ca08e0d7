package dev.cascade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTableTest {
  @TempDir Path dir;

  private List<String> readTimesAndPrices(Path f) throws RunDataException {
    List<String> out = new ArrayList<>();
    int[] c = new int[2];
    RunTable.read(
        f,
        List.of("time", "price"),
        idx -> System.arraycopy(idx, 0, c, 0, 2),
        row -> out.add(row.line() + ":" + row.epochMillis(c[0]) + "=" + row.number(c[1])));
    return out;
  }

  @Test
  void readsColumnsByNameWhateverTheirOrder() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(
        f, "price,extra,time\n1.5,x,1970-01-01T00:00:01Z\n\n2,y,1970-01-01T00:00:02Z\n");
    assertThat(readTimesAndPrices(f)).containsExactly("2:1000=1.5", "4:2000=2.0");
  }

  @Test
  void aNumberThatIsNotOneIsLocatedByFileLineAndColumn() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "time,price\n1970-01-01T00:00:01Z,1\n1970-01-01T00:00:02Z,abc\n");
    assertThatThrownBy(() -> readTimesAndPrices(f))
        .isInstanceOf(RunDataException.class)
        .hasMessage(f + ":3: column price: 'abc' is not a finite number")
        .extracting(e -> ((RunDataException) e).line())
        .isEqualTo(3);
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsLocated() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "time,price\n1970-01-01T00:00:01Z,1,9\n");
    assertThatThrownBy(() -> readTimesAndPrices(f))
        .hasMessage(f + ":2: expected 2 fields as in the header, found 3");
  }

  @Test
  void aBadTimeSaysWhatATimeLooksLike() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "time,price\nyesterday,1\n");
    assertThatThrownBy(() -> readTimesAndPrices(f))
        .hasMessageStartingWith(f + ":2: column time: 'yesterday' is not an ISO-8601 time");
  }

  @Test
  void aMissingColumnIsReportedOnTheHeaderLine() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "time,close\n");
    assertThatThrownBy(() -> readTimesAndPrices(f))
        .hasMessage(f + ":1: header has no column 'price' (expected time,price)");
  }

  @Test
  void aMissingFileOrAnEmptyOneIsAMessageNotAStackTrace() throws Exception {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> readTimesAndPrices(missing))
        .isInstanceOf(RunDataException.class)
        .hasMessage(missing + ": missing (is this a run directory of cascade run?)");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertThatThrownBy(() -> readTimesAndPrices(empty))
        .hasMessage(empty + ":1: empty file: expected a header line");
  }

  @Test
  void quotedFieldsMayHoldCommasAndDoubledQuotes() throws Exception {
    assertThat(RunTable.split(Path.of("f"), 1, "a,\"b, c\",\"say \"\"hi\"\"\","))
        .containsExactly("a", "b, c", "say \"hi\"", "");
    assertThatThrownBy(() -> RunTable.split(Path.of("f"), 7, "a,\"open"))
        .hasMessage("f:7: unterminated quoted field");
  }
}
