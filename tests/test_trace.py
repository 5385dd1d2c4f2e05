"""Explainable results: text in German and English, escaped Markdown/HTML, the JSON audit record."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib.metadata import version
from types import MappingProxyType
from typing import Annotated, ClassVar

import pytest
from pydantic import ValidationError

import eghnrw
from eghnrw.core.errors import EghnrwError, InvalidInputError
from eghnrw.core.params import Parameter, parameter
from eghnrw.core.trace import EDITIONS, Label, Result, Step, format_value
from fuzz.fuzz_table import contains_float

D = Decimal


class RateResult(Result):
    """A small result as a calculation module would declare it."""

    title: ClassVar[tuple[str, str]] = ("Stundensatz", "Hourly rate")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "amount": ("Betrag", "Amount"),
        "ends_on": ("Ende", "Ends on"),
        "capped": ("Gedeckelt", "Capped"),
    }

    amount: Decimal
    ends_on: date | None = None
    capped: bool = False


def _hours() -> Parameter:
    return parameter("kgst_normalarbeitszeit", on=date(2024, 1, 1))


def _rate() -> RateResult:
    # 63,360 € / 1,584 h = 40 €/h exactly (the contract example of hourly_rate)
    return RateResult.build(
        amount=D("40.00"),
        ends_on=date(2025, 12, 31),
        inputs={"annual_personnel_cost": D("63360")},
        parameters=(_hours(),),
        steps=(
            Step("LRV A.4.6 Abs. 2", "Jahrespersonalkosten", "annual personnel cost", D("63360")),
            Step("LRV A.4.6 Abs. 2", "÷ Jahresstunden", "÷ annual hours", D("1584")),
            Step("§ 188 Abs. 2 BGB", "Ende der Laufzeit", "end of term", date(2025, 12, 31)),
            Step("RV § 19 Abs. 2", "verlängert", "extended", True),
            Step("LRV A.4.6 Abs. 2", "ohne Wert", "no value"),
        ),
    )


EXPLAIN_DE = """\
Stundensatz
  Betrag: 40,00
  Ende: 31.12.2025
  Gedeckelt: nein
Rechenweg:
  1. Jahrespersonalkosten: 63.360 [LRV A.4.6 Abs. 2]
  2. ÷ Jahresstunden: 1.584 [LRV A.4.6 Abs. 2]
  3. Ende der Laufzeit: 31.12.2025 [§ 188 Abs. 2 BGB]
  4. verlängert: ja [RV § 19 Abs. 2]
  5. ohne Wert [LRV A.4.6 Abs. 2]
Parameter:
  kgst_normalarbeitszeit = 1.584 hours per year (gültig 01.01.2020 – offen; {source})
Fassungen:
  {lrv}
  {rv}
eghnrw {version}"""

EXPLAIN_EN = """\
Hourly rate
  Amount: 40.00
  Ends on: 2025-12-31
  Capped: no
Steps:
  1. annual personnel cost: 63,360 [LRV A.4.6 Abs. 2]
  2. ÷ annual hours: 1,584 [LRV A.4.6 Abs. 2]
  3. end of term: 2025-12-31 [§ 188 Abs. 2 BGB]
  4. extended: yes [RV § 19 Abs. 2]
  5. no value [LRV A.4.6 Abs. 2]
Parameters:
  kgst_normalarbeitszeit = 1,584 hours per year (valid 2020-01-01 – open; {source})
Editions:
  {lrv}
  {rv}
