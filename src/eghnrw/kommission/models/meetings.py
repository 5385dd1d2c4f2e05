"""When the Gemeinsame Kommission and its working groups must meet, and who sits in a working group (RULES D13).

LRV A.9.6:

- Abs. 1: the Kommission meets at least once a year and "auf Verlangen der Träger der
  Eingliederungshilfe oder der einfachen Mehrheit der Leistungserbringer" (:func:`commission_meeting_demand`);
- Abs. 4: each working group has one member of each party named in A.9.1; persons with special
  knowledge may be consulted by consent (:func:`working_group_check`);
- Abs. 5: the standing working groups meet at least once a year and on the initiative of the
  Kommission or of a simple majority of the group's members (:func:`working_group_meeting_demand`).

The yearly meetings are recurring duties (:func:`eghnrw.fristen.deadlines.recurring_due_dates`); the
three months of Abs. 3 are a deadline (:func:`eghnrw.fristen.deadlines.evaluation_proposal_deadline`).
A simple majority of a number of members is more than half of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Annotated, Final, Literal

from eghnrw.core._check import check_bool, check_count
from eghnrw.core._rule import rule
from eghnrw.core._types import enum_value
from eghnrw.core.enums import CommissionGroup, Landschaftsverband
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Label, Result, Step
from eghnrw.kommission.models.commission import AUTHORITY_SEATS, GROUP_SIDE, PROVIDER_SEATS, SEATS

__all__ = [
    "MeetingDemandResult",
    "WorkingGroupCheck",
    "commission_meeting_demand",
    "working_group_check",
    "working_group_meeting_demand",
]

#: The parties named in LRV A.9.1 that send one member each to a working group (A.9.6 Abs. 4):
#: the six groups with a vote (A.9.1 Abs. 2).
WORKING_GROUP_PARTIES: Final = tuple(GROUP_SIDE)

#: How a demand of the Träger side is read (LRV A.9.6 Abs. 1; see docs/decisions.md).
#: ``"traeger"`` (default, the text): a demand of a Träger der Eingliederungshilfe (LVR, LWL) calls
#: the meeting, no majority needed; ``"majority"``: a simple majority of the Träger side's members
#: (the earlier reading); ``"any"``: the demand of one member of that side.
TraegerDemand = Literal["traeger", "majority", "any"]
_READINGS: Final = ("traeger", "majority", "any")

#: The seats of the kommunale Spitzenverbände on the Träger side (LRV A.9.1 Abs. 2): they sit with
#: the Träger but are not Träger der Eingliederungshilfe themselves.
_KSV_SEATS: Final = SEATS[CommissionGroup.KOMMUNALE_SPITZENVERBAENDE]


def _traeger(value: object) -> tuple[Landschaftsverband, ...]:
    """The Träger der Eingliederungshilfe named in ``traeger_demanding`` (LVR, LWL), each once."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidInputError("traeger_demanding", value, "pass the Träger that demand, e.g. ('LVR',), or ()")
    named: list[Landschaftsverband] = []
    for item in value:
        if not isinstance(item, Landschaftsverband) and item not in ("LVR", "LWL"):
            raise InvalidInputError(
                "traeger_demanding",
                item,
                "pass 'LVR' or 'LWL': the Träger der Eingliederungshilfe among the parties of the LRV "
                "(the kommunale Spitzenverbände are not Träger)",
            )
        member = Landschaftsverband(item)
        if member not in named:
            named.append(member)
    return tuple(named)


def _simple_majority(members: int) -> int:
    """The smallest number of members that is more than half of ``members``."""
    return members // 2 + 1


class MeetingDemandResult(Result):
    """Whether a demand obliges the Gemeinsame Kommission or a working group to meet (LRV A.9.6)."""

    title = ("Einberufung auf Verlangen", "Meeting on demand")

    body: Literal["commission", "working_group"]
    meeting_required: Annotated[bool, Label("Zusammenkunft verlangt", "meeting required")]
    demanded_by: Annotated[tuple[str, ...], Label("verlangt von", "demanded by")] = ()


