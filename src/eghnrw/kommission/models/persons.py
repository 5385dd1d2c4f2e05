"""Persons and reporting (RULES.md C2, C11; LRV A.3.3; RV § 1 Abs. 1, § 7 Abs. 2).

:class:`Person` holds what the Personenkreis check needs; :class:`CaseRecord` is one line of the
case-count and cost report of RV § 7 Abs. 2, and :func:`report` groups such lines by the report's
dimensions (own flat or besondere Wohnform, type of disability, gender, age cohort, place of
residence). The age cohorts and the places are agreed in the Arbeitsgemeinschaft (RV § 7 Abs. 1),
so they are free labels here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext
from typing import Annotated

from pydantic import AfterValidator, Field

from eghnrw.core._types import Count, FrozenModel, Money, Quantity, Text, enum_value
from eghnrw.core.enums import Beeintraechtigung, Geschlecht, Leistungsbereich, ReportDimension, Wohnform
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT
from eghnrw.kommission.models.checks import PersonenkreisCheck, personenkreis_check

__all__ = ["Person"]


def _ordered(kinds: tuple[Beeintraechtigung, ...]) -> tuple[Beeintraechtigung, ...]:
    """Impairments once each, in the order of LRV A.3.3 a–d (so JSON output is stable)."""
    return tuple(k for k in Beeintraechtigung if k in kinds)


Impairments = Annotated[tuple[Beeintraechtigung, ...], AfterValidator(_ordered)]


class Person(FrozenModel):
    """A person as the Personenkreis check sees them (LRV A.3.3 Abs. 1).

    ``expected_months``: the prognosis of how long participation will be hindered (or threatened).

    >>> Person(id="p-1", impairments=("seelisch",), expected_months=12).personenkreis().answer
    True
    """

    id: Text
    impairments: Impairments = ()
    expected_months: Quantity

    def personenkreis(self) -> PersonenkreisCheck:
        """C2: whether the person belongs to the Personenkreis."""
        return personenkreis_check(impairments=self.impairments, expected_months=self.expected_months)


class CaseRecord(FrozenModel):
    """One person's line in the report of RV § 7 Abs. 2 (case count and cost)."""

    wohnform: Wohnform
    art_der_behinderung: Annotated[Impairments, Field(min_length=1)]
    geschlecht: Geschlecht
    alterskohorte: Text
    aufenthaltsort: Text
    leistungsbereich: Leistungsbereich = Leistungsbereich.SOZIALE_TEILHABE
    aufwand: Money

    def key(self, dimension: ReportDimension) -> str:
        """The record's value in one report dimension (combined impairments joined by ``+``)."""
        if dimension is ReportDimension.ART_DER_BEHINDERUNG:
            return "+".join(k.value for k in self.art_der_behinderung)
        return str(getattr(self, dimension.value))


class ReportRow(FrozenModel):
    """One group of the report: its key per dimension, the number of persons, the total cost."""

    key: dict[str, str]
    persons: Count
    aufwand: Money


def report(
    records: Iterable[CaseRecord], *, by: Sequence[ReportDimension | str] = tuple(ReportDimension)
) -> tuple[ReportRow, ...]:
    """Case count and total cost grouped by the dimensions of RV § 7 Abs. 2 (all five by default).

    Rows are sorted by their key; costs add up exactly (nothing is rounded).

    >>> r = CaseRecord(wohnform="eigene_wohnung", art_der_behinderung=("geistig",), geschlecht="weiblich",
    ...                alterskohorte="18-29", aufenthaltsort="Köln", aufwand="1000.50")
    >>> report([r, r], by=["wohnform"])[0].persons
    2

    Raises:
        InvalidInputError: a dimension is unknown or named twice, or a record is not a :class:`CaseRecord`.
    """
    dims = tuple(enum_value(ReportDimension, d, "by") for d in by)
    if len(set(dims)) != len(dims):
        raise InvalidInputError("by", list(by), "name each dimension once")
    groups: dict[tuple[str, ...], tuple[int, Decimal]] = {}
    for i, record in enumerate(records):
        if not isinstance(record, CaseRecord):
            raise InvalidInputError(f"records[{i}]", record, "pass CaseRecord instances")
        k = tuple(record.key(d) for d in dims)
        count, total = groups.get(k, (0, Decimal(0)))
        with localcontext(CONTEXT):
            groups[k] = (count + 1, total + record.aufwand)
    return tuple(
        ReportRow.model_construct(key=dict(zip((d.value for d in dims), k, strict=True)), persons=n, aufwand=total)
        for k, (n, total) in sorted(groups.items())
    )
