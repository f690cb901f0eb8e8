"""Structural reading of contract and agreement clauses (issue 14, fourth round).

The phrase rules of `rules.RULES` list whole wordings; a clause written in words they have
not seen is missed. A *frame* (`rules.FRAMES`) instead describes the structure a reviewer
looks for and composes it from parts:

- the **actor**: who does the act — the government side (甲方, 镇/乡/街道人民政府, 街道办,
  管委会, 村委会, the town's offices, centres and finance, 发包人/采购人) or the company side
  (乙方, 投资方, 社会资本方, 股东, 承包人, 施工单位…). "由X负责/承担/补足" makes X the actor;
  otherwise the subject of the clause (its first party not governed by 向/对/为/给/与/将…),
  else the subject of an earlier clause of the sentence;
- the **act**: a family of verbs and nouns (guarantee-like, payment, disposal of an asset,
  exclusivity, pre-financing);
- **objects** the act must bear on (a company's loan, return, loss…), looked for in the
  act's clause and the one before it;
- **conditions** that make it unlawful (a third party's approval before paying, no
  appraisal before letting…), anywhere in the sentence and not themselves negated;
- **negation** between the actor and the act ("甲方不提供任何担保") and **lawful** contexts
  (appraised and openly let, a guarantee *to* the town) that clear the clause.

So "乙方股东向甲方提供连带责任保证" is lawful (the actor is the company side) and
"乡财政所为乙方的借款提供反担保" is not, whatever the words between them.

Round 5 (blind set D): county and district bodies are the government side; a party right
after a verb is its object ("确保乙方…"), not the actor; a government framing clause
("区属平台公司同意，…") names the actor of what follows; facts stated once for a paragraph
(a private employer) are read in the paragraph; and one concern may outrank another in the
same sentence (`rules.OUTRANKS`, applied in engine.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .rules import (
    CLEARANCES,
    COMPANY_PARTY,
    FRAMES,
    GOVERNMENT_PARTY,
    PARAGRAPH_CLEARANCES,
    Frame,
    Rule,
)

GOV, COMPANY = "government", "company"

_PARTY = re.compile(f"(?P<gov>{GOVERNMENT_PARTY})|(?P<co>{COMPANY_PARTY})")
# A party right after one of these is an object or an adverbial, not the subject.
_NOT_SUBJECT_BEFORE = set("向对给为与和同及跟将把让替帮在于至到从按经被使")
_CLAUSE_MARKS = "，,；;：:"
# "乙方应得的奖励资金", "甲方名下的挖掘机": the party qualifies a noun, it is not the subject.
_MODIFIER = re.compile(r"[^，。；]{0,3}的")
# "乙方同意，…" / "双方确认，…": a clause that only frames what follows names no actor.
_FRAMING = re.compile(r"^\s*[\u4e00-\u9fff]{1,8}?(同意|确认|承诺|知悉|认可|理解|声明)\s*$")
_BY = re.compile("由")
# Words that deny the act when they stand between its actor and it. "不足", "不论",
# "不低于", "不能按期" and the like are not denials.
_NEG = re.compile(
    r"(?<![拒])(不得|不会|不再|不予|不对|不为|不就|不向|不以|不作|不承|不提供|不负|不给|不保|不兜|"
    r"不设|不安排|不出具|无需|无须|无义务|并不|绝不|禁止|严禁|拒绝|免于|不附带|不含|不包含|不存在|没有|"
    r"不(?=(任何|负责|支付|约定|要求|垫|带资|先行|进行|采取|同意|授予|赋予|构成|享有)))"
)
# A condition negated in its own clause ("不以审计结论为付款前提", "不影响…支付").
_COND_NEG = re.compile(
    r"不以|不作为|不影响|不得以|不因|不受|不论|无论|并非|不能以|不再以|非以|不视|而非|不与|"
    r"不采用|不使用|不得采用|不接受|不得使用"
)
# A lawful step that was skipped ("未履行评估和公开交易程序") does not clear the clause.
_SKIPPED = re.compile(
    r"未|不经|没有|不进行|无需|无须|不通过|不再|免于|不另行|不(缴|交|支付)|免(交|缴)"
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    role: str


# "丙方（双河镇人民政府）": the bracket says who the party is.
_BRACKET = re.compile(r"[（(]([^）)]{1,24})[）)]")
_GOV_ONLY = re.compile(f"^(?:[\u4e00-\u9fff]{{0,6}}(?:{GOVERNMENT_PARTY}))$")
_CO_ONLY = re.compile(r"合作社|公司|企业|集团|个人")


def _role(m: re.Match, text: str) -> str:
    role = GOV if m.group("gov") else COMPANY
    b = _BRACKET.match(text, m.end())
    if b:
        inside = b.group(1)
        if _CO_ONLY.search(inside) and not _PARTY.fullmatch(inside):
            return COMPANY
        if _GOV_ONLY.match(inside) or re.search(GOVERNMENT_PARTY, inside):
            return GOV
    return role


# Cached: the frames and the learned second opinion (model.py) both read a sentence's parties.
@functools.lru_cache(maxsize=4096)
def mentions(text: str) -> tuple[_Mention, ...]:
    return tuple(_Mention(m.start(), m.end(), _role(m, text)) for m in _PARTY.finditer(text))


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in _CLAUSE_MARKS) + 1


def _clause_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _CLAUSE_MARKS) if i >= 0]
    return min(ends) if ends else len(text)


# A party right after a verb is that verb's object ("直接委托乙方实施", "确保乙方收回投资"):
# the actor is whoever governs the verb, named earlier.
_OBJECT_OF = re.compile(
    r"(委托|要求|支持|协助|督促|确保|保证|允许|准许|同意|授权|指定|确定|选定|帮助|扶持|奖励|补贴|补助|"
    r"通知|告知|聘请|委派|邀请|鼓励|引导|协调|安排|交由|交给|租给|卖给|借给|返还|退还|偿还|支付|补偿|"
    r"赔偿|配合|督导|保障|给予|授予|赋予|许可)$"
)


# "辖区内其他合作社不再受理申报": the rivals a clause keeps out are what it is about, not who
# acts (round 6).
_RIVAL_BEFORE = re.compile(r"(其他|其它|别的|同类|另外|任何|外(县|省|市|地))[\u4e00-\u9fff]{0,4}$")


def _is_subject(text: str, m: _Mention) -> bool:
    before = text[m.start - 1] if m.start else ""
    if before in _NOT_SUBJECT_BEFORE or _MODIFIER.match(text, m.end):
        return False
    if _RIVAL_BEFORE.search(text, max(0, m.start - 8), m.start):
        return False
    return not _OBJECT_OF.search(text, max(0, m.start - 2), m.start)


def actor(text: str, pos: int, mentions: tuple[_Mention, ...]) -> tuple[str | None, int]:
    """The role of the party doing the act at `pos`, and where that party is named (the
    clause start when it comes from an earlier clause)."""
    cs = _clause_start(text, pos)
    # "由X补足": the party after 由, nearest to the act in its clause.
    for b in reversed(list(_BY.finditer(text, cs, pos))):
        for m in mentions:
            if b.end() <= m.start <= b.end() + 4 and m.end <= pos:
                return m.role, m.start
    clause = [m for m in mentions if cs <= m.start and m.end <= pos]
    for m in clause:
        if _is_subject(text, m):
            return m.role, m.start
    # The subject of an earlier clause ("甲方不为乙方提供担保，也不承担乙方的债务").
    # A framing clause names the actor only when no other clause does, and only when it is
    # the government side: "区属平台公司同意，…直接委托乙方实施" is the town's own promise,
    # while "乙方同意，…付款期限相应顺延" is the company accepting what the town does.
    framing: str | None = None
    start = cs - 1
    while start > 0:
        prev = _clause_start(text, start)
        is_framing = bool(_FRAMING.match(text[prev:start]))
        for m in mentions:
            if prev <= m.start and m.end <= start and _is_subject(text, m):
                if not is_framing:
                    return m.role, cs
                if m.role == GOV:
                    framing = framing or m.role
                break
        start = prev - 1
    return framing, cs


@dataclass(frozen=True)
class _CompiledFrame:
    frame: Frame
    action: re.Pattern
    objects: re.Pattern | None
    conditions: re.Pattern | None
    lawful: re.Pattern | None
    requires: re.Pattern | None


def _alt(parts) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


@functools.cache
def _frames() -> tuple[_CompiledFrame, ...]:
    return tuple(
        _CompiledFrame(
            f,
            _alt(f.actions),
            _alt(f.objects),
            _alt(f.conditions),
            _alt(f.lawful),
            _alt(f.requires),
        )
        for f in FRAMES
    )


def _condition_holds(c: re.Pattern, text: str) -> bool:
    for m in c.finditer(text):
        cs = _clause_start(text, m.start())
        if not _COND_NEG.search(text, max(cs, m.start() - 12), m.start()):
            return True
    return False


def _lawful(c: re.Pattern, text: str) -> bool:
    for m in c.finditer(text):
        if not _SKIPPED.search(text, max(_clause_start(text, m.start()), m.start() - 6), m.start()):
            return True
    return False


def _frame_hit(cf: _CompiledFrame, text: str, mentions: tuple[_Mention, ...]) -> bool:
    f = cf.frame
    # Cheapest first: most sentences have no act of the frame at all.
    if not cf.action.search(text):
        return False
    if cf.requires and not cf.requires.search(text):
        return False
    if cf.lawful and _lawful(cf.lawful, text):
        return False
    if cf.conditions and not _condition_holds(cf.conditions, text):
        return False
    for m in cf.action.finditer(text):
        role, named = actor(text, m.start(), mentions)
        if f.actor == GOV and role != GOV:
            continue
        if f.actor == "not_company" and role == COMPANY:
            continue
        if f.actor == COMPANY and role == GOV:
            continue
        if f.negatable and _NEG.search(text, min(named, _clause_start(text, m.start())), m.end()):
            continue
        if cf.objects:
            cs = _clause_start(text, m.start())
            window = text[_clause_start(text, max(cs - 1, 0)) : _clause_end(text, m.end())]
            if not cf.objects.search(window):
                continue
        return True
    return False


def frame_hits(text: str, kind: str) -> list[Frame]:
    """The frames a contract or agreement sentence matches."""
    frames = [cf for cf in _frames() if kind in cf.frame.kinds]
    if not frames:
        return []
    parties = mentions(text)
    return [cf.frame for cf in frames if _frame_hit(cf, text, parties)]


@functools.cache
def _clearances() -> dict[str, re.Pattern]:
    return {c: _alt(parts) for c, parts in CLEARANCES.items()}


@functools.cache
def _paragraph_clearances() -> dict[str, re.Pattern]:
    return {c: _alt(parts) for c, parts in PARAGRAPH_CLEARANCES.items()}


def cleared(text: str, paragraph: str = "") -> set[str]:
    """The categories the structure of a contract or agreement sentence clears. Some facts
    are stated once for the whole clause ("本项目为民营物流园，不属于政府投资项目；承包人…
    垫付…"), so they are read in the sentence's paragraph."""
    out = {c for c, p in _clearances().items() if _lawful(p, text)}
    if paragraph and paragraph != text:
        out |= {c for c, p in _paragraph_clearances().items() if _lawful(p, paragraph)}
    return out


# ---- 限定交易 in normative documents (round 14) ---------------------------------------------
# The parts are data in rules.py (CONFINE_*); here they are put together: an obligation, a
# link and one named destination in the same sentence, or the mirror (a ban outside one
# named place, every other site closed). Nothing here lists whole wordings.


@functools.cache
def _confine() -> dict[str, re.Pattern]:
    from . import rules as r

    designation = next(x for x in r.RULES if x.id == "competition.designation")
    return {
        "obligation": re.compile(r.CONFINE_OBLIGATION),
        "not_duty": re.compile(r.CONFINE_NOT_DUTY),
        "place": re.compile(r.CONFINE_PLACES),
        "not_trade": re.compile(r.CONFINE_NOT_TRADE),
        "qualified": re.compile(
            r"(具有|具备|有|取得)[^，。；]{0,12}资质的|符合[^，。；]{0,10}(条件|要求|规定)的"
        ),
        "lawful_local": _alt(r.CONFINE_LAWFUL),
        "operator_of": re.compile(r"[（(][^）)]{1,30}[）)]|" + r.CONFINE_OPERATOR_OF),
        "bracket": re.compile(r"[（(]([^）)]{2,40})[）)]"),
        "generic": re.compile(r.CONFINE_GENERIC),
        "admin": re.compile(f"^(?:{r.CONFINE_ADMIN})$"),
        "ban": re.compile(r.CONFINE_BAN),
        "designated": re.compile(r.CONFINE_DESIGNATED),
        "seller": re.compile(f"^(?:{r.CONFINE_SELLERS})$"),
        "outside": re.compile(r.CONFINE_OUTSIDE),
        "ban_outside": re.compile(r.CONFINE_BAN_OUTSIDE),
        "close": re.compile(r.CONFINE_CLOSE),
        # The round-10 exemptions too, but for 生猪's 定点屠宰: whether the slaughterhouse is
        # the law's or the town's pick is read from its name (CONFINE_STATUTORY_PLACE).
        "lawful": _alt(
            r.CONFINE_LAWFUL + tuple(e for e in designation.exemptions if "定点屠宰" not in e)
        ),
        "statutory": re.compile(r.CONFINE_STATUTORY_PLACE),
        "holder": re.compile(r.CONFINE_CONCESSION_HOLDER),
        "own": re.compile(r.CONFINE_OWN),
        "serves_area": re.compile(r.CONFINE_SERVES_AREA),
        "duty_after": re.compile(r.CONFINE_DUTY_AFTER),
        "others_barred": re.compile(r.CONFINE_OTHERS_BARRED),
        "offence": re.compile(r.CONFINE_OFFENCE),
        "local": re.compile(r.CONFINE_LOCAL),
        "others_excluded": re.compile(r.CONFINE_OTHERS_EXCLUDED),
        "exclusion_lawful": re.compile(r.CONFINE_EXCLUSION_LAWFUL),
        "utility": re.compile(r.CONFINE_UTILITY),
        "traffic": re.compile(r.CONFINE_TRAFFIC),
        "traffic_trade": re.compile(r.CONFINE_TRAFFIC_TRADE),
        "links": tuple(
            (re.compile(f"(?:{link})$"), re.compile(after) if after else None, form)
            for link, after, form in r.CONFINE_LINKS
        ),
        "link_any": re.compile("|".join(f"(?:{link})" for link, _, _ in r.CONFINE_LINKS)),
    }


@dataclass(frozen=True)
class Destination:
    """One named place or operator in a sentence: where it is (with its bracket or
    operator), the word before it that links it to the clause, the form of that link
    (rules.CONFINE_LINKS: "to_one", "buy_from", "designate", "except"; None when the trade
    the link needs does not follow) and its words."""

    start: int
    end: int
    link_start: int
    link: str
    form: str | None
    words: str


def _named(spec: str, place: str, after: str, p: dict[str, re.Pattern]) -> bool:
    """Whether the words before a place noun (its specifier) name one place: something is
    left once the words for a kind of place are taken out, or a bracket right after the
    place says where it is."""
    bracket = p["bracket"].match(after)
    spec = re.sub(r"[（(][^）)]*[）)]", "", spec)
    # An authority or a public body (its own name, not the one after "指定的": "县农技站
    # 指定的经销点" is a seller), and a class described by its qualification ("具有相应资质
    # 的防雷检测机构") are no named trade partner.
    if p["not_trade"].search(re.split(r"的", spec)[-1] + place):
        return False
    if p["qualified"].search(spec):
        return False
    core = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", p["generic"].sub("", spec))
    if core in ("本", "我") and place not in ("市场", "场", "所", "店"):
        # The issuer itself ("必须向本站申报…", "与我中心签订…"): the document directs the
        # trade to the one that issues it (round 15, 123).
        return True
    if core and p["admin"].match(core):
        # The county's own one — unless it is the 定点 one the law provides ("县定点屠宰厂").
        return not p["statutory"].search(spec + place)
    if len(core) >= 2:
        return True
    if p["seller"].match(place) and p["designated"].search(spec):
        return not p["statutory"].search(spec + place)
    return bool(bracket and not p["generic"].fullmatch(bracket.group(1)))


def destinations(text: str) -> list[Destination]:
    """Named places or operators of a sentence, each with the link before it: the nearest
    link in its clause whose trade follows the place (what stands between them is the
    place's specifier), else the nearest link ("县计量所指定的…经营部": 指定 is no link of
    its own here, 到 is)."""
    p = _confine()
    out = []
    for m in p["place"].finditer(text):
        cs = _clause_start(text, m.start())
        lo = max(cs, m.start() - 26)
        rest = text[m.end() : _clause_end(text, m.end())]
        # The place's address or its operator may follow ("（老油库）建设管理单位").
        end = m.end()
        for extra in p["operator_of"].finditer(text, m.end(), _clause_end(text, m.end())):
            if extra.start() != end:
                break
            end = extra.end()
        tail = text[end : _clause_end(text, end)]
        found = None
        for lm in reversed(list(p["link_any"].finditer(text, lo, m.start()))):
            # In a list ("进入门市或者市场", "老街农贸市场、绿洲农贸市场或中心农贸市场") the
            # place noun's own specifier is what follows the last 或/和/、.
            spec = re.split(r"或者|或是|或|和|及|、", text[lm.end() : m.start()])[-1]
            if not _named(spec, m.group(), rest, p):
                # Farther links would only take the nearer one into the specifier — unless
                # the nearer one is a 指定 describing the place ("到…指定的经销点").
                if p["designated"].match(lm.group()):
                    continue
                break
            # The form of the link (rules.CONFINE_LINKS) when the trade it needs follows.
            form = next(
                (
                    f
                    for link, after, f in p["links"]
                    if link.search(lm.group()) and (after is None or after.match(tail))
                ),
                None,
            )
            d = Destination(m.start(), end, lm.start(), lm.group(), form, spec + m.group())
            if form is not None:
                found = d
                break
            found = found or d
        if found:
            out.append(found)
    return out


def concession_holders(paragraphs) -> tuple[str, ...]:
    """Operators the document says hold a concession (rules.CONFINE_CONCESSION_HOLDER)."""
    p = _confine()["holder"]
    return tuple(
        m.group("name") for para in paragraphs if "特许经营" in para for m in p.finditer(para)
    )


def _obliged(text: str, pos: int, p: dict[str, re.Pattern]) -> bool:
    """Whether a duty governs the link at `pos`: an obligation word before it in its clause,
    or in an earlier clause of the sentence with no permission, ban or new condition
    ("少于5吨的，可…") in between."""
    end = pos
    start = _clause_start(text, pos)
    first = True
    while True:
        clause = text[start:end]
        hits = list(p["obligation"].finditer(clause))
        if hits:
            return not p["not_duty"].search(clause, hits[-1].end())
        if p["not_duty"].search(clause) or clause.rstrip().endswith("的"):
            return False
        if start <= 0 or text[start - 1] in "：:":
            return False
        # An earlier clause's duty carries on only into a clause that goes on with the same
        # actor ("应将餐厨垃圾单独收集放存，及时交由…"); a clause that names a new one
        # ("…须经办公会讨论通过，由城建公司负责比价工作") or says much before the link does not.
        if first and (text.startswith("由", pos) or pos - start > 8):
            return False
        first = False
        end = start - 1
        start = _clause_start(text, end)


def _serves_area(text: str, p: dict[str, re.Pattern]) -> str:
    """The name of an operator that opens its clause and is made responsible for a whole
    area's trade (rules.CONFINE_SERVES_AREA), or ""."""
    if "负责" not in text and "承办" not in text and "承担" not in text:
        return ""
    for m in p["place"].finditer(text):
        cs = _clause_start(text, m.start())
        spec = text[cs : m.start()]
        if any(c in spec for c in "。；") or not _named(spec, m.group(), "", p):
            continue
        if p["own"].search(spec):
            continue
        if p["serves_area"].match(text, m.end()):
            return spec + m.group()
    return ""


def traffic_only(text: str, p: dict[str, re.Pattern] | None = None) -> bool:
    """Whether the sentence organises traffic — vehicles' parking, stopping, driving,
    loading or changing — without compelling a purchase or paid service from one operator
    (rules.CONFINE_TRAFFIC): not 限定交易, for the rules and the learned model alike."""
    p = p or _confine()
    return bool(p["traffic"].search(text)) and not p["traffic_trade"].search(text)


def confinements(text: str, holders: tuple[str, ...] = ()) -> list[Rule]:
    """The 限定交易 reading (rules.CONFINEMENT_RULES) a normative-document sentence matches,
    at most one: banned outside one named place, obliged to one named place, or every
    other site closed."""
    from .rules import CONFINEMENT_RULES

    p = _confine()
    if p["utility"].search(text) or traffic_only(text, p):
        return []
    # Round 15: beside a destination, the operators of one area as the only ones to serve
    # ("应当主动委托市内具有…资质的专业机构"). A qualification asked besides the region does
    # not make it lawful (round 10's exemptions for qualified operators are not read here).
    m = p["local"].search(text)
    if (
        m
        and not p["lawful_local"].search(text)
        and _obliged(text, m.start(), p)
        and not p["own"].search(text, 0, m.start())
    ):
        return [CONFINEMENT_RULES["local_only"]]
    if p["lawful"].search(text):
        return []
    # Every other operator barred from the trade.
    m = p["others_excluded"].search(text)
    if (
        m
        and not p["exclusion_lawful"].search(text)
        and not p["offence"].search(text, m.start(), m.end())
    ):
        return [CONFINEMENT_RULES["others_excluded"]]
    # Cheapest first: most sentences name no place of trade and close nothing.
    if not p["place"].search(text) and not p["close"].search(text):
        return []
    for d in destinations(text):
        if any(h in d.words or d.words in h for h in holders):
            continue
        if p["outside"].match(text, d.end):
            # "禁止在县殡仪馆外的其他区域举办…", "除上谷市场外，其他场所一律不得…".
            if p["ban"].search(text) and not p["offence"].search(text):
                return [CONFINEMENT_RULES["outside_one"]]
            continue
        if d.form == "designate" and not p["own"].search(text, 0, d.link_start):
            return [CONFINEMENT_RULES["to_one"]]
        if d.form not in ("to_one", "buy_from"):
            continue
        if d.form == "to_one" and p["ban_outside"].search(text, d.end):
            return [CONFINEMENT_RULES["outside_one"]]
        cs = _clause_start(text, d.link_start)
        if p["ban"].search(text, cs, d.link_start) or p["own"].search(text, 0, d.link_start):
            continue
        if (
            _obliged(text, d.link_start, p)
            or p["duty_after"].match(text, d.end)
            or p["others_barred"].search(text, d.end)
        ):
            return [CONFINEMENT_RULES[d.form]]
    served = _serves_area(text, p)
    if served and not any(h in served or served in h for h in holders):
        return [CONFINEMENT_RULES["to_one"]]
    m = p["close"].search(text)
    if m and not p["offence"].search(text, m.start()):
        return [CONFINEMENT_RULES["close_others"]]
    return []
