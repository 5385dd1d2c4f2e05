"""Every hypothesis strategy of the test suite, in one place (the habit of attrs' tests).

Composed from a few building blocks: :func:`decimals_between` (amounts, percentages, hours with a
fixed number of decimal places), whole-cent amounts, percentages, places, days and dates. A new
strategy is built from these (``decimals_between("0", "5000")`` for areas in m², ``rate_percents``
for a percentage) rather than written out again. Sections by area; a new area appends its own.
``wrong_values`` (the last section) is what the fuzz tests put into an argument.
"""

from __future__ import annotations

from datetime import UTC, date, timedelta, timezone
from decimal import Decimal

from hypothesis import strategies as st

import eghnrw.kommission.models as _m
from eghnrw.core.enums import AuditKind
from eghnrw.verguetung.billing import BillingUnit

# --- building blocks ---------------------------------------------------------------------------


def decimals_between(low: str, high: str, *, places: int = 2) -> st.SearchStrategy[Decimal]:
    """Decimals from ``low`` to ``high`` with exactly ``places`` decimal places (whole cents by default).

    Drawn as integers and scaled, so that each value keeps its exponent (``Decimal("1.50")``, not
    ``Decimal("1.5")``) and hypothesis shrinks towards ``low``.
    """
    scale = 10**places
    return st.integers(int(Decimal(low) * scale), int(Decimal(high) * scale)).map(lambda n: Decimal(n).scaleb(-places))


#: Euro amounts in whole cents, from 0 to 10 million.
cents = decimals_between("0", "10000000")
#: Whole-cent amounts of either sign (a negative total is a credit), up to ±10 million Euro.
signed_cents = decimals_between("-10000000", "10000000")
#: Annual costs in whole cents, from 0 to 100 million Euro.
rate_costs = decimals_between("0", "100000000")
#: Percentages with two decimals, 0 to 100 % (surcharges, shares).
rate_percents = decimals_between("0", "100")
#: Occupancy (Auslastung) in percent with two decimals, above 0 and at most 100.
rate_occupancies = decimals_between("0.01", "100")
#: Agreed places (or persons of an Organisationsmodul).
rate_places = st.integers(min_value=1, max_value=500)
#: Berechnungstage per place and year.
rate_days = st.integers(min_value=1, max_value=366)

#: Dates the agreements can be asked about (the calendar knows NRW holidays from 1991).
dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2150, 12, 31))

# --- money -------------------------------------------------------------------------------------

#: A number of equal parts for ``allocate``.
part_counts = st.integers(min_value=1, max_value=50)

#: Weights for ``allocate``: non-negative, up to four decimal places, at least one above zero.
weights = st.lists(decimals_between("0", "100", places=4), min_size=1, max_size=20).filter(any)

#: Amounts with up to six decimal places, either sign, well inside the 10^15 limit: what ``round_cents`` sees.
exact_amounts = st.decimals(min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False)

# --- calendar ----------------------------------------------------------------------------------

#: Event days across the calendar's range (1991–2199), leaving room for the longest period drawn
#: below (10 years + 36 months + 60 weeks + 400 days, under 16 years).
calendar_dates = st.dates(min_value=date(1991, 1, 2), max_value=date(2183, 12, 31))