@rule(ids=("D13",), clauses=("LRV A.9.6 Abs. 1", "LRV A.9.1 Abs. 2"))
def commission_meeting_demand(
    *,
    providers_demanding: int = 0,
    authorities_demanding: int = 0,
    provider_members: int = PROVIDER_SEATS,
    authority_members: int = AUTHORITY_SEATS,
    traeger_demand: TraegerDemand = "traeger",
    traeger_demanding: Iterable[Landschaftsverband | str] = (),
) -> MeetingDemandResult:
    """Whether a demand obliges the Gemeinsame Kommission to meet (LRV A.9.6 Abs. 1).

    The Kommission meets at least once a year (a recurring duty) and "auf Verlangen der Träger der
    Eingliederungshilfe oder der einfachen Mehrheit der Leistungserbringer". The majority qualifies
    the providers only: more than half of the provider members (8 of 14). A demand of a Träger der
    Eingliederungshilfe — of the parties of the LRV, the Landschaftsverbände LVR and LWL — calls the
    meeting without a majority of seats: name them in ``traeger_demanding``. ``authorities_demanding``
    counts the members of the Träger side who demand; since the kommunale Spitzenverbände (2 of its
    14 seats, A.9.1 Abs. 2) sit on that side but are not Träger, their members alone call no meeting:
    a count above 2 includes a member sent by a Träger and so is a Träger's demand; 1 or 2 cannot be
    told apart (name the Träger instead). ``traeger_demand="majority"`` applies the earlier reading
    (a simple majority of the Träger side's members, 8 of 14), ``"any"`` takes one member of that
    side. ``provider_members`` / ``authority_members`` are the members of each side (default: the
    14 voting seats of A.9.1 Abs. 2).

    >>> commission_meeting_demand(providers_demanding=8).meeting_required   # 8 of 14 is a majority
    True
    >>> commission_meeting_demand(traeger_demanding=["LVR"]).meeting_required   # a Träger's demand
    True
    >>> commission_meeting_demand(authorities_demanding=6).demanded_by   # e.g. the LVR's six members
    ('traeger_der_eingliederungshilfe',)
    >>> commission_meeting_demand(providers_demanding=7, authorities_demanding=2).meeting_required
    False

    Raises:
        InvalidInputError: a count is not a whole number, is negative or exceeds its side's
            members; a side's members not from 1 to 14; an unknown ``traeger_demand``; a name in
            ``traeger_demanding`` other than LVR or LWL, or names given with another reading than
            ``"traeger"``.
    """
    providers = check_count(provider_members, "provider_members", minimum=1, maximum=PROVIDER_SEATS)
    authorities = check_count(authority_members, "authority_members", minimum=1, maximum=AUTHORITY_SEATS)
    p_demand = check_count(providers_demanding, "providers_demanding", maximum=providers)
    a_demand = check_count(authorities_demanding, "authorities_demanding", maximum=authorities)
    if traeger_demand not in _READINGS:
        raise InvalidInputError(
            "traeger_demand", traeger_demand, "pass 'traeger', 'majority' or 'any' (LRV A.9.6 Abs. 1)"
        )
    named = _traeger(traeger_demanding)
    if named and traeger_demand != "traeger":
        raise InvalidInputError(
            "traeger_demanding",
            tuple(t.value for t in named),
            f"traeger_demand={traeger_demand!r} counts members: pass authorities_demanding, or drop traeger_demand",
        )
    p_needed = _simple_majority(providers)
    if traeger_demand == "traeger":
        by_traeger, traeger_steps = _traeger_demand(named, a_demand, authorities)
    else:
        a_needed = _simple_majority(authorities) if traeger_demand == "majority" else 1
        by_traeger = a_demand >= a_needed
        a_text = (
            f"Träger der Eingliederungshilfe: {a_demand} von {authorities}, einfache Mehrheit ab {a_needed}"
            if traeger_demand == "majority"
            else f"Träger der Eingliederungshilfe: {a_demand} (traeger_demand='any': ein Verlangen genügt)"
        )
        en = f"Träger side: {a_demand} of {authorities} demand, needed {a_needed}"
        traeger_steps = (Step("LRV A.9.6 Abs. 1", a_text, en, by_traeger),)
    by: list[str] = []
    if by_traeger:
        by.append("traeger_der_eingliederungshilfe")
    if p_demand >= p_needed:
        by.append("leistungserbringer")
    required = bool(by)
    return MeetingDemandResult.build(
        body="commission",
        meeting_required=required,
        demanded_by=tuple(by),
        inputs={
            "providers_demanding": p_demand,
            "authorities_demanding": a_demand,
            "provider_members": providers,
            "authority_members": authorities,
            "traeger_demand": traeger_demand,
            "traeger_demanding": tuple(t.value for t in named),
        },
        steps=(
            Step(
                "LRV A.9.6 Abs. 1",
                "die Gemeinsame Kommission tritt mindestens einmal jährlich zusammen",
                "the Gemeinsame Kommission meets at least once a year",
            ),
            Step(
                "LRV A.9.6 Abs. 1",
                f"Leistungserbringer: {p_demand} von {providers} verlangen, einfache Mehrheit ab {p_needed}",
                f"providers: {p_demand} of {providers} demand, simple majority from {p_needed}",
                p_demand >= p_needed,
            ),
            *traeger_steps,
            Step("LRV A.9.6 Abs. 1", "Zusammenkunft auf Verlangen", "meeting on demand", required),
        ),
    )


