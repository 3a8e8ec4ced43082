"""The `kreport` command: parses arguments and calls one kreport function per command."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from pathlib import Path

from kreport.errors import KreportError, ParameterError

# Only what parsing needs is imported here: each command imports its own layer when it runs, so
# `kreport --help`, `validate`, `plan` and `extract` never pay for matplotlib, seaborn, scipy or statsmodels.
DEFAULT_TIMEOUT = 600  # seconds a cell may run; the same as kreport.publish.run.DEFAULT_TIMEOUT (a test checks)

__all__ = ["main"]


def _param(text: str) -> tuple[str, object]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE")
    name, value = text.split("=", 1)
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kreport", description="Quarterly reports on China's content e-commerce.")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="run the report notebooks and publish HTML")
    plan = sub.add_parser("plan", help="show every report run and whether it would run or be skipped")
    for p in (build, plan):
        p.add_argument("--quarter", help="YYYYQn (default: the latest quarter in the data)")
        p.add_argument("--report", nargs="+", metavar="NAME", help="only these reports")
        p.add_argument("--data", type=Path, help="data folder (default: data/)")
        p.add_argument("--out", type=Path, help="output folder (default: reports/)")
        p.add_argument("--force", action="store_true", help="rebuild even what is unchanged")
        p.add_argument("-p", "--param", type=_param, action="append", default=[], metavar="NAME=VALUE",
                       help="fix a notebook parameter for every run (for example platform=kuaishou)")
    build.add_argument("--jobs", type=int, help="kernels side by side (default: the number of CPUs)")
    build.add_argument("--timeout", type=int, help=f"seconds a cell may run before the run fails (default {DEFAULT_TIMEOUT})")
    build.add_argument("--dry-run", action="store_true", help="same as `kreport plan`")
    build.add_argument("--cold", action="store_true", help="empty the forecast cache first (--force keeps it)")
    build.add_argument("--pdf", action="store_true", help="also print each page to a PDF beside it (needs Chromium)")
    build.add_argument("--kernels", choices=("warm", "fresh"), default="warm",
                       help="warm: each notebook's kernel forked from a process that imported everything once "
                            "(default); fresh: a new Python per notebook")

    params = sub.add_parser("params", help="a notebook's parameters, types and defaults")
    params.add_argument("notebook", help="a notebook path or a report name")

    validate = sub.add_parser("validate", help="check the data files")
    validate.add_argument("--data", type=Path, help="data folder (default: data/)")

    extract_ = sub.add_parser("extract", help="read figures from saved results releases (text, HTML or PDF)")
    extract_.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a saved release: .txt, .html or .pdf")
    extract_.add_argument("--platform", help="the platform the releases are about, where the text does not say")
    extract_.add_argument("--period", help="YYYYQn: the quarter the releases report on, where the text does not say")
    extract_.add_argument("--source-id", help="the source_id the rows cite (default: platform-quarter-language)")
    extract_.add_argument("--tier", help="the source's tier, where the guess (company, newswire, aggregator) is wrong")
    extract_.add_argument("--data", type=Path, help="data folder (default: data/)")
    extract_.add_argument("--note", help="added to the note of every row (e.g. 'aggregator-only: <why no better source>')")
    extract_.add_argument("--corroborated-by", metavar="IDS", help="source ids of sources.csv that also carry the figures (';'-separated)")
    extract_.add_argument("--source-url", help="the address the file was saved from (a saved text does not carry it)")
    extract_.add_argument("--publisher", help="the publisher of the page, for its sources.csv row")
    extract_.add_argument("--learned", action="store_true",
                          help="also read with the learned reader (a model) what the rules leave open; its rows say so in their note")
    extract_.add_argument("--apply", action="store_true", help="append the new rows to data/ (refused on any conflict)")

    backtest = sub.add_parser("backtest", help="rolling-origin backtest of the trend models")
    backtest.add_argument("--platform", default="kuaishou")
    backtest.add_argument("--metric", default="gmv")
    backtest.add_argument("--horizon", type=int, default=4)
    backtest.add_argument("--data", type=Path)
    backtest.add_argument("--csv", type=Path, help="also write the table to this CSV file (never inside the data folder)")
    return parser


def _print_plan(the_plan, out=print) -> None:
    runs = the_plan.runs
    out(f"Quarter {the_plan.label}: {sum(r.action == 'run' for r in runs)} to run, "
        f"{sum(r.action == 'skip' for r in runs)} to skip")
    for run in runs:
        out(f"  {run.action:4}  {run.name:28} {run.reason}")


def _summary(results) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="kreport build")
    for column in ("report", "status", "seconds", "detail"):
        table.add_column(column, justify="right" if column == "seconds" else "left")
    for r in results:
        detail = r.reason
        if r.status == "failed":
            cell = f"cell {r.failed_cell}: " if r.failed_cell is not None else ""
            detail = f"{cell}{r.error}; notebook kept at {r.failed_notebook}"
        style = {"failed": "red", "built": "green"}.get(r.status, "")
        table.add_row(r.name, f"[{style}]{r.status}[/]" if style else r.status, f"{r.seconds:.1f}", detail)
    Console(width=160).print(table)


def _cmd_build(args) -> int:
    from kreport.publish.plan import plan_build

    params = dict(args.param)
    if args.command == "plan" or args.dry_run:
        _print_plan(plan_build(args.quarter, args.report, data_dir=args.data, out_dir=args.out,
                               force=args.force, params=params))
        return 0
    if args.jobs is not None and args.jobs < 1:
        raise ParameterError("jobs", args.jobs, "a whole number of at least 1")
    from kreport.publish.orchestrator import build

    results = build(args.quarter, args.report, data_dir=args.data, out_dir=args.out, jobs=args.jobs,
                    force=args.force, timeout=DEFAULT_TIMEOUT if args.timeout is None else args.timeout, params=params,
                    pdf=args.pdf, cold=args.cold, kernels=args.kernels, echo=lambda line: print(line, flush=True))
    _summary(results)
    return 1 if any(r.status == "failed" for r in results) else 0


def _cmd_params(args) -> int:
    from kreport.publish.catalog import REPORTS
    from kreport.publish.params import notebook_parameters

    path = REPORTS[args.notebook].path if args.notebook in REPORTS else Path(args.notebook)
    if not path.exists():
        raise ParameterError("notebook", args.notebook, "a notebook file or one of " + ", ".join(REPORTS))
    for name, spec in notebook_parameters(path).items():
        print(f"{name}: {spec['type']} = {spec['default']}  # {spec['help']}")
    return 0


def _cmd_validate(args) -> int:
    from kreport.config import DATA_DIR
    from kreport.dataset.validate import check

    report = check(args.data or DATA_DIR)
    for problem in report.problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    print(report.summary())
    return 0 if report.ok else 1


def _cmd_extract(args) -> int:
    from kreport.extract import extract

    extraction = extract(args.paths, platform=args.platform, period=args.period, source_id=args.source_id,
                         tier=args.tier, data_dir=args.data, note=args.note, corroborated_by=args.corroborated_by,
                         source_url=args.source_url, publisher=args.publisher, learned=args.learned)
    sys.stdout.write(extraction.to_csv())
    sys.stdout.flush()
    for line in extraction.summary(applying=args.apply):
        print(line, file=sys.stderr)
    if args.apply:
        extraction.apply()
        for line in extraction.applied_summary():
            print(line, file=sys.stderr)
    return 0


def _cmd_backtest(args) -> int:
    from kreport.config import DATA_DIR

    path = args.csv
    if path is not None:  # checked first: the backtest takes a while
        _check_csv_target(path, [DATA_DIR] + ([args.data] if args.data else []))
    import pandas as pd

    from kreport.dataset.load import load, quarterly_series
    from kreport.stats.forecast.backtest import backtest_table

    series = quarterly_series(load(args.data).metrics, args.platform, args.metric)
    table = backtest_table(series, horizon=args.horizon)
    with pd.option_context("display.width", 200, "display.max_rows", 200):
        print(table.to_string(index=False))
    members = table.attrs.get("chosen_members")
    if members:
        print(f"chosen: the 'auto' procedure (rows marked chosen), which now combines {' + '.join(members)}")
    if path is not None:
        from kreport.files import atomic_write

        atomic_write(path, table.to_csv(index=False).encode())
        print(f"wrote {path}")
    return 0


def _check_csv_target(path: Path, data_dirs: list[Path]) -> None:
    """A table goes to a new file (or a backtest CSV written before) in a folder that exists, never into data/."""
    target = path.resolve()
    if not target.parent.is_dir():
        raise ParameterError("csv", str(path), "a file in a folder that exists")
    for folder in data_dirs:
        if target.is_relative_to(Path(folder).resolve()):
            raise ParameterError("csv", str(path), f"a file outside the data folder {folder} (only `kreport extract --apply` writes there)")
    if target.exists():
        with open(target, encoding="utf-8", errors="replace") as handle:
            header = handle.readline()
        if not header.startswith(_BACKTEST_HEADER):
            raise ParameterError("csv", str(path), "a new file, or a backtest CSV written before (this file is something else)")


_BACKTEST_HEADER = "model,"


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    command = {"build": _cmd_build, "plan": _cmd_build, "params": _cmd_params,
               "validate": _cmd_validate, "backtest": _cmd_backtest, "extract": _cmd_extract}[args.command]
    try:
        return command(args)
    except KreportError as exc:
        print(f"kreport {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped reading (`kreport plan | head -1`): not an error, and nothing more to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as exc:
        terminated = str(exc) == "SIGTERM"
        print(f"kreport: {'terminated (SIGTERM)' if terminated else 'interrupted'}; "
              "published reports and indexes are left as they were", file=sys.stderr)
        return 143 if terminated else 130
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            print(f"kreport {args.command}: no space left on device{' writing' + where if where else ''}", file=sys.stderr)
            return 2
        print(f"kreport {args.command}: cannot use{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a reader of the CLI gets one line, never a traceback
        if os.environ.get("KREPORT_DEBUG"):
            raise
        print(f"kreport {args.command}: internal error: {type(exc).__name__}: {exc} "
              "(run again with KREPORT_DEBUG=1 for the traceback)", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
