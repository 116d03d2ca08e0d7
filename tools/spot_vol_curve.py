#!/usr/bin/env python3
"""The S&P 500's spot-vol curve: mean daily log VIX change in bins of the daily S&P 500 return,
and a convex response f(R) fitted to it (docs/model.md §9, docs/validation.md).

Usage: python3 tools/spot_vol_curve.py [SP500_CSV] [VIX_CSV]
Defaults: data/sp500_daily_ohlcv_2000-2020_vega.csv and data/vix_daily_cboe.csv
(sources in data/SOURCES.md). Python 3, standard library only.

R is the simple close-to-close return of the S&P 500 (0.01 = +1%), y = ln(VIX_t / VIX_{t-1}) of
the same closes. Prints, for each bin of R: the number of days, the mean of y with its standard
error (sample standard deviation / sqrt(n)), the mean of R, and the largest down days. Then fits
by least squares on the daily pairs, with no intercept (f(0) = 0, so a flat day leaves the index
where it was):

    f(R) = b1 R + b2 R^2   for R < 0      (down days)
    f(R) = u1 R            for R >= 0     (up days)

with standard errors from the OLS residual variance, over all days and over days starting with the
VIX at 15-25. Over all days the fitted b2 is negative (concave) although within each level of the
VIX the response is convex: big falls come when the VIX is already high, where the same fall moves
its log less. So the surface's rule lets the slopes depend on the previous close's level,
L = ln(VIX_0 / 19.44):

    f(R) = min(b1 + b3 L, 0) R + b2 R^2   for R < 0
    f(R) = min(u1 + u3 L, 0) R            for R >= 0

fitted the same way over all days (derivatives.SpotVolCurve.fitted() holds these numbers); the
table after it compares the rule with the data by bin and starting level.

What the rule leaves unexplained, e = y - f(R), is the VIX's own news. Its variance grows with the
day's move; the script fits e^2 = s0^2 + k^2 R^2 by least squares over all days and compares the
model's standard deviation with the data's by bin of |R| (the surface draws e with this variance,
docs/model.md §9).
"""
import csv
import math
import sys

# The reference level of the fit: the mean VIX close 1990-2026 (docs/model.md §9, theta).
REFERENCE_VIX = 19.44

BINS = [
    (-1.0, -0.04, "< -4%"),
    (-0.04, -0.03, "-4..-3%"),
    (-0.03, -0.02, "-3..-2%"),
    (-0.02, -0.01, "-2..-1%"),
    (-0.01, 0.0, "-1..0%"),
    (0.0, 0.01, "0..1%"),
    (0.01, 0.02, "1..2%"),
    (0.02, 1.0, "> 2%"),
]


def load(spx_path, vix_path):
    vix = {}
    for r in csv.DictReader(open(vix_path)):
        try:
            vix[r["DATE"]] = float(r["CLOSE"])
        except ValueError:
            pass
    spx = [(r["date"], float(r["close"])) for r in csv.DictReader(open(spx_path))]
    rows = []
    for (d0, p0), (d1, p1) in zip(spx, spx[1:]):
        if d0 in vix and d1 in vix:
            rows.append((d1, p1 / p0 - 1, math.log(vix[d1] / vix[d0]), vix[d0], vix[d1]))
    return spx, rows


def mean_se(ys):
    n = len(ys)
    m = sum(ys) / n
    if n < 2:
        return m, float("nan")
    var = sum((y - m) ** 2 for y in ys) / (n - 1)
    return m, math.sqrt(var / n)


def ols_no_intercept(xs_list, ys):
    """Least squares y = X b with no intercept; returns (b, standard errors)."""
    k = len(xs_list[0])
    n = len(ys)
    xtx = [[sum(x[i] * x[j] for x in xs_list) for j in range(k)] for i in range(k)]
    xty = [sum(x[i] * y for x, y in zip(xs_list, ys)) for i in range(k)]
    inv = invert(xtx)
    b = [sum(inv[i][j] * xty[j] for j in range(k)) for i in range(k)]
    res = [y - sum(bi * xi for bi, xi in zip(b, x)) for x, y in zip(xs_list, ys)]
    s2 = sum(e * e for e in res) / (n - k)
    se = [math.sqrt(s2 * inv[i][i]) for i in range(k)]
    return b, se


def invert(a):
    """Gauss-Jordan inverse of a small symmetric positive definite matrix."""
    k = len(a)
    m = [row[:] + [1.0 if i == j else 0.0 for j in range(k)] for i, row in enumerate(a)]
    for i in range(k):
        p = max(range(i, k), key=lambda r: abs(m[r][i]))
        m[i], m[p] = m[p], m[i]
        piv = m[i][i]
        m[i] = [v / piv for v in m[i]]
        for r in range(k):
            if r != i:
                f = m[r][i]
                m[r] = [vr - f * vi for vr, vi in zip(m[r], m[i])]
    return [row[k:] for row in m]


