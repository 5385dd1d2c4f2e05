"""The Gemeinsame Kommission of the LRV (RULES.md C7, D9; LRV A.9.1–A.9.7).

Composition (A.9.1 Abs. 2): 10 + 3 + 1 voting members for the providers (Freie Wohlfahrtspflege,
privat-gewerbliche Anbieter, öffentliche Träger) and 6 + 6 + 2 for the other side (LVR, LWL,
kommunale Spitzenverbände) — a parity of 14 to 14 (Abs. 1) — plus 3 advisory members of the
Interessenvertretungen (Abs. 4, no vote). Up to two deputies per member (Abs. 3, Abs. 4 Satz 2).
Quorum (A.9.7): a majority of each side present. Decisions: unanimous among the votes cast,
abstentions allowed. Chair (A.9.2): elected for two years, alternating between the sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from itertools import islice  # noqa: F401 - used by the doctest of chair_terms
from types import MappingProxyType
from typing import Annotated, Final, Literal, NamedTuple

from pydantic import Field, StrictInt, model_validator

from eghnrw.core._check import check_bool, check_count
from eghnrw.core._rule import rule
from eghnrw.core._types import Count, Day, FrozenModel, Text, enum_value
from eghnrw.core.calendar import LAST_YEAR, PeriodEnd, check_day, period_end
from eghnrw.core.enums import CommissionGroup, Side
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Label, Result, Step

__all__ = [
    "ChairTermResult",
    "CommissionVoteResult",
    "DeputiesCheck",
    "Sitting",
    "commission_chair",
    "commission_vote",
    "deputies_check",
]

_G = CommissionGroup
_T = Side.TRAEGER_DER_EINGLIEDERUNGSHILFE
_L = Side.LEISTUNGSERBRINGER

#: Seats of each group (LRV A.9.1 Abs. 2 voting, Abs. 4 advisory).
SEATS: Final = MappingProxyType(
    {
        _G.FREIE_WOHLFAHRTSPFLEGE: 10,
        _G.PRIVAT_GEWERBLICH: 3,
        _G.OEFFENTLICHE_TRAEGER: 1,
        _G.LVR: 6,
        _G.LWL: 6,
        _G.KOMMUNALE_SPITZENVERBAENDE: 2,
        _G.INTERESSENVERTRETUNGEN: 3,
    }
)
#: The side each voting group sits on; the advisory Interessenvertretungen sit on neither.
GROUP_SIDE: Final = MappingProxyType(
    {
        _G.FREIE_WOHLFAHRTSPFLEGE: _L,
        _G.PRIVAT_GEWERBLICH: _L,
        _G.OEFFENTLICHE_TRAEGER: _L,
        _G.LVR: _T,
        _G.LWL: _T,
        _G.KOMMUNALE_SPITZENVERBAENDE: _T,
    }
)
PROVIDER_SEATS: Final = 14  #: 10 + 3 + 1 (LRV A.9.1 Abs. 2)
AUTHORITY_SEATS: Final = 14  #: 6 + 6 + 2 (LRV A.9.1 Abs. 2)
ADVISORY_SEATS: Final = 3  #: LRV A.9.1 Abs. 4
MAX_DEPUTIES: Final = 2  #: per member (LRV A.9.1 Abs. 3, Abs. 4 Satz 2)


# --- composition -------------------------------------------------------------------------------


class CommissionMember(FrozenModel):
    """A member named to the Geschäftsstelle, with up to two deputies (LRV A.9.1 Abs. 3)."""

    name: Text
    group: CommissionGroup
    deputies: Annotated[tuple[Text, ...], Field(max_length=MAX_DEPUTIES)] = ()

    @property
    def voting(self) -> bool:
        """Whether the member votes (every group but the Interessenvertretungen, LRV A.9.1 Abs. 4)."""
        return self.group in GROUP_SIDE


class CommissionComposition(FrozenModel):
    """The members of the Gemeinsame Kommission; no group may have more members than seats.

    >>> c = CommissionComposition(members=(CommissionMember(name="A", group="LVR", deputies=("B", "C")),))
    >>> c.vacancies()[CommissionGroup.LVR], c.complete
    (5, False)
    """

    members: tuple[CommissionMember, ...] = ()

    @model_validator(mode="after")
    def _within_seats(self) -> CommissionComposition:
        counts = Counter(m.group for m in self.members)
        for group, count in counts.items():
            if count > SEATS[group]:
                raise InvalidInputError(
                    f"members ({group.value})", count, f"at most {SEATS[group]} members (LRV A.9.1 Abs. 2 and 4)"
                )
        return self

    def vacancies(self) -> dict[CommissionGroup, int]:
        """Seats not yet filled, per group."""
        counts = Counter(m.group for m in self.members)
        return {group: seats - counts[group] for group, seats in SEATS.items()}

    @property
    def complete(self) -> bool:
        """Whether every seat of LRV A.9.1 Abs. 2 and 4 is filled."""
        return not any(self.vacancies().values())


class Sitting(FrozenModel):
    """Attendance at a sitting: how many seats of each group are represented (by member or deputy).

    Each count is at most the group's seats (LRV A.9.1 Abs. 2, 4); ``geschaeftsstelle`` counts staff
    of the Geschäftsstelle, who may attend without a vote (A.9.3).

    >>> s = Sitting(freie_wohlfahrtspflege=6, privat_gewerblich=2, lvr=4, lwl=4)
    >>> s.providers_present, s.authorities_present, s.vote(yes=15, no=0, abstain=1).adopted
    (8, 8, True)
    """

    held_on: Day | None = None
    freie_wohlfahrtspflege: Annotated[Count, Field(le=10)] = 0
    privat_gewerblich: Annotated[Count, Field(le=3)] = 0
    oeffentliche_traeger: Annotated[Count, Field(le=1)] = 0
    lvr: Annotated[Count, Field(le=6)] = 0
    lwl: Annotated[Count, Field(le=6)] = 0
    kommunale_spitzenverbaende: Annotated[Count, Field(le=2)] = 0
    interessenvertretungen: Annotated[Count, Field(le=3)] = 0
    geschaeftsstelle: Annotated[StrictInt, Field(ge=0, le=1000)] = 0

    @property
    def providers_present(self) -> int:
        """Voting provider seats represented (Freie Wohlfahrtspflege, privat-gewerblich, öffentlich)."""
        return self.freie_wohlfahrtspflege + self.privat_gewerblich + self.oeffentliche_traeger

    @property
    def authorities_present(self) -> int:
        """Voting seats of the other side represented (LVR, LWL, kommunale Spitzenverbände)."""
        return self.lvr + self.lwl + self.kommunale_spitzenverbaende

    def vote(
        self, *, yes: int, no: int, abstain: int, count_kommunale_spitzenverbaende: bool = True
    ) -> CommissionVoteResult:
        """A vote at this sitting: :func:`commission_vote` with this attendance."""
        authorities = self.authorities_present
        if not count_kommunale_spitzenverbaende:
            authorities -= self.kommunale_spitzenverbaende
        return commission_vote(
            providers_present=self.providers_present,
            authorities_present=authorities,
            yes=yes,
            no=no,
            abstain=abstain,
            count_kommunale_spitzenverbaende=count_kommunale_spitzenverbaende,
        )


# --- quorum and votes ---------------------------------------------------------------------------


class CommissionVoteResult(Result):
    """Whether the Gemeinsame Kommission was quorate and whether a motion was adopted."""

    title = ("Beschluss der Gemeinsamen Kommission", "Decision of the Gemeinsame Kommission")

    quorate: Annotated[bool, Label("beschlussfähig", "quorate")]
    adopted: Annotated[bool, Label("Beschluss gefasst", "adopted")]
    providers_present: int
    authorities_present: int
    providers_needed: int
    authorities_needed: int
    yes: int
    no: int
    abstain: int
    reason: Annotated[str, Label("Begründung", "reason")]
    reason_en: str


def _majority(seats: int) -> int:
    """The smallest number that is more than half of ``seats``."""
    return seats // 2 + 1


@rule(
    ids=("C7",),
    clauses=("LRV A.9.7", "LRV A.9.1"),
    example={"providers_present": 8, "authorities_present": 8, "yes": 15, "no": 0, "abstain": 1},
    arguments={
        "providers_present": "voting provider-side members present (of 14)",
        "authorities_present": "voting Träger-side members present (of 14)",
        "yes": "votes for",
        "no": "votes against",
        "abstain": "abstentions",
        "count_kommunale_spitzenverbaende": "count the two seats of the kommunale Spitzenverbände (default true)",
    },
)
def commission_vote(
    *,
    providers_present: int,
    authorities_present: int,
    yes: int,
    no: int,
    abstain: int,
    count_kommunale_spitzenverbaende: bool = True,
) -> CommissionVoteResult:
    """Quorum and outcome of a vote of the Gemeinsame Kommission.

    LRV A.9.7: quorate when a majority of the representatives of the Träger der
    Eingliederungshilfe and a majority of those of the providers are present; decisions are taken
    unanimously, abstentions allowed. So a motion is adopted when the commission is quorate, no
    vote is against and at least one is for. Only voting members count (A.9.1 Abs. 2); the three
    advisory members (Abs. 4) and the Geschäftsstelle (A.9.3) neither vote nor count for the quorum.

    By default the two kommunale Spitzenverbände seats count on the Träger side (14 seats, a majority
    is 8), as the LRV's parity of 14 to 14 reads (A.9.1 Abs. 1, 2). With
    ``count_kommunale_spitzenverbaende=False`` only the 12 LVR and LWL seats count (majority 7)
    and ``authorities_present`` must not include the kommunale Spitzenverbände.

    >>> v = commission_vote(providers_present=8, authorities_present=8, yes=15, no=0, abstain=1)
    >>> v.quorate, v.adopted
    (True, True)
    >>> commission_vote(providers_present=7, authorities_present=14, yes=21, no=0, abstain=0).quorate
    False

    Raises:
        InvalidInputError: a count is not a whole number, is negative, exceeds the side's seats,
            or the votes cast (``yes + no + abstain``) exceed the voting members present.
    """
    with_ksv = check_bool(count_kommunale_spitzenverbaende, "count_kommunale_spitzenverbaende")
    authority_seats = AUTHORITY_SEATS if with_ksv else AUTHORITY_SEATS - SEATS[_G.KOMMUNALE_SPITZENVERBAENDE]
    providers = check_count(providers_present, "providers_present", maximum=PROVIDER_SEATS)
    authorities = check_count(authorities_present, "authorities_present", maximum=authority_seats)
    present = providers + authorities
    yes_n = check_count(yes, "yes", maximum=present)
    no_n = check_count(no, "no", maximum=present)
    abstain_n = check_count(abstain, "abstain", maximum=present)
    cast = yes_n + no_n + abstain_n
    if cast > present:
        raise InvalidInputError(
            "yes + no + abstain",
            cast,
            f"at most {present} votes: one per voting member present ({providers} + {authorities}; LRV A.9.7)",
        )
    providers_needed = _majority(PROVIDER_SEATS)
    authorities_needed = _majority(authority_seats)
    providers_ok = providers >= providers_needed
    authorities_ok = authorities >= authorities_needed
    quorate = providers_ok and authorities_ok
    adopted = quorate and no_n == 0 and yes_n > 0
    if not quorate:
        reason = "nicht beschlussfähig: es fehlt die Mehrheit " + (
            "der Leistungserbringer" if not providers_ok else "der Träger der Eingliederungshilfe"
        )
        reason_en = "not quorate: no majority of the " + (
            "providers present" if not providers_ok else "Träger der Eingliederungshilfe present"
        )
    elif no_n:
        reason, reason_en = f"abgelehnt: {no_n} Gegenstimme(n)", f"rejected: {no_n} vote(s) against"
    elif not yes_n:
        reason, reason_en = "kein Beschluss: keine Ja-Stimme", "no decision: no vote in favour"
    else:
        reason, reason_en = "einstimmig gefasst (Enthaltungen zählen nicht)", "adopted unanimously (abstentions aside)"
    side_de = "6 + 6 + 2" if with_ksv else "6 + 6, ohne kommunale Spitzenverbände"
    return CommissionVoteResult.build(
        quorate=quorate,
        adopted=adopted,
        providers_present=providers,
        authorities_present=authorities,
        providers_needed=providers_needed,
        authorities_needed=authorities_needed,
        yes=yes_n,
        no=no_n,
        abstain=abstain_n,
        reason=reason,
        reason_en=reason_en,
        inputs={
            "providers_present": providers,
            "authorities_present": authorities,
            "yes": yes_n,
            "no": no_n,
            "abstain": abstain_n,
            "count_kommunale_spitzenverbaende": with_ksv,
        },
        steps=(
            Step(
                "LRV A.9.1 Abs. 2",
                f"stimmberechtigt: 14 Leistungserbringer (10 + 3 + 1), {authority_seats} Träger ({side_de})",
                f"voting members: 14 providers (10 + 3 + 1), {authority_seats} on the Träger side",
                PROVIDER_SEATS + authority_seats,
            ),
            Step(
                "LRV A.9.7",
                f"Leistungserbringer anwesend: {providers}, Mehrheit ab {providers_needed}",
                f"providers present: {providers}, majority from {providers_needed}",
                providers_ok,
            ),
            Step(
                "LRV A.9.7",
                f"Träger der Eingliederungshilfe anwesend: {authorities}, Mehrheit ab {authorities_needed}",
                f"Träger der Eingliederungshilfe present: {authorities}, majority from {authorities_needed}",
                authorities_ok,
            ),
            Step("LRV A.9.7", "beschlussfähig", "quorate", quorate),
            Step(
                "LRV A.9.1 Abs. 4",
                "beratende Mitglieder stimmen nicht mit",
                "advisory members do not vote",
            ),
            Step(
                "LRV A.9.7",
                f"Stimmen: {yes_n} ja, {no_n} nein, {abstain_n} Enthaltung(en)",
                f"votes: {yes_n} yes, {no_n} no, {abstain_n} abstaining",
                cast,
            ),
            Step("LRV A.9.7", "einstimmig gefasst, unbeschadet der Enthaltungen", "adopted unanimously", adopted),
        ),
    )


# --- chair ---------------------------------------------------------------------------------------

#: How the two-year terms of the chair are counted (LRV A.9.2; see docs/decisions.md).
#: ``"term_by_term"`` (the default): each term is two years from the start of its own first day;
#: ``"from_first_term"``: every term ends on an anniversary of the first term's start, counted from
#: it in one step.
ChairTermCounting = Literal["from_first_term", "term_by_term"]
_COUNTINGS: Final = ("from_first_term", "term_by_term")


class ChairTerm(NamedTuple):
    """One two-year term of the Sitzungsleitung (LRV A.9.2): its number, side and first and last day."""

    number: int
    side: Side
    start: date
    end: date


def chair_terms(
    first_term_start: date, first_side: Side, *, counting: ChairTermCounting = "term_by_term"
) -> Iterator[ChairTerm]:
    """The chair's terms in order, from the first (LRV A.9.2): the one rule both the chair and the deadlines use.

    A term begins at the start of its first day (§ 187 Abs. 2 BGB) and lasts two years: it ends with
    the day before the day whose number matches its start (§ 188 Abs. 2, 2nd case), or with the last
    day of February when that day is a missing 29 February (§ 188 Abs. 3). The next term begins the
    day after, with the other side. With ``counting="term_by_term"`` (default) each term is counted
    from its own first day: "für zwei Jahre" is said of each election. ``"from_first_term"`` ends the
    n-th term 2 n years after the first term's start, counted from it in one step. The two differ
    only for a first term that starts on 29.02: term 2 from 01.03.2022 ends 29.02.2024 (two full
    years) term by term, 28.02.2024 (one day short) from the first term.

    The arguments are not checked here (the public functions check them); the iterator ends before
    a term would end beyond the calendar (2199).

    >>> [(t.number, t.start, t.end) for t in islice(chair_terms(date(2020, 2, 29), Side.LEISTUNGSERBRINGER), 3)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(1, datetime.date(2020, 2, 29), datetime.date(2022, 2, 28)),
     (2, datetime.date(2022, 3, 1), datetime.date(2024, 2, 29)),
     (3, datetime.date(2024, 3, 1), datetime.date(2026, 2, 28))]
    """
    return (term for term, _ in _terms(first_term_start, first_side, counting))


def _terms(first_term_start: date, first_side: Side, counting: ChairTermCounting) -> Iterator[tuple[ChairTerm, str]]:
    """The chair's terms as :func:`chair_terms` gives them, each with the clause of § 188 BGB its last day rests on."""
    sides = (first_side, _T if first_side is _L else _L)
    start = first_term_start
    number = 1
    while True:
        end = _term_end(first_term_start, start, number, counting)
        if end is None:  # the term would end beyond the calendar
            return
        yield ChairTerm(number, sides[(number - 1) % 2], start, end.day), end.clause
        start = end.day + timedelta(days=1)
        number += 1


