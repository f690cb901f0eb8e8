"""Checks that need code rather than a pattern: dates (effective date, validity), the
document number, the issuer, payment periods in days and the clauses 民法典 470 requires.

Each check yields (rule id, sentence or None); None means the whole document. Wording and
legal basis are in `rules.DOCUMENT_RULES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from fazhi.core.dates import add_years

from .context import PUBLISHED, REGISTERED, Context
from .segment import Sentence

Hit = tuple[str, Sentence | None]

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUM = r"(\d{1,6}|[零〇一二两三四五六七八九十百]{1,6})"


def cn_number(text: str) -> int | None:
    """'12' → 12, '十二' → 12, '二十' → 20, '一百二十' → 120; None if not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_DATE = re.compile(DATE)


def _date(m: re.Match, first_group: int = 1) -> date | None:
    try:
        y, mo, d = (int(m.group(first_group + i)) for i in range(3))
        return date(y, mo, d)
    except ValueError:
        return None


# ---- dates of a normative document --------------------------------------------------

_EFFECTIVE_ON = re.compile(r"自" + DATE + r"起(施行|执行|生效|实施)")
_EFFECTIVE_ON_PUBLICATION = re.compile(
    r"自(印发|发布|公布|下发|签发|颁布|发文)之日起(" + NUM + r"日后)?(施行|执行|生效|实施)"
)
_PUBLISHED_IN_SENTENCE = re.compile(r"于" + DATE + r"(印发|发布|公布|下发|签发)")
_PUBLISHED_LABEL = re.compile(r"(印发|发布|公布|成文)(日期|时间)[:：]\s*" + DATE)
_DATE_LINE = re.compile(r"^[\u4e00-\u9fff（）()\s]{0,20}" + DATE + r"$")
_REASON = re.compile(
    r"因|鉴于|为(了)?(及时|确保|保障|应对|做好|切实|尽快)|紧急|紧迫|急需|迫切|突发|防汛|防台|疫情"
)
_EARLIER_YEAR = re.compile(
    r"(\d{4})年度?[^。；]{0,12}(参照|适用|按照|依照)本(办法|规定|细则|通知|意见)"
)
# Validity written as a period: "有效期5年", "有效期限为五年", "试行期二年", and the
# verb form "(自施行之日起)试行二年" / "暂行一年".
_VALIDITY_YEARS = re.compile(
    r"(?:(?:有效|试行|暂行)期限?(?:为|是)?|试行|暂行)" + NUM + r"(年|个月)"
)
_VALIDITY_UNTIL = re.compile(r"有效期(至|到)" + DATE)
_OWN_DOCUMENT = re.compile(
    r"本[^，。；]{0,6}(办法|规定|细则|通知|意见|通告|决定|方案|制度|公告|措施|规则)|施行"
)
_VALIDITY_ANY = re.compile(r"有效期|试行期|长期有效|长期执行|永久有效")
# Only an article number before the validity ("第十条 有效期五年。"): the document's own.
_ARTICLE_ONLY = re.compile(r"^\s*(第[一二三四五六七八九十百零〇\d]{1,8}条)?[\s、:：]*$")
TEMPORARY = re.compile(r"暂行|试行")


def publication_date(paragraphs: list[str], sents: list[Sentence]) -> date | None:
    """The date the document is issued: a labelled date, "于…印发", else the signature date."""
    for s in sents:
        m = _PUBLISHED_LABEL.search(s.text) or _PUBLISHED_IN_SENTENCE.search(s.text)
        if m:
            d = _date(m, 3 if m.re is _PUBLISHED_LABEL else 1)
            if d:
                return d
    for para in paragraphs:
        m = _DATE_LINE.match(para.strip())
        if m:
            d = _date(m)
            if d:
                return d
    return None


def _workflow_sets(context: Context | None, stage: str) -> bool:
    """Whether the record's workflow will require this later (at `stage`), so its absence
    from the text is not a finding yet."""
    return context is not None and context.before(stage)


def effective_dates(
    sents: list[Sentence], published: date | None, whole: bool, context: Context | None = None
) -> Iterator[Hit]:
    """Missing, retroactive or under-30-days effective dates. The record's effective date,
    or a stage before 公布 (which requires it), excuses its absence from the text."""
    found = False
    for s in sents:
        eff = None
        m = _EFFECTIVE_ON.search(s.text)
        if m:
            eff = _date(m)
        else:
            m = _EFFECTIVE_ON_PUBLICATION.search(s.text)
            if m:
                found = True
                if published and m.group(3):
                    eff = published + timedelta(days=cn_number(m.group(3)) or 0)
        if not m:
            continue
        found = True
        pub = published
        inner = _PUBLISHED_IN_SENTENCE.search(s.text)
        if inner:
            pub = _date(inner)
        if eff and pub:
            if eff < pub:
                yield "effective_date.retroactive", s
            elif (eff - pub).days < 30 and not _REASON.search(s.text):
                yield "effective_date.short", s
        if eff:
            y = _EARLIER_YEAR.search(s.text)
            if y and int(y.group(1)) < eff.year:
                yield "effective_date.retroactive", s
    if context is not None and (context.effective_from or _workflow_sets(context, PUBLISHED)):
        found = True
    if whole and not found:
        yield "effective_date.missing", None


