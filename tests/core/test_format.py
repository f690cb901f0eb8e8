"""`yuan` and `date` (core.templatetags.fazhi_format) write amounts and days exactly as
Django's `floatformat:2` and `date` did, only faster."""

import datetime
from datetime import date as date_
from decimal import Decimal

from django.template import engines
from django.template.defaultfilters import date as django_date
from django.template.defaultfilters import floatformat
from hypothesis import given
from hypothesis import strategies as st

from fazhi.core.templatetags.fazhi_format import date as fast_date
from fazhi.core.templatetags.fazhi_format import yuan

AMOUNTS = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False
)


@given(AMOUNTS)
def test_an_amount_reads_as_floatformat_wrote_it(amount):
    assert yuan(amount) == floatformat(amount, 2)


def test_half_a_cent_rounds_up_and_no_minus_zero():
    assert yuan(Decimal("1.005")) == "1.01"
    assert yuan(Decimal("-0.001")) == "0.00"
    assert yuan(Decimal("1E+3")) == "1000.00"


def test_what_is_not_a_decimal_goes_to_floatformat():
    for value in (None, "", 3, 2.5, "abc", Decimal("NaN")):
        assert yuan(value) == floatformat(value, 2)


def test_templates_use_it_without_loading_a_library():
    html = engines["django"].from_string("{{ a|yuan }}").render({"a": Decimal("12.345")})
    assert html == "12.35"


DATES = st.dates(min_value=date_(1000, 1, 1), max_value=date_(9999, 12, 31))
MOMENTS = st.datetimes(
    min_value=datetime.datetime(1000, 1, 2), max_value=datetime.datetime(9999, 12, 30)
)


@given(DATES, st.sampled_from(["Y-m-d", "m-d", "Y年n月j日", "", None]))
def test_a_day_reads_as_djangos_date_filter_wrote_it(day, form):
    assert fast_date(day, form) == django_date(day, form)


@given(MOMENTS, st.booleans(), st.sampled_from(["Y-m-d", "Y-m-d H:i", "m-d", "H:i"]))
def test_a_moment_reads_as_djangos_date_filter_wrote_it(moment, aware, form):
    if aware:
        moment = moment.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    assert fast_date(moment, form) == django_date(moment, form)


def test_templates_write_dates_in_local_time_as_before(settings):
    """The page's template gets the filter in place of Django's: an aware moment is turned
    to Beijing time first (expects_localtime), as Django's filter had it."""
    builtins = engines["django"].engine.template_builtins
    assert [lib.filters["date"] for lib in builtins if "date" in lib.filters][-1] is fast_date
    moment = datetime.datetime(2026, 11, 30, 17, 30, tzinfo=datetime.UTC)
    html = engines["django"].from_string('{{ m|date:"Y-m-d H:i" }} {{ m|date:"Y-m-d" }}')
    assert html.render({"m": moment}) == "2026-12-01 01:30 2026-12-01"
    assert engines["django"].from_string('{{ v|date:"Y-m-d"|default:"—" }}').render({"v": None}) == "—"
