package dev.cascade.derivatives;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an option chain in CBOE's legacy "quote table" download layout (as in {@code
 * data/spx_options_2011-01-24_raw_cboe_format.csv}). Never throws for bad input: every problem is a
 * {@link ChainLoadError} with its line.
 *
 * <pre>
 * line 1: SPX (S&amp;P 500 INDEX),1290.59,+7.24,          underlying (name), spot, change
 * line 2: Jan 24 2011 @ 14:03 ET,                       valuation instant, US Eastern
 * line 3: Calls,Last Sale,Net,Bid,Ask,Vol,Open Int,Puts,Last Sale,Net,Bid,Ask,Vol,Open Int,
 * then:   call name, last, net, bid, ask, volume, open interest, put name, ... (same seven)
 * name:   "11 Jan 1075.00 (SPXW1128A1075-E)"  =  YY Mon strike (ROOT YY DD M strike-exchange)
 * </pre>
 *
 * The code in parentheses gives the expiry: 2-digit year, 2-digit day and a month letter, A-L for
 * calls January-December and M-X for puts (the OCC/OPRA pre-2010 month codes). Before 2015 the
 * standard SPX options were dated the Saturday after the third Friday; they settle at Friday's
 * open, so a Saturday date is moved to the Friday. Settlement time: 09:30 ET for the AM-settled
 * root {@code SPX}, 16:00 ET for every other root ({@code SPXW}, {@code SPXPM}: PM-settled).
 *
 * <p>Errors quote the file's text only once line 3 has shown it to be a quote table (its header is
 * CBOE's): a file named by mistake (a password file, another CSV) is reported without its lines.
 */
public final class CboeChainCsv {
  private static final Pattern NAME =
      Pattern.compile(
          "(\\d{2}) ([A-Z][a-z]{2}) (\\d+(?:\\.\\d+)?) \\(([A-Z]+)(\\d{2})(\\d{2})([A-X])(\\d+)(?:-[A-Z]+)?\\)");
  private static final DateTimeFormatter VALUATION =
      DateTimeFormatter.ofPattern("MMM d yyyy '@' HH:mm", Locale.US);
  private static final String HEADER_START = "Calls,Last Sale,Net,Bid,Ask,Vol,Open Int,Puts";
  private static final LocalTime AM_SETTLEMENT = LocalTime.of(9, 30);
  private static final LocalTime PM_SETTLEMENT = LocalTime.of(16, 0);

  /** Files larger than this (64 MiB) are refused unread; the SPX chain of 2011 is 115 KB. */
  public static final long MAX_BYTES = 64L << 20;

  private CboeChainCsv() {}

