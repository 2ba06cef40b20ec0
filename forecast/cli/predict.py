"""``python -m forecast predict``: forecast the next trading days with a saved model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from forecast.cli.common import add_device_argument, add_source_arguments, load_source
from forecast.device import resolve_device
from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.persistence import forecast_next, input_range_warnings, load_model


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "predict",
        help="forecast the next trading days after the last date with a saved model file",
        description="Load a model file written by 'train' and forecast the `horizon` business days "
        "after the last date of the given prices.",
    )
    parser.add_argument("--model", type=Path, required=True, help="model file (.pt) written by 'train'")
    add_source_arguments(parser)
    add_device_argument(parser)
    parser.add_argument("--out", type=Path, help="also write the forecast to this CSV file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    saved = load_model(args.model)
    loaded = load_source(args)
    table = forecast_next(saved, loaded.frame, resolve_device(args.device))
    for warning in input_range_warnings(saved, loaded.frame):
        print(translate("cli_warning", args.lang, text=warning.text(args.lang)), file=sys.stderr)
    print(translate("cli_forecast_header", args.lang, target=saved.spec.target,
                    last=loaded.frame.index[-1].date().isoformat()))
    shown = table.rename(columns={"date": translate("col_date", args.lang),
                                  "forecast": translate("col_forecast", args.lang)})
    print(shown.to_string(index=False, float_format="{:.4f}".format))
    if args.out:
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            table.to_csv(args.out, index=False, date_format="%Y-%m-%d")
        except OSError as error:
            raise ForecastError("output_not_writable", str(args.out),
                                reason=error.strerror or type(error).__name__) from None
        print(translate("cli_wrote", args.lang, path=args.out))
    return 0