def _term_end(first_start: date, start: date, number: int, counting: ChairTermCounting) -> PeriodEnd | None:
    """The last day of term ``number`` (beginning on ``start``) and its clause, or None past the calendar.

    Two years from the start of the term's own first day, or 2 n years from the start of the first
    term (``"from_first_term"``), in one step: :func:`eghnrw.core.calendar.period_end` (§ 187 Abs. 2,
    § 188 Abs. 2–3 BGB).
    """
    base, years = (first_start, 2 * number) if counting == "from_first_term" else (start, 2)
    if base.year + years > LAST_YEAR:
        return None
    return period_end(base, years=years, from_start_of_day=True)


def chair_counting(value: object, argument: str) -> ChairTermCounting:
    """``value`` as a :data:`ChairTermCounting`, or :class:`InvalidInputError` naming ``argument``."""
    if value not in _COUNTINGS:
        raise InvalidInputError(argument, value, "pass 'from_first_term' or 'term_by_term' (LRV A.9.2)")
    return value


class ChairTermResult(Result):
    """Which side holds the Sitzungsleitung on a day, and the two-year term it falls in."""

    title = (
        "Sitzungsleitung der Gemeinsamen Kommission",
        "Chair of the Gemeinsame Kommission",
    )

    side: Annotated[Side, Label("Seite", "side")]
    term_number: int
    term_start: Annotated[date, Label("Amtszeit ab", "term from")]
    term_end: Annotated[date, Label("Amtszeit bis", "term until")]