  /**
   * Reads the file: a regular file (a symbolic link is followed) of at most {@link #MAX_BYTES}; an
   * unreadable file is an error on line 0.
   */
  public static ChainLoad read(Path file) {
    List<String> lines;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return failed(file + " is not a regular file");
      }
      if (a.size() > MAX_BYTES) {
        return failed(
            String.format(
                Locale.ROOT,
                "%s is %,d bytes; the limit is %,d (64 MiB)",
                file,
                a.size(),
                MAX_BYTES));
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      return failed(file + " is not UTF-8 text (a CSV file is expected)");
    } catch (java.nio.file.NoSuchFileException e) {
      return failed(file + " does not exist");
    } catch (java.nio.file.AccessDeniedException e) {
      return failed(file + " cannot be read (permission denied)");
    } catch (IOException | RuntimeException e) {
      return failed("cannot read " + file + ": " + e.getMessage());
    }
    return parse(lines);
  }

  private static ChainLoad failed(String why) {
    return new ChainLoad(Optional.empty(), List.of(new ChainLoadError(0, why)));
  }

  /** Parses the lines of a chain file, dealers on the {@link DealerConvention#standard()} sides. */
  public static ChainLoad parse(List<String> lines) {
    List<ChainLoadError> errors = new ArrayList<>();
    if (lines.size() < 3) {
      errors.add(
          new ChainLoadError(
              0,
              "expected 3 header lines (underlying and spot, date, column names); got "
                  + lines.size()));
      return new ChainLoad(Optional.empty(), errors);
    }
    if (!lines.get(2).startsWith(HEADER_START)) {
      // Not a quote table: say so, and quote none of its lines.
      errors.add(
          new ChainLoadError(
              3,
              "expected the header '"
                  + HEADER_START
                  + ",...' of a CBOE quote table; this file's lines are not shown"));
      return new ChainLoad(Optional.empty(), errors);
    }
    String[] first = lines.get(0).split(",", -1);
    String underlying = first[0].split(" ")[0].trim();
    double spot = first.length > 1 ? number(first[1]) : Double.NaN;
    if (underlying.isEmpty() || !(spot > 0) || Double.isInfinite(spot)) {
      errors.add(
          new ChainLoadError(
              1,
              "expected 'UNDERLYING (name),spot,...' with a positive spot; got '"
                  + shown(lines.get(0))
                  + "'"));
    }
    LocalDateTime valuation = null;
    String dateText = lines.get(1).split(",", -1)[0].replace(" ET", "").trim();
    try {
      valuation = LocalDateTime.parse(dateText, VALUATION);
    } catch (DateTimeParseException e) {
      errors.add(
          new ChainLoadError(
              2,
              "expected a date like 'Jan 24 2011 @ 14:03 ET'; got '" + shown(lines.get(1)) + "'"));
    }
    if (!errors.isEmpty()) {
      return new ChainLoad(Optional.empty(), errors);
    }
    List<OptionContract> contracts = new ArrayList<>();
    for (int i = 3; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNo = i + 1;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length < 14) {
        errors.add(
            new ChainLoadError(lineNo, "expected 14 fields (7 call, 7 put); got " + f.length));
        continue;
      }
      int before = errors.size();
      OptionContract call = contract(f, 0, OptionType.CALL, lineNo, errors);
      OptionContract put = contract(f, 7, OptionType.PUT, lineNo, errors);
      if (errors.size() == before) {
        contracts.add(call);
        contracts.add(put);
      }
    }
    if (contracts.isEmpty()) {
      errors.add(new ChainLoadError(0, "no option rows after the header"));
      return new ChainLoad(Optional.empty(), errors);
    }
    return new ChainLoad(
        Optional.of(
            new OpenInterestBook(
                underlying, spot, valuation, contracts, DealerConvention.standard())),
        errors);
  }

  private static OptionContract contract(
      String[] f, int at, OptionType expected, int lineNo, List<ChainLoadError> errors) {
    String name = f[at].trim();
    Matcher m = NAME.matcher(name);
    String side = expected == OptionType.CALL ? "call" : "put";
    if (!m.matches()) {
      errors.add(
          new ChainLoadError(
              lineNo,
              side + " name '" + name + "' is not like '11 Jan 1075.00 (SPXW1128A1075-E)'"));
      return null;
    }
    char monthCode = m.group(7).charAt(0);
    OptionType type = monthCode <= 'L' ? OptionType.CALL : OptionType.PUT;
    int month = (type == OptionType.CALL ? monthCode - 'A' : monthCode - 'M') + 1;
    if (type != expected) {
      errors.add(
          new ChainLoadError(
              lineNo, side + " '" + name + "' has month code " + monthCode + " of a " + type));
      return null;
    }
    if (!m.group(1).equals(m.group(5))) {
      errors.add(
          new ChainLoadError(lineNo, side + " '" + name + "': year in name and code differ"));
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.of(2000 + Integer.parseInt(m.group(5)), month, Integer.parseInt(m.group(6)));
    } catch (DateTimeException e) {
      errors.add(new ChainLoadError(lineNo, side + " '" + name + "': no such expiry date"));
      return null;
    }
    if (!date.getMonth()
        .getDisplayName(java.time.format.TextStyle.SHORT, Locale.US)
        .equals(m.group(2))) {
      errors.add(
          new ChainLoadError(lineNo, side + " '" + name + "': month in name and code differ"));
      return null;
    }
    String root = m.group(4);
    if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
      date = date.minusDays(1);
    }
    LocalDateTime expiry = date.atTime(root.equals("SPX") ? AM_SETTLEMENT : PM_SETTLEMENT);
    double strike = number(m.group(3));
    double bid = number(f[at + 3]);
    double ask = number(f[at + 4]);
    double oi = number(f[at + 6]);
    String bad =
        !(strike > 0)
            ? "strike"
            : !(bid >= 0)
                ? "bid"
                : !(ask >= 0) ? "ask" : !(oi >= 0) || oi != Math.rint(oi) ? "open interest" : null;
    if (bad != null) {
      errors.add(new ChainLoadError(lineNo, side + " '" + name + "': bad " + bad));
      return null;
    }
    String symbol = name.substring(name.indexOf('(') + 1, name.length() - 1);
    return new OptionContract(symbol, type, strike, expiry, (long) oi, bid, ask);
  }

  /** A line as quoted in an error: at most 80 characters. */
  private static String shown(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  /** The number in a field ("+7.24", "1290.59", "15535"), NaN when it is not one. */
  private static double number(String s) {
    try {
      double x = Double.parseDouble(s.trim());
      return Double.isFinite(x) ? x : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
