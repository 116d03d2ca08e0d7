/**
 * Streaming recorders of what a run did: the tape hash, trades, one-minute bars, spread and depth
 * samples, halts. They listen to the exchange and sample the books; none of them acts on the
 * market.
 */
package dev.cascade.record;