eghnrw {version}"""


@pytest.mark.parametrize(("lang", "expected"), [("de", EXPLAIN_DE), ("en", EXPLAIN_EN)])
def test_explain(lang, expected):
    text = expected.format(source=_hours().source, lrv=EDITIONS["LRV"], rv=EDITIONS["RV"], version=version("eghnrw"))
    assert _rate().explain(lang) == text


def test_explain_defaults_to_german_and_str_is_explain():
    result = _rate()
    assert result.explain() == result.explain("de")
    assert str(result) == result.explain("de")


def test_explain_of_a_bare_result():
    bare = Result.build()
    assert bare.explain() == f"Ergebnis\neghnrw {version('eghnrw')}"
    assert bare.explain("en") == f"Result\neghnrw {version('eghnrw')}"
    assert bare.editions == ()
    assert bare.citations == ()


@pytest.mark.parametrize(
    ("value", "de", "en"),
    [
        (D("63360.5"), "63.360,5", "63,360.5"),
        (D("1234567.89"), "1.234.567,89", "1,234,567.89"),
        (D("-1234.50"), "-1.234,50", "-1,234.50"),
        (D("0.05"), "0,05", "0.05"),
        (D("1E+3"), "1.000", "1,000"),  # no exponent in what a reader sees
        (date(2024, 2, 29), "29.02.2024", "2024-02-29"),
        (True, "ja", "yes"),
        (False, "nein", "no"),
        (None, "", ""),
        (7, "7", "7"),
        ("LVR", "LVR", "LVR"),
    ],
)
def test_format_value(value, de, en):
    assert format_value(value) == de
    assert format_value(value, "de") == de
    assert format_value(value, "en") == en


@pytest.mark.parametrize("lang", ["EN", "fr", None, "", "deutsch", ["de"]])
@pytest.mark.parametrize("grouping", [True, False])
def test_format_value_refuses_a_language_it_does_not_know(lang, grouping):
    # "EN" or None is not shown in English silently: the texts of every step pass "de" or "en"
    with pytest.raises(InvalidInputError, match=r'^lang: got .*; pass "de" \(German\) or "en" \(English\)$'):
        format_value(Decimal("1234.5"), lang, grouping=grouping)


def test_citations_in_order_of_first_use():
    assert _rate().citations == ("LRV A.4.6 Abs. 2", "§ 188 Abs. 2 BGB", "RV § 19 Abs. 2")


@pytest.mark.parametrize(
    ("clauses", "named"),
    [
        (("LRV B.4.14 Abs. 7",), ("LRV B.4",)),  # Teil B.4 as changed on 15.12.2021 (RULES C13)
        (("LRV B.4.15 Abs. 6", "LRV A.4.5 Abs. 2"), ("LRV", "LRV B.4.15 Abs. 6")),
        (("RV § 19 Abs. 2",), ("RV",)),
        (("RV § 19 Abs. 2", "LRV C.4"), ("LRV", "RV")),
        (("§ 188 Abs. 2 BGB", "§ 126 Abs. 2 SGB IX"), ()),  # statutes have no edition entry
        (("LRVX 1",), ()),  # a prefix is not enough: the first word must be the agreement's name
    ],
)
def test_editions_name_each_agreement_cited(clauses, named):
    result = Result.build(steps=tuple(Step(c, "x", "x") for c in clauses))
    assert result.editions == tuple(EDITIONS[name] for name in named)


def test_editions_name_the_signed_versions():
    assert "2019" in EDITIONS["LRV"]
    assert "01.01.2020" in EDITIONS["LRV"]
    assert "23.07.2019" in EDITIONS["RV"]
    assert "01.01.2020" in EDITIONS["RV"]


# --- Jupyter -------------------------------------------------------------------------------------


def _hostile() -> RateResult:
    return RateResult.build(
        amount=D("1.00"),
        steps=(Step("LRV A.1 | x", "<script>alert('x')</script> a | b\nc", "en", D("2.5")),),
        parameters=(
            Parameter(
                name="p|q",
                value=D(1),
                unit="<b>h</b>",
                valid_from=date(2024, 1, 1),
                valid_until=date(2024, 12, 31),
                source="src | <i>x</i>",
            ),
        ),
    )


def test_html_escapes_step_text():
    shown = _hostile()._repr_html_()
    assert "<script>" not in shown
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; a | b\nc" in shown
    assert "<b>h</b>" not in shown
    assert "&lt;b&gt;h&lt;/b&gt;" in shown
    assert "src | &lt;i&gt;x&lt;/i&gt;" in shown
    assert "<td>2,5</td>" in shown  # German number format
    assert "<td>gültig 01.01.2024 – 31.12.2024</td>" in shown
    assert shown.startswith("<div class='eghnrw-result'><strong>Stundensatz</strong><ul><li>Betrag: <strong>1,00")
    assert shown.endswith(f"<small>eghnrw {version('eghnrw')}</small></div>")


def test_markdown_escapes_pipes_html_and_line_breaks():
    shown = _hostile()._repr_markdown_()
    step_row = "| 1 | &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; a \\| b c | 2,5 | LRV A.1 \\| x |"
    assert step_row in shown.splitlines()
    param_row = "| p\\|q | 1 &lt;b&gt;h&lt;/b&gt; | gültig 01.01.2024 – 31.12.2024 | src \\| &lt;i&gt;x&lt;/i&gt; |"
    assert param_row in shown.splitlines()
    # every table row has exactly the five unescaped pipes of four columns
    for line in shown.splitlines():
        if line.startswith("|"):
            assert line.replace("\\|", "").count("|") == 5, line


def test_markdown_of_the_rate():
    lines = _rate()._repr_markdown_().splitlines()
    assert lines[:5] == [
        "**Stundensatz**",
        "",
        "- Betrag: **40,00**",
        "- Ende: **31.12.2025**",
        "- Gedeckelt: **nein**",
    ]
    assert "| 1 | Jahrespersonalkosten | 63.360 | LRV A.4.6 Abs. 2 |" in lines
    assert "| 3 | Ende der Laufzeit | 31.12.2025 | § 188 Abs. 2 BGB |" in lines


# --- the audit record ----------------------------------------------------------------------------


def test_model_dump_json_is_the_audit_record():
    record = json.loads(_rate().model_dump_json())
    assert record["eghnrw_version"] == version("eghnrw") == eghnrw.__version__
    assert record["amount"] == "40.00"  # Decimal as a string: no float on the way
    assert record["ends_on"] == "2025-12-31"
    assert record["capped"] is False
    assert record["inputs"] == {"annual_personnel_cost": "63360"}
    assert record["steps"][0] == {
        "clause": "LRV A.4.6 Abs. 2",
        "de": "Jahrespersonalkosten",
        "en": "annual personnel cost",
        "value": "63360",
        "type": "decimal",  # every step value names its type: the record loads back typed
    }
    assert (record["steps"][2]["value"], record["steps"][2]["type"]) == ("2025-12-31", "date")
    assert record["steps"][3]["value"] is True
    assert record["steps"][3]["type"] == "bool"
    assert record["steps"][4]["value"] is None
    assert record["steps"][4]["type"] == "null"
    assert record["input_types"] == {"annual_personnel_cost": "decimal"}
    assert record["result_type"] == type(_rate()).__name__
    assert record["parameters"] == [
        {
            "name": "kgst_normalarbeitszeit",
            "value": "1584",
            "unit": "hours per year",
            "valid_from": "2020-01-01",
            "valid_until": None,
            "source": _hours().source,
            "overridden": False,
        }
    ]
    assert record["editions"] == [EDITIONS["LRV"], EDITIONS["RV"]]


def test_no_float_in_the_audit_record():
    def floats(node):
        if isinstance(node, float):
            return 1
        if isinstance(node, dict):
            return sum(floats(v) for v in node.values())
        if isinstance(node, list):
            return sum(floats(v) for v in node)
        return 0

    assert floats(json.loads(_rate().model_dump_json())) == 0


def test_a_result_never_holds_a_float():
    try:
        result = Result(inputs={"x": 1.5})
    except (ValidationError, EghnrwError):
        return
    assert not contains_float(result.model_dump())


@pytest.mark.parametrize(
    ("inputs", "named"),
    [
        ({"": frozenset()}, "frozenset cannot be written to an audit record: frozenset()"),  # found by fuzz
        ({"x": {"y": [object()]}}, "object cannot be written to an audit record"),
    ],
)
def test_inputs_an_audit_record_cannot_hold_are_refused_when_given(inputs, named):
    # before: accepted, and model_dump_json() raised TypeError later, where the record was written
    with pytest.raises(ValidationError, match=f"inputs: {named}"):
        Result(inputs=inputs)
    record = Result(inputs={"x": [D("1.50"), None, "a"], "y": {"z": date(2024, 1, 1)}}).model_dump_json()
    assert json.loads(record)["inputs"] == {"x": ["1.50", None, "a"], "y": {"z": "2024-01-01"}}


# --- frozen, cheap, defaults ---------------------------------------------------------------------


def test_results_are_frozen():
    result = _rate()
    with pytest.raises(ValidationError, match="frozen"):
        result.amount = D("41.00")
    with pytest.raises(ValidationError, match="frozen"):
        result.steps = ()
    assert result.amount == D("40.00")


def test_build_fills_defaults_and_does_not_share_mutable_ones():
    first = RateResult.build(amount=D(1))
    second = RateResult.build(amount=D(2))
    assert (first.ends_on, first.capped, first.parameters, first.steps) == (None, False, (), ())
    assert first.inputs == {}
    assert first.inputs is not second.inputs
    assert first.eghnrw_version == version("eghnrw")


class _Notes(Result):
    """A result with a mutable default and a value field after it."""

    notes: list[str] = []  # noqa: RUF012 - a mutable default, copied by pydantic and by build()
    total: Decimal


def test_build_copies_a_mutable_default_and_leaves_out_a_value_field_not_passed():
    first, second = _Notes.build(), _Notes.build(total=D(1), extra=2)
    assert first.notes == []
    assert first.notes is not second.notes
    assert first.notes is not _Notes.model_fields["notes"].default
    assert "total" not in first.__dict__  # as model_construct() would leave it: build() does not validate
    # declaration order, the defaults made on build included; a name not declared comes last
    assert list(second.__dict__) == ["inputs", "parameters", "steps", "eghnrw_version", "notes", "total", "extra"]
    assert second.__pydantic_fields_set__ == {"total", "extra"}


def test_build_shares_immutable_defaults():
    first, second = RateResult.build(amount=D(1), inputs={"surcharges": {}}), RateResult.build(amount=D(2))
    assert first.steps is second.steps is RateResult.model_fields["steps"].default
    assert first.inputs == {"surcharges": {}}
    assert isinstance(first.inputs["surcharges"], MappingProxyType)


def test_build_equals_validated_construction():
    built = _rate()
    validated = RateResult(**built.model_dump(exclude={"editions"}))
    assert validated == built
    assert validated.model_dump_json() == built.model_dump_json()


def test_step_is_a_named_tuple_with_an_optional_value():
    step = Step("LRV C.4", "Kündigung", "notice")
    assert step == ("LRV C.4", "Kündigung", "notice", None)
    assert step._asdict() == {"clause": "LRV C.4", "de": "Kündigung", "en": "notice", "value": None}


def test_top_level_names():
    assert eghnrw.Result is Result
    assert eghnrw.Step is Step
    assert eghnrw.Parameter is Parameter


def test_markdown_and_html_of_a_bare_result_have_no_tables():
    bare = Result.build()
    assert bare._repr_markdown_() == "**Ergebnis**\n"
    assert bare._repr_html_() == (
        f"<div class='eghnrw-result'><strong>Ergebnis</strong><ul></ul><small>eghnrw {version('eghnrw')}</small></div>"
    )


def test_build_keeps_names_the_class_does_not_declare():
    # build() does not validate: an undeclared name is kept as given (and not dumped), as before
    result = Result.build(extra_note="x")
    assert result.extra_note == "x"  # type: ignore[attr-defined]
    assert "extra_note" not in result.model_dump()


def test_long_exact_intermediates_are_shortened_for_reading_only():
    # 1,584 × 30 ÷ 39 = 1,218.461538461…: six places in the text, every digit in the record
    exact = Decimal(1584) * 30 / 39
    assert format_value(exact) == "1.218,461538…"
    assert format_value(exact, "en") == "1,218.461538…"
    assert format_value(Decimal("913500.000")) == "913.500,00"
    assert format_value(Decimal("0.125")) == "0,125"


# --- notebooks: German and English ---------------------------------------------------------------


def _kalkulation():
    return eghnrw.kalkulation(
        unit="day", places=24, occupancy_percent="96", days=365,
        posts=[{"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True}],
    )  # fmt: skip


def test_html_and_markdown_in_english_and_german():
    k = _kalkulation()
    de, en = k.to_html(), k.to_html("en")
    assert de == k._repr_html_()
    assert de.startswith("<div class='eghnrw-result'><strong>Kalkulation der Leistungspauschale</strong>")
    assert en.startswith("<div class='eghnrw-result'><strong>Kalkulation (cost-based rate)</strong>")
    # the unit in the reader's language: "je: day" was shown in German
    assert "<li>je: <strong>Tag</strong></li>" in de
    assert "<li>per: <strong>day</strong></li>" in en
    # 6 × 62,000 = 372,000 ÷ (24 × 365 × 0.96 = 8,409.6) = 44.2351…; numbers one way per language
    assert "<li>Leistungspauschale: <strong>44,24</strong></li>" in de
    assert "<li>Rate (Leistungspauschale): <strong>44.24</strong></li>" in en
    assert "<th>Schritt</th><th>Wert</th><th>Fundstelle</th>" in de
    assert "<th>Step</th><th>Value</th><th>Clause</th>" in en
    assert "372.000" in de
    assert "372,000" in en
    assert "Personalaufwand" not in en
    md = k.to_markdown("en")
    assert md.splitlines()[:3] == ["**Kalkulation (cost-based rate)**", "", "- Rate (Leistungspauschale): **44.24**"]
    assert "- per: **day**" in md
    assert "- je: **Tag**" in k._repr_markdown_()
    assert "| # | Step | Value | Clause |" in md


def test_parameters_in_english():
    r = eghnrw.hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1))
    assert "<th>Parameter</th><th>Value</th><th>Validity</th><th>Source</th>" in r.to_html("en")
    assert "| kgst_normalarbeitszeit | 1,584 " in r.to_markdown("en")
    assert "| kgst_normalarbeitszeit | 1.584 " in r.to_markdown()


def test_a_list_of_values_is_shown_as_items_not_as_python():
    t = eghnrw.lrv_in_force(on=date(2021, 6, 30), signed_on=date(2019, 7, 23))
    assert "in Kraft: A; B; C; Anlagen" in t.explain()
    assert "('A'" not in t.to_html() + t.to_markdown("en")


@pytest.mark.parametrize("lang", ["fr", None])
def test_html_and_markdown_refuse_a_language_they_do_not_speak(lang):
    for shown in (_kalkulation(), eghnrw.termination_timeline(notice_received=date(2024, 3, 15))):
        with pytest.raises(eghnrw.InvalidInputError, match=r"^lang: "):
            shown.to_html(lang)
        with pytest.raises(eghnrw.InvalidInputError, match=r"^lang: "):
            shown.to_markdown(lang)


def test_a_timeline_in_english():
    t = eghnrw.termination_timeline(notice_received=date(2024, 3, 15))
    assert t.to_html() == t._repr_html_()
    en = t.to_html("en")
    assert "<th>Date</th><th>Event</th><th>Note</th><th>Clause</th>" in en
    assert "<td>2025-03-15</td><td>termination takes effect</td>" in en
    assert t.to_markdown("en").startswith("**Termination of the LRV (LRV C.4)**")


class LabelledResult(Result):
    """Labels declared beside the fields and a property, one shown out of field order."""

    title = ("Beschriftet", "Labelled")

    amount: Annotated[Decimal, Label("Betrag", "Amount")]
    unlabelled: Decimal = D(0)
    ends_on: Annotated[date | None, Label("Ende", "Ends on")] = None
    capped: Annotated[bool, Label("Gedeckelt", "Capped", after="amount")] = False

    @property
    @Label("Betrag verdoppelt", "Amount doubled")
    def doubled(self) -> Decimal:
        return self.amount * 2


def test_labels_are_derived_from_the_fields_then_the_properties_with_after_moving_one():
    # field order amount, ends_on, capped; capped is shown after amount; the property comes last
    assert LabelledResult.labels == {
        "amount": ("Betrag", "Amount"),
        "capped": ("Gedeckelt", "Capped"),
        "ends_on": ("Ende", "Ends on"),
        "doubled": ("Betrag verdoppelt", "Amount doubled"),
    }
    shown = LabelledResult.build(amount=D("2.50"), capped=True).explain("en").splitlines()[:4]
    # ends_on is None and so not shown; 2.50 × 2 = 5.00
    assert shown == ["Labelled", "  Amount: 2.50", "  Capped: yes", "  Amount doubled: 5.00"]


def test_a_result_class_that_lists_its_labels_keeps_them():
    assert list(RateResult.labels) == ["amount", "ends_on", "capped"]


def test_a_subclass_inherits_the_labels_of_its_fields():
    class LabelledSubResult(LabelledResult):
        title = ("Unterklasse", "Subclass")

    assert LabelledSubResult.labels == LabelledResult.labels


def test_a_label_shown_after_a_value_without_a_label_is_refused_when_the_class_is_made():
    with pytest.raises(TypeError, match=r"AfterNothingResult.amount is labelled to be shown after 'unlabelled'"):

        class AfterNothingResult(Result):
            unlabelled: Decimal
            amount: Annotated[Decimal, Label("Betrag", "Amount", after="unlabelled")]


def test_a_result_field_of_a_type_not_defined_yet_is_refused_since_its_label_could_not_be_read():
    with pytest.raises(TypeError, match="ForwardResult: define the types of its fields before the result class"):

        class ForwardResult(Result):
            later: Annotated[NotDefinedYet, Label("Später", "Later")]  # noqa: F821 - the type this test leaves undefined


@pytest.mark.parametrize("name", ["AfterNothingResult", "ForwardResult"])
def test_a_refused_result_class_is_not_registered(name):
    with pytest.raises(eghnrw.InvalidInputError, match="pass the name of a result class eghnrw knows"):
        Result.from_record({"result_type": name})
