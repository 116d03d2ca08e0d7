#!/usr/bin/env python3
"""The leverage effect of a daily price series: how a day's return moves the variance of the days
after it (docs/model.md §4, "Leverage"; docs/validation.md).

Usage: python3 tools/leverage_effect.py [CSV] [--column NAME] [--max-lag DAYS]
Default: data/sp500_daily_ohlcv_2000-2020_vega.csv, column close (sources in data/SOURCES.md).
Python 3, standard library only.

With r_t the daily log return, the leverage function of Bouchaud, Matacz and Potters (2001,
Phys. Rev. Lett. 87, 228701) is

    L(tau) = mean(r_t r_{t+tau}^2) / mean(r^2)^2

(per unit of return: L = -18 means a 1% fall raises the next days' variance by about 18%). They
fit L(tau) = -A exp(-tau / T) for tau >= 1 day and find, on US stocks, A about 2 and T about 50
days, and on stock indices a larger, faster effect. The script fits the same form by least
squares over tau = 1..max-lag (T on a grid of 0.1 day, A in closed form for each T) and gives each
figure's standard error by the delete-one-year jackknife over the calendar years of the series.

L measures the response to small moves. For large ones the script measures how a day's return r_t
moves the log of realised variance, y_t = ln(mean of r^2 over the next 5 days / mean over the
previous 20), and keeps the part that changes sign with r_t (the leverage effect; the symmetric
part, big moves of either sign followed by more volatility, is the clustering the news flow's
activity already carries): D(m) = (mean y after falls of size about m - mean y after rises of
size about m) / 2, by bin of |r_t|. Cascade's news flow uses h(x) = -c tanh(A x / c) for the change
of the log variance (docs/model.md §4, "Leverage"): slope A for small moves, at most c. The script
fits c by weighted least squares of D(m) on c tanh(A m / c) over the bins, A from the fit of L.
"""
import csv
import math
import sys


def read_returns(path, column):
    dates, prices = [], []
    with open(path, newline="") as f:
        rows = csv.DictReader(f)
        names = {n.lower(): n for n in rows.fieldnames}
        if column.lower() not in names:
            sys.exit(f"{path}: no column '{column}' (columns: {', '.join(rows.fieldnames)})")
        key = names[column.lower()]
        date_key = rows.fieldnames[0]
        for row in rows:
            try:
                p = float(row[key])
            except ValueError:
                continue
            if p > 0:
                dates.append(row[date_key])
                prices.append(p)
    years = [d[:4] for d in dates[1:]]
    returns = [math.log(prices[i] / prices[i - 1]) for i in range(1, len(prices))]
    return years, returns


def leverage(returns, max_lag, keep=None):
    """L(tau) for tau = 1..max_lag, using only the pairs whose first day is kept."""
    n = len(returns)
    idx = [t for t in range(n) if keep is None or keep[t]]
    m = sum(returns[t] for t in idx) / len(idx)
    d = [r - m for r in returns]
    var = sum(d[t] ** 2 for t in idx) / len(idx)
    out = []
    for tau in range(1, max_lag + 1):
        pairs = [t for t in idx if t + tau < n]
        out.append(sum(d[t] * d[t + tau] ** 2 for t in pairs) / len(pairs) / var**2)
    return out


def fit(lev):
    """Least squares of L(tau) = -A exp(-tau / T): returns A, T."""
    best = None
    for k in range(5, 2001):
        t_days = k / 10
        e = [math.exp(-(tau + 1) / t_days) for tau in range(len(lev))]
        a = -sum(l * x for l, x in zip(lev, e)) / sum(x * x for x in e)
        sse = sum((l + a * x) ** 2 for l, x in zip(lev, e))
        if best is None or sse < best[0]:
            best = (sse, a, t_days)
    return best[1], best[2]


def main(argv):
    path = "data/sp500_daily_ohlcv_2000-2020_vega.csv"
    column = "close"
    max_lag = 60
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--column":
            column = args.pop(0)
        elif a == "--max-lag":
            max_lag = int(args.pop(0))
        else:
            path = a
    years, returns = read_returns(path, column)
    lev = leverage(returns, max_lag)
    a, t_days = fit(lev)
    distinct = sorted(set(years))
    jack = []
    for y in distinct:
        keep = [yy != y for yy in years]
        jack.append(fit(leverage(returns, max_lag, keep)))
    g = len(jack)

    def se(values):
        mean = sum(values) / g
        return math.sqrt((g - 1) / g * sum((v - mean) ** 2 for v in values))

    print(f"{path}: {len(returns)} daily returns, {distinct[0]}-{distinct[-1]}")
    print("L(tau) = mean(r_t r_{t+tau}^2) / mean(r^2)^2 (r the daily log return, demeaned)")
    print("tau (days)   L(tau)   fit -A exp(-tau/T)")
    for tau in (1, 2, 3, 5, 10, 20, 30, 40, 60):
        if tau <= max_lag:
            print(f"{tau:10d} {lev[tau - 1]:+8.2f} {-a * math.exp(-tau / t_days):+8.2f}")
    print(
        f"fit over tau = 1..{max_lag}: A = {a:.1f} ± {se([j[0] for j in jack]):.1f}, "
        f"T = {t_days:.1f} ± {se([j[1] for j in jack]):.1f} days "
        f"(delete-one-year jackknife over {g} years)"
    )
    print(f"sum of L(tau), tau = 1..{max_lag}: {sum(lev):+.1f}")
    saturation(returns, a)


def saturation(returns, a):
    """The antisymmetric response D(|r|) by bin and the fitted saturation c given A = a."""
    data = []
    for t in range(20, len(returns) - 5):
        prev = sum(x * x for x in returns[t - 20 : t]) / 20
        nxt = sum(x * x for x in returns[t + 1 : t + 6]) / 5
        if prev > 0 and nxt > 0:
            data.append((returns[t], math.log(nxt / prev)))
    edges = [0, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 1]
    rows = []
    print()
    print("y = ln(realised variance of the next 5 days / of the previous 20), by |r_t|:")
    print("   |r_t| bin     mean |r|   D = (y after falls - y after rises) / 2   n falls / rises")
    for lo, hi in zip(edges, edges[1:]):
        down = [d for d in data if -hi < d[0] <= -lo]
        up = [d for d in data if lo <= d[0] < hi]
        if len(down) < 5 or len(up) < 5:
            continue
        m = (mean([-d[0] for d in down]) + mean([d[0] for d in up])) / 2
        dy = (mean([d[1] for d in down]) - mean([d[1] for d in up])) / 2
        se = 0.5 * math.sqrt(var([d[1] for d in down]) / len(down) + var([d[1] for d in up]) / len(up))
        rows.append((m, dy, se))
        print(f"  {lo:5.3f}-{hi:5.3f}   {m:8.4f}   {dy:+.3f} ± {se:.3f}{'':22s}{len(down):5d} / {len(up)}")
    best = None
    for k in range(1, 501):
        c = k / 100
        sse = sum(((dy - c * math.tanh(a * m / c)) / se) ** 2 for m, dy, se in rows)
        if best is None or sse < best[0]:
            best = (sse, c)
    print(
        f"fit D = c tanh(A m / c) with A = {a:.1f}: c = {best[1]:.2f} "
        f"(chi-square {best[0]:.1f} over {len(rows)} bins)"
    )


def mean(xs):
    return sum(xs) / len(xs)


def var(xs):
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)


if __name__ == "__main__":
    main(sys.argv[1:])
