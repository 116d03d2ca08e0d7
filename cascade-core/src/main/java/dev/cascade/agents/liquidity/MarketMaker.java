package dev.cascade.agents.liquidity;

import dev.cascade.agents.Agent;
import dev.cascade.agents.AgentContext;
import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentSetup;
import dev.cascade.agents.OpenOrders;
import dev.cascade.agents.ParamSpec;
import dev.cascade.cause.CauseKind;
import dev.cascade.kernel.Time;
import dev.cascade.ledger.AccountKind;
import dev.cascade.market.Instrument;
import dev.cascade.market.Side;
import java.util.List;

/**
 * A market maker quoting a ladder on both sides of each of its instruments and requoting every
 * {@code refreshSeconds} and after each of its fills.
 *
 * <p>Around the reference price m (the mid, or the last price when a side is empty), level k
 * (0-based) of the bid is at m (1 - h - k d + s) and of the ask at m (1 + h + k d + s), where h =
 * halfSpreadBps x max(1, sigma / volRef) x stress, d = levelStepBps, and the inventory skew s =
 * -skewBps x q / inventoryLimit leans quotes against the position q. Each level quotes size x
 * min(1, (sigma / volRef)^-kappa) x depthStress lots: depth shrinks as short-term realised vol
 * sigma rises (depth proportional to sigma^-kappa). The side that would push |q| past
 * inventoryLimit is pulled.
 */
public final class MarketMaker implements Agent {
  /** The family as registered: margin accounts (they may be short inventory), 4x gross. */
  public static final AgentFamily FAMILY =
      new AgentFamily(
          "market-maker",
          "two-sided quote ladders; spread widens and depth shrinks with realised vol",
          List.of(
              ParamSpec.real(
                  "halfSpreadBps",
                  "half of the quoted spread in calm markets, bps",
                  1.0,
                  0.01,
                  1000),
              ParamSpec.whole("levels", "price levels quoted per side", 3, 1, 50),
              ParamSpec.real(
                  "levelStepBps", "distance between quoted levels, bps", 1.0, 0.01, 1000),
              ParamSpec.real("size", "lots quoted per level in calm markets", 200, 1, 1e9),
              ParamSpec.real("refreshSeconds", "seconds between requotes", 1.0, 0.001, 3600),
              ParamSpec.real("inventoryLimit", "largest position held, lots", 5000, 1, 1e12),
              ParamSpec.real("skewBps", "quote shift at the inventory limit, bps", 2.0, 0, 1000),
              ParamSpec.real(
                  "volRef", "annualised vol at which quotes are normal, decimal", 0.15, 0.001, 10),
              ParamSpec.real("kappa", "depth elasticity to vol: depth ~ vol^-kappa", 1.0, 0, 10)),
          MarketMaker::new,
          AccountKind.MARGIN,
          4.0);

  private static final int REFRESH = 1;

  private final List<Instrument> instruments;
  private final double halfSpread;
  private final int levels;
  private final double levelStep;
  private final double size;
  private final long refreshNanos;
  private final double inventoryLimit;
  private final double skew;
  private final double volRef;
  private final double kappa;
  private final OpenOrders[] quotes;
  private int cause;

  MarketMaker(AgentSetup s) {
    instruments = s.instruments();
    halfSpread = s.get("halfSpreadBps") / 10_000;
    levels = s.getInt("levels");
    levelStep = s.get("levelStepBps") / 10_000;
    size = s.get("size");
    refreshNanos = Time.seconds(s.get("refreshSeconds"));
    inventoryLimit = s.get("inventoryLimit");
    skew = s.get("skewBps") / 10_000;
    volRef = s.get("volRef");
    kappa = s.get("kappa");
    quotes = new OpenOrders[instruments.size()];
    for (int k = 0; k < quotes.length; k++) {
      quotes[k] = new OpenOrders(2 * levels);
    }
  }

  @Override
  public void start(AgentContext ctx) {
    cause = ctx.routineCause(CauseKind.QUOTE);
    ctx.wakeOnFills(true);
    ctx.wakeIn(0, REFRESH);
  }

  @Override
  public void wake(AgentContext ctx, int tag) {
    long nextWake = Long.MAX_VALUE;
    for (int k = 0; k < instruments.size(); k++) {
      Instrument ins = instruments.get(k);
      if (!ctx.isOpen(ins)) {
        nextWake = Math.min(nextWake, ctx.nextOpen(ins));
        continue;
      }
      requote(ctx, ins, quotes[k]);
    }
    if (tag == REFRESH) {
      long jitter = (long) (refreshNanos * 0.2 * ctx.random().nextDouble());
      ctx.wakeAt(Math.min(nextWake, ctx.now() + refreshNanos + jitter), REFRESH);
    }
  }

  private void requote(AgentContext ctx, Instrument ins, OpenOrders mine) {
    mine.cancelAll(ctx);
    double ref = ctx.mid(ins);
    double volRatio = Math.max(1e-3, ctx.realizedVol(ins) / volRef);
    double h = halfSpread * Math.max(1, volRatio) * ctx.spreadStress(ins);
    double depthFactor = Math.min(1, Math.pow(volRatio, -kappa)) * ctx.depthStress(ins);
    long lots = Math.max(1, Math.round(size * depthFactor));
    long q = ctx.position(ins);
    double s = -skew * Math.max(-1, Math.min(1, q / inventoryLimit));
    boolean bidAllowed = q + lots <= inventoryLimit;
    boolean askAllowed = q - lots >= -inventoryLimit;
    for (int lvl = 0; lvl < levels; lvl++) {
      double off = h + lvl * levelStep;
      long bid = (long) Math.floor(ref * (1 - off + s));
      long ask = (long) Math.ceil(ref * (1 + off + s));
      if (ask <= bid) {
        ask = bid + 1;
      }
      if (bidAllowed && bid >= 1) {
        long id = ctx.limit(ins, Side.BUY, bid, lots, cause);
        if (id > 0) {
          mine.add(id);
        }
      }
      if (askAllowed) {
        long id = ctx.limit(ins, Side.SELL, ask, lots, cause);
        if (id > 0) {
          mine.add(id);
        }
      }
    }
  }
}
