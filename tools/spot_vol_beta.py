#!/usr/bin/env python3
"""Spot-vol beta of the S&P 500: OLS slope of daily log VIX changes on daily S&P 500 log returns.

Usage: python3 tools/spot_vol_beta.py [SP500_CSV] [VIX_CSV]
Defaults: data/sp500_daily_ohlcv_2000-2020_vega.csv and data/vix_daily_cboe.csv
(sources in data/SOURCES.md). Prints the slope over all days, over down days, and over days
starting with the VIX between 15 and 25 (docs/model.md §9).
"""
import csv
import math
import sys


def slope(pairs):
    n = len(pairs)
    mx = sum(x for x, _ in pairs) / n
    my = sum(y for _, y in pairs) / n
    return sum((x - mx) * (y - my) for x, y in pairs) / sum((x - mx) ** 2 for x, _ in pairs)


def main():
    spx_path = sys.argv[1] if len(sys.argv) > 1 else "data/sp500_daily_ohlcv_2000-2020_vega.csv"
    vix_path = sys.argv[2] if len(sys.argv) > 2 else "data/vix_daily_cboe.csv"
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
            rows.append((math.log(p1 / p0), math.log(vix[d1] / vix[d0]), vix[d0]))
    print(f"{len(rows)} days, {spx[0][0]} to {spx[-1][0]}")
    print(f"all days:        {slope([(x, y) for x, y, _ in rows]):.2f}")
    print(f"down days:       {slope([(x, y) for x, y, _ in rows if x < 0]):.2f}")
    print(f"VIX 15-25 start: {slope([(x, y) for x, y, v in rows if 15 <= v <= 25]):.2f}")


if __name__ == "__main__":
    main()
