#!/usr/bin/env python3
"""Volume and volatility after large daily moves of the S&P 500: what "volume answers volatility"
looks like in real index data at the daily scale.

Usage: python3 tools/volume_after_moves.py [SP500_CSV]
Default: data/sp500_daily_ohlcv_2000-2020_vega.csv (source in data/SOURCES.md).

For each day t with 60 days before it, z = |ln(C_t / C_t-1)| / s, s the root mean square of the 60
daily log returns before t. Days are binned by z; for each bin it prints the number of days and,
for k = -1..5, the mean of volume on day t+k over the mean volume of days t-30..t-1 (standard
error in brackets), then the mean of |return on day t+k| / s for k = 1..5 (the volatility after).
"""
import csv
import math
import sys

BINS = [(0, 1), (1, 2), (2, 3), (3, 4), (4, float("inf"))]


def mean_se(xs):
    n = len(xs)
    m = sum(xs) / n
    if n < 2:
        return m, float("nan")
    var = sum((x - m) ** 2 for x in xs) / (n - 1)
    return m, math.sqrt(var / n)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/sp500_daily_ohlcv_2000-2020_vega.csv"
    rows = list(csv.DictReader(open(path)))
    close = [float(r["close"]) for r in rows]
    volume = [float(r["volume"]) for r in rows]
    ret = [0.0] + [math.log(close[i] / close[i - 1]) for i in range(1, len(close))]
    vol_after = {b: {k: [] for k in range(-1, 6)} for b in BINS}
    abs_after = {b: {k: [] for k in range(1, 6)} for b in BINS}
    for t in range(61, len(ret) - 5):
        s = math.sqrt(sum(x * x for x in ret[t - 60 : t]) / 60)
        base = sum(volume[t - 30 : t]) / 30
        if s <= 0 or base <= 0:
            continue
        z = abs(ret[t]) / s
        b = next(b for b in BINS if b[0] <= z < b[1])
        for k in range(-1, 6):
            vol_after[b][k].append(volume[t + k] / base)
        for k in range(1, 6):
            abs_after[b][k].append(abs(ret[t + k]) / s)
    print(f"S&P 500 {rows[0]['date']} to {rows[-1]['date']}: volume / mean of the 30 days before")
    print("z bin | days | " + " | ".join(f"day {k:+d}" for k in range(-1, 6)))
    for b in BINS:
        n = len(vol_after[b][0])
        cells = []
        for k in range(-1, 6):
            m, se = mean_se(vol_after[b][k])
            cells.append(f"{m:.2f} ({se:.2f})")
        label = f"{b[0]}-{b[1]}" if math.isfinite(b[1]) else f">{b[0]}"
        print(f"{label} | {n} | " + " | ".join(cells))
    print("|return| / s on the days after")
    for b in BINS:
        label = f"{b[0]}-{b[1]}" if math.isfinite(b[1]) else f">{b[0]}"
        cells = []
        for k in range(1, 6):
            m, se = mean_se(abs_after[b][k])
            cells.append(f"{m:.2f} ({se:.2f})")
        print(f"{label} | " + " | ".join(cells))


if __name__ == "__main__":
    main()
