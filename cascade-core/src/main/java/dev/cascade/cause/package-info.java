/**
 * Provenance: why each order was sent. Every order carries the id of a cause; a cause has a kind,
 * the agent that acted, the time and the parent cause that led to it (shock -> margin call ->
 * liquidation -> ...). Cause ids are plain {@code int}s so the market can carry them without
 * knowing this package's types.
 *
 * <p>This package sits just above {@code kernel} in the dependency order (rather than after {@code
 * scenario}) because every order in {@code market} carries a cause.
 */
package dev.cascade.cause;