#: The last four days of a month (28th to 31st, clamped to the month's length): where § 188 Abs. 3 BGB bites.
month_end_dates = st.tuples(
    st.integers(min_value=1991, max_value=2183), st.integers(min_value=1, max_value=12), st.integers(28, 31)
).map(lambda t: date(t[0], t[1], min(t[2], (date(t[0] + t[1] // 12, t[1] % 12 + 1, 1) - date(t[0], t[1], 1)).days)))

#: Period lengths as ``add_period`` takes them.
period_days = st.integers(min_value=0, max_value=400)
period_weeks = st.integers(min_value=0, max_value=60)
period_months = st.integers(min_value=0, max_value=36)
period_years = st.integers(min_value=0, max_value=10)

#: How many Werktage to add (up to about three months' worth).
werktag_counts = st.integers(min_value=0, max_value=80)

# --- models ------------------------------------------------------------------------------------

#: Non-empty texts as the models keep them (no surrounding white space, some non-ASCII).
model_texts = (
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)

_opt_cents = st.none() | cents
_opt_days = st.none() | rate_days
_surcharges = st.dictionaries(model_texts, rate_percents, max_size=3)

model_assistenz = st.builds(
    _m.Assistenz,
    assistenz=st.sampled_from(_m.AssistenzKind),
    annual_personnel_cost=cents,
    surcharges_percent=_surcharges,
    annual_hours=st.none() | st.integers(min_value=1, max_value=3000).map(Decimal),
    tarifwerk=st.none() | model_texts,
    agreed_hourly_rate=_opt_cents,
)
model_staffing = st.builds(
    _m.Personalbemessung,
    posts_per_place=decimals_between("0", "10", places=3),
    cost_per_post=cents,
    surcharges_percent=_surcharges,
    other_annual_costs=cents,
)
_cost_basis = st.one_of(
    st.fixed_dictionaries({"annual_cost": cents}), st.fixed_dictionaries({"staffing": model_staffing})
)

model_wohnen = st.builds(
    lambda basis, **kw: _m.FachmodulWohnen(**basis, **kw),
    _cost_basis,
    places=rate_places,
    occupancy_percent=rate_occupancies,
    days=_opt_days,
    elements=st.lists(st.sampled_from(_m.WohnenElement), unique=True).map(tuple),
    agreed_daily_rate=_opt_cents,
)
model_pflegefamilien = st.builds(
    _m.PflegefamilienLVR,
    hourly_rate=cents,
    hours_per_month=decimals_between("0", "200"),
    flat_rate=cents,
    flat_rate_period=st.sampled_from(_m.RatePeriod),
    aufwandsentschaedigung=_opt_cents,
) | st.builds(
    _m.PflegefamilienLWL,
    flat_rate=cents,
    flat_rate_period=st.sampled_from(_m.RatePeriod),
    aufwandsentschaedigung=_opt_cents,
)
model_tagesstruktur = st.builds(
    lambda basis, **kw: _m.FachmodulTagesstruktur(**basis, **kw),
    _cost_basis,
    nutzungsintensitaet=st.sampled_from(_m.Nutzungsintensitaet),
    places=rate_places,
    occupancy_percent=rate_occupancies,
    days=_opt_days,
    recognised_course_fee=_opt_cents,
    agreed_daily_rate=_opt_cents,
)
model_mobilitaet = st.builds(_m.Mobilitaet, agreed_rate=cents, rate_period=st.sampled_from(_m.RatePeriod))


@st.composite
def model_organisationsmodul(draw: st.DrawFn) -> _m.Organisationsmodul:
    """An Organisationsmodul whose public subsidies do not exceed its Investitionsbetrag."""
    investment = draw(cents)
    return _m.Organisationsmodul(
        cost_per_post=draw(cents),
        posts_per_person=draw(decimals_between("0", "1", places=4)),
        care_personnel_cost=draw(cents),
        sachaufwand_percent=draw(rate_percents),
        investment=investment,
        public_subsidies=draw(decimals_between("0", str(investment))),
        operating_costs=draw(cents),
        travel_costs=draw(_opt_cents),
        persons=draw(rate_places),
        occupancy_percent=draw(rate_occupancies),
        days=draw(_opt_days),
    )


#: Any service module (LRV B.4.1 Abs. 2), each kind equally likely.
model_modules = st.one_of(
    model_assistenz,
    model_wohnen,
    model_pflegefamilien,
    model_tagesstruktur,
    model_mobilitaet,
    model_organisationsmodul(),
)

model_kosten = st.builds(
    _m.Kostenbestandteile,
    personnel_costs=cents,
    material_costs=cents,
    management_costs=cents,
    investment=cents,
    places=rate_places,
    occupancy_percent=rate_occupancies,
    costs_42a_abs6=_opt_cents,
)


@st.composite
def model_leistungsvereinbarungen(draw: st.DrawFn, provider: str | None = None) -> _m.Leistungsvereinbarung:
    """A Leistungsvereinbarung with all eleven items and the Fachkonzept or Extrakt its area needs."""
    area = draw(st.sampled_from(_m.Leistungsbereich))
    soziale_teilhabe = area is _m.Leistungsbereich.SOZIALE_TEILHABE
    return _m.Leistungsvereinbarung(
        leistungserbringer=provider or draw(model_texts),
        traeger=draw(model_texts),
        leistungsbereich=area,
        concluded_on=draw(st.none() | dates),
        fachkonzept=draw(st.none() | model_texts) if soziale_teilhabe else draw(model_texts),
        fachkonzept_extrakt=draw(model_texts) if soziale_teilhabe else None,
        **{name: draw(model_texts) for name, _ in _m.LEISTUNGSVEREINBARUNG_ITEMS},
    )


@st.composite
def model_verguetungsvereinbarungen(draw: st.DrawFn, provider: str | None = None) -> _m.Verguetungsvereinbarung:
    """A Vergütungsvereinbarung with a valid period, some modules and maybe cost components."""
    start = draw(dates)
    return _m.Verguetungsvereinbarung(
        leistungserbringer=provider or draw(model_texts),
        traeger=draw(model_texts),
        concluded_on=draw(dates),
        period_start=start,
        period_end=draw(st.dates(min_value=start, max_value=date(2199, 12, 31))),
        tarifwerk=draw(st.none() | model_texts),
        modules=tuple(draw(st.lists(model_modules, max_size=3))),
        kosten=draw(st.none() | model_kosten),
    )


@st.composite
def model_providers(draw: st.DrawFn) -> _m.Provider:
    """A provider whose agreements all name it."""
    name = draw(model_texts)
    return _m.Provider(
        name=name,
        leistungsvereinbarungen=tuple(draw(st.lists(model_leistungsvereinbarungen(name), max_size=2))),
        verguetungsvereinbarungen=tuple(draw(st.lists(model_verguetungsvereinbarungen(name), max_size=2))),
    )


#: Attendance at a sitting, within each group's seats (LRV A.9.1).
model_sittings = st.builds(
    _m.Sitting,
    held_on=st.none() | dates,
    freie_wohlfahrtspflege=st.integers(0, 10),
    privat_gewerblich=st.integers(0, 3),
    oeffentliche_traeger=st.integers(0, 1),
    lvr=st.integers(0, 6),
    lwl=st.integers(0, 6),
    kommunale_spitzenverbaende=st.integers(0, 2),
    interessenvertretungen=st.integers(0, 3),
    geschaeftsstelle=st.integers(0, 5),
)

#: Members named to the commission, each with up to two deputies.
model_commission_members = st.builds(
    _m.CommissionMember,
    name=model_texts,
    group=st.sampled_from(_m.CommissionGroup),
    deputies=st.lists(model_texts, max_size=2).map(tuple),
)

model_persons = st.builds(
    _m.Person,
    id=model_texts,
    impairments=st.lists(st.sampled_from(_m.Beeintraechtigung), unique=True).map(tuple),
    expected_months=decimals_between("0", "120", places=1),
)

model_case_records = st.builds(
    _m.CaseRecord,
    wohnform=st.sampled_from(_m.Wohnform),
    art_der_behinderung=st.lists(st.sampled_from(_m.Beeintraechtigung), unique=True, min_size=1).map(tuple),
    geschlecht=st.sampled_from(_m.Geschlecht),
    alterskohorte=st.sampled_from(["18-29", "30-49", "50-64", "65+"]),
    aufenthaltsort=st.sampled_from(["Köln", "Münster", "Kreis Kleve"]),
    leistungsbereich=st.sampled_from(_m.Leistungsbereich),
    aufwand=cents,
)


#: Vote counts for ``commission_vote``: attendance within the seats, votes within attendance.
@st.composite
def commission_votes(draw: st.DrawFn) -> dict[str, int]:
    providers = draw(st.integers(0, 14))
    authorities = draw(st.integers(0, 14))
    yes = draw(st.integers(0, providers + authorities))
    no = draw(st.integers(0, providers + authorities - yes))
    abstain = draw(st.integers(0, providers + authorities - yes - no))
    return {
        "providers_present": providers,
        "authorities_present": authorities,
        "yes": yes,
        "no": no,
        "abstain": abstain,
    }


# --- terms and deadlines -----------------------------------------------------------------------

#: Days a notice of the RV can arrive (from its signature on 23.07.2019; the calendar ends 2199).
rv_notice_days = st.dates(min_value=date(2019, 7, 23), max_value=date(2150, 12, 30))
#: Days a notice of the LRV (edition of 2019) can arrive.
lrv_notice_days = st.dates(min_value=date(2019, 1, 1), max_value=date(2150, 12, 30))
#: Days under the LRV (in force from 01.01.2020): audits, reports, final audit reports.
lrv_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2150, 12, 31))
#: Days on which § 126 SGB IX applies (from 01.01.2018).
sgb_ix_days = st.dates(min_value=date(2018, 1, 1), max_value=date(2150, 12, 31))

# --- wrong values: what the fuzz tests (tests/fuzz/) put into an argument ---------------------

#: Central European Time, the zone of a German user's datetimes.
CET = timezone(timedelta(hours=1), "CET")

#: Numbers of every shape: floats (NaN, ±inf, subnormals), Decimals of any exponent (NaN, sNaN,
#: ±Infinity, tiny and huge), ints of any size and sign, bools.
_wrong_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.builds(
        lambda sign, digits, exp: Decimal((sign, tuple(int(d) for d in digits), exp)),
        st.integers(0, 1),
        st.text(alphabet="0123456789", min_size=1, max_size=40),
        st.integers(-999_999, 999_999),
    ),
    st.sampled_from(["sNaN", "-sNaN", "-0", "0E-999999", "1E+999999"]).map(Decimal),  # built after sampling:
    # hypothesis hashes what it samples, and a signalling NaN cannot be hashed
    st.integers(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
)
#: Strings a user might paste: German-formatted numbers, exponents, words, dates, blanks, control
#: characters and any text.
_wrong_strings = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "1.234,56",
            "-1.234.567,89",
            "1,5",
            "12,00 €",
            "1e3",
            "1E-5",
            "NaN",
            "Infinity",
            "+inf",
            "0x10",
            "1_000",
            "½",
            "١٢٣",  # Arabic-Indic digits
            "１２",  # full-width digits
            "2024-06-03",
            "03.06.2024",
            "LVR",
            "quality",
            "intensitaet_1",
            "\x00",
            "9" * 70,
        ]
    ),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.text(max_size=20),
)
#: Date-like values that are not dates, and dates outside every range.
_wrong_date_likes = st.one_of(
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from([UTC, CET, timezone(timedelta(hours=-12))])),
    st.dates(),
    st.times(),
    st.timedeltas(),
)
_wrong_scalars = st.one_of(st.none(), _wrong_numbers, _wrong_strings, _wrong_date_likes, st.binary(max_size=8))
#: Wrong containers, holding wrong values.
_wrong_containers = st.recursive(
    st.one_of(_wrong_scalars, st.sampled_from(list(BillingUnit)), st.sampled_from(list(AuditKind))),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(
            st.one_of(_wrong_strings, st.integers(), st.floats(allow_nan=False), st.none()), inner, max_size=4
        ),
        st.frozensets(st.one_of(_wrong_strings, st.integers()), max_size=3),
    ),
    max_leaves=8,
)
#: Any wrong value: what the fuzz tests put into one argument at a time.
wrong_values = st.one_of(_wrong_scalars, _wrong_containers, st.just(object()))