@rule(ids=("D9",), clauses=("LRV A.9.2",))
def commission_chair(
    *, on: date, first_term_start: date, first_side: Side | str, term_counting: ChairTermCounting = "term_by_term"
) -> ChairTermResult:
    """The side that chairs the Gemeinsame Kommission on ``on`` (LRV A.9.2).

    The commission elects a chair for two years; the chair alternates between providers and
    Träger der Eingliederungshilfe. The LRV names neither the first term's start nor its side,
    so both are inputs. The terms are those of :func:`chair_terms`: each begins at the start of
    its first day and ends two years later (§ 187 Abs. 2, § 188 Abs. 2 and 3 BGB), counted from its
    own first day (``term_counting="from_first_term"``: from the first term's start in one step).

    >>> r = commission_chair(on=date(2023, 6, 1), first_term_start=date(2020, 1, 1), first_side="leistungserbringer")
    >>> r.side.value, r.term_start, r.term_end
    ('traeger_der_eingliederungshilfe', datetime.date(2022, 1, 1), datetime.date(2023, 12, 31))
    >>> r = commission_chair(on=date(2022, 2, 28), first_term_start=date(2020, 2, 29), first_side="leistungserbringer")
    >>> r.side.value, r.term_number, r.term_end   # 29.02.2022 is missing: the term ends 28.02.2022
    ('leistungserbringer', 1, datetime.date(2022, 2, 28))
    >>> commission_chair(on=date(2024, 2, 29), first_term_start=date(2020, 2, 29),
    ...                  first_side="leistungserbringer").term_end   # term 2: two years from 01.03.2022
    datetime.date(2024, 2, 29)

    Raises:
        InvalidInputError: a date is not a ``datetime.date``, ``on`` lies before the first term or
            in a term that would end beyond the calendar (2199), ``first_side`` is not a
            :class:`Side`, or ``term_counting`` is unknown.
    """
    day = check_day(on, "on")
    start = check_day(first_term_start, "first_term_start")
    side0 = enum_value(Side, first_side, "first_side")
    counting = chair_counting(term_counting, "term_counting")
    if day < start:
        raise InvalidInputError("on", day, f"pass a date from the first term's start {start.isoformat()}")
    found = next(((t, clause) for t, clause in _terms(start, side0, counting) if t.end >= day), None)
    if found is None:
        raise InvalidInputError("on", day, "pass a date whose chair term ends within the calendar (by 31.12.2199)")
    term, end_clause = found
    steps = [
        Step("LRV A.9.2", "Amtszeit der Sitzungsleitung: zwei Jahre", "the chair's term: two years", 2),
        Step("LRV A.9.2", "Amtszeit Nr.", "term number", term.number),
        Step(
            "§ 187 Abs. 2 BGB",
            "Beginn der Amtszeit (mit Beginn des Tages)",
            "term starts (at the start of the day)",
            term.start,
        ),
        Step(
            end_clause,
            "Ende der Amtszeit (gezählt ab Beginn der ersten Amtszeit)"
            if counting == "from_first_term"
            else "Ende der Amtszeit (gezählt ab ihrem Beginn)",
            "term ends (counted from the start of the first term)"
            if counting == "from_first_term"
            else "term ends (counted from its own start)",
            term.end,
        ),
        Step(
            "LRV A.9.2",
            "Sitzungsleitung wechselt zwischen den Seiten",
            "the chair alternates between the sides",
            term.side.value,
        ),
    ]
    return ChairTermResult.build(
        side=term.side,
        term_number=term.number,
        term_start=term.start,
        term_end=term.end,
        inputs={"on": day, "first_term_start": start, "first_side": side0.value, "term_counting": counting},
        steps=tuple(steps),
    )