def _traeger_demand(named: tuple[Landschaftsverband, ...], members: int, seats: int) -> tuple[bool, tuple[Step, ...]]:
    """The text's reading: whether a Träger demands (named, or told by the members' count), and its steps."""
    needed = min(_KSV_SEATS, seats) + 1  # more members than the kommunale Spitzenverbände have seats
    demanded = bool(named) or members >= needed
    names = ", ".join(t.value for t in named)
    return demanded, (
        Step(
            "LRV A.9.6 Abs. 1",
            f"Verlangen eines Trägers der Eingliederungshilfe (LVR, LWL), ohne Mehrheit: {names or 'keiner benannt'}",
            f"demand of a Träger der Eingliederungshilfe (LVR, LWL), no majority needed: {names or 'none named'}",
            bool(named),
        ),
        Step(
            "LRV A.9.1 Abs. 2",
            f"Mitglieder der Träger-Seite: {members} verlangen; die kommunalen Spitzenverbände "
            f"({_KSV_SEATS} Sitze) sind nicht Träger: ab {needed} ist ein Mitglied eines Trägers dabei",
            f"members of the Träger side: {members} demand; the kommunale Spitzenverbände "
            f"({_KSV_SEATS} seats) are not Träger: from {needed} a Träger's member is among them",
            members >= needed,
        ),
        Step("LRV A.9.6 Abs. 1", "Verlangen der Träger der Eingliederungshilfe", "demand of the Träger", demanded),
    )


@rule(ids=("D13",), clauses=("LRV A.9.6 Abs. 5",))
def working_group_meeting_demand(
    *, members_demanding: int = 0, members: int = len(WORKING_GROUP_PARTIES), commission_initiative: bool = False
) -> MeetingDemandResult:
    """Whether a standing working group must meet beyond its yearly meeting (LRV A.9.6 Abs. 5).

    The standing working groups meet at least once a year, and beyond that "auf Initiative der
    Gemeinsamen Kommission oder der einfachen Mehrheit der Mitglieder der jeweiligen Arbeitsgruppe":
    ``commission_initiative``, or more than half of the ``members`` (default 6, one per party of
    A.9.1, A.9.6 Abs. 4; persons consulted for their knowledge are not members).

    >>> working_group_meeting_demand(members_demanding=4).meeting_required   # 4 of 6
    True
    >>> working_group_meeting_demand(members_demanding=3).meeting_required   # half is not a majority
    False

    Raises:
        InvalidInputError: ``members`` not from 1 to 1,000; ``members_demanding`` negative or more
            than ``members``; ``commission_initiative`` not a bool.
    """
    size = check_count(members, "members", minimum=1, maximum=1000)
    demand = check_count(members_demanding, "members_demanding", maximum=size)
    initiative = check_bool(commission_initiative, "commission_initiative")
    needed = _simple_majority(size)
    by = [name for name, given in (("commission", initiative), ("members", demand >= needed)) if given]
    return MeetingDemandResult.build(
        body="working_group",
        meeting_required=bool(by),
        demanded_by=tuple(by),
        inputs={"members_demanding": demand, "members": size, "commission_initiative": initiative},
        steps=(
            Step(
                "LRV A.9.6 Abs. 5",
                "ständige Arbeitsgruppen tagen mindestens einmal jährlich",
                "standing working groups meet at least once a year",
            ),
            Step(
                "LRV A.9.6 Abs. 5", "Initiative der Gemeinsamen Kommission", "initiative of the Kommission", initiative
            ),
            Step(
                "LRV A.9.6 Abs. 5",
                f"Mitglieder: {demand} von {size} verlangen, einfache Mehrheit ab {needed}",
                f"members: {demand} of {size} demand, simple majority from {needed}",
                demand >= needed,
            ),
            Step("LRV A.9.6 Abs. 5", "Sitzung auf Initiative", "meeting on initiative", bool(by)),
        ),
    )