# --- rates and KdU -----------------------------------------------------------------------------

#: Annual working hours, 0.01 to 4,000.
rate_hours = decimals_between("0.01", "4000")
#: A surcharge schedule: name → percent.
rate_surcharges = st.dictionaries(
    st.sampled_from(["gemeinkosten", "sachaufwand", "fortbildung"]), rate_percents, max_size=3
)
#: Monthly housing costs in whole cents, 0 to 10,000 Euro.
kdu_costs = decimals_between("0", "10000")
#: Angemessenheitsgrenzen, above zero, with up to three decimals (fractions of a cent occur).
kdu_limits = st.integers(min_value=1, max_value=10_000_000).map(lambda c: Decimal(c).scaleb(-3))


# --- besondere Wohnformen ----------------------------------------------------------------------

#: Areas in m² with two decimals, 0 to 5,000 m².
wohnform_areas = st.integers(min_value=0, max_value=500_000).map(lambda a: Decimal(a).scaleb(-2))
#: Areas above zero (a personal room), 0.01 to 200 m².
wohnform_rooms = st.integers(min_value=1, max_value=20_000).map(lambda a: Decimal(a).scaleb(-2))
#: A share of the Mischflächen in percent with two decimals, 0 to 100.
wohnform_percents = st.integers(min_value=0, max_value=10_000).map(lambda p: Decimal(p).scaleb(-2))
#: Residents and their rooms: 1 to 30 names, each with a room above zero.
wohnform_residents = st.dictionaries(
    st.text(alphabet="ABCDEFGHKLMNPRSTUVWZ", min_size=1, max_size=3), wohnform_rooms, min_size=1, max_size=30
)


