/**
 * Instruments, limit order books and the exchange that routes orders to them. Prices are {@code
 * long} ticks and quantities {@code long} lots: no floating point in matching. Settlement of fills
 * and buying-power checks are delegated to a {@link dev.cascade.market.Clearing}, which the ledger
 * implements, so this package knows nothing of accounts beyond their integer ids.
 */
package dev.cascade.market;