def effective_date_of(sents: list[Sentence], published: date | None) -> date | None:
    for s in sents:
        m = _EFFECTIVE_ON.search(s.text)
        if m:
            return _date(m)
        if _EFFECTIVE_ON_PUBLICATION.search(s.text):
            return published
    return None


def _months(n: int, unit: str) -> int:
    return n if unit == "个月" else n * 12


def _own_validity(s: Sentence, m: re.Match) -> bool:
    """A validity period of the document itself: the sentence names the document (or its
    施行), or nothing but an article number comes before the period."""
    return bool(_OWN_DOCUMENT.search(s.text) or _ARTICLE_ONLY.match(s.text[: m.start()]))


def validity(
    sents: list[Sentence],
    effective: date | None,
    temporary_title: bool,
    whole: bool,
    context: Context | None = None,
) -> Iterator[Hit]:
    """Validity missing, over 5 years, or over 2 years for 暂行/试行 documents. A period
    ("有效期五年", "自施行之日起试行二年") is a validity; so is the record's end date, and a
    stage before 公布 (which requires one) excuses its absence from the text."""
    found = False
    for s in sents:
        if _VALIDITY_ANY.search(s.text) and _OWN_DOCUMENT.search(s.text):
            found = True
        temporary = temporary_title or bool(TEMPORARY.search(s.text))
        limit = 2 if temporary else 5
        months = None
        m = _VALIDITY_YEARS.search(s.text)
        if m and _own_validity(s, m):
            found = True
            n = cn_number(m.group(1))
            months = None if n is None else _months(n, m.group(2))
        m = _VALIDITY_UNTIL.search(s.text)
        if m and _OWN_DOCUMENT.search(s.text):
            start = effective
            own = _EFFECTIVE_ON.search(s.text)
            if own:
                start = _date(own) or start
            end = _date(m, 2)
            if start and end:
                months = limit * 12 + 1 if end >= add_years(start, limit) else 0
        if months is not None and months > limit * 12:
            yield (
                (
                    "validity.temporary_too_long"
                    if temporary and months <= 60
                    else "validity.too_long"
                ),
                s,
            )
    if context is not None and (context.valid_until or _workflow_sets(context, PUBLISHED)):
        found = True
    if whole and not found:
        yield "validity.missing", None


# ---- document number and issuer -----------------------------------------------------

_NUMBER_LINE = re.compile(
    r"^(文号[:：])?\s*[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*\d{2,4}\s*[〕\]］)）】]\s*第?\s*[\d\-－—]+\s*号$"
)
_NUMBER_OK = re.compile(
    r"^(文号[:：])?[\u4e00-\u9fff]{1,10}(镇|乡|街道)政规〔(19|20)\d{2}〕[1-9]\d*号$"
)


def numbers(
    sents: list[Sentence], paragraphs: list[str], whole: bool, context: Context | None = None
) -> Iterator[Hit]:
    """The document's own number is a line by itself; a number cited in a sentence is
    another document's and is not checked. The record's number, or a stage before 统一登记
    (where the workflow gives it), excuses its absence from the text."""
    found = False
    for s in sents:
        if _NUMBER_LINE.match(s.text):
            found = True
            if not _NUMBER_OK.match(s.text.replace(" ", "")):
                yield "number.format", s
    if context is not None and (context.number or _workflow_sets(context, REGISTERED)):
        found = True
    if whole and not found:
        yield "number.missing", None


_TITLE = re.compile(
    r"^(?P<org>[^，。；：:《》“”\s]{2,30}?)关于[^。；]{1,80}的(通知|规定|办法|意见|决定|通告|公告|细则|若干规定|实施方案)$"
)
_SIGNED = re.compile(r"^(发文(单位|机关)|落款|印发(单位|机关)|制定机关)[:：]\s*(?P<org>\S{2,30})$")
_TOWN_BODY = re.compile(r"(镇|乡|街道)")
# "上海市奉贤区人民政府头桥街道办事处": a street office is the street's government (the
# district's agency), however long the district's name before it.
_GOVERNMENT_ISSUER = re.compile(r"(镇|乡|街道)人民政府(办公室)?$|(镇|乡|街道)政府$|街道办事处$")
# The town or township named by itself ("白济汛乡关于…的通知") or its street office is the
# government, not one of its offices; a community or a village ("大河镇大地社区关于…的公告")
# is a self-governing body below the town, not an office inside it. Neither is an
# internal body issuing in the government's place.
_TOWN_ITSELF = re.compile(r"^[\u4e00-\u9fff]{1,10}((?<!城)乡|镇|街道|街道办事处)$")
_SELF_GOVERNING = re.compile(r"(社区|(?<![乡农])村|村民委员会|村委会|居民委员会|居委会|嘎查)$")
_SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{1,10}(镇|乡|街道)人民政府(办公室)?(\s+" + DATE + r")?$")


