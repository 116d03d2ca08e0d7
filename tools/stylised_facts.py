#!/usr/bin/env python3
"""Stylised facts of 1-minute returns from a run's bars-1m.csv (written unless --no-csv).

Usage: python3 tools/stylised_facts.py RUN_DIR/bars-1m.csv [SYMBOL ...]

Per symbol, over consecutive 1-minute bars that both traded (bars with no trades are skipped, and
so is the return across a gap), with r_t = ln(close_t / close_{t-1}):
  n            number of returns
  acf1         autocorrelation of r at lag 1 (sample, mean removed)
  kurt         excess kurtosis of r: m4 / m2^2 - 3 (0 for a Gaussian)
  acf1|r|      autocorrelation of |r| at lag 1 (volatility clustering)
  acf5|r|      the same at lag 5
Standard library only; the standard error of an autocorrelation is about 1 / sqrt(n).
"""
import csv
import math
import sys
from datetime import datetime


def acf(x, lag):
    n = len(x)
    if n <= lag + 1:
        return float("nan")
    m = sum(x) / n
    var = sum((v - m) ** 2 for v in x)
    if var == 0:
        return float("nan")
    return sum((x[i] - m) * (x[i + lag] - m) for i in range(n - lag)) / var


def excess_kurtosis(x):
    n = len(x)
    m = sum(x) / n
    m2 = sum((v - m) ** 2 for v in x) / n
    m4 = sum((v - m) ** 4 for v in x) / n
    return m4 / (m2 * m2) - 3 if m2 > 0 else float("nan")


def main(path, wanted):
    bars = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if int(row["trades"]) == 0:
                continue
            t = datetime.fromisoformat(row["time"].replace("Z", "+00:00")).timestamp()
            bars.setdefault(row["symbol"], []).append((t, float(row["close"])))
    print(f"{'symbol':<10}{'n':>6}{'acf1':>9}{'kurt':>9}{'acf1|r|':>9}{'acf5|r|':>9}")
    for sym in wanted or list(bars):
        series = bars.get(sym, [])
        r = [
            math.log(c1 / c0)
            for (t0, c0), (t1, c1) in zip(series, series[1:])
            if t1 - t0 == 60 and c0 > 0 and c1 > 0
        ]
        if len(r) < 10:
            print(f"{sym:<10}{len(r):>6}  too few returns")
            continue
        a = [abs(v) for v in r]
        print(
            f"{sym:<10}{len(r):>6}{acf(r, 1):>9.3f}{excess_kurtosis(r):>9.2f}"
            f"{acf(a, 1):>9.3f}{acf(a, 5):>9.3f}"
        )


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
