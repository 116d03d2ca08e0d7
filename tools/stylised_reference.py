#!/usr/bin/env python3
"""Reference values for StylizedFactsTest: stylised facts of the S&P 500's daily log returns.

Usage: python3 tools/stylised_reference.py [data/sp500_daily_ohlcv_2000-2020_vega.csv]

numpy only, written apart from the Java code (and checked against ../shared/tools/stylized.py,
which gives the same figures to its six significant digits). r_t = ln(close_t / close_{t-1}), one
series, no gaps dropped. Definitions as in docs/validation.md ("Stylised facts"):
  excess kurtosis g2 = m4 / m2^2 - 3 (central moments over n)
  Moors: ((E7 - E5) + (E3 - E1)) / (E6 - E2) - 1.2330951 (octiles, numpy's linear quantiles)
  Hill: demeaned d; both tails |d| with k = floor(0.05 n), left -d with k = floor(0.05 n_neg),
        right d with k = floor(0.05 n_pos); 1/alpha = mean ln(x_(i) / x_(k+1)), i = 1..k
  ACF: sum_t d_t d_t+k / sum_t d_t^2; of |r| the same on |r|; beta = -slope of ln ACF(|r|) on ln k
        over lags 1..50 with ACF > 0
  leverage: sum over k = 1..10 of Pearson corr(r_t, |r_t+k|); its z uses
        se = sqrt(sum d_t^2 E_t^2) / sqrt(sum d^2 sum e^2), e = |r| - mean|r|, E_t = e_t+1 + ... + e_t+10
  volume: Pearson and Spearman of (volume_t, |r_t|); detrended: volume over its centred 21-day mean
  aggregation: g2 of sums of 5 and 20 consecutive returns
"""
import csv
import sys

import numpy as np


def g2(x):
    d = x - x.mean()
    return np.mean(d**4) / np.mean(d**2) ** 2 - 3


def hill(x, k):
    x = np.sort(x[x > 0])[::-1]
    return f"{1 / np.mean(np.log(x[:k] / x[k])):.10g} (k={k})"


def acf(x, k):
    d = x - x.mean()
    return np.dot(d[:-k], d[k:]) / np.dot(d, d)


def ranks(x):
    order = np.argsort(x, kind="mergesort")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    s = x[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        r[order[i : j + 1]] = (i + j) / 2
        i = j + 1
    return r


def main(path):
    rows = list(csv.DictReader(open(path)))
    p = np.array([float(r["close"]) for r in rows])
    v = np.array([float(r["volume"]) for r in rows])[1:]
    r = np.diff(np.log(p))
    n = len(r)
    d = r - r.mean()
    a = np.abs(r)
    e1, e2, e3, e5, e6, e7 = np.quantile(r, [1 / 8, 2 / 8, 3 / 8, 5 / 8, 6 / 8, 7 / 8])
    print("n", n)
    print("excess kurtosis", g2(r))
    print("Moors excess", ((e7 - e5) + (e3 - e1)) / (e6 - e2) - 1.2330951154852172)
    print("Hill 5% both", hill(np.abs(d), int(0.05 * n)))
    print("Hill 5% left", hill(-d, int(0.05 * np.sum(d < 0))))
    print("Hill 5% right", hill(d, int(0.05 * np.sum(d > 0))))
    print("ACF(r) lags 1-5", " ".join(f"{acf(r, k):.10g}" for k in range(1, 6)))
    aa = [acf(a, k) for k in range(1, 51)]
    print("ACF(|r|) lag 1", aa[0], "mean lags 1-50", np.mean(aa))
    lags = np.arange(1, 51)
    ok = np.array(aa) > 0
    print("power-law beta", -np.polyfit(np.log(lags[ok]), np.log(np.array(aa)[ok]), 1)[0])
    lev = [np.corrcoef(r[:-k], a[k:])[0, 1] for k in range(1, 11)]
    e = a - a.mean()
    big = np.array([e[t + 1 : t + 11].sum() for t in range(n - 10)])
    se = np.sqrt(np.sum(d[: n - 10] ** 2 * big**2)) / np.sqrt(np.dot(d, d) * np.dot(e, e))
    print("leverage sum", sum(lev), "z", sum(lev) / se)
    print("volume-|r| Pearson", np.corrcoef(v, a)[0, 1], "Spearman", np.corrcoef(ranks(v), ranks(a))[0, 1])
    ma = np.convolve(v, np.ones(21) / 21, mode="valid")
    print("volume-|r| detrended", np.corrcoef(v[10 : 10 + len(ma)] / ma, a[10 : 10 + len(ma)])[0, 1])
    for m in (5, 20):
        print(f"excess kurtosis of {m}-day sums", g2(r[: n // m * m].reshape(-1, m).sum(axis=1)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/sp500_daily_ohlcv_2000-2020_vega.csv")
