package dev.cascade.analytics;

/**
 * The strike carrying the largest gamma exposure of one option type at the current spot: the "call
 * wall" (often read as resistance) or "put wall" (support).
 *
 * @param strike dollars
 * @param exposure unsigned gamma exposure of that type at that strike, dollars per 1% move
 */
public record GammaWall(double strike, double exposure) {}