def issuers(sents: list[Sentence], whole: bool, context: Context | None = None) -> Iterator[Hit]:
    """A normative document is issued by the town government (or its office); an internal
    office, a leading group or a task force may not issue one. The issuer the record
    names (the workflow offers only the government or its office) is not missing."""
    found = bool(context is not None and context.issuer)
    for s in sents:
        m = _TITLE.match(s.text) or _SIGNED.match(s.text)
        if m and _TOWN_BODY.search(m.group("org")):
            found = True
            org = m.group("org")
            if not (
                _GOVERNMENT_ISSUER.search(org)
                or _TOWN_ITSELF.match(org)
                or _SELF_GOVERNING.search(org)
            ):
                yield "issuer.internal", s
        elif _SIGNATURE.match(s.text) or _NUMBER_OK.match(s.text.replace(" ", "")):
            found = True
    if whole and not found:
        yield "issuer.missing", None


# ---- contracts ----------------------------------------------------------------------

_PAY = r"(支付|付款|付清|结清|拨付|偿付)"
_PERIOD = re.compile(NUM + r"(日|天|个工作日|个月|月)(内|以内)[^。；]{0,12}" + _PAY)
_PERIOD_AFTER = re.compile(_PAY + r"[^。；]{0,12}?" + NUM + r"(日|天|个工作日|个月|月)(内|以内)")
_PERIOD_LATER = re.compile(NUM + r"(年|个月|日|天)后[^。；]{0,10}" + _PAY)
# "付款期限为验收合格后四个月": the term stated as a period.
_PERIOD_TERM = re.compile(r"(付款|支付)期限[^。；]{0,14}?" + NUM + r"(日|天|个工作日|个月|月)")


def _days(n: int, unit: str) -> int:
    if unit == "个工作日":
        return n * 7 // 5
    if unit in ("个月", "月"):
        return n * 30
    if unit == "年":
        return n * 365
    return n


def payment_days(text: str) -> int | None:
    """The payment period a sentence states, in days ("验收合格后三十日内支付" → 30);
    None when it states none."""
    m = _PERIOD.search(text)
    groups = (1, 2)
    if not m:
        m = _PERIOD_AFTER.search(text)
        groups = (2, 3)
    if not m:
        m = _PERIOD_LATER.search(text)
        groups = (1, 2)
    if not m:
        m = _PERIOD_TERM.search(text)
        groups = (2, 3)
    if m:
        n = cn_number(m.group(groups[0]))
        if n is not None:
            return _days(n, m.group(groups[1]))
    return None


def payment_periods(sents: list[Sentence]) -> Iterator[Hit]:
    """Payment within more than 60 days (保障中小企业款项支付条例 9)."""
    for s in sents:
        days = payment_days(s.text)
        if days is not None and days > 60:
            yield "payment_term.too_long", s


CLAUSES = {
    "parties": r"甲方|乙方|当事人|出租人|承租人|发包人|承包人|采购人|供应商",
    "subject": r"标的|项目|内容|货物|租赁物|服务范围|供应|供货|提供|采购|购买|承建|施工|建设|租赁|出租|服务",
    "quantity": r"数量|面积|工程量|规模|[\d.一二三四五六七八九十]{1,12}[万千百]?"
    r"(台|套|吨|平方米|亩|件|户|人|个|辆|米|公里|间|张|把|份|批|株|棵|只|头|箱|本|项)",
    "quality": r"质量|标准|验收|合格",
    "price": r"价款|价格|金额|费用|租金|报酬|总价|单价|\d[\d,，.]{0,20}万?元|补偿款",
    "performance": r"期限|日期|工期|时间|地点|方式|交付|[\d]{4}年[\d]{1,2}月",
    "breach": r"违约",
    "dispute": r"争议|纠纷",
}
_CLAUSES = {k: re.compile(v) for k, v in CLAUSES.items()}


def contract_clauses(paragraphs: list[str]) -> Iterator[Hit]:
    """Which of the clauses a contract generally contains (民法典 470) cannot be found."""
    text = "\n".join(paragraphs)
    for name, pattern in _CLAUSES.items():
        # A dispute clause without a forum is flagged on its sentence (clause_missing.dispute).
        if not pattern.search(text):
            yield f"clause_missing.{name}", None
