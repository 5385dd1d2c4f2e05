"""The subcommands besides the calculations (``run``, ``schema``, ``demo``, …): a small registry.

A module that brings a subcommand registers it with :func:`register` when it is imported, and
``eghnrw.doors.cli`` imports it before it builds the parser::

    from eghnrw.doors.cli._commands import EXIT_OK, register

    def _options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE")

    def _handle(args: argparse.Namespace) -> int:
        ...
        return EXIT_OK

    register("template", help="write an .xlsx template", setup=_options, handler=_handle)

A handler returns the exit code; it raises :class:`CommandError` (or the library's
``InvalidInputError``) for bad input, which the command reports as ``eghnrw: error: …``, exit 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from eghnrw.core.errors import EghnrwError

__all__ = [
    "COMMANDS",
    "EXIT_BAD_INPUT",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "Command",
    "CommandError",
    "OutputError",
    "register",
]

EXIT_OK: Final = 0
EXIT_ERROR: Final = 1
EXIT_BAD_INPUT: Final = 2
#: Interrupted (Ctrl-C), as shells report a process ended by SIGINT (128 + 2).
EXIT_INTERRUPTED: Final = 130


class CommandError(EghnrwError, ValueError):
    """Bad input to a command as a whole (an unreadable file, a missing optional package): exit 2."""


class OutputError(EghnrwError, OSError):
    """The output cannot be written (a folder that does not exist, a full disk): exit 1."""


def _no_options(_parser: argparse.ArgumentParser) -> None:
    """A command without options of its own."""


@dataclass(frozen=True, slots=True)
class Command:
    """A subcommand: its name, one line of help, how it adds its options, and what it does.

    ``common``: it also takes ``--lang`` and ``--json`` (like the calculations).
    """

    name: str
    help: str
    handler: Callable[[argparse.Namespace], int]
    setup: Callable[[argparse.ArgumentParser], None] = _no_options
    description: str = ""
    epilog: str = ""
    common: bool = False


#: The registered subcommands, in the order they appear in ``eghnrw --help`` (after the calculations).
COMMANDS: dict[str, Command] = {}


def register(
    name: str,
    *,
    help: str,  # noqa: A002 - argparse's word for it
    handler: Callable[[argparse.Namespace], int],
    setup: Callable[[argparse.ArgumentParser], None] = _no_options,
    description: str = "",
    epilog: str = "",
    common: bool = False,
) -> Command:
    """Register a subcommand (see the module's docstring); returns it.

    Raises:
        ValueError: the name is taken.
    """
    if name in COMMANDS:
        raise ValueError(f"a command {name!r} exists already")
    command = Command(name, help, handler, setup, description, epilog, common)
    COMMANDS[name] = command
    return command
