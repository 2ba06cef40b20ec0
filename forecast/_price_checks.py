"""Repairs and checks on a parsed price frame: order, duplicates, holes, suspicious moves.

Input is a frame indexed by dates (any order, duplicates allowed) with float64
columns that may hold NaN. Output is the canonical frame: ascending unique
dates and no NaN or infinity, plus translatable notes on every change
(repairs) and on what looks wrong but was kept (warnings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from forecast._price_columns import PRICE_NAMES
from forecast.errors import ForecastError
from forecast.messages import Message

MAX_CALENDAR_GAP_DAYS = 4  # Friday -> Tuesday after a long weekend is normal; more is a gap
# Estimate: exchanges close on about 9 (NYSE) to 15 (KRX) weekdays a year,
# which is 4-6 % of weekdays. A larger share without rows means missing data.
MAX_MISSING_WEEKDAY_SHARE = 0.08
SPLIT_RATIOS = (2, 3, 4, 5, 10, 20, 50)
SPLIT_TOLERANCE = 0.03  # relative distance of the overnight ratio from a clean split ratio
MIN_VOLUME_JUMP = 1.3  # median volume after / before a forward split (inverse for a reverse one)
JUMP_RATIO = 1.5  # overnight moves beyond x1.5 or /1.5 are warned about
EXAMPLES = 3  # dates listed in one message


@dataclass
class Notes:
    """Translatable notes collected while repairing and checking a frame."""

    repairs: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def main_column(frame: pd.DataFrame) -> str:
    """Return the column whose missing values drop a row: Close, else the first price column."""
    for name in ("Close", "Adj Close", *PRICE_NAMES):
        if name in frame.columns:
            return name
    raise ForecastError("no_price_column", ", ".join(map(str, frame.columns)) or "-")


def _iso_list(dates) -> str:
    shown = [pd.Timestamp(date).date().isoformat() for date in list(dates)[:EXAMPLES]]
    more = len(dates) - len(shown)
    return ", ".join(shown) + (f" (+{more})" if more > 0 else "")


# ---------------------------------------------------------------- repairs


def sort_dates(frame: pd.DataFrame, notes: Notes) -> pd.DataFrame:
    """Sort rows oldest first (stable, so duplicate dates keep their file order)."""
    if frame.index.is_monotonic_increasing:
        return frame
    key = "repair_sorted_newest_first" if frame.index.is_monotonic_decreasing else "repair_sorted_unordered"
    notes.repairs.append(Message(key))
    return frame.iloc[np.argsort(frame.index.to_numpy(), kind="stable")]


def collapse_duplicates(frame: pd.DataFrame, notes: Notes) -> pd.DataFrame:
    """Keep one row per date: the most complete one, the first among equals."""
    duplicated = frame.index.duplicated(keep=False)
    if not duplicated.any():
        return frame

    groups = frame[duplicated]
    conflicting = groups.groupby(level=0).nunique().gt(1).any(axis=1)
    conflict_dates = conflicting.index[conflicting.to_numpy()]

    filled = frame.notna().sum(axis=1).to_numpy()
    order = np.lexsort((np.arange(len(frame)), -filled, frame.index.to_numpy()))
    ordered = frame.iloc[order]
    kept = ordered[~ordered.index.duplicated(keep="first")]

    removed = len(frame) - len(kept)
    notes.repairs.append(Message("repair_duplicates", {"count": removed, "dates": _iso_list(groups.index.unique())}))
    if len(conflict_dates):
        notes.warnings.append(
            Message("warn_duplicates_conflicting", {"count": len(conflict_dates), "dates": _iso_list(conflict_dates)})
        )
    return kept


def drop_missing_main(frame: pd.DataFrame, main: str, notes: Notes) -> pd.DataFrame:
    """Drop rows whose main price is missing; no value is invented for them."""
    missing = frame[main].isna()
    if missing.any():
        notes.repairs.append(
            Message("repair_missing_main_dropped",
                    {"count": int(missing.sum()), "column": main, "dates": _iso_list(frame.index[missing])})
        )
    return frame[~missing]


def fill_other_columns(frame: pd.DataFrame, notes: Notes) -> pd.DataFrame:
    """Remove the NaN left outside the main column: drop empty columns, carry values forward."""
    for column in frame.columns:
        if frame[column].isna().all():
            frame = frame.drop(columns=column)
            notes.warnings.append(Message("warn_column_all_missing", {"column": column}))

    missing = frame.isna()
    if not missing.any().any():
        return frame
    filled = frame.ffill()
    for column in frame.columns[missing.any().to_numpy()]:
        count = int((missing[column] & filled[column].notna()).sum())
        if count:
            notes.repairs.append(
                Message("repair_filled_forward",
                        {"count": count, "column": column, "dates": _iso_list(frame.index[missing[column]])})
            )
    leading = filled.isna().any(axis=1)
    if leading.any():
        notes.repairs.append(
            Message("repair_leading_missing_dropped", {"count": int(leading.sum()), "dates": _iso_list(filled.index[leading])})
        )
    return filled[~leading]


# ---------------------------------------------------------------- checks (warnings only)


def flag_phantom_rows(frame: pd.DataFrame, main: str, notes: Notes) -> None:
    """Warn about rows that repeat the previous session, as data vendors write for holidays."""
    prices = [name for name in PRICE_NAMES if name in frame.columns]
    previous = frame.shift(1)
    same_prices = (frame[prices] == previous[prices]).all(axis=1)
    flat_bar = (frame[prices].eq(frame[main], axis=0)).all(axis=1) & (frame[main] == previous[main])

    if "Volume" in frame.columns:
        no_volume = frame["Volume"].eq(0)
        same_volume = frame["Volume"].eq(previous["Volume"])
        phantom = (same_prices & (no_volume | same_volume)) | (flat_bar & no_volume)
    else:
        weekend = pd.Series(frame.index.day_of_week >= 5, index=frame.index)
        phantom = same_prices & (weekend | (len(prices) > 1))
    if phantom.any():
        notes.warnings.append(
            Message("warn_phantom_rows", {"count": int(phantom.sum()), "dates": _iso_list(frame.index[phantom.to_numpy()])})
        )


def report_gaps(frame: pd.DataFrame, notes: Notes) -> None:
    """Warn about holes longer than a long weekend, many missing weekdays, and non-daily data."""
    if len(frame) < 2:
        return
    dates = frame.index.to_numpy().astype("datetime64[D]")
    days = np.diff(dates).astype(np.int64)
    if np.median(days) > MAX_CALENDAR_GAP_DAYS:
        notes.warnings.append(Message("warn_not_daily", {"days": float(np.median(days))}))
        return

    weekdays = int(np.busday_count(dates[0], dates[-1] + 1))
    missing = weekdays - int(np.is_busday(dates).sum())
    if weekdays and missing / weekdays > MAX_MISSING_WEEKDAY_SHARE:
        every_weekday = np.arange(dates[0], dates[-1] + 1)
        every_weekday = every_weekday[np.is_busday(every_weekday)]
        absent = np.setdiff1d(every_weekday, dates)
        notes.warnings.append(
            Message("warn_missing_weekdays", {"count": missing, "share": missing / weekdays, "dates": _iso_list(absent)})
        )
    gaps = np.flatnonzero(days > MAX_CALENDAR_GAP_DAYS)
    if len(gaps):
        shown = [
            f"{frame.index[i].date().isoformat()} → {frame.index[i + 1].date().isoformat()} ({days[i]})"
            for i in gaps[:EXAMPLES]
        ]
        more = len(gaps) - len(shown)
        examples = ", ".join(shown) + (f" (+{more})" if more > 0 else "")
        notes.warnings.append(
            Message("warn_gaps", {"count": len(gaps), "max_days": MAX_CALENDAR_GAP_DAYS, "gaps": examples})
        )


def _split_ratio(ratio: np.ndarray) -> np.ndarray:
    """Return the clean split ratio (2, 1/2, ...) nearest each overnight ratio, or NaN."""
    candidates = np.array([*(1 / r for r in SPLIT_RATIOS), *SPLIT_RATIOS], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        distance = np.abs(ratio[:, None] / candidates[None, :] - 1)
    distance = np.where(np.isfinite(distance), distance, np.inf)
    nearest = distance.argmin(axis=1) if len(ratio) else np.zeros(0, dtype=int)
    close = distance[np.arange(len(ratio)), nearest] <= SPLIT_TOLERANCE if len(ratio) else np.zeros(0, bool)
    return np.where(close, candidates[nearest], np.nan)


def flag_splits_and_jumps(frame: pd.DataFrame, main: str, notes: Notes) -> None:
    """Warn about probable unadjusted splits and about other overnight jumps over 50 %.

    The overnight ratio is today's open over yesterday's close when an Open
    column exists (a split happens between the two), else close over close.
    A ratio near a clean split ratio counts as a split when the adjusted close
    did not move with it. Without Adj Close, it counts when the median volume
    of the 20 sessions after it moved the inverse way from the 20 before.
    """
    if len(frame) < 2:
        return
    close = frame[main].to_numpy()
    start = frame["Open"].to_numpy() if "Open" in frame.columns and main == "Close" else close
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = start[1:] / close[:-1]
        close_ratio = close[1:] / close[:-1]
    split = _split_ratio(ratio)
    is_split = np.isfinite(split)

    if "Adj Close" in frame.columns and main != "Adj Close":
        adjusted = frame["Adj Close"].to_numpy()
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            adjusted_ratio = adjusted[1:] / adjusted[:-1]
            # The adjusted series absorbed at most a third of the move (in log terms).
            absorbed = np.abs(np.log(adjusted_ratio)) < np.abs(np.log(split)) / 3
        is_split &= absorbed
    elif "Volume" in frame.columns:
        volume = frame["Volume"]
        before = volume.rolling(20, min_periods=1).median().shift(1).to_numpy()[1:]
        after = volume[::-1].rolling(20, min_periods=1).median()[::-1].to_numpy()[1:]
        with np.errstate(divide="ignore", invalid="ignore"):
            volume_ratio = after / before
            inverse = np.where(split < 1, volume_ratio >= MIN_VOLUME_JUMP, volume_ratio <= 1 / MIN_VOLUME_JUMP)
        is_split &= inverse
    else:
        # NOTE: with neither Adj Close nor Volume a split cannot be distinguished
        # from a real move, so such moves only get the jump warning below.
        is_split &= False

    dates = frame.index[1:]
    if is_split.any():
        shown = [f"{dates[i].date().isoformat()} ({_ratio_text(split[i])})" for i in np.flatnonzero(is_split)[:EXAMPLES]]
        notes.warnings.append(
            Message("warn_probable_split", {"count": int(is_split.sum()), "column": main, "splits": ", ".join(shown)})
        )

    with np.errstate(divide="ignore", invalid="ignore"):
        jump = ((close_ratio > JUMP_RATIO) | (close_ratio < 1 / JUMP_RATIO)) & ~is_split
    if jump.any():
        shown = [f"{dates[i].date().isoformat()} ({(close_ratio[i] - 1) * 100:+.0f}%)" for i in np.flatnonzero(jump)[:EXAMPLES]]
        notes.warnings.append(
            Message("warn_jumps", {"count": int(jump.sum()), "column": main, "jumps": ", ".join(shown)})
        )


def _ratio_text(split: float) -> str:
    return f"{round(1 / split)}:1" if split < 1 else f"1:{round(split)}"


def flag_non_positive(frame: pd.DataFrame, notes: Notes) -> None:
    """Warn about zero or negative prices, which break percentage errors and ratios."""
    prices = [name for name in PRICE_NAMES if name in frame.columns]
    bad = (frame[prices] <= 0).any(axis=1)
    if bad.any():
        notes.warnings.append(
            Message("warn_non_positive", {"count": int(bad.sum()), "dates": _iso_list(frame.index[bad.to_numpy()])})
        )


def repair_and_check(frame: pd.DataFrame, notes: Notes) -> pd.DataFrame:
    """Turn a parsed frame into the canonical one and record every change.

    Parameters
    ----------
    frame : DataFrame, shape (rows, columns)
        Dates as index in any order, float64 columns with canonical names.
    notes : Notes
        Receives repairs and warnings.

    Returns
    -------
    DataFrame
        Ascending unique ``DatetimeIndex`` named "Date", finite float64 values.
    """
    main = main_column(frame)
    frame = sort_dates(frame, notes)
    frame = collapse_duplicates(frame, notes)
    frame = drop_missing_main(frame, main, notes)
    if frame.empty:
        raise ForecastError("no_valid_rows", main)
    frame = fill_other_columns(frame, notes)

    flag_phantom_rows(frame, main, notes)
    report_gaps(frame, notes)
    flag_splits_and_jumps(frame, main, notes)
    flag_non_positive(frame, notes)

    frame = frame.rename_axis("Date")
    assert frame.index.is_monotonic_increasing and frame.index.is_unique
    assert np.isfinite(frame.to_numpy(dtype="float64")).all()
    return frame
