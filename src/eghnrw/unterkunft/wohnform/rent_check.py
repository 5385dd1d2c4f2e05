"""The Warmmiete checked against the provider's costs (RULES M15; LRV B.4.14 Abs. 7, last sentence).

"Zur Feststellung, ob die geltend gemachten Aufwendungen notwendig und angemessen sind, kann der
Träger der Eingliederungshilfe die Höhe der Warmmiete als Ergebnis aller Aufwendungen und laufenden
Kosten des Leistungserbringers prüfen." The check compares the Warmmiete charged (under the WBVG
contract) with the Unterkunft part of the provider's costs for the same period and reports the
difference: above zero, the Warmmiete asks more than the costs explain.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Annotated

from eghnrw.core._check import check_non_negative
from eghnrw.core._rule import rule
from eghnrw.core.money import CONTEXT, Amount, round_result
from eghnrw.core.trace import Label, Result, Step

__all__ = ["WarmmieteCheckResult", "warmmiete_check"]

_CLAUSE = "LRV B.4.14 Abs. 7 letzter Satz"


class WarmmieteCheckResult(Result):
    """The Warmmiete charged against the Unterkunft part of the costs: the difference, and whether costs cover it."""

    title = ("Prüfung der Warmmiete", "Warmmiete check")

    covered_by_costs: Annotated[bool, Label("durch die Kosten gedeckt", "covered by the costs")]
    warmmiete_charged: Decimal
    unterkunft_costs: Decimal
    #: Warmmiete charged − costs: above zero, the Warmmiete asks more than the costs explain.
    difference: Annotated[Decimal, Label("Differenz (Warmmiete − Kosten)", "Difference (Warmmiete − costs)")]
    #: The difference in percent of the costs, to two places (``None`` when the costs are zero).
    difference_percent: Annotated[Decimal | None, Label("Differenz in % der Kosten", "Difference in % of the costs")]


@rule(ids=("M15",), clauses=("LRV B.4.14 Abs. 7",))
def warmmiete_check(*, warmmiete_charged: Amount, unterkunft_costs: Amount) -> WarmmieteCheckResult:
    """Compare the Warmmiete charged with the Unterkunft part of the costs (LRV B.4.14 Abs. 7, last sentence).

    Both amounts for the same period and the same rooms (e.g. one resident's month, or the whole
    house's year). ``unterkunft_costs``: the Warmmiete part of the provider's costs as split by
    area (rent or capital costs and Betriebskosten, without the besondere Nebenkosten).
    The difference is rounded to the cent, its percentage to two places (both half up).

    >>> w = warmmiete_check(warmmiete_charged="520.00", unterkunft_costs="500.00")
    >>> w.covered_by_costs, w.difference, w.difference_percent     # 20 ÷ 500 = 4 %
    (False, Decimal('20.00'), Decimal('4.00'))

    Raises:
        InvalidInputError: an amount negative or not a number; a percentage of 10^15 or more
            (costs near zero).
    """
    charged = check_non_negative(warmmiete_charged, "warmmiete_charged")
    costs = check_non_negative(unterkunft_costs, "unterkunft_costs")
    with localcontext(CONTEXT):
        exact = charged - costs
        difference = round_result(exact, "warmmiete_charged − unterkunft_costs")
        ratio = "(warmmiete_charged − unterkunft_costs) ÷ unterkunft_costs × 100"
        percent = round_result(exact / costs * 100, ratio) if costs else None
        covered = exact <= 0
    steps = (
        Step(_CLAUSE, "Warmmiete laut Vertrag (WBVG)", "Warmmiete charged (WBVG contract)", charged),
        Step(
            _CLAUSE,
            "Kosten der Unterkunft des Leistungserbringers (Flächenanteil)",
            "the provider's Unterkunft costs (area share)",
            costs,
        ),
        Step(_CLAUSE, "Differenz = Warmmiete − Kosten", "difference = Warmmiete − costs", difference),
        Step(_CLAUSE, "Differenz in % der Kosten", "difference in % of the costs", percent),
        Step(_CLAUSE, "Warmmiete durch die Kosten gedeckt", "Warmmiete covered by the costs", covered),
    )
    return WarmmieteCheckResult.build(
        covered_by_costs=covered,
        warmmiete_charged=charged,
        unterkunft_costs=costs,
        difference=difference,
        difference_percent=percent,
        inputs={"warmmiete_charged": charged, "unterkunft_costs": costs},
        steps=steps,
    )