@st.composite
def wohnform_misch_readings(draw: st.DrawFn, misch: Decimal) -> dict[str, Decimal | None]:
    """The keywords of one Mischflächen reading for ``misch`` m²: pro rata, a fixed share, an agreed area."""
    reading = draw(st.sampled_from(["pro_rata", "percent", "agreed"]))
    if reading == "percent":
        return {"misch_fachleistung_percent": draw(wohnform_percents)}
    if reading == "agreed":
        cents_of_misch = int(misch.scaleb(2))
        return {"misch_fachleistung_m2": Decimal(draw(st.integers(0, cents_of_misch))).scaleb(-2)}
    return {}


@st.composite
def wohnform_houses(draw: st.DrawFn) -> dict[str, object]:
    """A House as JSON-like data: areas, 1–6 cost blocks of any kind, 1–12 residents (some vacant)."""
    misch = draw(wohnform_areas)
    kinds = ["kapitalkosten", "betriebskosten", "ausstattung", "besondere_nebenkosten"]
    costs = [
        {"name": f"Kosten {i}", "kind": draw(st.sampled_from(kinds)), "annual_amount": str(draw(rate_costs))}
        for i in range(draw(st.integers(1, 6)))
    ]
    residents: list[dict[str, object]] = []
    for i in range(draw(st.integers(1, 12))):
        resident: dict[str, object] = {"id": f"R{i}", "room_m2": str(draw(wohnform_rooms))}
        if draw(st.booleans()) and i:  # some rooms vacant, never the first
            resident["vacant"] = True
        else:
            resident["itemised"] = draw(st.none() | st.booleans())
            resident["preconditions_met"] = draw(st.none() | st.booleans())
            if draw(st.booleans()):
                resident["warmmiete_charged"] = str(draw(kdu_costs))
        residents.append(resident)
    reading = {k: str(v) for k, v in draw(wohnform_misch_readings(misch)).items() if v is not None}
    return {
        "name": "Haus",
        "fachleistung_m2": str(draw(wohnform_areas)),
        "gemeinschaft_m2": str(draw(wohnform_areas)),
        "misch_m2": str(misch),
        **reading,
        "shared_rooms": draw(st.sampled_from(["per_head", "by_area"])),
        "costs": costs,
        "residents": residents,
        "adequacy_limit": str(draw(kdu_limits)),
        "itemised": draw(st.booleans()),
        "preconditions_met": draw(st.booleans()),
        "kdu_basis": draw(st.sampled_from(["charged", "costs"])),
    }


