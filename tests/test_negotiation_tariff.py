"""Tariff pay a comparison or what-if cuts below its Tarifwerk is noted (RULES M17, LRV A.4.6 Abs. 5)."""

from __future__ import annotations

from decimal import Decimal

import eghnrw as e
from cases import CONTRACT
from eghnrw.verguetung.negotiation.tariff import TariffCut, tariff_cuts

NOTE = (
    "post Hilfskraft (AVR): annual cost per full-time post 46,000 → 44,000, below its Tarifwerk; tariff pay "
    "cannot be rejected as uneconomic (LRV A.4.6 Abs. 5, § 124 Abs. 1 Satz 6 SGB IX)"
)


def _with_hilfskraft(cost: str, **more: object) -> dict:
    posts = [CONTRACT["posts"][0], {**CONTRACT["posts"][1], "annual_cost": cost, **more}]
    return {**CONTRACT, "posts": posts}


def test_a_comparison_that_cuts_tariff_pay_says_so() -> None:
    # Hilfskraft 46,000 → 44,000 (AVR both times): 372,000 + 88,000 = 460,000 × 1.1 = 506,000
    # + 54,000 = 560,000 ÷ 8,409.6 = 66.5906… → 66.59, 0.52 below 67.11
    old, new = e.kalkulation(**CONTRACT), e.kalkulation(**_with_hilfskraft("44000"))
    d = e.compare(old, new)
    assert (d.amount_difference, d.contributions["personnel[Hilfskraft]"]) == (Decimal("-0.52"), Decimal("-0.52"))
    assert d.notes == (NOTE,)
    assert d.steps[-1].clause == "LRV A.4.6 Abs. 5"
    assert d.steps[-1].de == (
        "Hinweis: Stelle Hilfskraft (AVR) unter der tariflichen Vergütung (46.000 → 44.000 je Vollzeitstelle) — "
        "tarifliche Vergütung kann nicht als unwirtschaftlich abgelehnt werden"
    )
    # the other way round pay rises: nothing to note
    assert e.compare(new, old).notes == ()


def test_no_note_without_a_tarifwerk_or_for_another_one() -> None:
    old = e.kalkulation(**_with_hilfskraft("46000", tarifwerk=None))
    assert e.compare(old, e.kalkulation(**_with_hilfskraft("44000", tarifwerk=None))).notes == ()
    # a post moved to another Tarifwerk is a change of Tarifwerk, not a cut below one
    moved = e.kalkulation(**_with_hilfskraft("44000", tarifwerk="TV-L"))
    assert e.compare(e.kalkulation(**CONTRACT), moved).notes == ()
    # a Fortschreibung whose Tarifwerk falls: the pay follows it (A.4.6 Abs. 5 protects the tariff, not a figure)
    falling = e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent={"TVöD-SuE": "0", "AVR": "-2"})
    assert e.compare(e.kalkulation(**CONTRACT), falling).notes == ()


def test_posts_are_paired_by_role_in_order() -> None:
    def post(cost: str, tarifwerk: str | None = "TVöD") -> e.Post:
        return e.Post(role="Fachkraft", fte=Decimal(1), annual_cost=Decimal(cost), skilled=True, tarifwerk=tarifwerk)

    # the second Fachkraft post falls from 60,000 to 59,999.99; the first rises; an added third has no pair
    cuts = tariff_cuts([post("50000"), post("60000")], [post("51000"), post("59999.99"), post("1")])
    assert cuts == (TariffCut("Fachkraft", "TVöD", Decimal(60000), Decimal("59999.99")),)
    assert tariff_cuts([post("50000", None)], [post("1", None)]) == ()


def test_a_what_if_below_the_tariff_pay_says_so() -> None:
    # posts[1].annual_cost at 44,000 (66.59, as above), 46,000 (67.11) and 48,000:
    # 372,000 + 96,000 = 468,000 × 1.1 = 514,800 + 54,000 = 568,800 ÷ 8,409.6 = 67.6370… → 67.64
    w = e.what_if(CONTRACT, vary="posts[1].annual_cost", values=["44000", "46000", "48000"])
    assert w.amounts == (Decimal("66.59"), Decimal("67.11"), Decimal("67.64"))
    assert w.notes == (NOTE,)
    assert w.steps[-1].clause == "LRV A.4.6 Abs. 5"
    assert e.what_if(CONTRACT, vary="posts[1].annual_cost", values=["46000", "48000"]).notes == ()
    # a falling tariff tried as a Fortschreibung would apply it: the Tarifwerk's own change, no cut below it
    assert e.what_if(CONTRACT, vary="tariff_increase_percent", values=["-2"]).notes == ()
