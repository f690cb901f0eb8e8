"""Reading a sentence's genre before its words (round 18).

A town issues documents of several genres, and three of them look like measures to the
rules but are not: the issuer's own management procedures (approvals of its own spending,
contracts and projects read as licences), the conditions of a subsidy or reward (withholding
the benefit read as a penalty), and definitions and headings (read as clauses). Each is read
here once, for every rule of the category, not sentence by sentence (engine.precheck).
"""

from __future__ import annotations

import re

# ---- who is addressed: the issuer's own offices, staff, projects and funds ---------------
# Administrative licensing needs an outside person or business asking permission for an
# activity (行政许可法 第二条). The government's approvals of its own budget, contracts,
# procurement and projects ("由项目办按照…街道财务审批制度进行报签后签订合同", "根据预算安排…
# 报上级批准", "由项目管理人自行采购…报分管领导审批后实施") license no one.
INTERNAL = re.compile(
    r"报签|用印|财务(审批|制度|管理)|审批(制度|程序|流程)|(年度|部门|财政)?预算(安排|编制|资金|中|内)|"
    r"编入[^，。；]{0,10}预算|分管领导|主要领导|项目办|项目管理人|自行采购|采购(表|计划|意向)|"
    r"合同(管理|报签|审核|会签)|内部(控制|管理|审批)|资金(拨付|支付|使用)审批|"
    r"(本|我)(街道|镇|乡|局|委|办)[^，。；]{0,6}(自身|自有|自行|机关)|机关(内部|事务)"
)
# Anyone outside asking: a resident, a firm, an applicant. "居民区" and "居民委员会" are
# places and bodies the office works with, not applicants.
_OUTSIDE = re.compile(
    r"村民(?!委员会|小组)|居民(?!委员会|区)|群众|农户|企业|经营者|商户|个人|申请人|当事人|"
    r"业主(?!单位)|养殖户|从业人员|(建|盖)房户|市民|公民|法人|其他组织|摊贩|车主|驾驶人"
)
# The categories an internal procedure is mistaken for: licensing, and the proofs and
# certificates the office issues or files for its own projects.
INTERNAL_CATEGORIES = frozenset({"licensing", "certificate"})


def internal_only(text: str) -> bool:
    """Whether the sentence is the issuer's own management: an internal procedure word and
    no outside person or business in it."""
    return bool(INTERNAL.search(text)) and not _OUTSIDE.search(text)


# ---- a benefit's condition, not a sanction --------------------------------------------
# Withholding, reducing or recovering a programme's subsidy or reward for not meeting its
# own conditions is how the benefit is defined, not an administrative penalty ("取消该小区
# 半年补贴", "取消下一年度补贴资格", "不予拨付奖补资金"). Still a penalty: an entitlement of
# citizens taken away (低保、分红、惠农补贴、福利、救助), or a benefit taken away for
# breaking a law or ban ("违反禁渔期规定的渔船，取消其下一年度燃油补贴资格"), and the other
# sanctions in the same sentence ("通报批评", 157), which stay outside the span.
_BENEFIT = r"(补贴|补助|奖励|奖补|奖金|扶持资金|资助|以奖代补)"
_WITHHOLD = re.compile(
    r"(取消|扣除|扣减|扣发|减发|核减|暂停|停发|暂缓|收回|追回|追缴|退回|不予|不再|不得)"
    r"[^，。；、]{0,12}?(享受|拨付|发放|兑现|给予|予以)?[^，。；、]{0,8}?"
    + _BENEFIT
    + r"(资金|资格|款)?"
)
_ENTITLEMENT = re.compile(r"低保|分红|惠农|福利|救助|待遇|养老|医保|燃油补贴|粮食补贴|耕地地力")
_BREACH = re.compile(r"违反|违法|违规(?!定)|擅自|非法|拒不|不配合|禁(止|养|渔|烧|燃)")


def benefit_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a sentence that withhold a programme's own benefit as its condition; a
    penalty rule's match inside one is not a penalty (engine.precheck)."""
    if _ENTITLEMENT.search(text) or _BREACH.search(text):
        return []
    return [m.span() for m in _WITHHOLD.finditer(text)]


# The conditions a firm meets to get a benefit it applies for ("申请达标补贴的物业服务企业提供的
# 物业管理服务必须同时达到以下标准", "严格执行补贴资金专款专用", 157) bind only those who ask for
# it: they define the benefit, they add no duty to anyone (the duty category is not read).
BENEFIT_CONDITION = re.compile(
    r"(申请|申报|领取|享受|获得|获)[^，。；]{0,10}" + _BENEFIT + r"|"
    r"(补贴|补助|奖补|扶持|奖励)资金[^，。；]{0,6}(专款专用|用于|应当用于|必须用于)"
)
BENEFIT_CATEGORIES = frozenset({"duty"})


def benefit_condition(text: str) -> bool:
    """Whether the sentence sets the conditions of a benefit for those who seek it."""
    return bool(BENEFIT_CONDITION.search(text))


# ---- a definition or a heading, not a clause ------------------------------------------
# "机构所在地为本县以外的单位（以下简称“外地企业”）在绥宁县提供的建筑建设服务行为" (154) says
# what a word will mean; the measure is in the sentence that uses it. A definition that
# also lays a duty, grants or bars something is read as a clause.
_DEFINES = re.compile(
    r"[（(]以下(简称|称)[^）)]{0,20}[）)]|是指|系指|本办法所称|本(规定|意见|细则)所称"
)
_ACTS = re.compile(
    r"须|需要?|应当?|必须|不得|禁止|严禁|一律|给予|予以|不予|可以|可|实行|享受|奖励|补贴|补助|"
    r"收取|缴纳|罚|没收|取消|优先|限于|仅限|只能|统一|指定"
)
# A heading: a short line naming a topic ("对税收增长的奖励。", 158), with no clause mark
# inside, no amount and no act. "给予奖励。" acts; "禁止焚烧秸秆。" bars.
_MARKER = re.compile(
    r"^\s*([（(]?[\d一二三四五六七八九十]{1,3}[)）、.．]|第[一二三四五六七八九十百]+条)\s*"
)
_HEAD_ACTS = re.compile(
    r"须|需要?|应当?|必须|不得|禁止|严禁|一律|给予|予以|不予|可以|实行|收取|缴纳|罚|没收|取消|"
    r"优先|限于|仅限|只能|只准|不准|不许|方可|统一|指定|由|按|凡|办理|登记|申请|审批|批准|许可|报|"
    r"[\d%％]"
)


def definition(text: str) -> bool:
    """Whether the sentence only defines a word (its defining part removed, nothing acts)."""
    m = _DEFINES.search(text)
    if not m:
        return False
    return not _ACTS.search(text[: m.start()] + text[m.end() :])


# What a heading names: a topic noun at its end ("…的奖励", "…的管理", "工作要求"); a short
# clause ends with its verb or object ("每户自行配备生活垃圾收集桶", "本通告自发布之日起施行").
_TOPIC = re.compile(
    r"(奖励|补贴|补助|奖补|扶持|支持|管理|要求|责任|职责|分工|措施|标准|范围|对象|条件|程序|原则|"
    r"目标|任务|保障|政策|机制|办法|内容|方式|期限|监督|考核|附则|总则)$"
)


def heading(sentence: str) -> bool:
    """Whether a sentence is a short heading naming a topic rather than a clause."""
    text = _MARKER.sub("", sentence.strip()).rstrip("。.：:")
    return (
        0 < len(text) <= 16
        and not re.search(r"[，,；;。]", text)
        and not _HEAD_ACTS.search(text)
        and bool(_TOPIC.search(text))
    )