def fit(rows):
    down = [(r, y) for _, r, y, _, _ in rows if r < 0]
    up = [(r, y) for _, r, y, _, _ in rows if r >= 0]
    bd, sd = ols_no_intercept([(r, r * r) for r, _ in down], [y for _, y in down])
    bu, su = ols_no_intercept([(r,) for r, _ in up], [y for _, y in up])
    return bd, sd, bu, su, len(down), len(up)


def fit_with_level(rows, reference):
    """The surface's rule: slopes that depend on the previous close's level, L = ln(VIX_0 / ref).

    down days: f = (b1 + b3 L) R + b2 R^2;  up days: f = (u1 + u3 L) R.
    """
    down = [(r, y, math.log(v / reference)) for _, r, y, v, _ in rows if r < 0]
    up = [(r, y, math.log(v / reference)) for _, r, y, v, _ in rows if r >= 0]
    bd, sd = ols_no_intercept([(r, r * r, r * lv) for r, _, lv in down], [y for _, y, _ in down])
    bu, su = ols_no_intercept([(r, r * lv) for r, _, lv in up], [y for _, y, _ in up])
    return bd, sd, bu, su


def f(r, bd, bu):
    return bd[0] * r + bd[1] * r * r if r < 0 else bu[0] * r


def f_level(r, level, reference, bd, bu):
    lv = math.log(level / reference)
    if r < 0:
        return min(bd[0] + bd[2] * lv, 0.0) * r + bd[1] * r * r
    return min(bu[0] + bu[1] * lv, 0.0) * r


def report(title, rows):
    print(f"\n{title}: {len(rows)} days")
    bd, sd, bu, su, nd, nu = fit(rows)
    print(f"{'bin':>9} {'days':>5} {'mean R':>8} {'mean dlnVIX':>12} {'s.e.':>7} {'f(mean R)':>10}")
    for lo, hi, name in BINS:
        sel = [(r, y) for _, r, y, _, _ in rows if lo <= r < hi]
        if not sel:
            continue
        m, se = mean_se([y for _, y in sel])
        mr = sum(r for r, _ in sel) / len(sel)
        print(f"{name:>9} {len(sel):5d} {100 * mr:7.2f}% {m:+12.4f} {se:7.4f} {f(mr, bd, bu):+10.4f}")
    print(f"down days (n={nd}): f(R) = b1 R + b2 R^2, "
          f"b1 = {bd[0]:.3f} (s.e. {sd[0]:.3f}), b2 = {bd[1]:.2f} (s.e. {sd[1]:.2f})")
    print(f"up days   (n={nu}): f(R) = u1 R, u1 = {bu[0]:.3f} (s.e. {su[0]:.3f})")
    for r in (-0.01, -0.02, -0.04, -0.07):
        print(f"  f({100 * r:+.0f}%) = {f(r, bd, bu):+.4f}  (VIX x {math.exp(f(r, bd, bu)):.3f})")


def intraday(spx_path, vix_path, ref, bd, bu):
    """Does the rule hold within the day? The VIX's intraday high against the rule at the S&P 500's
    intraday low, both from the previous close, days from 2004 (the VIX file's highs and lows are
    the close before that) starting with the VIX at 15-25, by bin of the day's close return."""
    vix = {}
    for r in csv.DictReader(open(vix_path)):
        try:
            vix[r["DATE"]] = (float(r["HIGH"]), float(r["LOW"]), float(r["CLOSE"]))
        except ValueError:
            pass
    spx = [(r["date"], float(r["low"]), float(r["close"])) for r in csv.DictReader(open(spx_path))]
    days = []
    for (d0, _, c0), (d1, low1, c1) in zip(spx, spx[1:]):
        if d1 < "2004" or d0 not in vix or d1 not in vix:
            continue
        v0 = vix[d0][2]
        if 15 <= v0 <= 25:
            days.append((c1 / c0 - 1, low1 / c0 - 1, math.log(vix[d1][0] / v0), v0))
    print(f"\nwithin the day, {len(days)} days from 2004 starting at VIX 15-25: mean ln(VIX high / "
          "previous close) against the rule at the S&P 500's low of the day")
    print(f"  {'close R':>9} {'days':>5} {'VIX high':>9} {'f(low)':>8}")
    for lo, hi, name in BINS:
        sel = [x for x in days if lo <= x[0] < hi]
        if len(sel) < 3:
            continue
        high = sum(x[2] for x in sel) / len(sel)
        at_low = sum(f_level(x[1], x[3], ref, bd, bu) for x in sel) / len(sel)
        print(f"  {name:>9} {len(sel):5d} {high:+9.3f} {at_low:+8.3f}")


