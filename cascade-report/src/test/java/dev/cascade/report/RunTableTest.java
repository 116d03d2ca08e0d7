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

  private List<String> readNames(Path f) throws RunDataException {
    List<String> out = new ArrayList<>();
    int[] c = new int[2];
    RunTable.read(
        f,
        List.of("name", "price"),
        idx -> System.arraycopy(idx, 0, c, 0, 2),
        row -> out.add(row.line() + ":" + row.text(c[0]) + "=" + row.number(c[1])));
    return out;
  }

  @Test
  void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(
        f,
        "name,price\n"
            + "a,1\n"
            + "\"b, c\",2\n"
            + "\"say \"\"hi\"\"\",3\n"
            + "\"two\nlines\",4\n"
            + "\n"
            + "\"\",5\n");
    assertThat(readNames(f))
        .containsExactly("2:a=1.0", "3:b, c=2.0", "4:say \"hi\"=3.0", "5:two\nlines=4.0", "8:=5.0");
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsSkipped() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "\uFEFFname,price\nx,1\n");
    assertThat(readNames(f)).containsExactly("2:x=1.0");
  }

  @Test
  void anUnterminatedQuoteIsALocatedOneLineError() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "name,price\na,1\n\"open,2\nb,3\nc,4\n");
    assertThatThrownBy(() -> readNames(f))
        .isInstanceOf(RunDataException.class)
        .hasMessage(
            f
                + ":3: unterminated quoted field (no closing double quote before the end of the"
                + " file)")
        .extracting(e -> ((RunDataException) e).line())
        .isEqualTo(3);
  }

  @Test
  void textAfterAClosingQuoteIsALocatedError() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "name,price\na,1\n\"b\"c,2\n");
    assertThatThrownBy(() -> readNames(f))
        .hasMessageStartingWith(f + ":3: text after a closing quote")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMalformedHeaderIsLocatedToo() throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "name,\"price\n");
    assertThatThrownBy(() -> readNames(f)).hasMessageStartingWith(f + ":1: unterminated quoted");
  }
}