# --- legal fidelity, round 2 ---------------------------------------------------------------------

#: First days of a first chair term (LRV A.9.2), with 29 February drawn often.
chair_first_starts = st.one_of(
    st.sampled_from([date(2020, 2, 29), date(2024, 2, 29), date(2019, 3, 1), date(2020, 1, 1)]),
    st.dates(min_value=date(2019, 1, 1), max_value=date(2100, 12, 31)),
)

# --- batch columns: values of every form, accepted and refused -----------------------------------

#: Values ``parse_amount`` refuses, each a trap for a fast path: floats, bools, NaN and infinities,
#: exponent notation, German format, separators, spaces inside, non-ASCII digits, too long, too big.
refused_amounts = st.sampled_from(
    [
        1.5,
        0.0,
        float("nan"),
        True,
        False,
        None,
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
        Decimal("1E+15"),
        10**15,
        -(10**16),
        "1e3",
        "1E3",
        "NaN",
        "inf",
        "-Infinity",
        "1.234,56",
        "1,5",
        "1_000",
        "1 000",
        "\u0661\u0662",  # Arabic-Indic digits, which Decimal() would read
        "\uff11\uff12",  # fullwidth digits
        "",
        " ",
        "+",
        "-",
        ".",
        "1.2.3",
        "+-1",
        "0x10",
        "12 €",
        "1" * 16,
        "0." + "0" * 63 + "1",
        b"1",
        [],
        {},
        object(),
    ]
)


