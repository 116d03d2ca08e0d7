#!/usr/bin/env python3
"""The simulated daily spot-vol relation of Cascade runs, next to the real one.

Usage: python3 tools/vix_run_relation.py [--underlying SPY] RUN_DIR [RUN_DIR ...]
Each RUN_DIR is the output of `cascade run` (bars-1m.csv, vix.csv, summary.json). Python 3,
standard library only.

For each run: the VIX-style index's start, maximum and end (summary.json dealers[]), and one pair
per session close after the first: R = the underlying's close-to-close simple return (last 1-minute
bar of each UTC date), y = ln(index at that close / index at the previous close), the index at a
close being its last sample at or before the close's bar ends. Then the pairs pooled over runs, in
the bins of tools/spot_vol_curve.py, with the mean and standard error of y, next to the real bin
means over days starting with the VIX at 15-25 (recomputed from the shipped data files) and the
fitted rule at the simulated days' returns and starting levels. Also the
mean change of the underlying and QQQ over the runs and the number of halts and pauses. Last,
within the day: the index's highest sample in each day against the rule at the underlying's low of
that day, both from the previous close, by bin of the close return (the real days' same figures
are printed by tools/spot_vol_curve.py).
"""
import csv
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spot_vol_curve  # noqa: E402


# the all-days fit of tools/spot_vol_curve.py (derivatives.SpotVolCurve.fitted())
B_DOWN = (-5.653, 43.51, 6.592)
B_UP = (-4.932, 2.564)


def closes(run, underlying):
    last = {}
    for r in csv.DictReader(open(os.path.join(run, "bars-1m.csv"))):
        if r["symbol"] == underlying:
            last[r["time"][:10]] = (r["time"], float(r["close"]))
    vix = [(r["time"], float(r["vix"])) for r in csv.DictReader(open(os.path.join(run, "vix.csv")))
           if r["underlying"] == underlying]
    out = []
    for day in sorted(last):
        t, px = last[day]
        # bar times are bar starts: the bar ends a minute later; ISO strings compare in time order
        end = t[:14] + f"{int(t[14:16]) + 1:02d}" + t[16:] if t[14:16] != "59" else t
        v = [x for tt, x in vix if tt <= end]
        if v:
            out.append((day, px, v[-1]))
    return out


def intraday(run, underlying):
    """Per day after the first: (close-to-close return, return to the day's low, ln(the index's
    highest sample in the day / the index at the previous close), the index at the previous close)."""
    bars = [(r["time"], float(r["low"]), float(r["close"]))
            for r in csv.DictReader(open(os.path.join(run, "bars-1m.csv")))
            if r["symbol"] == underlying]
    vix = [(r["time"], float(r["vix"])) for r in csv.DictReader(open(os.path.join(run, "vix.csv")))
           if r["underlying"] == underlying]
    c = closes(run, underlying)
    out = []
    for (d0, p0, v0), (d1, p1, _) in zip(c, c[1:]):
        low = min(lo for t, lo, _ in bars if d0 < t[:10] <= d1)
        high = max([v for t, v in vix if d0 < t[:10] <= d1], default=v0)
        out.append((p1 / p0 - 1, low / p0 - 1, math.log(high / v0), v0))
    return out


