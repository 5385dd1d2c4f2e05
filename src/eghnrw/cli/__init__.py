"""The ``eghnrw`` command: one subcommand per calculation, ``run`` for a whole book, ``schema``, ``demo``.

Human output is the result's explanation (``explain()``, German unless ``--lang en``); ``--json``
prints the audit record (``model_dump_json()``), the same bytes the library call gives.
Exit codes: 0 ok, 2 bad input (a refused argument, an unreadable case file, refused cases),
1 anything else. Nothing in eghnrw imports this package.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TextIO

import eghnrw
from eghnrw.cli._kalkulation import add_kalkulation_parser, run_kalkulation
from eghnrw.cli._kinds import KINDS, Field, Kind, case_schema, compute
from eghnrw.cli._run import Outcome, Progress, RunError, describe, read_cases, run_cases, write_results
from eghnrw.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.trace import Lang, format_value

__all__ = ["EXIT_BAD_INPUT", "EXIT_ERROR", "EXIT_OK", "build_parser", "main"]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2

#: The bundled example (a copy of examples/besondere_wohnform.json, kept equal by a test).
DEMO_FILE = "besondere_wohnform.json"

_EPILOG = """exit codes: 0 ok, 2 bad input (also: refused cases in run), 1 anything else.
Amounts in plain decimal syntax (1234.56), dates as YYYY-MM-DD. See docs/cli.md."""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("de", "en"), default="de", help="language of the explanation (default de)")
    common.add_argument("--json", action="store_true", help="print the audit record as JSON instead of the text")
    return common


def _add_kind(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], kind: Kind, common: argparse.ArgumentParser
) -> None:
    parser = sub.add_parser(
        kind.name,
        parents=[common],
        help=kind.summary.replace("%", "%%"),  # argparse %-formats help texts
        description=f"{kind.summary}.\nClauses: {kind.clauses}.",
        epilog=f"example:\n  {kind.example}\n\n{_EPILOG}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for field in kind.fields:
        _add_field(parser, field)
    parser.set_defaults(kind=kind)


def _add_field(parser: argparse.ArgumentParser, field: Field) -> None:
    label = (field.help + (" [required]" if field.required else "")).replace("%", "%%")
    if field.type == "bool":
        parser.add_argument(field.option, dest=field.name, action=argparse.BooleanOptionalAction, help=label)
    elif field.type == "mapping":
        parser.add_argument(field.option, dest=field.name, action="append", metavar="NAME=VALUE", help=label)
    elif field.type == "choice":
        parser.add_argument(field.option, dest=field.name, choices=field.choices, help=label)
    else:
        parser.add_argument(field.option, dest=field.name, metavar=field.type.upper(), help=label)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``eghnrw`` command."""
    parser = argparse.ArgumentParser(
        prog="eghnrw",
        description="Calculations under the NRW framework agreements on Eingliederungshilfe "
        "(LRV = Landesrahmenvertrag nach § 131 SGB IX NRW, RV = Rahmenvereinbarung NRW).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"eghnrw {eghnrw.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common()
    for kind in KINDS.values():
        _add_kind(sub, kind, common)
    add_kalkulation_parser(sub, common)

    run = sub.add_parser(
        "run",
        help="compute every case of a JSON or CSV file (a whole book)",
        description="Compute every case of FILE; a 'kind' column/key picks each case's calculation "
        "(the subcommand names), the other columns are its fields. Refused cases are reported on "
        "stderr with their line number and left out; the others are written.",
        epilog=f"example:\n  eghnrw run examples/besondere_wohnform.csv --format csv --output results.csv\n\n{_EPILOG}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("file", metavar="FILE", help="the case file (.csv, .json or JSON Lines; '-' reads stdin)")
    run.add_argument("--output", "-o", metavar="OUT", help="write here instead of stdout")
    run.add_argument(
        "--format",
        choices=("jsonl", "csv", "text"),
        help="jsonl (one audit record per line), csv (one row of values per case) or text "
        "(the explanations); default: from OUT's suffix, else jsonl",
    )
    run.add_argument("--lang", choices=("de", "en"), default="de", help="language of --format text")

    schema = sub.add_parser("schema", help="print the JSON Schema of the inputs")
    group = schema.add_mutually_exclusive_group()
    group.add_argument("--model", metavar="NAME", help="only this input model (e.g. Module, Provider)")
    group.add_argument("--cases", action="store_true", help="the schema of one case of a case file for run")

    demo = sub.add_parser(
        "demo",
        parents=[common],
        help="the main job on the bundled example (a besondere Wohnform), explained",
        description="Runs the bundled example case file (the same as examples/besondere_wohnform.json): "
        "Fachmodul Wohnen, Organisationsmodul, Assistenz hours, the KdU split, and the end "
        "dates of the RV and the LRV. All figures are illustrative inputs.",
    )
    demo.add_argument("--brief", action="store_true", help="only the summary, not every calculation step")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (0 ok, 2 bad input, 1 anything else)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    command = {"run": _run, "schema": _schema, "demo": _demo, "kalkulation": run_kalkulation}.get(args.command, _single)
    try:
        with _warnings_to_stderr():
            if args.command is None:
                parser.print_help()
                return EXIT_OK
            return command(args)
    except (InvalidInputError, ParameterNotFoundError, RunError) as exc:
        _error(describe(exc))
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # e.g. piped into head: not our failure, but no clean ending either
        sys.stderr.close()
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - a bug: say so, with the type, and exit 1
        _error(f"unexpected {type(exc).__name__}: {exc} (please report this)")
        return EXIT_ERROR


def _say(text: str, stream: TextIO | None = None) -> None:
    """Write a line (a command prints; ``print`` is kept out of the package by the linter)."""
    (stream or sys.stdout).write(text + "\n")


def _error(message: str) -> None:
    _say(f"eghnrw: error: {message}", sys.stderr)


@contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """Show each library warning once, as a line on stderr (e.g. an outdated parameter)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for message in dict.fromkeys(str(w.message) for w in caught):
                _say(f"eghnrw: warning: {message}", sys.stderr)


def _single(args: argparse.Namespace) -> int:
    kind: Kind = args.kind
    raw = {field.name: getattr(args, field.name) for field in kind.fields}
    result = compute(kind, raw)
    _say(result.model_dump_json() if args.json else result.explain(args.lang))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    document = case_schema() if args.cases else eghnrw.input_schema(args.model)
    _say(json.dumps(document, indent=2, ensure_ascii=False))
    return EXIT_OK


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError("FILE", name, f"pass a readable UTF-8 case file ({exc})") from None


def _run(args: argparse.Namespace) -> int:
    text = _read(args.file)
    cases = read_cases(text)
    fmt = args.format or ("csv" if args.output and args.output.lower().endswith(".csv") else "jsonl")
    errors: list[Outcome] = []
    outcomes = run_cases(cases, Progress(len(cases), sys.stderr))
    if args.output:
        try:
            with Path(args.output).open("w", encoding="utf-8", newline="") as out:
                write_results(outcomes, out, fmt, args.lang, errors)
        except OSError as exc:
            _error(f"cannot write {args.output}: {exc}")
            return EXIT_ERROR
    else:
        write_results(outcomes, sys.stdout, fmt, args.lang, errors)
    for bad in errors:
        kind = f"{bad.kind}: " if bad.kind else ""
        _say(f"{args.file}:{bad.line}: {kind}{bad.error}", sys.stderr)
    if errors:
        good = len(cases) - len(errors)
        _say(f"eghnrw: {len(errors)} of {len(cases)} case(s) refused; the other {good} were written", sys.stderr)
    if any(bad.unexpected for bad in errors):
        return EXIT_ERROR
    return EXIT_BAD_INPUT if errors else EXIT_OK


def demo_text() -> str:
    """The bundled example case file (JSON)."""
    return resources.files("eghnrw.cli").joinpath(DEMO_FILE).read_text(encoding="utf-8")


def _demo(args: argparse.Namespace) -> int:
    outcomes = list(run_cases(read_cases(demo_text())))
    failed = [o for o in outcomes if o.result is None]
    if failed:  # the bundled example must always compute
        for bad in failed:
            _error(f"{DEMO_FILE}:{bad.line}: {bad.error}")
        return EXIT_ERROR
    if args.json:
        errors: list[Outcome] = []
        write_results(iter(outcomes), sys.stdout, "jsonl", args.lang, errors)
        return EXIT_OK
    _print_demo(outcomes, args.lang, brief=args.brief, out=sys.stdout)
    return EXIT_OK


#: What the demo's summary shows of each kind of result (the rest is in the explanation).
_SUMMARY: dict[str, tuple[str, ...]] = {
    "kdu": ("sgb_xii_share", "eingliederungshilfe_share"),
    "rv-termination": ("last_day_for_notice", "end_date"),
    "lrv-termination": ("effective_date", "aftereffect_until"),
}
_EURO = frozenset({"amount", "sgb_xii_share", "eingliederungshilfe_share"})


def _print_demo(outcomes: list[Outcome], lang: Lang, *, brief: bool, out: TextIO) -> None:
    de = lang == "de"
    out.write(
        (
            "Beispiel: eine besondere Wohnform (24 Plätze) — alle Zahlen sind erfundene Eingaben:\n"
            "Anlage B (Personalschlüssel, Auslastung) und landeseinheitliche Euro-Sätze sind nicht veröffentlicht.\n"
            if de
            else "Example: a besondere Wohnform (24 places) — every figure is an illustrative input:\n"
            "Anlage B (staff keys, occupancy) and state-wide Euro rates are not published.\n"
        )
        + ("\nZusammenfassung\n" if de else "\nSummary\n")
    )
    for outcome in outcomes:
        result = outcome.result
        if result is None:  # pragma: no cover - _demo stops before
            continue
        shown = []
        for name in _SUMMARY.get(outcome.kind, ("amount",)):
            labels = result.labels.get(name, (name, name))
            value = getattr(result, name)
            euro = " €" if name in _EURO else ""
            shown.append(f"{labels[0 if de else 1]} {format_value(value, lang)}{euro}")
        out.write(f"  {outcome.id}: {'; '.join(shown)}\n")
    out.write(
        "\nSelbst rechnen: eghnrw run examples/besondere_wohnform.json --format text\n"
        if de
        else "\nRun it yourself: eghnrw run examples/besondere_wohnform.json --format text --lang en\n"
    )
    if brief:
        return
    out.write("\n")
    write_results(iter(outcomes), out, "text", lang, [])
