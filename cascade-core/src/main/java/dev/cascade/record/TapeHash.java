package dev.cascade.record;

import dev.cascade.market.Instrument;
import dev.cascade.market.MarketListener;
import dev.cascade.market.Side;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest of the tape: every trade (time, instrument, price, quantity, aggressor, buyer,
 * seller, and both causes) and every halt, in order. Two runs with the same scenario and seed must
 * give the same hash on any machine.
 */
public final class TapeHash implements MarketListener {
  private final MessageDigest digest;
  private final ByteBuffer buf = ByteBuffer.allocate(64);
  private long trades;

  public TapeHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
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
    buf.clear();
    buf.put((byte) 'T')
        .putLong(time)
        .putInt(instrument.id())
        .putLong(price)
        .putLong(qty)
        .put((byte) aggressor.ordinal())
        .putInt(buyAccount)
        .putInt(sellAccount)
        .putInt(buyCause)
        .putInt(sellCause);
    buf.flip();
    digest.update(buf);
    trades++;
  }

  @Override
  public void onHalt(long time, Instrument instrument, long untilNanos, String reason) {
    buf.clear();
    buf.put((byte) 'H').putLong(time).putInt(instrument.id()).putLong(untilNanos);
    buf.flip();
    digest.update(buf);
  }

  public long trades() {
    return trades;
  }

  /** The hash so far, as 64 hex digits (the digest of a copy, so recording can go on). */
  public String hex() {
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable in the JDK", e);
    }
  }
}
