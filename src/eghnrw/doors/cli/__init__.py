"""The ``eghnrw`` command: one subcommand per calculation, ``run`` for a whole book, ``schema``, ``demo``.

Human output is the result's explanation (``explain()``, German unless ``--lang en``); ``--json``
prints the audit record (``model_dump_json()``), the same bytes the library call gives.
Exit codes: 0 ok, 2 bad input (a refused argument, a usage error, an unreadable case file,
refused cases), 1 anything else. Nothing in eghnrw imports this package.

The calculations are in ``_kinds`` (add one with ``_kinds.add_kind``); every other subcommand
registers itself with ``_commands.register`` in its own module, imported below.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import eghnrw
from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.doors.cli import _calendar, _demo, _kalkulation, _run, _serve, _verify, _wohnform  # noqa: F401 - each registers its subcommand
from eghnrw.doors.cli._commands import (
    COMMANDS,
    EXIT_BAD_INPUT,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Command,
    CommandError,
    OutputError,
    register,
)
from eghnrw.doors.cli._demo import DEMO_FILE, demo_text
from eghnrw.doors.cli._fields import Field
from eghnrw.doors.cli._kind import Kind, compute
from eghnrw.doors.cli._kinds import KINDS
from eghnrw.doors.cli._messages import speak
from eghnrw.doors.cli._schema import case_schema

__all__ = ["EXIT_BAD_INPUT", "EXIT_ERROR", "EXIT_OK", "build_parser", "main"]
__all__ += ["DEMO_FILE", "demo_text"]  # the bundled example, for tests and examples/

_EPILOG = """exit codes: 0 ok, 2 bad input (also: refused cases in run), 130 interrupted, 1 anything else.
Amounts in plain decimal syntax (1234.56; --decimal-comma for 1.234,56), dates as YYYY-MM-DD.
See docs/cli.md."""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("de", "en"), default="de", help="language of the explanation (default de)")
    common.add_argument("--json", action="store_true", help="print the audit record as JSON instead of the text")
    common.add_argument(
        "--decimal-comma",
        action="store_true",
        help="amounts typed with a decimal comma (700,00; 1.234,56) and dates as TT.MM.JJJJ",
    )
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
    if kind.name in _calendar.CALENDAR_KINDS:
        _calendar.add_ics_option(parser)
    parser.set_defaults(kind=kind, handler=_single)


def _add_field(parser: argparse.ArgumentParser, field: Field) -> None:
    label = field.help.replace("%", "%%")
    if field.type == "bool":
        parser.add_argument(field.option, dest=field.name, action=argparse.BooleanOptionalAction, help=label)
    elif field.type == "mapping":
        parser.add_argument(
            field.option, dest=field.name, action="append", metavar=field.metavar, required=field.required, help=label
        )
    elif field.type == "choice":
        parser.add_argument(field.option, dest=field.name, choices=field.choices, required=field.required, help=label)
    else:
        parser.add_argument(field.option, dest=field.name, metavar=field.metavar, required=field.required, help=label)


def _add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], command: Command, common: argparse.ArgumentParser
) -> None:
    parser = sub.add_parser(
        command.name,
        parents=[common] if command.common else [],
        help=command.help.replace("%", "%%"),
        description=command.description or command.help,
        epilog=f"{command.epilog}\n\n{_EPILOG}" if command.epilog else _EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.setup(parser)
    parser.set_defaults(handler=command.handler)


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
    for command in COMMANDS.values():
        _add_command(sub, command, common)
    return parser


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of the subcommand ``name`` (its usage line goes with its errors)."""
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public way to the subparsers
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            found: argparse.ArgumentParser = action.choices[name]
            return found
    return parser  # pragma: no cover - build_parser always adds subparsers


