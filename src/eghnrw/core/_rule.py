"""The rule declaration: each rule of the agreements declared once, beside its function.

A rule is one public function. ``@rule(...)`` declares, next to its ``def``, what every door needs
to know about it and must not write again: the RULES.md IDs it implements, the clauses it rests
on, the parts of the agreements (and so their editions, :mod:`eghnrw.core._editions`) it applies, the
dated parameters it reads, where it rounds, and the days it is valid on. The function itself is
returned unchanged, so a declaration costs nothing on a call.

Everything else is read from the function: its keywords and their types from its signature, the
result class from its return annotation, the text from its docstring. The doors — the command
line, the service, the fuzz table, the traceability table, :func:`eghnrw.verify_record` — read
:func:`declarations`, which finds the rules through the public names of :mod:`eghnrw` (there is no
second list of rules).

Like GETTSIM's ``@policy_function(start_date=..., end_date=...)``, a changed rule becomes a new
dated version of the same name, and two versions valid on the same day are refused when the
second is declared (so at import, in every test run).

>>> from eghnrw.verguetung.rates.daily import daily_rate
>>> declared = daily_rate.__rule__
>>> declared.ids, declared.clauses[0], declared.result.__name__
(('M4',), 'LRV A.4.5 Abs. 2', 'DailyRateResult')
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any, TypeVar

from eghnrw.core._editions import edition_keys
from eghnrw.core._validity import check_period, covers, first_clash

__all__ = ["Input", "Rule", "declarations", "rule", "rules_for_result", "version_on"]

F = TypeVar("F", bound=Callable[..., Any])

#: Every declared version of every rule, by public name (filled as the rule modules are imported).
_DECLARED: dict[str, list[Rule]] = {}


@dataclass(frozen=True)
class Input:
    """One keyword of a rule: its name, type annotation, default (``inspect.Parameter.empty``: required), meaning."""

    name: str
    annotation: Any
    default: Any
    help: str = ""

    @property
    def required(self) -> bool:
        """Whether the caller must pass it."""
        return self.default is inspect.Parameter.empty


@dataclass(frozen=True)
class Rule:
    """The declaration of one version of a rule (see the module docstring)."""

    function: Callable[..., Any]
    ids: tuple[str, ...]
    clauses: tuple[str, ...]
    parameters: tuple[str, ...] = ()
    rounding: str = ""
    valid_from: date = date(2020, 1, 1)
    valid_until: date | None = None
    command: str = ""
    example: Mapping[str, Any] = field(default_factory=dict, compare=False)
    arguments: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        """The public name (``eghnrw.<name>``)."""
        return self.function.__name__

    @property
    def module(self) -> str:
        """The module that holds the rule (what ``eghnrw.<name>`` loads)."""
        return self.function.__module__

    @property
    def command_name(self) -> str:
        """The rule's command-line and service name: ``command`` if declared, else the name with dashes."""
        return self.command or self.name.replace("_", "-")

    @cached_property
    def editions(self) -> tuple[str, ...]:
        """The parts of the agreements whose edition the rule applies (keys of ``eghnrw.core._editions.EDITIONS``)."""
        return edition_keys(self.clauses)

    @cached_property
    def hints(self) -> dict[str, Any]:
        """The resolved type hints of the function (its keywords and ``return``)."""
        return typing.get_type_hints(self.function)

    @property
    def result(self) -> type:
        """The result class the function returns (from its return annotation)."""
        returned = self.hints.get("return")
        if not isinstance(returned, type):
            raise TypeError(f"eghnrw.{self.name} is not annotated to return a class")
        return returned

    @cached_property
    def inputs(self) -> tuple[Input, ...]:
        """The keywords of the function in order, with their resolved types and defaults."""
        hints = self.hints
        return tuple(
            Input(p.name, hints.get(p.name, Any), p.default, self.arguments.get(p.name, ""))
            for p in inspect.signature(self.function).parameters.values()
            if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        )

    @property
    def summary(self) -> str:
        """The first line of the docstring."""
        return (inspect.getdoc(self.function) or "").partition("\n")[0]


