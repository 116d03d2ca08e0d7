#!/usr/bin/env python3
"""Draw the episode of a Cascade run directory: a price and the forced sellers' positions.

Reads the CSV tables of a `cascade run` directory with pandas (trades, bars-1m, positions,
instruments, summary.json) and writes a PNG with two panels:

  - the one-minute closes of the scenario's haltReference instrument (the first instrument
    when the scenario names none), with its trades' volume;
  - the net exposure over time, in currency units (or real dollars when the scenario has a
    real scale), of each group whose family trades because it must (margin calls, leverage
    targets, stops, liquidations): units x mark x lot x multiplier, summed over instruments.

Usage:  python3 examples/python/episode.py RUN_DIR [OUT.png]
        (default OUT.png: RUN_DIR-episode.png beside the run directory, which is left as Cascade
        wrote it: a file added inside would stop `cascade run --force` from replacing it)

Needs pandas and matplotlib (Debian: python3-pandas python3-matplotlib). Parquet is not read
here: Debian packages neither pyarrow nor duckdb for Python; with either installed,
pandas.read_parquet(RUN_DIR / "positions.parquet") reads the same table with its types.
"""

import json
import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

# Agent families whose trades are forced by rules rather than chosen (docs/model.md).
FORCED = {
    "leveraged-etf",
    "vol-target",
    "risk-parity",
    "long-short-fund",
    "perp-trader",
    "stop-loss",
    "basis-trader",
    "etf-holder",
    "index-fund",
}


def read_run(run: Path):
    """The tables this example uses, with their times parsed as UTC timestamps."""
    summary = json.loads((run / "summary.json").read_text())
    trades = pd.read_csv(run / "trades.csv", usecols=["timeNanos", "symbol", "price", "qty"])
    bars = pd.read_csv(run / "bars-1m.csv", parse_dates=["time"])
    positions = pd.read_csv(run / "positions.csv", parse_dates=["time"])
    instruments = pd.read_csv(run / "instruments.csv")
    # The time column has nanoseconds, which pandas 1.5 parses slowly: timeNanos is the same time.
    trades["time"] = pd.to_datetime(trades["timeNanos"], utc=True)
    return summary, trades, bars, positions, instruments


def reference_symbol(run: Path, instruments: pd.DataFrame) -> str:
    """The scenario's rules.haltReference, else its first instrument."""
    scenario = run / "scenario.yaml"
    if scenario.exists():
        m = re.search(r"^\s*haltReference:\s*([\w.:-]+)", scenario.read_text(), re.MULTILINE)
        if m and m.group(1) in set(instruments["symbol"]):
            return m.group(1)
    return instruments["symbol"].iloc[0]


def forced_exposure(positions: pd.DataFrame, instruments: pd.DataFrame) -> pd.DataFrame:
    """Net exposure per forced group and sample time: units x mark x lot x multiplier."""
    held = positions[(positions["instrument"] != "CASH") & positions["family"].isin(FORCED)]
    held = held.merge(
        instruments[["symbol", "lot", "multiplier"]], left_on="instrument", right_on="symbol"
    )
    held = held.assign(exposure=held["units"] * held["mark"] * held["lot"] * held["multiplier"])
    return held.pivot_table(index="time", columns="group", values="exposure", aggfunc="sum")


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: episode.py RUN_DIR [OUT.png]", file=sys.stderr)
        return 2
    run = Path(argv[1])
    out = Path(argv[2]) if len(argv) == 3 else run.parent / (run.resolve().name + "-episode.png")
    summary, trades, bars, positions, instruments = read_run(run)

    symbol = reference_symbol(run, instruments)
    closes = bars[bars["symbol"] == symbol].set_index("time")["close"]
    volume = trades[trades["symbol"] == symbol].set_index("time")["qty"].resample("5min").sum()

    exposure = forced_exposure(positions, instruments)
    factor = instruments["realDollarsPerSimulatedDollar"].dropna()
    unit = "currency units"
    if len(factor):
        exposure = exposure * factor.iloc[0]
        unit = "real dollars"

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 7), sharex=True)
    top.plot(closes.index, closes.values, color="black", linewidth=1)
    top.set_ylabel(f"{symbol} close")
    top.set_title(f"{summary['scenario']}, seed {summary['seed']}")
    vol = top.twinx()
    vol.bar(volume.index, volume.values, width=0.003, color="grey", alpha=0.3)
    vol.set_ylabel("lots per 5 min")
    if exposure.empty:
        bottom.text(0.5, 0.5, "no forced-flow groups in this run", ha="center",
                    transform=bottom.transAxes)
    else:
        for group in exposure.columns:
            bottom.plot(exposure.index, exposure[group], label=group, linewidth=1)
        bottom.legend(fontsize="small", ncol=3)
    bottom.set_ylabel(f"net exposure, {unit}")
    bottom.axhline(0, color="grey", linewidth=0.5)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out, dpi=100)

    pnl = pd.DataFrame(summary["pnl"]).set_index("group")["pnl"]
    last = positions[positions["instrument"] == "CASH"].groupby("group")["pnl"].last()
    worst = pnl.idxmin()
    print(f"{out}: {symbol} {len(closes)} bars, {len(exposure.columns)} forced groups;"
          f" worst P&L {worst} {pnl[worst]:,.0f} (positions table: {last[worst]:,.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
