package dev.cascade.cli;

import dev.cascade.agents.World;
import dev.cascade.cause.CauseKind;
import dev.cascade.cause.CauseLog;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Streams the trade tape to CSV as it happens: time (UTC), symbol, price, quantity in lots, the
 * aggressor side, buyer and seller agent ids, and the cause kind and id of each side's order. Text
 * fields are quoted where they need it ({@link Csv}).
 */
final class TradeCsvWriter implements MarketListener {
  static final String HEADER =
      "time,timeNanos,symbol,price,qty,notional,aggressor,buyer,seller,buyCause,buyCauseId,"
          + "sellCause,sellCauseId\n";

  private final Writer out;
  private final World world;
  private final CauseLog causes;
  private final StringBuilder line = new StringBuilder(160);
  private final Time.IsoFormatter times = new Time.IsoFormatter();
  // Text fields through Commons CSV's quoting, each name checked once (a field per trade through
  // the printer would cost the hot path; the numbers need no quoting).
  private final Csv.Fields symbols = new Csv.Fields();
  private final Csv.Fields agents = new Csv.Fields();
  private static final String[] KIND = kinds();

  TradeCsvWriter(Writer out, World world) throws IOException {
    this.out = out;
    this.world = world;
    this.causes = world.causes();
    out.write(HEADER);
  }

  @Override
  public void onTrade(
      long time,
      Instrument instrument,
      long price,
      long qty,
      Side aggressor,
      int buyAccount,
      int sellAccount,
      int buyCause,
      int sellCause) {
    line.setLength(0);
    times
        .append(line, time)
        .append(',')
        .append(time)
        .append(',')
        .append(symbols.of(instrument.id(), instrument.symbol()))
        .append(',')
        .append(price(instrument, price))
        .append(',')
        .append(qty)
        .append(',')
        .append(cents(price * qty * instrument.cashPerTickLot()))
        .append(',')
        .append(aggressor == Side.BUY ? "buy" : "sell")
        .append(',')
        .append(agent(buyAccount))
        .append(',')
        .append(agent(sellAccount))
        .append(',')
        .append(KIND[causes.kind(buyCause).ordinal()])
        .append(',')
        .append(buyCause)
        .append(',')
        .append(KIND[causes.kind(sellCause).ordinal()])
        .append(',')
        .append(sellCause)
        .append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Each instrument's last traded price and its text: most trades repeat the last price.
  private long[] lastTicks = new long[0];
  private String[] lastText = new String[0];

  /** The price in currency units, as tickSize x ticks in plain decimal. */
  private String price(Instrument instrument, long ticks) {
    int i = instrument.id();
    if (i >= lastTicks.length) {
      int n = Math.max(i + 1, 2 * lastTicks.length);
      lastTicks = java.util.Arrays.copyOf(lastTicks, n);
      lastText = java.util.Arrays.copyOf(lastText, n);
    }
    if (lastText[i] == null || lastTicks[i] != ticks) {
      lastText[i] =
          instrument.tickSize().multiply(java.math.BigDecimal.valueOf(ticks)).toPlainString();
      lastTicks[i] = ticks;
    }
    return lastText[i];
  }

  private static String[] kinds() {
    CauseKind[] k = CauseKind.values();
    String[] f = new String[k.length];
    for (int i = 0; i < k.length; i++) {
      f[i] = Csv.field(k[i].label());
    }
    return f;
  }

  /** Micro-units as currency units with two decimals (rounded down to the cent). */
  private static String cents(long micro) {
    long c = Math.floorDiv(micro, 10_000);
    long frac = Math.floorMod(c, 100);
    return Math.floorDiv(c, 100) + (frac < 10 ? ".0" : ".") + frac;
  }

  /** The buyer's or seller's field: its agent id, or the account's name if no agent owns it. */
  private String agent(int account) {
    int a = world.agentOfAccount(account);
    return agents.of(account, a < 0 ? world.ledger().name(account) : world.agentId(a));
  }
}