def rule(
    *,
    ids: tuple[str, ...] | str,
    clauses: tuple[str, ...] | str,
    parameters: tuple[str, ...] = (),
    rounding: str = "",
    valid_from: date = date(2020, 1, 1),
    valid_until: date | None = None,
    command: str = "",
    example: Mapping[str, Any] | None = None,
    arguments: Mapping[str, str] | None = None,
) -> Callable[[F], F]:
    """Declare the decorated function as (a version of) the rule of RULES.md ``ids``.

    ``clauses``: what the rule rests on, as users cite it (``"LRV A.4.5 Abs. 2"``), most
    important first; ``parameters``: the dated parameters it reads; ``rounding``: where it rounds;
    ``valid_from``/``valid_until``: the days this version applies (default: from the LRV's entry
    into force, 01.01.2020, open-ended); ``command``: its command-line name if not the name with
    dashes; ``example``: the keywords of one valid call (the doors that need one — the fuzz table,
    the service's documentation — take it from here); ``arguments``: what a keyword means, where
    its name does not say it (the command line's help, the service's form labels).

    Raises:
        ValueError: a version of the same rule is already declared for one of these days.
    """
    check_period(valid_from, valid_until)
    ids = (ids,) if isinstance(ids, str) else tuple(ids)
    clauses = (clauses,) if isinstance(clauses, str) else tuple(clauses)

    def declare(function: F) -> F:
        declared = Rule(
            function,
            ids,
            clauses,
            tuple(parameters),
            rounding,
            valid_from,
            valid_until,
            command,
            dict(example or {}),
            dict(arguments or {}),
        )
        unknown = sorted(set(declared.arguments) - set(inspect.signature(function).parameters))
        if unknown:
            raise ValueError(f"the declaration of {declared.name} explains keywords it does not take: {unknown}")
        versions = _DECLARED.setdefault(declared.name, [])
        versions[:] = [v for v in versions if v.module != declared.module or v.valid_from != valid_from]  # reload
        clash = first_clash([*versions, declared])
        if clash:
            earlier, later = clash
            raise ValueError(
                f"two versions of the rule {declared.name} are valid on {later.valid_from}: "
                f"{earlier.module} (from {earlier.valid_from}) and {later.module} (from {later.valid_from})"
            )
        versions.append(declared)
        function.__rule__ = declared  # type: ignore[attr-defined]
        return function

    return declare


@cache
def declarations() -> Mapping[str, Rule]:
    """Every rule of :mod:`eghnrw`, by public name: the newest version of each (importing every rule module).

    The rules are found through ``eghnrw.__all__``: a public function with a declaration is a rule.
    Looked up once: after it every rule module is imported, so the set no longer changes.
    """
    import eghnrw  # noqa: PLC0415 - the package imports this module

    public: list[str] = eghnrw.__all__  # made on first use by eghnrw.__getattr__
    found: dict[str, Rule] = {}
    for name in public:
        declared = getattr(getattr(eghnrw, name), "__rule__", None)
        if isinstance(declared, Rule):
            found[name] = max(_DECLARED[name], key=lambda v: v.valid_from)
    return MappingProxyType(found)


def version_on(name: str, day: date) -> Rule | None:
    """The version of rule ``name`` valid on ``day``, if any (after its module was imported)."""
    return next((v for v in _DECLARED.get(name, ()) if covers(v, day)), None)


def rules_for_result(result_type: str) -> tuple[Rule, ...]:
    """The rules whose functions return the result class called ``result_type`` (for verifying records)."""
    return _by_result().get(result_type, ())


@cache
def _by_result() -> Mapping[str, tuple[Rule, ...]]:
    grouped: dict[str, tuple[Rule, ...]] = {}
    for declared in declarations().values():
        grouped[declared.result.__name__] = (*grouped.get(declared.result.__name__, ()), declared)
    return grouped
