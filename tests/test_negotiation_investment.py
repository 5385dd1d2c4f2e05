"""A changed Investitionsbetrag is flagged unless agreed beforehand (RULES M16, LRV B.4.7 Abs. 8 Satz 1)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import eghnrw as e
from cases import CONTRACT
from eghnrw.core.errors import InvalidInputError

CLAUSE = "LRV B.4.7 Abs. 8 Satz 1"
NOTE = (
    "the Investitionsbetrag changes (24,000 → 32,409.60): it is recalculated for an investment measure only if "
    "the measure was agreed with the Träger beforehand, dem Grunde und der Höhe nach (LRV B.4.7 Abs. 8 Satz 1); "
    "pass investment_agreed=True if it was"
)


def test_compare_flags_a_new_investitionsbetrag() -> None:
    # + 8,409.60 investment = + 1.00 a day: 572,809.60 ÷ 8,409.6 = 68.1137… → 68.11
    old = e.kalkulation(**CONTRACT)
    new = e.kalkulation(**{**CONTRACT, "investment": "32409.60"})
    d = e.compare(old, new)
    assert (d.amount_difference, d.contributions["investment"]) == (Decimal("1.00"), Decimal("1.00"))
    assert d.notes == (NOTE,)
    assert d.steps[-1].clause == CLAUSE
    assert d.steps[-1].de.startswith("Hinweis: Investitionsbetrag geändert (24.000 → 32.409,60)")
    # stated as agreed: a step records the statement, no note
    agreed = e.compare(old, new, investment_agreed=True)
    assert agreed.notes == ()
    assert agreed.steps[-1].clause == CLAUSE
    assert agreed.steps[-1].de.endswith(
        "Maßnahme vorher dem Grunde und der Höhe nach vereinbart (Angabe des Aufrufers)"
    )
    assert agreed.inputs["investment_agreed"] is True
    # subsidies alone (Satz 2) and an unchanged investment are no recalculation
    subsidised = e.kalkulation(**CONTRACT, public_subsidies="1000")
    assert e.compare(old, subsidised).notes == ()
    assert not any(s.clause == CLAUSE for s in e.compare(old, old).steps)
    with pytest.raises(InvalidInputError, match=r"^investment_agreed: got 1; pass True or False"):
        e.compare(old, new, investment_agreed=1)  # type: ignore[arg-type]


def test_what_if_flags_the_values_that_change_the_investment() -> None:
    # 564,400 − 24,000 + 32,409.60 = 572,809.60 ÷ 8,409.6 = 68.11
    w = e.what_if(CONTRACT, vary="investment", values=["24000", "32409.60"])
    assert w.amounts == (Decimal("67.11"), Decimal("68.11"))
    assert w.notes == (NOTE,)
    assert w.steps[-1].clause == CLAUSE
    assert e.what_if(CONTRACT, vary="investment", values=["32409.60"], investment_agreed=True).notes == ()
    assert e.what_if(CONTRACT, vary="investment", values=["24000"]).notes == ()  # the Kalkulation's own
    assert e.what_if(CONTRACT, vary="occupancy_percent", values=["90"]).notes == ()


def test_a_fortschreibung_with_a_new_investitionsbetrag() -> None:
    # posts + 0 %, Sachaufwand + 0 %, investment 24,000 → 32,409.60: 67.11 → 68.11
    f = e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent="0", investment="32409.60")
    assert (f.previous_amount, f.amount) == (Decimal("67.11"), Decimal("68.11"))
    assert f.successor is not None
    assert f.successor.investment == Decimal("32409.60")
    assert f.notes == (NOTE,)
    assert f.steps[-1].clause == CLAUSE
    agreed = e.fortschreibung(
        kalkulation=CONTRACT, tariff_increase_percent="0", investment="32409.60", investment_agreed=True
    )
    assert (agreed.amount, agreed.notes, agreed.inputs["investment_agreed"]) == (Decimal("68.11"), (), True)
    # compare with the Fortschreibung: its statement carries over
    assert e.compare(e.kalkulation(**CONTRACT), agreed).notes == ()
    assert e.compare(e.kalkulation(**CONTRACT), f).notes == (NOTE,)
    # without a new investment nothing is flagged, as before
    assert e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent="1").notes == ()
    with pytest.raises(
        InvalidInputError, match=r"^investment: got '1'; a new Investitionsbetrag needs the Kalkulation"
    ):
        e.fortschreibung(rate="144.20", investment="1")
    with pytest.raises(InvalidInputError, match=r"^public_subsidies: "):
        e.fortschreibung(
            kalkulation={**CONTRACT, "public_subsidies": "5000"}, tariff_increase_percent="0", investment="1000"
        )
    with pytest.raises(InvalidInputError, match=r"^investment: got '-1'"):
        e.fortschreibung(kalkulation=CONTRACT, tariff_increase_percent="0", investment="-1")
