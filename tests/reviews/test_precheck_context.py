"""智能预审 in context (issue 14, item 4): a run attached to a record reads the record —
its issuer, stage, number and dates — not only its text; a step the workflow enforces
later (the number at 统一登记, the dates at 公布) is not a finding before that step; a
validity written as a period ("试行二年", "有效期五年") counts, with or without context."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core import registry
from fazhi.documents.models import Document
from fazhi.reviews.models import ReviewRequest
from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.context import DRAFT, PUBLISHED, REGISTERED, SIGNED, Context
from fazhi.reviews.services import precheck_run_create
from tests.documents.helpers import make_document
from tests.reviews.helpers import make_subject

BARE = "本镇鼓励村民美化庭院。"
MISSING = {"issuer.missing", "number.missing", "effective_date.missing", "validity.missing"}


def _rules(text, context=None, kind="normative") -> set[str]:
    return {f.rule for f in precheck(text, kind, context).findings}


# ---- without context: the text alone, as before ------------------------------------------


def test_without_context_a_bare_text_misses_all_four():
    assert _rules(BARE) == MISSING


def test_an_empty_context_changes_nothing():
    """Given a context that knows nothing (no issuer, dates or stage), then the findings
    are those of the text alone."""
    text = "第一条 违反本规定的，处200元罚款。"
    assert precheck(text, "normative", Context()).findings == precheck(text, "normative").findings


def test_an_unknown_stage_excuses_nothing():
    assert _rules(BARE, Context(stage="somewhere")) == MISSING


# ---- the record's issuer, dates and number -----------------------------------------------


def test_issuer_on_the_record_is_not_missing():
    assert _rules(BARE, Context(issuer="镇人民政府")) == MISSING - {"issuer.missing"}


def test_effective_date_on_the_record_is_not_missing():
    context = Context(stage=PUBLISHED, effective_from=date(2025, 5, 1))
    assert _rules(BARE, context) == MISSING - {"effective_date.missing"}


def test_validity_on_the_record_is_not_missing():
    context = Context(stage=PUBLISHED, valid_until=date(2027, 4, 30))
    assert _rules(BARE, context) == MISSING - {"validity.missing"}


def test_number_on_the_record_is_not_missing():
    context = Context(stage=PUBLISHED, number="海屿镇政规〔2025〕1号")
    assert _rules(BARE, context) == MISSING - {"number.missing"}


def test_a_published_record_with_everything_has_no_finding():
    context = Context(
        title="海屿镇庭院整治办法", issuer="镇人民政府", stage=PUBLISHED,
        number="海屿镇政规〔2025〕1号", published_on=date(2025, 4, 1),
        effective_from=date(2025, 5, 1), valid_until=date(2030, 4, 30),
    )  # fmt: skip
    assert _rules(BARE, context) == set()


# ---- what the workflow enforces later is not a finding before that step ------------------


@pytest.mark.parametrize("stage", [DRAFT, REGISTERED, PUBLISHED])
def test_no_number_finding_before_registration(stage):
    """The number is given at 统一登记: before it, its absence is not a finding; from it
    on, a record without a number still is."""
    found = "number.missing" in _rules(BARE, Context(stage=stage))
    assert found is (stage != DRAFT)


@pytest.mark.parametrize("stage", [DRAFT, REGISTERED, PUBLISHED])
def test_dates_are_not_missing_before_publication(stage):
    """公布 requires the effective date and the validity: before it, their absence from
    the text is not a finding."""
    rules = _rules(BARE, Context(stage=stage))
    expected = {"effective_date.missing", "validity.missing"} if stage == PUBLISHED else set()
    assert rules & {"effective_date.missing", "validity.missing"} == expected


def test_a_draft_without_an_issuer_still_misses_it():
    assert _rules(BARE, Context(stage=DRAFT)) == {"issuer.missing"}


def test_what_the_text_says_wrong_is_still_found_in_context():
    """Context excuses what is missing, not what is wrong: a fine, an internal issuer, an
    over-long validity and a malformed number are found as before."""
    text = [
        "海屿镇政规[2024]02号",
        "海屿镇综治办关于印发《海屿镇庭院整治办法》的通知",
        "第一条 违反本办法的，处200元罚款。",
        "第二条 本办法自2024年5月1日起施行，有效期十年。",
    ]
    context = Context(issuer="镇人民政府", stage=DRAFT)
    assert _rules(text, context) == {
        "number.format", "issuer.internal", "penalty.fine", "validity.too_long",
    }  # fmt: skip


def test_the_record_title_makes_a_trial_document_temporary():
    """A 试行 title on the record (the text starts at 第一条) sets the two-year limit."""
    text = "第一条 本办法自2025年5月1日起施行，有效期三年。"
    assert "validity.temporary_too_long" not in _rules(text)
    context = Context(title="海屿镇庭院整治办法(试行)", stage=DRAFT)
    assert "validity.temporary_too_long" in _rules(text, context)


def test_the_record_dates_are_used_to_check_the_text():
    """The record's publication date checks the text's effective date."""
    text = "第一条 本办法自2025年3月1日起施行，有效期2年。"
    context = Context(stage=PUBLISHED, published_on=date(2025, 3, 15))
    assert "effective_date.retroactive" in _rules(text, context)


# ---- validity written as a period counts, with or without context ------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "本措施自施行之日起试行二年。",
        "本办法自2025年5月1日起施行，有效期五年。",
        "本办法自印发之日起施行，有效期限为5年。",
        "本规定试行期为两年。",
        "本措施有效期十八个月。",
    ],
)
def test_validity_written_as_a_period_counts(sentence):
    assert "validity.missing" not in _rules(f"第一条 为规范管理，制定本办法。\n第九条 {sentence}")


def test_a_validity_period_alone_in_its_article_counts():
    assert "validity.missing" not in _rules("第一条 为规范管理，制定本办法。\n第九条 有效期五年。")


def test_another_things_validity_does_not_count():
    """A licence's period is not the document's validity."""
    assert "validity.missing" in _rules("第一条 经营许可证有效期五年。")


def test_a_trial_period_over_two_years_is_too_long():
    assert "validity.temporary_too_long" in _rules("第一条 本措施自施行之日起试行三年。")


# ---- the record supplies its context through the registry --------------------------------


@pytest.mark.django_db
def test_document_context_from_the_registry(people):
    doc = make_document(people, until="draft")
    context = registry.precheck_context(doc)
    assert context == Context(title=doc.title, issuer="镇人民政府", stage=DRAFT)


@pytest.mark.django_db
def test_published_document_context_holds_its_number_and_dates(people):
    doc = make_document(people, until="published")
    context = registry.precheck_context(doc)
    assert context.stage == PUBLISHED and context.number == doc.number
    assert (context.published_on, context.effective_from, context.valid_until) == (
        doc.published_on, doc.effective_from, doc.valid_until,
    )  # fmt: skip


@pytest.mark.django_db
def test_an_app_without_a_context_function_gives_none(people, tree):
    assert registry.precheck_context(make_subject(tree.town_a, people.officer)) is None


@pytest.mark.django_db
def test_contract_context_from_the_registry(people):
    from tests.contracts.helpers import signed

    contract = signed(people)
    context = registry.precheck_context(contract)
    assert context.stage == SIGNED and context.signed_on == contract.signed_on
    assert context.title == contract.title


@pytest.mark.django_db
def test_a_document_sent_for_review_is_prechecked_in_context(people):
    """The review request's run reads the document: issuer on the record, number and dates
    still to come — none of the four is reported."""
    doc = make_document(people, until="legality_review")
    run = ReviewRequest.objects.get(object_id=doc.pk, content_type__model="document").precheck_run
    assert run is not None
    assert not MISSING & set(run.findings.values_list("rule", flat=True))


@pytest.mark.django_db
def test_a_pasted_text_is_prechecked_without_context(people):
    run = precheck_run_create(actor=people.officer, title="草稿", kind="normative", text=BARE)
    assert set(run.findings.values_list("rule", flat=True)) == MISSING


# ---- the demo: 《海屿镇促进民宿业健康发展若干措施(试行)》 ---------------------------------


@pytest.mark.django_db
def test_the_demo_documents_have_none_of_the_four_false_findings(demo_county):
    support = Document.objects.get(title="海屿镇促进民宿业健康发展若干措施(试行)")
    reviews = ReviewRequest.objects.filter(content_type__model="document").exclude(
        precheck_run=None
    )
    runs = {r.object_id: r.precheck_run for r in reviews}
    assert support.pk in runs and len(runs) >= 5
    for run in runs.values():
        assert not MISSING & set(run.findings.values_list("rule", flat=True)), run.title
    # Read again now that the record is published, numbered and dated: still none.
    context = registry.precheck_context(support)
    assert context.stage == PUBLISHED and context.number
    assert not MISSING & _rules(support.body, context)