def _plain(number: Decimal) -> str:
    return f"{number:f}" if abs(number.adjusted()) < 100 else str(number)  # 1E-999999 stays short (and refused)


def amount_texts(numbers: st.SearchStrategy[Decimal]) -> st.SearchStrategy[str]:
    """``numbers`` written as a CSV or a user writes them: plain, with ``+``, a leading zero, spaces (some refused)."""
    layouts = st.sampled_from(["{}", "{}", "{}", "+{}", "0{}", "{}.", " {}", "{}\t", "\u00a0{}"])
    return st.tuples(numbers, layouts).map(lambda pair: pair[1].format(_plain(pair[0])))


def amount_forms(numbers: st.SearchStrategy[Decimal]) -> st.SearchStrategy[object]:
    """A value for a batch column: ``numbers`` as Decimal, int (when whole) or str, or a refused value."""
    return st.one_of(
        numbers,
        numbers.filter(lambda d: d == d.to_integral_value()).map(int),
        amount_texts(numbers),
        refused_amounts,
    )


#: Amounts around the edges of every range the batch functions check (0, 100, 366, 10^15).
edge_amounts = st.sampled_from(
    [
        Decimal(0),
        Decimal("-0"),
        Decimal("-0.01"),
        Decimal("0.001"),
        Decimal("1E-999999"),
        Decimal(100),
        Decimal("100.0000001"),
        Decimal(366),
        Decimal("366.5"),
        Decimal("1.005"),
        Decimal("999999999999999.99"),
        Decimal("799999999999999.99"),
        Decimal(800_000_000_000_000),
        Decimal("1E+5"),
        Decimal("12345678901234.5678901234567890123456789012345678901234567890123"),
    ]
)

#: Daily-rate inputs of every form: annual costs, occupancies, day counts, with edges mixed in.
batch_costs = amount_forms(st.one_of(rate_costs, edge_amounts))
batch_occupancies = amount_forms(st.one_of(rate_occupancies, edge_amounts))
# (not 1E-999999: with an occupancy as tiny, places × days × occupancy would underflow to 0; daily_rate
# refuses such a day count, tests/test_rates_daily.py)
batch_days = amount_forms(st.one_of(rate_days.map(Decimal), edge_amounts.filter(lambda d: d.adjusted() > -100)))
#: Places: mostly valid ints, and what check_count refuses (0, bools, Decimals, strings, floats).
batch_places = st.one_of(rate_places, st.sampled_from([0, -1, 10**9 + 1, True, Decimal(3), "3", 3.0, None]))
#: KdU inputs of every form.
batch_kdu_costs = amount_forms(st.one_of(kdu_costs, kdu_limits, edge_amounts))
batch_kdu_limits = amount_forms(st.one_of(kdu_limits, edge_amounts))
#: Hourly-rate inputs of every form; surcharges as a mapping, None, or something refused.
batch_hours = st.one_of(st.none(), amount_forms(st.one_of(rate_hours, edge_amounts)))
batch_surcharges = st.one_of(
    st.none(), rate_surcharges, st.sampled_from([{"x": 1.5}, {"x": "-1"}, {"": "1"}, ["20"], "20"])
)

