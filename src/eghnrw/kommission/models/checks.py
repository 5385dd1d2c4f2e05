"""Yes/no checks the agreements define, each a traced result with its reason.

- C1 (LRV A.1.2 Abs. 2): who is a Leistungserbringer;
- C2 (LRV A.3.3): the Personenkreis;
- C4 (LRV A.4.1 Abs. 2): whether a Vergütungsvereinbarung applies on a day (it continues until replaced);
- C6 (LRV A.8.2 Abs. 1): whether an audit needs a specific cause;
- C8 (LRV B.4.1 Abs. 8): the irrefutable presumption of a quality breach;
- C14 (LRV A.8.2 Abs. 6–7): whether an audit may be announced;
- D18 (LRV A.5 Abs. 2, § 120 Abs. 4 SGB IX): whether the provider must admit a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated

from eghnrw.core._check import check_bool, check_date
from eghnrw.core._rule import rule
from eghnrw.core._types import enum_value
from eghnrw.core.enums import AuditKind, Beeintraechtigung
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import Amount, parse_amount
from eghnrw.core.trace import Label, Result, Step

__all__ = [
    "AdmissionDutyCheck",
    "AuditAnnouncementCheck",
    "AuditCauseCheck",
    "CheckResult",
    "LeistungserbringerCheck",
    "PersonenkreisCheck",
    "QualityBreachCheck",
    "VerguetungCheck",
    "admission_duty",
    "audit_announcement_check",
    "audit_needs_cause",
    "is_leistungserbringer",
    "personenkreis_check",
    "quality_breach_presumed",
    "verguetung_applies",
]


class CheckResult(Result):
    """The answer of a yes/no check, with its reason in German (``reason``) and English (``reason_en``)."""

    title = ("Prüfung", "Check")

    answer: Annotated[bool, Label("Ergebnis", "answer")]
    reason: Annotated[str, Label("Begründung", "reason")]
    reason_en: str


class LeistungserbringerCheck(CheckResult):
    """C1: whether someone is a Leistungserbringer in the sense of the LRV."""

    title = ("Leistungserbringer (LRV A.1.2 Abs. 2)", "Provider (LRV A.1.2 para. 2)")


class PersonenkreisCheck(CheckResult):
    """C2: whether a person belongs to the Personenkreis."""

    title = ("Personenkreis (LRV A.3.3)", "Eligible group (LRV A.3.3)")


class VerguetungCheck(CheckResult):
    """C4: whether a Vergütungsvereinbarung applies on a day."""

    title = ("Geltung der Vergütungsvereinbarung", "Remuneration agreement applies")


class AuditCauseCheck(CheckResult):
    """C6: whether an audit of this kind needs a specific cause, and whether it may go ahead."""

    title = ("Prüfanlass (LRV A.8.2 Abs. 1)", "Cause for an audit (LRV A.8.2 para. 1)")

    needs_cause: bool


class AuditAnnouncementCheck(CheckResult):
    """C14: whether an audit of this kind takes place as the LRV provides, announced or not."""

    title = (
        "Ankündigung der Prüfung (LRV A.8.2 Abs. 6)",
        "Announcing an audit (LRV A.8.2 para. 6)",
    )

    without_notice: bool


class AdmissionDutyCheck(CheckResult):
    """D18: whether the provider must admit the person on a day, and since when (LRV A.5 Abs. 2)."""

    title = ("Aufnahmepflicht (LRV A.5 Abs. 2)", "Duty to admit (LRV A.5 para. 2)")

    #: The day of the (provisional) grant from which the duty runs (``None``: not granted yet).
    duty_from: date | None


class QualityBreachCheck(CheckResult):
    """C8: whether a breach of quality obligations is irrefutably presumed."""

    title = ("Unwiderlegbare Vermutung (LRV B.4.1 Abs. 8)", "Irrefutable presumption")

    grounds: tuple[str, ...]


@rule(ids=("C1",), clauses=("LRV A.1.2 Abs. 2",))
def is_leistungserbringer(
    *, leistungsvereinbarung: bool, verguetungsvereinbarung: bool, delivers_approved_service: bool = True
) -> LeistungserbringerCheck:
    """C1: a Leistungserbringer has a Leistungs- *and* a Vergütungsvereinbarung (LRV A.1.2 Abs. 2).

    The clause adds that the provider delivers the service the Träger der Eingliederungshilfe
    approved; that is ``True`` by default, since the agreements are what a register can check.

    >>> is_leistungserbringer(leistungsvereinbarung=True, verguetungsvereinbarung=False).answer
    False

    Raises:
        InvalidInputError: an argument is not ``True`` or ``False``.
    """
    lv = check_bool(leistungsvereinbarung, "leistungsvereinbarung")
    vv = check_bool(verguetungsvereinbarung, "verguetungsvereinbarung")
    delivers = check_bool(delivers_approved_service, "delivers_approved_service")
    answer = lv and vv and delivers
    missing_de = [n for n, ok in (("Leistungsvereinbarung", lv), ("Vergütungsvereinbarung", vv)) if not ok]
    if answer:
        reason, reason_en = (
            "Leistungs- und Vergütungsvereinbarung liegen vor",
            "has both a Leistungs- and a Vergütungsvereinbarung",
        )
    elif missing_de:
        reason = "es fehlt: " + " und ".join(missing_de)
        reason_en = "missing: " + " and ".join(missing_de)
    else:
        reason, reason_en = "erbringt keine bewilligte Leistung", "delivers no approved service"
    return LeistungserbringerCheck.build(
        answer=answer,
        reason=reason,
        reason_en=reason_en,
        inputs={
            "leistungsvereinbarung": lv,
            "verguetungsvereinbarung": vv,
            "delivers_approved_service": delivers,
        },
        steps=(
            Step("LRV A.1.2 Abs. 2", "Leistungsvereinbarung liegt vor", "has a Leistungsvereinbarung", lv),
            Step("LRV A.1.2 Abs. 2", "Vergütungsvereinbarung liegt vor", "has a Vergütungsvereinbarung", vv),
            Step("LRV A.1.2 Abs. 2", "erbringt die bewilligte Leistung", "delivers the approved service", delivers),
            Step("LRV A.1.2 Abs. 2", "Leistungserbringer im Sinne des LRV", "provider in the sense of the LRV", answer),
        ),
    )


@rule(ids=("C2",), clauses=("LRV A.3.3 Abs. 1",))
def personenkreis_check(
    *, impairments: Iterable[Beeintraechtigung | str], expected_months: Amount
) -> PersonenkreisCheck:
    """C2: whether a person belongs to the Personenkreis of LRV A.3.3 Abs. 1.

    People with körperliche, seelische, geistige or Sinnes-Beeinträchtigungen (a–d), or any
    combination of them, who are expected — with high probability — to be hindered in equal
    participation (or threatened with it) for **more than** six months. ``expected_months`` is the
    professional prognosis of that duration; exactly six months is not "länger als sechs Monate".

    >>> personenkreis_check(impairments=["seelisch", "sinnes"], expected_months=12).answer
    True
    >>> personenkreis_check(impairments=["geistig"], expected_months=6).reason
    'Teilhabebeeinträchtigung voraussichtlich nicht länger als sechs Monate'

    Raises:
        InvalidInputError: an impairment is not a :class:`Beeintraechtigung`, or ``expected_months``
            is not a number of zero or more.
    """
    if isinstance(impairments, (str, bytes)) or not isinstance(impairments, Iterable):
        raise InvalidInputError("impairments", impairments, "pass a collection of impairments, e.g. ['seelisch']")
    kinds = frozenset(enum_value(Beeintraechtigung, k, "impairments") for k in impairments)
    months = parse_amount(expected_months, "expected_months")
    if months < 0:
        raise InvalidInputError("expected_months", expected_months, "pass a number of months of zero or more")
    has_impairment = bool(kinds)
    long_enough = months > 6
    answer = has_impairment and long_enough
    if not has_impairment:
        reason, reason_en = "keine Beeinträchtigung nach a–d angegeben", "no impairment of kinds a–d given"
    elif not long_enough:
        reason = "Teilhabebeeinträchtigung voraussichtlich nicht länger als sechs Monate"
        reason_en = "participation not expected to be hindered for more than six months"
    else:
        combo = " und ".join(sorted(k.value for k in kinds))
        reason = f"Beeinträchtigung ({combo}), voraussichtlich länger als sechs Monate"
        reason_en = f"impairment ({combo}), expected for more than six months"
    ordered = tuple(k.value for k in Beeintraechtigung if k in kinds)
    return PersonenkreisCheck.build(
        answer=answer,
        reason=reason,
        reason_en=reason_en,
        inputs={"impairments": ordered, "expected_months": months},
        steps=(
            Step(
                "LRV A.3.3 Abs. 1",
                "Beeinträchtigung nach a–d oder eine Kombination",
                "impairment of kinds a–d or a combination",
                ", ".join(ordered) or None,
            ),
            Step(
                "LRV A.3.3 Abs. 1",
                "Teilhabe voraussichtlich länger als sechs Monate gehindert",
                "participation expected to be hindered for more than six months",
                long_enough,
            ),
            Step("LRV A.3.3 Abs. 1", "gehört zum Personenkreis", "belongs to the Personenkreis", answer),
        ),
    )


@rule(ids=("C4",), clauses=("LRV A.4.1 Abs. 2",))
def verguetung_applies(
    *, on: date, period_start: date, period_end: date, replaced_from: date | None = None
) -> VerguetungCheck:
    """C4: whether a Vergütungsvereinbarung applies on ``on`` (LRV A.4.1 Abs. 2).

    It is agreed prospectively for a fixed period and continues after its end until a new
    Vergütungsvereinbarung is concluded; ``replaced_from`` is the first day of the successor.

    >>> verguetung_applies(on=date(2026, 3, 1), period_start=date(2025, 1, 1), period_end=date(2025, 12, 31)).reason
    'fortgeltend nach Ablauf, bis eine neue Vergütungsvereinbarung geschlossen ist'

    Raises:
        InvalidInputError: a date is not a ``datetime.date``, or the period or the replacement
            date lies in the wrong order.
    """
    day = check_date(on, "on")
    start = check_date(period_start, "period_start")
    end = check_date(period_end, "period_end")
    if end < start:
        raise InvalidInputError("period_end", end, f"pass a date on or after period_start {start.isoformat()}")
    successor = None if replaced_from is None else check_date(replaced_from, "replaced_from")
    if successor is not None and successor <= start:
        raise InvalidInputError("replaced_from", successor, f"pass a date after period_start {start.isoformat()}")
    if day < start:
        answer, reason, reason_en = False, "vor Beginn des Vereinbarungszeitraums", "before the agreed period"
    elif successor is not None and day >= successor:
        answer, reason, reason_en = False, "durch eine neue Vergütungsvereinbarung ersetzt", "replaced by a new one"
    elif day <= end:
        answer, reason, reason_en = True, "im vereinbarten Zeitraum", "within the agreed period"
    else:
        answer = True
        reason = "fortgeltend nach Ablauf, bis eine neue Vergütungsvereinbarung geschlossen ist"
        reason_en = "continues after its end until a new agreement is concluded"
    return VerguetungCheck.build(
        answer=answer,
        reason=reason,
        reason_en=reason_en,
        inputs={"on": day, "period_start": start, "period_end": end, "replaced_from": successor},
        steps=(
            Step("LRV A.4.1 Abs. 2", "prospektiv und befristet vereinbart bis", "agreed for a fixed period until", end),
            Step(
                "LRV A.4.1 Abs. 2",
                "gilt fort, bis eine neue Vergütungsvereinbarung geschlossen ist",
                "continues until a new one is concluded",
                successor,
            ),
            Step("LRV A.4.1 Abs. 2", "gilt am Stichtag", "applies on the day", answer),
        ),
    )


@rule(ids=("C6",), clauses=("LRV A.8.2 Abs. 1",))
def audit_needs_cause(kind: AuditKind | str, *, specific_cause: bool | None = None) -> AuditCauseCheck:
    """C6: whether an audit of ``kind`` needs a specific cause (LRV A.8.2 Abs. 1).

    Audits are carried out with a specific cause ("aus besonderem Anlass") or without; a
    Wirtschaftlichkeitsprüfung only with one. ``answer`` says whether the audit may go ahead: with
    ``specific_cause`` unknown (``None``) it answers for the case without a cause.

    >>> r = audit_needs_cause("wirtschaftlichkeit", specific_cause=False)
    >>> r.needs_cause, r.answer
    (True, False)

    Raises:
        InvalidInputError: ``kind`` is not an :class:`AuditKind`, or ``specific_cause`` is not a bool.
    """
    audit = enum_value(AuditKind, kind, "kind")
    cause = False if specific_cause is None else check_bool(specific_cause, "specific_cause")
    needs = audit is AuditKind.WIRTSCHAFTLICHKEIT
    answer = cause or not needs
    if needs:
        reason = "Wirtschaftlichkeitsprüfung nur aus besonderem Anlass" + ("" if cause else ": kein Anlass, unzulässig")
        reason_en = "efficiency audit only with a specific cause" + ("" if cause else ": none given, not permitted")
    else:
        reason = "Qualitätsprüfung aus besonderem Anlass oder anlassunabhängig zulässig"
        reason_en = "quality audit permitted with or without a specific cause"
    return AuditCauseCheck.build(
        answer=answer,
        needs_cause=needs,
        reason=reason,
        reason_en=reason_en,
        inputs={"kind": audit.value, "specific_cause": specific_cause},
        steps=(
            Step("LRV A.8.2 Abs. 1", "Prüfung braucht besonderen Anlass", "audit needs a specific cause", needs),
            Step("LRV A.8.2 Abs. 1", "besonderer Anlass liegt vor", "specific cause given", cause),
            Step("LRV A.8.2 Abs. 1", "Prüfung zulässig", "audit permitted", answer),
        ),
    )


@rule(ids=("C8",), clauses=("LRV B.4.1 Abs. 8",))
def quality_breach_presumed(
    *, planned_understaffing: bool, lasting_understaffing: bool, tarifwerk_not_applied: bool
) -> QualityBreachCheck:
    """C8: a breach of the quality obligations is irrefutably presumed (LRV B.4.1 Abs. 8).

    Grounds: (1) a planned and deliberate breach of the agreed staffing, (2) staffing below the
    agreed level not only temporarily, or (Satz 2) the Tarifwerk on which the Vergütungsvereinbarung
    rests is not applied. "Unwiderlegbar": no evidence to the contrary is weighed.

    >>> r = quality_breach_presumed(
    ...     planned_understaffing=False, lasting_understaffing=True, tarifwerk_not_applied=False
    ... )
    >>> r.answer, r.grounds
    (True, ('LRV B.4.1 Abs. 8 Nr. 2',))

    Raises:
        InvalidInputError: an argument is not ``True`` or ``False``.
    """
    planned = check_bool(planned_understaffing, "planned_understaffing")
    lasting = check_bool(lasting_understaffing, "lasting_understaffing")
    tarif = check_bool(tarifwerk_not_applied, "tarifwerk_not_applied")
    grounds = tuple(
        clause
        for clause, hit in (
            ("LRV B.4.1 Abs. 8 Nr. 1", planned),
            ("LRV B.4.1 Abs. 8 Nr. 2", lasting),
            ("LRV B.4.1 Abs. 8 Satz 2", tarif),
        )
        if hit
    )
    answer = bool(grounds)
    if answer:
        reason = "Verletzung unwiderlegbar vermutet (" + ", ".join(grounds) + ")"
        reason_en = "breach irrefutably presumed (" + ", ".join(grounds) + ")"
    else:
        reason, reason_en = "kein Vermutungstatbestand erfüllt", "no ground for the presumption"
    return QualityBreachCheck.build(
        answer=answer,
        grounds=grounds,
        reason=reason,
        reason_en=reason_en,
        inputs={
            "planned_understaffing": planned,
            "lasting_understaffing": lasting,
            "tarifwerk_not_applied": tarif,
        },
        steps=(
            Step(
                "LRV B.4.1 Abs. 8 Nr. 1",
                "planmäßiger, zielgerichteter Verstoß gegen die vereinbarte Personalausstattung",
                "planned, deliberate breach of the agreed staffing",
                planned,
            ),
            Step(
                "LRV B.4.1 Abs. 8 Nr. 2",
                "nicht nur vorübergehende Unterschreitung der Personalausstattung",
                "staffing below the agreed level, not only temporarily",
                lasting,
            ),
            Step(
                "LRV B.4.1 Abs. 8 Satz 2",
                "Nichtanwendung des zugrunde gelegten Tarifwerks",
                "the Tarifwerk the agreement rests on is not applied",
                tarif,
            ),
            Step("LRV B.4.1 Abs. 8", "Verletzung unwiderlegbar vermutet", "breach irrefutably presumed", answer),
        ),
    )


@rule(ids=("C14",), clauses=("LRV A.8.2 Abs. 6", "LRV A.8.2 Abs. 7"))
def audit_announcement_check(
    kind: AuditKind | str, *, announced: bool, reasons_in_writing: bool = True
) -> AuditAnnouncementCheck:
    """C14: whether an audit of ``kind``, ``announced`` or not, takes place as the LRV provides (A.8.2 Abs. 6).

    "Die Qualitätsprüfungen erfolgen gemäß § 8 AG BTHG NRW ohne vorherige Ankündigung; die
    Wirtschaftlichkeitsprüfung kann ohne vorherige Ankündigung erfolgen." A quality audit is
    unannounced; an efficiency audit may be announced or not — if announced, the reasons are given
    in writing with the announcement (Abs. 7 Unterabsatz 2: ``reasons_in_writing``). An efficiency
    audit also needs a specific cause (C6, :func:`audit_needs_cause`).

    >>> audit_announcement_check("qualitaet", announced=True).answer
    False
    >>> audit_announcement_check("wirtschaftlichkeit", announced=True).answer
    True

    Raises:
        InvalidInputError: ``kind`` is not an :class:`AuditKind`; a flag is not a bool.
    """
    audit = enum_value(AuditKind, kind, "kind")
    told = check_bool(announced, "announced")
    reasons = check_bool(reasons_in_writing, "reasons_in_writing")
    quality = audit is AuditKind.QUALITAET
    if quality:
        answer = not told
        reason = "Qualitätsprüfung ohne vorherige Ankündigung (§ 8 AG BTHG NRW)" + (
            ": angekündigt, nicht wie vereinbart" if told else ""
        )
        reason_en = "quality audit without prior notice" + (": announced, not as agreed" if told else "")
    else:
        answer = not told or reasons
        reason = "Wirtschaftlichkeitsprüfung kann ohne Ankündigung erfolgen" + (
            "; angekündigt: Gründe schriftlich mit der Ankündigung" + ("" if reasons else " fehlen") if told else ""
        )
        reason_en = "efficiency audit may take place without notice" + (
            "; announced: reasons in writing with the notice" + ("" if reasons else " missing") if told else ""
        )
    steps = [
        Step(
            "LRV A.8.2 Abs. 6",
            "Qualitätsprüfung: ohne vorherige Ankündigung"
            if quality
            else "Wirtschaftlichkeitsprüfung: Ankündigung frei",
            "quality audit: without prior notice" if quality else "efficiency audit: notice optional",
            quality,
        ),
        Step("LRV A.8.2 Abs. 6", "Prüfung angekündigt", "audit announced", told),
    ]
    if told and not quality:
        steps.append(
            Step(
                "LRV A.8.2 Abs. 7",
                "Gründe mit der Ankündigung schriftlich mitgeteilt",
                "reasons given in writing with the notice",
                reasons,
            )
        )
    steps.append(Step("LRV A.8.2 Abs. 6", "wie vereinbart", "as agreed", answer))
    return AuditAnnouncementCheck.build(
        answer=answer,
        without_notice=quality,
        reason=reason,
        reason_en=reason_en,
        inputs={"kind": audit.value, "announced": told, "reasons_in_writing": reasons},
        steps=tuple(steps),
    )


@rule(ids=("D18",), clauses=("LRV A.5 Abs. 2", "§ 120 Abs. 4 SGB IX", "LRV A.4.4 Abs. 1"))
def admission_duty(
    *,
    on: date,
    granted_on: date | None = None,
    provisional: bool = False,
    eilfall: bool = False,
    within_agreed_offer: bool = True,
) -> AdmissionDutyCheck:
    """D18: whether the provider must admit the person on ``on`` (LRV A.5 Abs. 2).

    "Die Aufnahmepflicht nach Absatz 1 besteht im Rahmen des vereinbarten Leistungsangebots erst und
    nur, soweit der Träger der Eingliederungshilfe die Leistung bewilligt oder vorläufig bewilligt
    hat. Die Regelungen zum Eilfall nach § 120 Abs. 4 SGB IX sind zu berücksichtigen." The duty runs
    from the day of the grant (``granted_on``; ``provisional=True`` for a provisional one), within
    the agreed offer only. In an Eilfall (``eilfall=True``) the Träger provides provisionally before
    the Gesamtplankonferenz (§ 120 Abs. 4 SGB IX), so the duty does not wait for the grant. Payment
    follows the granted and delivered services (A.4.4 Abs. 1): from the grant.

    >>> admission_duty(on=date(2024, 3, 1)).answer                       # nothing granted yet
    False
    >>> r = admission_duty(on=date(2024, 3, 15), granted_on=date(2024, 3, 11), provisional=True)
    >>> r.answer, r.duty_from
    (True, datetime.date(2024, 3, 11))

    Raises:
        InvalidInputError: a date not a ``datetime.date``; ``provisional`` without ``granted_on``;
            a flag not a bool.
    """
    day = check_date(on, "on")
    granted = None if granted_on is None else check_date(granted_on, "granted_on")
    interim = check_bool(provisional, "provisional")
    urgent = check_bool(eilfall, "eilfall")
    offered = check_bool(within_agreed_offer, "within_agreed_offer")
    if interim and granted is None:
        raise InvalidInputError("provisional", provisional, "pass granted_on, the day of the provisional grant")
    in_force = granted is not None and granted <= day
    grant_de = "vorläufig bewilligt" if interim else "bewilligt"
    grant_en = "granted provisionally" if interim else "granted"
    if not offered:
        answer, reason, reason_en = False, "außerhalb des vereinbarten Leistungsangebots", "outside the agreed offer"
    elif in_force:
        answer, reason, reason_en = True, f"{grant_de} am {granted:%d.%m.%Y}", f"{grant_en} on {granted}"
    elif urgent:
        answer = True
        reason = "Eilfall: der Träger erbringt vorläufig vor der Bewilligung (§ 120 Abs. 4 SGB IX)"
        reason_en = "Eilfall: the Träger provides provisionally before the grant (§ 120 Abs. 4 SGB IX)"
    else:
        answer, reason, reason_en = False, "noch nicht (vorläufig) bewilligt", "not (provisionally) granted yet"
    return AdmissionDutyCheck.build(
        answer=answer,
        duty_from=granted if answer and in_force else None,
        reason=reason,
        reason_en=reason_en,
        inputs={
            "on": day,
            "granted_on": granted,
            "provisional": interim,
            "eilfall": urgent,
            "within_agreed_offer": offered,
        },
        steps=(
            Step(
                "LRV A.5 Abs. 2 Satz 1",
                "im Rahmen des vereinbarten Leistungsangebots",
                "within the agreed offer",
                offered,
            ),
            Step("LRV A.5 Abs. 2 Satz 1", f"Leistung {grant_de} am", f"service {grant_en} on", granted),
            Step("LRV A.5 Abs. 2 Satz 2", "Eilfall (§ 120 Abs. 4 SGB IX)", "Eilfall (§ 120 Abs. 4 SGB IX)", urgent),
            Step(
                "LRV A.4.4 Abs. 1",
                "Vergütung der bewilligten und erbrachten Leistungen ab",
                "paid for granted and delivered services from",
                granted,
            ),
            Step("LRV A.5 Abs. 2", "Aufnahmepflicht besteht", "duty to admit", answer),
        ),
    )
