"""The pre-review engine: `precheck(text_or_paragraphs, kind, context) -> Result`.

Pure Python, no network; contracts and agreements also get a small learned second
opinion (model.py, weights shipped with the code), normative documents one for 限定交易
(confine_model.py). A page calls `precheck` and highlights each finding's
`paragraph`/`start`/`end`; the command prints the same result. A run
attached to a record passes the record's `Context` (precheck/context.py), which the
document-level checks read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from . import checks, confine_model, genre, model
from .context import Context
from .rules import (
    CATEGORIES,
    CITATIONS,
    CONFINE_NOT_CLEARED_BY,
    CONFINEMENT_OUTRANKS,
    CONTRACTS,
    DOCUMENT_RULES,
    GENERAL_EXEMPTIONS,
    KINDS,
    NEGATION,
    OUTRANKS,
    RULES,
    SEVERITIES,
    Frame,
    Rule,
    calibrated,
    immediate_effect_explained,
)
from .segment import Sentence, clause_start, sentences
from .structure import _confine as confine_patterns
from .structure import cleared, concession_holders, confinements, frame_hits, traffic_only


@dataclass(frozen=True)
class Finding:
    """One flagged sentence (or, with paragraph None, the whole document)."""

    category: str
    rule: str
    severity: str
    paragraph: int | None
    start: int | None
    end: int | None
    quote: str | None
    basis: str
    explanation: str
    suggestion: str

    @property
    def category_label(self) -> str:
        return CATEGORIES[self.category]

    @property
    def severity_label(self) -> str:
        return SEVERITIES[self.severity]


@dataclass
class Result:
    """The pre-review of one document: its kind, its paragraphs and the findings."""

    kind: str
    paragraphs: list[str]
    findings: list[Finding] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "findings": [asdict(f) for f in self.findings]}

    def categories(self) -> set[str]:
        return {f.category for f in self.findings}


@dataclass(frozen=True)
class _Compiled:
    rule: Rule
    pattern: re.Pattern
    exemption: re.Pattern | None
    unless_after: re.Pattern | None


def _compile(rule: Rule) -> _Compiled:
    def alt(parts):
        return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None

    return _Compiled(
        rule,
        alt(rule.patterns),
        alt(rule.exemptions),
        re.compile(rule.unless_after) if rule.unless_after else None,
    )


# Compiled once at import: the engine must stay fast (a 20-page draft in well under 200 ms).
@functools.cache
def _compiled_rules() -> tuple[_Compiled, ...]:
    """The rule catalogue compiled on first use, not at import: compiling it takes ~0.15 s,
    which every `fazhi` command and process start would otherwise pay (models import the
    rule names)."""
    return tuple(_compile(r) for r in RULES)


_NEGATION = re.compile(NEGATION)
# What clears a 限定交易 reading (rules.CONFINE_NOT_CLEARED_BY): a cited law of the measure,
# not of its sanction or of who enforces it.
_CONFINE_CLEARED = re.compile(
    "|".join(
        f"(?:{p})"
        for k, p in {**GENERAL_EXEMPTIONS, **CITATIONS}.items()
        if k not in CONFINE_NOT_CLEARED_BY
    )
)
_GENERAL = re.compile("|".join(f"(?:{p})" for p in GENERAL_EXEMPTIONS.values()))


def _confine_lawful(text: str) -> bool:
    """What the rules read as a lawful look-alike of 限定交易 (a cited law of the measure, a
    general exemption, the structural reading's lawful forms and public utilities): the
    learned second opinion does not add it back (confine_model.second_opinion)."""
    p = confine_patterns()
    return bool(
        _CONFINE_CLEARED.search(text)
        or _GENERAL.search(text)
        or p["lawful"].search(text)
        or p["utility"].search(text)
        or traffic_only(text, p)
        or confine_model.LAWFUL.search(text)
    )


# A normative document citing a higher law or rule applies a measure, it does not create it.
_CITED = re.compile("|".join(f"(?:{p})" for p in CITATIONS.values()))
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}

_TITLE_LINES = 3
_AGREEMENT_PARTY = re.compile(r"人民政府|镇政府")
_VILLAGE_RULES_TITLES = ("村规民约", "居民公约", "自治章程")


def detect_kind(paragraphs: Sequence[str]) -> str:
    """Guess the kind from the title: 村规民约 / 居民公约 → village rules; 合同 → contract;
    协议 with the town as a party → administrative agreement; anything else → normative
    document."""
    head = [p.strip() for p in paragraphs if p.strip()][:_TITLE_LINES]
    title = "".join(head)
    if any(word in title for word in _VILLAGE_RULES_TITLES):
        return "village_rules"
    if "协议" in title and any(_AGREEMENT_PARTY.search(p) for p in paragraphs[:40]):
        return "agreement"
    if "合同" in title or "协议" in title:
        return "contract"
    return "normative"


def to_paragraphs(source: str | Sequence[str]) -> list[str]:
    """A text is split into lines (each line one paragraph, empty lines kept)."""
    if isinstance(source, str):
        return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [str(p) for p in source]


# Names are not clauses (round 17): a document's title, the name of a form or document in
# 《》 and the list of attachments name what a document is about ("外地建筑业企业进绩备案管理
# 办法", "《外地建筑业企业进绩登记备案表》一式三份"); the measure, if any, is in the sentence that
# takes it. Read here once for every category, not rule by rule.
# A permit's or certificate's name is the very thing a licensing or certificate clause
# asks for ("必须持…发给的《蚕茧委托收购（代购）许可证》", 133): that name is read.
_NAME = re.compile(r"《([^《》]{1,60}?)(?<!证)(?<!证书)(?<!执照)(?<!证明)》")
_ATTACHMENTS = re.compile(r"^\s*附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?")
_LIST_ITEM = re.compile(r"^\s*[\d一二三四五六七八九十]{1,3}[.．、]")
_CLAUSE_MARKS = re.compile(r"[。；;，,]")


def name_spans(text: str) -> list[tuple[int, int]]:
    """The insides of the 《》 names of a sentence, as (start, end) offsets."""
    return [m.span(1) for m in _NAME.finditer(text)]


def _in_name(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _blank_names(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with what stands inside 《》 blanked out (same length, so offsets hold)."""
    for a, b in spans:
        text = text[:a] + "＿" * (b - a) + text[b:]
    return text


def name_paragraphs(paragraphs: Sequence[str]) -> set[int]:
    """The lines of a whole document that only name something: its title (the first line
    that is not empty, when it is not a sentence and more lines follow) and its list of
    attachments ("附件：" and the short numbered names after it)."""
    lines = [n for n, p in enumerate(paragraphs) if p.strip()]
    names: set[int] = set()
    if len(lines) > 1 and not _CLAUSE_MARKS.search(paragraphs[lines[0]].strip()[:-1]):
        names.add(lines[0])
    listing = False
    for n in lines:
        text = paragraphs[n].strip()
        if _ATTACHMENTS.match(text) and len(text) <= 80:
            names.add(n)
            listing = True
        elif (
            listing
            and _LIST_ITEM.match(text)
            and len(text) <= 60
            and not _CLAUSE_MARKS.search(text)
        ):
            names.add(n)
        else:
            listing = False
    return names


def _sentence_hit(
    c: _Compiled, s: Sentence, paragraph: str, general_lawful: bool, spans=()
) -> bool:
    rule = c.rule
    if rule.general and general_lawful:
        return False
    for m in c.pattern.finditer(s.text):
        if spans and _in_name(spans, m.start(), m.end()):
            continue
        if rule.negatable and _NEGATION.search(s.text, clause_start(s.text, m.start()), m.end()):
            continue
        if c.unless_after and c.unless_after.search(paragraph, s.start + m.end()):
            continue
        if c.exemption and c.exemption.search(s.text):
            return False
        return True
    return False


def precheck(
    source: str | Sequence[str],
    kind: str | None = None,
    context: Context | None = None,
    *,
    whole_document: bool = True,
) -> Result:
    """Pre-review a draft given as text or as a list of paragraphs.

    kind: "normative", "contract", "agreement" or "village_rules" (村规民约: sentence
    rules only); None guesses it from the title.
    context: what the record holds (title, issuer, stage, number, dates); None reads the
    text alone.
    whole_document=False checks sentences only (no "missing issuer/date/clause"
    findings) — that is how the sentence corpus is evaluated.
    """
    paragraphs = to_paragraphs(source)
    kind = kind or detect_kind(paragraphs)
    if kind not in KINDS:
        raise ValueError(f"未知的文件类型:{kind}")
    sents = sentences(paragraphs)
    hits: list[tuple[Rule | Frame | str, Sentence | None]] = []

    rules = [c for c in _compiled_rules() if kind in c.rule.kinds]
    # A concession the document says is held: its designations of the holder are lawful.
    holders = concession_holders(paragraphs) if kind == "normative" else ()
    names = name_paragraphs(paragraphs) if whole_document else set()
    for s in sents:
        if s.paragraph in names:
            continue
        if kind == "normative" and (genre.definition(s.text) or genre.heading(s.text)):
            # A definition or a heading is no clause (genre.py, round 18).
            continue
        spans = name_spans(s.text)
        bare = _blank_names(s.text, spans) if spans else s.text
        general_lawful = bool(_GENERAL.search(s.text)) or (
            kind == "normative" and bool(_CITED.search(s.text))
        )
        paragraph = paragraphs[s.paragraph]
        # This sentence's hits are gathered apart, so that clearing them does not rescan
        # the whole document's hits for every sentence.
        # A programme's benefit withheld for its own conditions is no penalty (genre.py).
        benefit = spans + genre.benefit_spans(s.text) if kind == "normative" else spans
        found: list[Rule | Frame] = [
            c.rule
            for c in rules
            if _sentence_hit(
                c, s, paragraph, general_lawful, benefit if c.rule.category == "penalty" else spans
            )
        ]
        if kind == "normative" and genre.benefit_condition(s.text):
            # A benefit's own conditions bind only who seeks it (genre.py).
            found = [r for r in found if r.category not in genre.BENEFIT_CATEGORIES]
        # Contracts and agreements: the structure of the clause (who acts, what act, on
        # what condition) as well as its wording (structure.py).
        if kind in CONTRACTS:
            found += frame_hits(bare, kind)
            clear = cleared(s.text, paragraph)
            # One concern may explain another in the same sentence (rules.OUTRANKS).
            mine = {r.category for r in found} - clear
            clear |= {c for top in mine & OUTRANKS.keys() for c in OUTRANKS[top]}
            if clear:
                found = [r for r in found if not {r.category, r.id} & clear]
        if kind == "normative":
            # 限定交易 read from its parts, whatever the verb (round 14, structure.py).
            confined = confinements(bare, holders)
            if confined and not _CONFINE_CLEARED.search(s.text):
                outranked = {i for r in confined for i in CONFINEMENT_OUTRANKS.get(r.id, ())}
                found = [r for r in found if r.id not in outranked] + confined
        own = genre.own_side(s.text) if kind == "normative" else frozenset()
        if own:
            # The party bound or rewarded is the issuer's own side — its offices, towns,
            # departments, village committees, projects and funds — not an operator or a
            # citizen (genre.py, rounds 18 and 20): read after 限定交易, which binds them too.
            found = [r for r in found if r.category not in own]
        if kind == "normative":
            # High only in the reading that proved reliable on real documents (rules.calibrated).
            found = [calibrated(r, s.text) for r in found]
        hits += [(r, s) for r in found]

    if kind == "normative":
        # A learned 限定交易 second opinion (confine_model.py, round 16): a medium "resembles
        # 限定交易, please check" finding on a sentence no rule flagged, where it is confident.
        # A concession the document says is held (83) is as lawful here as for the rules.
        hits = confine_model.second_opinion(
            hits,
            [s for s in sents if s.paragraph not in names],
            lambda t: (
                _confine_lawful(t)
                or any(h in t for h in holders)
                # The same readings of genre and of who as the rules' (round 20): a heading
                # or a definition is no clause, the issuer's own side no market.
                or genre.definition(t)
                or genre.heading(t)
                or "competition" in genre.own_side(t)
            ),
        )
        published = checks.publication_date(paragraphs, sents)
        if published is None and context is not None:
            published = context.published_on
        effective = checks.effective_date_of(sents, published)
        if effective is None and context is not None:
            effective = context.effective_from
        title = " ".join(p for p in paragraphs if p.strip())[:120]
        if context is not None:
            title = f"{context.title} {title}"
        temporary = bool(checks.TEMPORARY.search(title))
        # A retroactive date is high only as calibrated too (round 21: its one first-seen
        # high finding, 174, was a plan labelled lawful).
        hits += [
            (r if s is None else calibrated(DOCUMENT_RULES.get(r, r), s.text), s)
            for r, s in checks.effective_dates(sents, published, whole_document, context)
        ]
        if immediate_effect_explained(paragraphs):
            # The urgency or the law enforced is stated in the title or preamble (rules.py).
            hits = [h for h in hits if getattr(h[0], "id", "") != "effective_date.immediate"]
        hits += checks.validity(sents, effective, temporary, whole_document, context)
        hits += checks.numbers(sents, paragraphs, whole_document, context)
        hits += checks.issuers(sents, whole_document, context)
    elif kind in CONTRACTS:
        hits += checks.payment_periods(sents)
        # A learned second opinion (model.py): drops rule hits it finds very unlikely, adds
        # a "resembles … please check" finding where it is confident and no rule fired.
        hits = model.second_opinion(hits, kind, sents, paragraphs)
        if whole_document:
            hits += checks.contract_clauses(paragraphs)

    return Result(kind, paragraphs, _findings(hits))


def _findings(hits) -> list[Finding]:
    """One finding per sentence and category (the most severe rule wins); whole-document
    findings last."""
    best: dict[tuple, Finding] = {}
    for rule, s in hits:
        if isinstance(rule, str):
            rule = DOCUMENT_RULES[rule]
        if s is None:
            f = Finding(
                rule.category,
                rule.id,
                rule.severity,
                None,
                None,
                None,
                None,
                rule.basis,
                rule.explanation,
                rule.suggestion,
            )
            key = (None, rule.id)
        else:
            f = Finding(
                rule.category,
                rule.id,
                rule.severity,
                s.paragraph,
                s.start,
                s.end,
                s.text,
                rule.basis,
                rule.explanation,
                rule.suggestion,
            )
            key = (s.paragraph, s.start, rule.category)
        old = best.get(key)
        if old is None or _SEVERITY_ORDER[f.severity] < _SEVERITY_ORDER[old.severity]:
            best[key] = f
    located = sorted(
        (f for f in best.values() if f.paragraph is not None),
        key=lambda f: (f.paragraph, f.start, f.category),
    )
    whole = [f for f in best.values() if f.paragraph is None]
    return located + whole
