package dev.cascade.cli;

import dev.cascade.agents.World;
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
 * aggressor side, buyer and seller agent ids, and the cause kind and id of each side's order.
 */
final class TradeCsvWriter implements MarketListener {
  static final String HEADER =
      "time,timeNanos,symbol,price,qty,notional,aggressor,buyer,seller,buyCause,buyCauseId,"
          + "sellCause,sellCauseId\n";

  private final Writer out;
  private final World world;
  private final CauseLog causes;
  private final StringBuilder line = new StringBuilder(160);

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
    line.append(Time.format(time))
        .append(',')
        .append(time)
        .append(',')
        .append(instrument.symbol())
        .append(',')
        .append(instrument.tickSize().multiply(java.math.BigDecimal.valueOf(price)).toPlainString())
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
        .append(causes.kind(buyCause).label())
        .append(',')
        .append(buyCause)
        .append(',')
        .append(causes.kind(sellCause).label())
        .append(',')
        .append(sellCause)
        .append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Micro-units as currency units with two decimals (rounded down to the cent). */
  private static String cents(long micro) {
    long c = Math.floorDiv(micro, 10_000);
    long frac = Math.floorMod(c, 100);
    return Math.floorDiv(c, 100) + (frac < 10 ? ".0" : ".") + frac;
  }

  private String agent(int account) {
    int a = world.agentOfAccount(account);
    return a < 0 ? world.ledger().name(account) : world.agentId(a);
  }
}
