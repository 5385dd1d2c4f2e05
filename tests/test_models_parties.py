"""C9: the parties of the LRV and the RV and their sides, as the sources name them."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from eghnrw.core.errors import InvalidInputError
from eghnrw.kommission.models import LRV_PARTIES, RV_PARTIES, Agreement, Party, PartyKind, ProviderGroup, Side, parties

T = Side.TRAEGER_DER_EINGLIEDERUNGSHILFE
L = Side.LEISTUNGSERBRINGER


def test_lrv_einerseits_in_the_order_of_the_list_of_parties():
    names = [p.name for p in parties("LRV", side=T)]
    assert names == [
        "Landschaftsverband Rheinland",
        "Landschaftsverband Westfalen-Lippe",
        "Landkreistag Nordrhein-Westfalen",
        "Städtetag Nordrhein-Westfalen",
        "Städte- und Gemeindebund Nordrhein-Westfalen",
    ]
    kinds = [p.kind for p in parties("LRV", side=T)]
    assert kinds == [PartyKind.LANDSCHAFTSVERBAND] * 2 + [PartyKind.KOMMUNALER_SPITZENVERBAND] * 3


def test_lrv_andererseits_with_groups_only_where_the_text_states_them():
    got = [(p.short_name, p.group) for p in parties(Agreement.LRV, side=L)]
    assert got == [
        (None, ProviderGroup.FREIE_WOHLFAHRTSPFLEGE),
        ("LAGöT", ProviderGroup.OEFFENTLICHE_TRAEGER),
        ("bpa", ProviderGroup.PRIVAT_GEWERBLICH),
        ("VDAB", None),
        ("FABA", None),
        (None, None),
    ]
    assert parties("LRV", side=L)[-1].name == "Fachverband Sucht e. V."


def test_arbeitsgemeinschaft_freie_wohlfahrtspflege_has_fourteen_members():
    ag = LRV_PARTIES[5]
    assert (
        ag.name == "Arbeitsgemeinschaft der Spitzenverbände der Freien Wohlfahrtspflege des Landes Nordrhein-Westfalen"
    )
    assert len(ag.members) == 14
    assert ag.members[0] == "Arbeiterwohlfahrt Bezirksverband Mittelrhein e. V."
    assert "Diözesan-Caritasverband für das Erzbistum Köln e. V." in ag.members
    assert "Caritasverband für die Diözese Münster e. V." in ag.members
    assert ag.members[-1] == "Jüdische Gemeinden Landesverbände"


def test_rv_parties_all_on_the_public_side_signed_23_07_2019():
    assert [p.name for p in RV_PARTIES] == [
        "Landschaftsverband Westfalen-Lippe",
        "Landschaftsverband Rheinland",
        "Landkreistag NRW",
        "Städtetag NRW",
        "Städte- und Gemeindebund NRW",
    ]
    assert {p.side for p in RV_PARTIES} == {T}
    assert {p.signed_on for p in RV_PARTIES} == {date(2019, 7, 23)}
    assert [p.seat for p in RV_PARTIES] == [
        "48133 Münster",
        "50679 Köln",
        "40213 Düsseldorf",
        "50670 Köln",
        "40474 Düsseldorf",
    ]
    assert RV_PARTIES[0].signed_by == "Matthias Löb, LWL-Direktor"
    assert RV_PARTIES[3].signed_by == "Verena Göppert, Stellvertreterin des Hauptgeschäftsführers"
    assert parties("RV", side="leistungserbringer") == ()


def test_all_parties_and_counts():
    assert len(parties()) == 16
    assert len(parties(side=T)) == 10


@pytest.mark.parametrize(("kwargs", "argument"), [({"agreement": "SGB"}, "agreement"), ({"side": "beide"}, "side")])
def test_unknown_agreement_or_side_is_refused(kwargs, argument):
    with pytest.raises(InvalidInputError, match=f"^{argument}: got") as info:
        parties(**kwargs)
    assert info.value.argument == argument


def test_party_is_frozen_and_round_trips():
    p = LRV_PARTIES[5]
    assert Party.model_validate_json(p.model_dump_json()) == p
    with pytest.raises(ValidationError, match=r"frozen"):
        p.name = "x"  # type: ignore[misc]
    with pytest.raises(ValidationError, match=r"extra_forbidden"):
        Party(agreement="LRV", name="X", side=L, kind="leistungserbringerverband", bogus=1)  # type: ignore[call-arg]