def main():
    spx_path = sys.argv[1] if len(sys.argv) > 1 else "data/sp500_daily_ohlcv_2000-2020_vega.csv"
    vix_path = sys.argv[2] if len(sys.argv) > 2 else "data/vix_daily_cboe.csv"
    spx, rows = load(spx_path, vix_path)
    print(f"{len(rows)} day pairs, {spx[0][0]} to {spx[-1][0]}")
    report("all days", rows)
    report("days starting with the VIX at 15-25", [x for x in rows if 15 <= x[3] <= 25])
    ref = REFERENCE_VIX
    bd, sd, bu, su = fit_with_level(rows, ref)
    print(f"\nsurface rule, slopes depending on L = ln(VIX_0 / {ref}) (the previous close), all days:")
    print(f"  down: f = (b1 + b3 L) R + b2 R^2, b1 = {bd[0]:.3f} (s.e. {sd[0]:.3f}), "
          f"b2 = {bd[1]:.2f} (s.e. {sd[1]:.2f}), b3 = {bd[2]:.3f} (s.e. {sd[2]:.3f})")
    print(f"  up:   f = (u1 + u3 L) R,         u1 = {bu[0]:.3f} (s.e. {su[0]:.3f}), "
          f"u3 = {bu[1]:.3f} (s.e. {su[1]:.3f})")
    print("  (each slope capped at 0: a fall never lowers the level, a rally never raises it)")
    print(f"  {'VIX_0':>6} " + " ".join(f"{'f(' + format(100 * r, '+.0f') + '%)':>9}"
                                         for r in (-0.07, -0.04, -0.02, -0.01, 0.01, 0.02)))
    for v in (12, 15, 20, 25, 30, 40, 60):
        print(f"  {v:6.1f} " + " ".join(f"{f_level(r, v, ref, bd, bu):+9.4f}"
                                         for r in (-0.07, -0.04, -0.02, -0.01, 0.01, 0.02)))
    print("\n  by bin and starting level, data mean (s.e.) | rule at the bin's mean R and VIX_0:")
    for lo_v, hi_v in ((0, 15), (15, 25), (25, 35), (35, 1000)):
        sub = [x for x in rows if lo_v <= x[3] < hi_v]
        print(f"  VIX_0 in [{lo_v}, {hi_v if hi_v < 1000 else 'inf'}): {len(sub)} days")
        for lo, hi, name in BINS:
            sel = [x for x in sub if lo <= x[1] < hi]
            if len(sel) < 2:
                continue
            m, se = mean_se([x[2] for x in sel])
            mr = sum(x[1] for x in sel) / len(sel)
            mv = math.exp(sum(math.log(x[3]) for x in sel) / len(sel))
            print(f"    {name:>9} {len(sel):5d} {m:+8.4f} ({se:.4f}) | {f_level(mr, mv, ref, bd, bu):+8.4f}")
    res = [(r, y - f_level(r, v, ref, bd, bu)) for _, r, y, v, _ in rows]
    br, sr = ols_no_intercept([(1.0, r * r) for r, _ in res], [e * e for _, e in res])
    print(f"\nresidual e = y - f: e^2 = s0^2 + k^2 R^2 over all days: s0^2 = {br[0]:.5f} "
          f"(s.e. {sr[0]:.5f}), k^2 = {br[1]:.3f} (s.e. {sr[1]:.3f}); "
          f"s0 = {math.sqrt(br[0]):.4f}, k = {math.sqrt(max(br[1], 0)):.3f}")
    print(f"  {'|R|':>9} {'days':>5} {'sd of e':>8} {'model':>8}")
    for lo, hi, name in ((0, 0.005, "0-0.5%"), (0.005, 0.01, "0.5-1%"), (0.01, 0.02, "1-2%"),
                         (0.02, 0.04, "2-4%"), (0.04, 1, "> 4%")):
        sel = [(r, e) for r, e in res if lo <= abs(r) < hi]
        data_sd = math.sqrt(sum(e * e for _, e in sel) / len(sel))
        model_sd = math.sqrt(br[0] + br[1] * sum(r * r for r, _ in sel) / len(sel))
        print(f"  {name:>9} {len(sel):5d} {data_sd:8.4f} {model_sd:8.4f}")
    intraday(spx_path, vix_path, ref, bd, bu)
    print("\nlargest down days (S&P return, VIX before -> after, log change):")
    for d, r, y, v0, v1 in sorted(rows, key=lambda x: x[1])[:12]:
        print(f"  {d} {100 * r:+6.2f}%  {v0:6.2f} -> {v1:6.2f}  {y:+.3f}")


if __name__ == "__main__":
    main()
