/**
 * Streaming recorders of what a run did: the tape hash, one-minute bars, spread and depth samples,
 * halts, and the lots, notional and price impact each cause's orders took. They listen to the
 * exchange and sample the books; none of them acts on the market. What they record is handed on as
 * it completes (to a file, for a run) or summed as it goes, never kept trade by trade, so their
 * memory does not grow with the length of the run.
 */
package dev.cascade.record;