class WorkingGroupCheck(Result):
    """Whether a working group has one member of each party of LRV A.9.1 (A.9.6 Abs. 4)."""

    title = ("Besetzung der Arbeitsgruppe", "Working group membership")

    complete: Annotated[bool, Label("je ein Mitglied jeder Partei", "one member of each party")]
    members: int
    missing: Annotated[tuple[CommissionGroup, ...], Label("fehlende Parteien", "parties missing")] = ()
    surplus: Annotated[tuple[CommissionGroup, ...], Label("mehrfach besetzt", "parties with more than one member")] = ()
    experts: int = 0


@rule(ids=("D13",), clauses=("LRV A.9.6 Abs. 4",))
def working_group_check(
    *, members: Iterable[CommissionGroup | str], experts: int = 0, experts_agreed: bool = True
) -> WorkingGroupCheck:
    """Whether a working group is composed as LRV A.9.6 Abs. 4 says.

    "Den Arbeitsgruppen gehören je ein Mitglied der genannten Parteien nach Ziffer A.9.1 an":
    ``members`` lists the group of each member; the group is complete with exactly one member of
    each of the six voting groups of A.9.1 Abs. 2 (the advisory Interessenvertretungen of Abs. 4
    are no party, a member from them is surplus). "Einvernehmlich können Personen mit besonderem
    Fachwissen hinzugezogen werden": ``experts`` are not members; with ``experts_agreed=False``
    (no consent) any expert makes the group incomplete.

    >>> working_group_check(members=["freie_wohlfahrtspflege", "privat_gewerblich", "oeffentliche_traeger",
    ...                              "LVR", "LWL", "kommunale_spitzenverbaende"]).complete
    True

    Raises:
        InvalidInputError: ``members`` not an iterable of groups, or a group unknown; ``experts``
            not a whole number of zero or more; ``experts_agreed`` not a bool.
    """
    if isinstance(members, (str, bytes)) or not isinstance(members, Iterable):
        raise InvalidInputError("members", members, "pass the CommissionGroup of each member, e.g. ['LVR', 'LWL']")
    groups = [enum_value(CommissionGroup, item, f"members[{i}]") for i, item in enumerate(members)]
    n_experts = check_count(experts, "experts", maximum=1000)
    agreed = check_bool(experts_agreed, "experts_agreed")
    counts = Counter(groups)
    missing = tuple(party for party in WORKING_GROUP_PARTIES if counts[party] == 0)
    surplus = tuple(group for group in CommissionGroup if counts[group] > (1 if group in GROUP_SIDE else 0))
    experts_ok = agreed or n_experts == 0
    complete = not missing and not surplus and experts_ok
    return WorkingGroupCheck.build(
        complete=complete,
        members=len(groups),
        missing=missing,
        surplus=surplus,
        experts=n_experts,
        inputs={"members": tuple(groups), "experts": n_experts, "experts_agreed": agreed},
        steps=(
            Step(
                "LRV A.9.6 Abs. 4 Satz 2",
                "je ein Mitglied der Parteien nach A.9.1 (sechs Gruppen)",
                "one member of each party of A.9.1 (six groups)",
                len(WORKING_GROUP_PARTIES),
            ),
            Step("LRV A.9.6 Abs. 4", "fehlende Parteien", "parties missing", len(missing)),
            Step("LRV A.9.6 Abs. 4", "mehrfach besetzte Gruppen", "groups with more than one member", len(surplus)),
            Step(
                "LRV A.9.6 Abs. 4 Satz 3",
                "Personen mit besonderem Fachwissen (einvernehmlich, keine Mitglieder)",
                "persons with special knowledge (by consent, not members)",
                n_experts,
            ),
            Step("LRV A.9.6 Abs. 4", "Besetzung vollständig", "membership complete", complete),
        ),
    )