# --- deputies ------------------------------------------------------------------------------------


class DeputiesCheck(Result):
    """Whether a member's deputies are within the two the LRV allows (LRV A.9.1 Abs. 3)."""

    title = ("Stellvertretungen (LRV A.9.1 Abs. 3)", "Deputies (LRV A.9.1 para. 3)")

    allowed: Annotated[bool, Label("zulässig", "allowed")]
    deputies: Annotated[int, Label("Stellvertretungen", "deputies")]
    maximum: Annotated[int, Label("höchstens", "at most")]


def _names(value: object) -> Iterable[object]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidInputError("deputies", value, 'pass the names of the deputies, e.g. ["B", "C"]')
    return value


@rule(ids=("C12",), clauses=("LRV A.9.1 Abs. 3", "LRV A.9.1 Abs. 4"))
def deputies_check(*, deputies: Iterable[str], group: CommissionGroup | str | None = None) -> DeputiesCheck:
    """C12: whether the ``deputies`` named for one member are within the two allowed (LRV A.9.1 Abs. 3).

    "Für jedes stimmberechtigte Mitglied können die entsendenden Vertragsparteien bis zu zwei
    Stellvertretungen benennen"; for the advisory Interessenvertretungen "Absatz 3 gilt entsprechend"
    (Abs. 4 Satz 2). ``group``: the member's group, if known (the clause cited follows it).
    :class:`CommissionMember` refuses a third deputy when it is built; this check says why.

    >>> deputies_check(deputies=["B", "C"]).allowed, deputies_check(deputies=["B", "C", "D"]).allowed
    (True, False)

    Raises:
        InvalidInputError: ``deputies`` not an iterable of names (a str is one name, pass a list); a
            name empty or twice; an unknown ``group``.
    """
    names: list[str] = []
    for name in _names(deputies):
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError("deputies", name, "name each deputy with a non-empty text")
        if name.strip() in names:
            raise InvalidInputError("deputies", name, "name each deputy once")
        names.append(name.strip())
    member_group = None if group is None else enum_value(CommissionGroup, group, "group")
    advisory = member_group is CommissionGroup.INTERESSENVERTRETUNGEN
    clause = "LRV A.9.1 Abs. 4 Satz 2" if advisory else "LRV A.9.1 Abs. 3"
    allowed = len(names) <= MAX_DEPUTIES
    return DeputiesCheck.build(
        allowed=allowed,
        deputies=len(names),
        maximum=MAX_DEPUTIES,
        inputs={"deputies": tuple(names), "group": None if member_group is None else member_group.value},
        steps=(
            Step(
                clause,
                "beratendes Mitglied: Absatz 3 gilt entsprechend" if advisory else "je stimmberechtigtes Mitglied",
                "advisory member: para. 3 applies accordingly" if advisory else "per voting member",
                None if member_group is None else member_group.value,
            ),
            Step(clause, "benannte Stellvertretungen", "deputies named", len(names)),
            Step(clause, "bis zu zwei Stellvertretungen", "up to two deputies", MAX_DEPUTIES),
            Step(clause, "zulässig", "allowed", allowed),
        ),
    )