def main():
    args = sys.argv[1:]
    underlying = "SPY"
    if len(args) >= 2 and args[0] == "--underlying":
        underlying, args = args[1], args[2:]
    if not args:
        sys.exit("usage: vix_run_relation.py [--underlying SYM] RUN_DIR [RUN_DIR ...]")
    pairs = []
    maxes = []
    changes = {}
    highs = []
    halts = 0
    print(f"{'run':>28} {'vixStart':>8} {'vixMax':>7} {'vixEnd':>7}  daily (return%, dlnVIX)")
    for run in args:
        d = [x for x in json.load(open(os.path.join(run, "summary.json")))["dealers"]
             if x["underlying"] == underlying][0]
        maxes.append(d["vixMax"])
        summary = json.load(open(os.path.join(run, "summary.json")))
        for ins in summary["instruments"]:
            changes.setdefault(ins["symbol"], []).append(ins["changePct"])
        halts += len(summary["halts"])
        highs += intraday(run, underlying)
        c = closes(run, underlying)
        day_pairs = [(p1 / p0 - 1, math.log(v1 / v0)) for (_, p0, v0), (_, p1, v1) in zip(c, c[1:])]
        pairs += [(r, y, v0) for (r, y), (_, _, v0) in zip(day_pairs, c)]
        desc = "  ".join(f"({100 * r:+.2f}, {y:+.3f})" for r, y in day_pairs)
        print(f"{os.path.basename(run.rstrip('/')):>28} {d['vixStart']:8.2f} {d['vixMax']:7.2f} "
              f"{d['vixEnd']:7.2f}  {desc}")
    n = len(maxes)
    m, se = spot_vol_curve.mean_se(maxes)
    print(f"\nvixMax over {n} runs: mean {m:.2f} (s.e. {se:.2f}), min {min(maxes):.2f}, max {max(maxes):.2f}")
    for sym in (underlying, "QQQ"):
        if sym in changes and len(changes[sym]) > 1:
            cm, cse = spot_vol_curve.mean_se(changes[sym])
            print(f"{sym} change over the run: mean {cm:+.2f}% (s.e. {cse:.2f})")
    print(f"halts and pauses over the runs: {halts}")
    spx, rows = spot_vol_curve.load("data/sp500_daily_ohlcv_2000-2020_vega.csv", "data/vix_daily_cboe.csv")
    real = [x for x in rows if 15 <= x[3] <= 25]
    print(f"\n{'bin':>9} | {'sim days':>8} {'mean R':>7} {'dlnVIX':>7} {'s.e.':>6} | "
          f"{'real days':>9} {'mean R':>7} {'dlnVIX':>7} {'s.e.':>6} | {'fit':>6}")
    for lo, hi, name in spot_vol_curve.BINS:
        sim = [(r, y) for r, y, _ in pairs if lo <= r < hi]
        fit = [spot_vol_curve.f_level(r, v0, spot_vol_curve.REFERENCE_VIX, B_DOWN, B_UP)
               for r, _, v0 in pairs if lo <= r < hi]
        rl = [(x[1], x[2]) for x in real if lo <= x[1] < hi]
        if not sim:
            continue
        sm, sse = spot_vol_curve.mean_se([y for _, y in sim])
        rm, rse = spot_vol_curve.mean_se([y for _, y in rl]) if rl else (float("nan"),) * 2
        smr = 100 * sum(r for r, _ in sim) / len(sim)
        rmr = 100 * sum(r for r, _ in rl) / len(rl) if rl else float("nan")
        print(f"{name:>9} | {len(sim):8d} {smr:6.2f}% {sm:+7.3f} {sse:6.3f} | "
              f"{len(rl):9d} {rmr:6.2f}% {rm:+7.3f} {rse:6.3f} | {sum(fit) / len(fit):+6.3f}")
    print("(real: days starting with the VIX at 15-25; fit: the surface's f(R) of tools/spot_vol_curve.py"
          " at each simulated day's return and previous close, averaged over the bin)")
    print(f"\nwithin the day: ln(the index's highest sample in the day / the previous close) against the"
          f" fit at the underlying's low of the day, by bin of the close return")
    print(f"{'bin':>9} | {'sim days':>8} {'high':>7} {'f(low)':>7}")
    for lo, hi, name in spot_vol_curve.BINS:
        sim = [x for x in highs if lo <= x[0] < hi]
        if not sim:
            continue
        high = sum(x[2] for x in sim) / len(sim)
        at_low = sum(spot_vol_curve.f_level(x[1], x[3], spot_vol_curve.REFERENCE_VIX, B_DOWN, B_UP)
                     for x in sim) / len(sim)
        print(f"{name:>9} | {len(sim):8d} {high:+7.3f} {at_low:+7.3f}")
    print("(the real days' figures: python3 tools/spot_vol_curve.py, \"within the day\")")


if __name__ == "__main__":
    main()