# --- calendars -----------------------------------------------------------------------------------

#: Texts for calendar titles and clauses: any printable text, with the characters iCalendar escapes
#: (``,`` ``;`` ``\`` and line ends) and characters of several UTF-8 bytes.
calendar_texts = st.text(
    alphabet=st.one_of(
        st.sampled_from([",", ";", "\\", "\n", "ä", "€", "§", "𝄞", " "]),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    min_size=1,
    max_size=120,
)
# --- negotiation: Kalkulationen ------------------------------------------------------------------

#: Full-time equivalents with two decimals, 0.01 to 20.
negotiation_fte = st.integers(min_value=1, max_value=2_000).map(lambda f: Decimal(f).scaleb(-2))
#: Annual gross cost of a full-time post in whole cents, up to 150,000 Euro.
negotiation_post_costs = st.integers(min_value=0, max_value=15_000_000).map(lambda c: Decimal(c).scaleb(-2))
#: Annual amounts of a Kalkulation (Sachaufwand, investment, operating costs) in whole cents, up to 1 million.
negotiation_amounts = st.integers(min_value=0, max_value=100_000_000).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def negotiation_posts(draw: st.DrawFn) -> dict[str, object]:
    """One post of a Kalkulation (agreed FTE), as a mapping."""
    return {
        "role": draw(st.sampled_from(["Fachkraft", "Hilfskraft", "Nachtwache", "Assistenz"])),
        "fte": draw(negotiation_fte),
        "annual_cost": draw(negotiation_post_costs),
        "skilled": draw(st.booleans()),
        "tarifwerk": draw(st.sampled_from(["TVöD-SuE", "AVR"])),
    }


@st.composite
def kalkulationen(draw: st.DrawFn, unit: str | None = None) -> dict[str, object]:
    """A Kalkulation per day or month (as a mapping) with one to six posts and every cost component."""
    chosen = unit or draw(st.sampled_from(["day", "day", "month"]))
    investment = draw(negotiation_amounts)
    data: dict[str, object] = {
        "unit": chosen,
        "places": draw(st.integers(min_value=1, max_value=200)),
        "occupancy_percent": draw(st.integers(min_value=5_000, max_value=10_000).map(lambda p: Decimal(p).scaleb(-2))),
        "posts": draw(st.lists(negotiation_posts(), min_size=1, max_size=6)),
        "surcharges_percent": draw(
            st.dictionaries(
                st.sampled_from(["verwaltung", "fortbildung", "sachaufwand"]),
                st.integers(min_value=0, max_value=3_000).map(lambda p: Decimal(p).scaleb(-2)),
                max_size=2,
            )
        ),
        "surcharge_mode": draw(st.sampled_from(["additive", "compound"])),
        "material_costs": draw(negotiation_amounts),
        "investment": investment,
        "public_subsidies": draw(
            st.integers(min_value=0, max_value=int(investment * 100)).map(lambda c: Decimal(c).scaleb(-2))
        ),
        "operating_costs": draw(negotiation_amounts),
        "housing_costs_above_threshold": draw(st.just(Decimal(0)) | negotiation_amounts),
        "investment_occupancy": draw(st.sampled_from(["agreed", "full"])),
    }
    if chosen == "day":
        data["days"] = draw(st.integers(min_value=200, max_value=366))
    return data


# --- the service -------------------------------------------------------------------------------

#: JSON texts a batch case may hold in its strings: quotes, backslashes, brackets and commas included.
json_texts = st.text(alphabet=st.sampled_from('ab,[]{}"\\ äé\n'), max_size=12)
#: JSON values as a batch case holds them (objects, arrays, strings, integers, booleans, null), nested.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | json_texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(json_texts, inner, max_size=4),
    max_leaves=12,
)
#: Batch cases: JSON objects, as the rules take their keyword arguments.
json_cases = st.lists(st.dictionaries(json_texts, json_values, max_size=4), max_size=8)
