package dev.cascade.agents.liquidity;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.ParamSpec;
import dev.cascade.agents.ValueShockCauses;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Time;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * Latent liquidity: the slow buyers and sellers whose interest is not in the book until the price
 * comes to them, after the latent order book of Toth et al. (2011) and Donier, Bonart, Mastromatteo
 * and Bouchaud (2015). Near the price the latent book's density vanishes linearly, L |x| lots per
 * percent at a distance of x percent, so a metaorder of Q lots executed faster than the book's
 * memory moves the price by sqrt(2 Q / L) percent: the square-root law.
 *
 * <p>Each agent's centre c is the fundamental value V (so news moves it at once), and it holds a
 * reference position q. Its demand at price p is
 *
 * <pre>
 *   target(p) = q + sign(c - p) (L / 2) (100 ln(c / p))^2
 * </pre>
 *
 * and at each look it shows that curve in the book: a bid for {@code size} lots at the price where
 * the target is position + size, an offer at the price where it is position - size. Between looks
 * the book forgets at the rate 1 / {@code memoryMinutes}: with w = 1 - exp(-dt / memory), q moves w
 * of the way to the current position, so what was filled is no longer wanted and the latent book
 * re-forms at value. (A centre that followed the traded price instead was tried and left out:
 * docs/model.md §5, "Limits of the liquidity model".)
 *
 * <p>With {@code volRef} > 0 the depth is L min(1, (volRef / sigma)^2), sigma the exchange's
 * short-term realised volatility: the square-root law's own scaling, L = 2 V / (Y sigma)^2, read
 * with the current volatility, so latent liquidity thins as a market turns volatile. Long only in a
 * cash account.
 */
public final class LatentLiquidity implements Agent {
  /** The family as registered. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "latent-liquidity",
          "slow buyers and sellers whose latent book deepens linearly away from the price (the"
              + " square-root law of impact)",
          List.of(
              ParamSpec.real("rate", "looks per second", 0.1, 1e-6, 1000),
              ParamSpec.real(
                  "depth",
                  "L: latent lots per percent per percent of distance from the centre",
                  10_000,
                  1e-6,
                  1e12),
              ParamSpec.real(
                  "memoryMinutes", "time over which the latent book re-forms", 60, 0.1, 1e6),
              ParamSpec.real("size", "lots shown on each side", 100, 1, 1e9),
              ParamSpec.real(
                  "volRef",
                  "annualised vol above which the latent book thins as (volRef / realised vol)^2,"
                      + " decimal (0: never)",
                  0,
                  0,
                  10),
              ParamSpec.real("maxPosition", "largest position, lots", 1e9, 0, 1e12)),
          LatentLiquidity::new);

  private final List<Instrument> instruments;
  private final double rate;
  private final double depth;
  private final double memoryNanos;
  private final long size;
  private final double maxPosition;
  private final double volRef;
  private double[] reference;
  private long[] updated;
  private long[] bidId;
  private long[] askId;
  private ValueShockCauses causes;

  LatentLiquidity(AgentSetup s) {
    instruments = s.instruments();
    rate = s.get("rate");
    depth = s.get("depth");
    memoryNanos = s.get("memoryMinutes") * Time.NANOS_PER_MINUTE;
    size = s.getLong("size");
    maxPosition = s.get("maxPosition");
    volRef = s.get("volRef");
  }

  @Override
  public void start(AgentContext ctx) {
    causes = new ValueShockCauses(instruments, ctx.routineCause(CauseKind.FUNDAMENTAL), "latent");
    int n = instruments.size();
    reference = new double[n];
    updated = new long[n];
    bidId = new long[n];
    askId = new long[n];
    for (int k = 0; k < n; k++) {
      reference[k] = ctx.position(instruments.get(k));
      updated[k] = ctx.now();
    }
    ctx.wakePoisson(rate, 0);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    ctx.wakePoisson(rate, 0);
    for (int k = 0; k < instruments.size(); k++) {
      Instrument ins = instruments.get(k);
      if (ctx.isOpen(ins)) {
        requote(ctx, ins, k);
      }
    }
  }

  private void requote(AgentContext ctx, Instrument ins, int k) {
    double value = ctx.fundamentalValue(ins);
    long pos = ctx.position(ins);
    long now = ctx.now();
    double w = -StrictMath.expm1(-(now - updated[k]) / memoryNanos);
    reference[k] += w * (pos - reference[k]);
    updated[k] = now;
    double centre = value;
    double l = volRef > 0 ? effectiveDepth(depth, volRef, ctx.realizedVol(ins)) : depth;
    int cause = causes.causeFor(ctx, k);
    cancel(ctx, bidId, k);
    cancel(ctx, askId, k);
    long buy = Math.min(size, (long) maxPosition - pos);
    if (buy > 0) {
      long px = (long) Math.floor(price(centre, reference[k], l, pos + buy));
      if (px >= 1) {
        bidId[k] = Math.max(0, ctx.limit(ins, Side.BUY, px, buy, cause));
      }
    }
    long sell = Math.min(size, pos);
    if (sell > 0) {
      long px = (long) Math.ceil(price(centre, reference[k], l, pos - sell));
      askId[k] = Math.max(0, ctx.limit(ins, Side.SELL, px, sell, cause));
    }
  }

  /** The depth at realised volatility {@code sigma}: L min(1, (volRef / sigma)^2). */
  static double effectiveDepth(double depth, double volRef, double sigma) {
    double ratio = volRef / Math.max(1e-9, sigma);
    return depth * Math.min(1, ratio * ratio);
  }

  /**
   * The inverse of the demand: the price (ticks) at which the target is {@code position}, c exp(-
   * sign(u) sqrt(2 |u| / L) / 100) with u = position - reference.
   */
  static double price(double centre, double reference, double depth, double position) {
    double u = position - reference;
    double d = Math.sqrt(2 * Math.abs(u) / depth) / 100;
    return centre * StrictMath.exp(-Math.signum(u) * d);
  }

  private static void cancel(AgentContext ctx, long[] ids, int k) {
    if (ids[k] != 0 && ctx.openQty(ids[k]) > 0) {
      ctx.cancel(ids[k]);
    }
    ids[k] = 0;
  }
}
