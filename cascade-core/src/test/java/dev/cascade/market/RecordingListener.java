package dev.cascade.market;

import java.util.ArrayList;
import java.util.List;

/** A {@link BookListener} that keeps every callback, in order, as a value that can be compared. */
final class RecordingListener implements BookListener {
  /** One {@link BookListener#onTrade} call. */
  record Trade(
      long price,
      long qty,
      Side aggressor,
      long makerOrderId,
      int makerAccount,
      int makerCause,
      long takerOrderId,
      int takerAccount,
      int takerCause,
      long makerRemaining) {}

  /** One {@link BookListener#onCancel} call. */
  record Cancel(long orderId, int account, Side side, long price, long qty, CancelReason reason) {}

  final List<Object> events = new ArrayList<>();

  @Override
  public void onTrade(
      long price,
      long qty,
      Side aggressor,
      long makerOrderId,
      int makerAccount,
      int makerCause,
      long takerOrderId,
      int takerAccount,
      int takerCause,
      long makerRemaining) {
    events.add(
        new Trade(
            price,
            qty,
            aggressor,
            makerOrderId,
            makerAccount,
            makerCause,
            takerOrderId,
            takerAccount,
            takerCause,
            makerRemaining));
  }

  @Override
  public void onCancel(
      long orderId, int account, Side side, long price, long qty, CancelReason reason) {
    events.add(new Cancel(orderId, account, side, price, qty, reason));
  }

  /** The events recorded since the last call, and forgets them. */
  List<Object> drain() {
    List<Object> out = new ArrayList<>(events);
    events.clear();
    return out;
  }
}
