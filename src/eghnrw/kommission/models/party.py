"""The parties of the LRV and of the RV and their sides (RULES.md C9).

Names are copied from the sources: the LRV from its list of parties ("zwischen … einerseits sowie
… andererseits"), the RV from its list of parties and its signature block (Köln, 23.07.2019).
Where the LRV does not say which group of A.9.1 Abs. 2 a provider association belongs to,
``group`` is ``None`` rather than a guess.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from eghnrw.core._types import Day, FrozenModel, Text, enum_value
from eghnrw.core.enums import Agreement, PartyKind, ProviderGroup, Side

__all__ = ["parties"]


class Party(FrozenModel):
    """A party to the LRV or the RV, with its side.

    ``members`` lists the member associations where the party is an Arbeitsgemeinschaft;
    ``seat``, ``represented_by``, ``signed_by`` and ``signed_on`` are filled where the source
    states them (the RV's list of parties and signature block).
    """

    agreement: Agreement
    name: Text
    short_name: Text | None = None
    side: Side
    kind: PartyKind
    group: ProviderGroup | None = None
    members: tuple[Text, ...] = ()
    seat: Text | None = None
    represented_by: Text | None = None
    signed_by: Text | None = None
    signed_on: Day | None = None


def _lrv(
    name: str,
    side: Side,
    kind: PartyKind,
    *,
    short_name: str | None = None,
    group: ProviderGroup | None = None,
    members: tuple[str, ...] = (),
) -> Party:
    return Party(
        agreement=Agreement.LRV, name=name, short_name=short_name, side=side, kind=kind, group=group, members=members
    )


_T = Side.TRAEGER_DER_EINGLIEDERUNGSHILFE
_L = Side.LEISTUNGSERBRINGER
_LV = PartyKind.LANDSCHAFTSVERBAND
_KSV = PartyKind.KOMMUNALER_SPITZENVERBAND
_VB = PartyKind.LEISTUNGSERBRINGERVERBAND

#: The members of the Arbeitsgemeinschaft der Spitzenverbände der Freien Wohlfahrtspflege as the
#: LRV lists them (one bullet names two Caritas associations; they are two members here).
_FREIE_WOHLFAHRTSPFLEGE: Final = (
    "Arbeiterwohlfahrt Bezirksverband Mittelrhein e. V.",
    "Arbeiterwohlfahrt Bezirksverband Niederrhein e. V.",
    "Arbeiterwohlfahrt Bezirksverband Ostwestfalen-Lippe e. V.",
    "Arbeiterwohlfahrt Bezirksverband Westliches Westfalen e. V.",
    "Caritasverband für das Bistum Aachen e. V.",
    "Caritasverband für das Bistum Essen e. V.",
    "Diözesan-Caritasverband für das Erzbistum Köln e. V.",
    "Caritasverband für die Diözese Münster e. V.",
    "Caritasverband für das Erzbistum Paderborn e. V.",
    "Der Paritätische - Landesverband Nordrhein-Westfalen e. V.",
    "Diakonisches Werk Rheinland-Westfalen-Lippe e. V.",
    "Deutsches Rotes Kreuz - Landesverband Nordrhein e. V.",
    "Deutsches Rotes Kreuz - Landesverband Westfalen-Lippe e. V.",
    "Jüdische Gemeinden Landesverbände",
)

#: The parties of the LRV in the order of its list of parties: five "einerseits", six "andererseits".
LRV_PARTIES: Final[tuple[Party, ...]] = (
    _lrv("Landschaftsverband Rheinland", _T, _LV, short_name="LVR"),
    _lrv("Landschaftsverband Westfalen-Lippe", _T, _LV, short_name="LWL"),
    _lrv("Landkreistag Nordrhein-Westfalen", _T, _KSV),
    _lrv("Städtetag Nordrhein-Westfalen", _T, _KSV),
    _lrv("Städte- und Gemeindebund Nordrhein-Westfalen", _T, _KSV),
    _lrv(
        "Arbeitsgemeinschaft der Spitzenverbände der Freien Wohlfahrtspflege des Landes Nordrhein-Westfalen",
        _L,
        _VB,
        group=ProviderGroup.FREIE_WOHLFAHRTSPFLEGE,
        members=_FREIE_WOHLFAHRTSPFLEGE,
    ),
    _lrv(
        "Landesarbeitsgemeinschaft der öffentlichen Träger der Einrichtungen der Behindertenhilfe Nordrhein-Westfalen",
        _L,
        _VB,
        short_name="LAGöT",
        group=ProviderGroup.OEFFENTLICHE_TRAEGER,
    ),
    _lrv(
        "bpa - Bundesverband privater Anbieter sozialer Dienste e. V. Landesgeschäftsstelle NRW",
        _L,
        _VB,
        short_name="bpa",
        group=ProviderGroup.PRIVAT_GEWERBLICH,
    ),
    _lrv("VDAB - Verband Deutscher Alten- und Behindertenhilfe e. V. Geschäftsstelle NRW", _L, _VB, short_name="VDAB"),
    _lrv("FABA e. V. – Freie Ambulante BeWo-Anbieter/innen", _L, _VB, short_name="FABA"),
    _lrv("Fachverband Sucht e. V.", _L, _VB),
)

_RV_SIGNED: Final = date(2019, 7, 23)


def _rv(name: str, kind: PartyKind, short_name: str | None, *, seat: str, represented_by: str, signed_by: str) -> Party:
    return Party(
        agreement=Agreement.RV,
        name=name,
        short_name=short_name,
        side=_T,
        kind=kind,
        seat=seat,
        represented_by=represented_by,
        signed_by=signed_by,
        signed_on=_RV_SIGNED,
    )


#: The five Vereinbarungspartner of the RV in the order of its list of parties. All are on the
#: public side: the Spitzenverbände der Leistungserbringer were consulted ("nach Beteiligung"),
#: they are not parties.
RV_PARTIES: Final[tuple[Party, ...]] = (
    _rv(
        "Landschaftsverband Westfalen-Lippe",
        _LV,
        "LWL",
        seat="48133 Münster",
        represented_by="den Direktor des Landschaftsverbandes",
        signed_by="Matthias Löb, LWL-Direktor",
    ),
    _rv(
        "Landschaftsverband Rheinland",
        _LV,
        "LVR",
        seat="50679 Köln",
        represented_by="die Direktorin des Landschaftsverbandes",
        signed_by="Ulrike Lubek, LVR-Direktorin",
    ),
    _rv(
        "Landkreistag NRW",
        _KSV,
        None,
        seat="40213 Düsseldorf",
        represented_by="den Hauptgeschäftsführer",
        signed_by="Dr. Martin Klein, Hauptgeschäftsführer",
    ),
    _rv(
        "Städtetag NRW",
        _KSV,
        None,
        seat="50670 Köln",
        represented_by="das geschäftsführende Vorstandsmitglied",
        signed_by="Verena Göppert, Stellvertreterin des Hauptgeschäftsführers",
    ),
    _rv(
        "Städte- und Gemeindebund NRW",
        _KSV,
        None,
        seat="40474 Düsseldorf",
        represented_by="den Hauptgeschäftsführer",
        signed_by="Dr. Bernd Jürgen Schneider, Hauptgeschäftsführer",
    ),
)


def parties(agreement: Agreement | str | None = None, *, side: Side | str | None = None) -> tuple[Party, ...]:
    """The parties of one agreement (or of both), optionally of one side only.

    LRV list of parties ("einerseits" / "andererseits"); RV list of parties and signature block.

    >>> [p.short_name or p.name for p in parties("RV")]
    ['LWL', 'LVR', 'Landkreistag NRW', 'Städtetag NRW', 'Städte- und Gemeindebund NRW']
    >>> len(parties("LRV", side="leistungserbringer"))
    6

    Raises:
        InvalidInputError: ``agreement`` or ``side`` is not one of the known values.
    """
    chosen = None if agreement is None else enum_value(Agreement, agreement, "agreement")
    wanted = None if side is None else enum_value(Side, side, "side")
    everyone = LRV_PARTIES + RV_PARTIES
    return tuple(p for p in everyone if chosen in {None, p.agreement} and wanted in {None, p.side})