def _unrecognized(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> tuple[str | None, list[str]]:
    """The subcommand and the arguments it does not know, found with required options not yet enforced.

    So ``eghnrw kdu --bogus 1`` names ``--bogus`` first, before the options it still needs.
    """
    relaxed = [
        action
        for sub in parser._actions  # noqa: SLF001 - argparse offers no public way to the subparsers
        if isinstance(sub, argparse._SubParsersAction)  # noqa: SLF001
        for choice in sub.choices.values()
        for action in choice._actions  # noqa: SLF001
        if action.required
    ]
    quiet = io.StringIO()
    try:
        for action in relaxed:
            action.required = False
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            args, extra = parser.parse_known_args(argv)
    except SystemExit:  # any other usage error (or --help): the real parse below reports it
        return None, []
    finally:
        for action in relaxed:
            action.required = True
    return args.command, extra


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; a usage error names the subcommand's usage, not the top level's (SystemExit 2)."""
    command, extra = _unrecognized(parser, argv)
    if command is not None and extra:
        _subparser(parser, command).error(f"unrecognized arguments: {' '.join(extra)}")
    args, extra = parser.parse_known_args(argv)
    if args.command is None:
        parser.error("choose a command (eghnrw --help lists them; eghnrw demo shows an example)")
    if extra:
        _subparser(parser, args.command).error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (0 ok, 2 bad input, 1 anything else)."""
    parser = build_parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    try:
        with _warnings_to_stderr():
            code: int = args.handler(args)
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at the interpreter's exit
    except Exception as exc:  # noqa: BLE001 - every failure ends in one line and an exit code
        return _failed(exc, getattr(args, "kind", None))
    except KeyboardInterrupt:  # Ctrl-C: one line; files being written were removed on the way out
        _silence_stdout()
        _error("interrupted; no output file was written")
        return EXIT_INTERRUPTED
    return code


def _failed(exc: Exception, kind: Kind | None) -> int:
    """Report ``exc`` in one line on stderr; its exit code."""
    code = EXIT_ERROR
    if isinstance(exc, (InvalidInputError, ParameterNotFoundError, CommandError)):
        message, code = speak(exc, kind, "option"), EXIT_BAD_INPUT
    elif isinstance(exc, OutputError):
        message = str(exc)
    elif isinstance(exc, BrokenPipeError):  # piped into head, which has what it wanted: no error
        message, code = "", EXIT_OK
    elif isinstance(exc, OSError):  # standard output cannot be written (a full disk: > /dev/full)
        message = f"cannot write the output: {exc.strerror or exc}"
    else:  # a bug: say so, with the type
        message = f"unexpected {type(exc).__name__}: {str(exc)[:200]} (please report this)"
    if isinstance(exc, OSError):
        _silence_stdout()
    if message:
        _error(message)
    return code


def _silence_stdout() -> None:
    """Send what is left in stdout's buffer nowhere, so the interpreter's exit does not fail writing it again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):  # a test's StringIO has no file descriptor
        pass


def _say(text: str, stream: TextIO | None = None) -> None:
    """Write a line (a command prints; ``print`` is kept out of the package by the linter)."""
    (stream or sys.stdout).write(text + "\n")


def _error(message: str) -> None:
    _say(f"eghnrw: error: {message}", sys.stderr)


@contextlib.contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """Show each library warning once, as a line on stderr (e.g. an outdated parameter), after the output.

    Only distinct messages are kept, so a book of a million cases with the same warning costs nothing.
    """
    seen: dict[str, None] = {}

    def keep(message: Warning | str, *_args: Any, **_kwargs: Any) -> None:
        seen.setdefault(str(message))

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = keep
        try:
            yield
        finally:
            for message in seen:
                _say(f"eghnrw: warning: {message}", sys.stderr)


def _single(args: argparse.Namespace) -> int:
    kind: Kind = args.kind
    raw = {field.name: getattr(args, field.name) for field in kind.fields}
    result = compute(kind, raw, german=args.decimal_comma)
    ics = getattr(args, "ics", None)
    if ics:
        _calendar.write_ics(result, ics, args.lang, getattr(args, "remind", None))
        if ics == "-":  # the calendar is the output
            return EXIT_OK
    _say(result.model_dump_json() if args.json else result.explain(args.lang))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    document = case_schema() if args.cases else eghnrw.input_schema(args.model)
    _say(json.dumps(document, indent=2, ensure_ascii=False))
    return EXIT_OK


def _schema_options(schema: argparse.ArgumentParser) -> None:
    group = schema.add_mutually_exclusive_group()
    group.add_argument("--model", metavar="NAME", help="only this input model (e.g. Module, Provider)")
    group.add_argument("--cases", action="store_true", help="the schema of one case of a case file for run")


register("schema", help="print the JSON Schema of the inputs", setup=_schema_options, handler=_schema)
