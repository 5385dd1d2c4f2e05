"""Output files written whole or not at all, and never over their own input.

Every file a command writes (``run --output``, ``template``, ``demo --save``, ``--ics``) is written
to a temporary file beside its target and renamed onto it when complete (:func:`replacing`): an
error, a full disk or Ctrl-C leaves nothing at the target (and a target that existed as it was).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eghnrw.doors.cli._commands import CommandError, OutputError

__all__ = ["refuse_same_file", "replacing"]


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed onto it when the block ends without error.

    The block writes the temporary path (or nothing: then nothing is renamed). On any exception,
    ``KeyboardInterrupt`` included, the temporary file is removed and the exception goes on.

    Raises:
        OutputError: the target's folder does not exist, or the file cannot be renamed.
    """
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: the folder {folder} does not exist")
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        yield temporary
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if temporary.exists():
        try:
            temporary.replace(target)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None


def refuse_same_file(source: str, target: str | None, option: str = "--output") -> None:
    """Refuse to write over the input: the same path, or another name of the same file (a link).

    Raises:
        CommandError: ``target`` is ``source``.
    """
    if target is None or source == "-" or target == "-":
        return
    try:
        same = Path(source).samefile(target)
    except OSError:  # the target does not exist yet (or the source cannot be read: reported when it is read)
        same = Path(source).resolve() == Path(target).resolve()
    if same:
        raise CommandError(f"{option}: got {target!r}; that is the input file: name another file for the output")
