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
    r"(本|我)(街道|镇|乡|局|委|办)[^，。；]{0,6}(自身|自有|自行|机关)|机关(内部|事务)|"
    # "实施部门应当向街道提出申请，经街道审核同意后…" (239): the street's own department
    # asking the street, for the street's own works.
    r"(实施|主管|职能|责任|牵头|业务)部门[^，。；]{0,6}向(本)?(街道|镇|乡)[^，。；]{0,10}申请"
)
# Anyone outside asking: a resident, a firm, an applicant. "居民区" and "居民委员会" are
# places and bodies the office works with, not applicants.
_OUTSIDE = re.compile(
    r"村民(?!委员会|小组)|居民(?!委员会|区)|群众|农户|企业|经营者|商户|个人|申请人|当事人|"
    r"业主(?!单位)|养殖户|从业人员|(建|盖)房户|市民|公民|法人|其他组织|摊贩|车主|驾驶人"
)
# Round 20: who is bound or rewarded, read as a party, not only as procedure words. The
# government's own side: towns and streets, departments, the units answerable for a task,
# village and residents' committees (the issuer's project owners), the issuer's own offices
# and the firms it owns ("街道下属企业"). A bare 单位 is anyone's employer and stays out.
OWN_BODY = (
    r"((街道|镇|乡)(属|下属|所属)(企业|公司)|乡镇|镇|乡|街道(?!口)|"
    r"(责任|牵头|配合|成员|包联|包抓|包企|包保|县直|市直|区直|主管|协办)单位|"
    r"(包联|包抓|包企|包保|职能|主管|县直|市直|区直|行业)?部门|村委会|村民委员会|居委会|居民委员会|"
    r"村(（社区）|\(社区\))|办事处|站所|科室|项目办)"
)
# A reward or a sanction whose recipient is one of them is the government assessing its own
# units (绩效考核, 目标任务), not aid to an operator nor an administrative penalty: "对镇和包企
# 部门年终绩效考核分值由过去2分提高到4分", "对超额完成任务的镇和部门实行…加分", "对镇辖区内规上
# 工业企业总产值累计完成年度目标任务的，每超一个百分点奖励1万元" (188: the firms' output is what the
# town is measured on; the town gets the money).
_ASSESSMENT = re.compile(
    r"考核|绩效|加分|扣分|目标任务|(完成|超额|超)[^，。；]{0,4}任务|包联|包企|包抓|包保|"
    r"目标责任|责任制|评先|评优|约谈|问责|督查|督办"
)
_OWN_HEAD = re.compile(
    r"对(?:[^，。；]{0,20}的)?(各|全县各?|全区各?|全镇各?|有关|相关)?"
    + OWN_BODY
    + r"(人民政府|政府|党委)?"
    + r"(?=[和与及、，。；]|$|(年终|年度|季度)?(绩效|目标)?考核|实行|给予|予以|奖励|通报|加分|扣分)"
)
_OWN_MEASURED = re.compile(r"对(各|全县各?|全区各?)?" + OWN_BODY)
_OWN_GIVEN = re.compile(
    r"(奖励|给予|表彰|通报表扬|通报批评|约谈|问责|扣减|扣除)(?:[^，。；]{0,16}的)?(各|有关|相关)?"
    + OWN_BODY
    # "给予镇区内企业…": the place of the firms, not the body.
    + r"(?![区内域辖集上])"
)
# A duty laid on them: the clause opens with the body and an obligation follows ("各镇要在本
# 辖区内规划建设…", "村委会应委托招标代理公司", 173; "街道下属企业不得将经营性资产出租给…", 169).
# The body opens the sentence: inside a clause, "镇" and "街道" are places ("严禁在集镇主要
# 街道…搭建雨棚", 109).
_OBLIGED = r"((?<![主重需])要|应当?|须|必须|务必|负责|不得|严禁|原则上)"
_OWN_BOUND = re.compile(
    r"^(各|全县各?|全区各?|全镇各?)?"
    + OWN_BODY
    # Nothing between that makes the body a place ("镇区内的餐饮店须…" binds the shops).
    + r"(人民政府|政府)?(?:(?![区内域辖的])[^，。；]){0,8}?"
    + _OBLIGED
)
# A later clause with its own subject: an outsider before an obligation ("…，村民须将垃圾…").
_OUTSIDE_OBLIGED = re.compile(
    r"(?:" + _OUTSIDE.pattern + r")[^，。；]{0,12}?(要|应当?|须|必须|不得|严禁|一律|禁止)"
)


# The money said to go to an operator outright ("…的，给予企业奖励5万元"): the firm is paid,
# whichever body is assessed beside it.
_OPERATOR_GIVEN = re.compile(
    r"(给予|奖励|补贴|补助|返还给?|兑现给?)(该|其|相关)?(企业|公司|经营者|商户|个体工商户|合作社|市场主体)"
)


def _own_alone(text: str, end: int) -> bool:
    """Whether the body named before `end` is not listed with outsiders ("对…的部门、单位和
    个人，处以罚款" sanctions anyone)."""
    stop = min((i for i in (text.find(c, end) for c in "，。；") if i >= 0), default=len(text))
    return not _OUTSIDE.search(text, end, min(stop, end + 12))


def own_recipient(text: str) -> bool:
    """Whether a reward or sanction of the sentence goes to the government's own units: a
    body heads what 对 governs, or is what 对 governs while the sentence assesses a task, or
    is given the reward or the criticism — unless an operator is named as the one paid."""
    if _OPERATOR_GIVEN.search(text):
        return False
    return bool(
        any(_own_alone(text, m.end()) for m in _OWN_HEAD.finditer(text))
        or _OWN_GIVEN.search(text)
        or (_OWN_MEASURED.search(text) and _ASSESSMENT.search(text))
    )


def own_bound(text: str) -> bool:
    """Whether the sentence binds the government's own units alone: a body opens it with an
    obligation, no resident or business is in that clause, and no later clause binds one
    ("村委会（建设单位）应委托监理公司…，并应建立由…村民代表组成…小组": the villagers sit on the
    committee's board, they are not bound; "各村要督促农户…" passes the duty on)."""
    m = _OWN_BOUND.search(text)
    if not m:
        return False
    body = m.group(2)
    stop = min((i for i in (text.find(c, m.end()) for c in "，。；") if i >= 0), default=len(text))
    first, rest = text[m.end(2) : stop], text[stop:]
    if body.endswith(("企业", "公司")):
        # The issuer's own firm: a bare 企业 later on is that firm ("由企业专业部门…", 169).
        first, rest = first.replace("企业", ""), rest.replace("企业", "")
    return not _OUTSIDE.search(text[: m.start(2)] + first) and not _OUTSIDE_OBLIGED.search(rest)


# The categories an internal procedure is mistaken for (round 18): licensing, and the
# proofs and certificates the office issues or files for its own projects. Only those: a
# procedure sentence may still send the villages' works to the town's own firm ("应向项目办
# 提出申请…由城建公司编制的工程预算", 18), which is competition.
INTERNAL_CATEGORIES = frozenset({"licensing", "certificate"})
# The categories a measure whose party is the government's own side is mistaken for (round
# 20): besides those, the penalty, the added duty and competition — an assessment reward is no
# aid to an operator, a sanction on a town no administrative penalty, a duty on the issuer's
# own offices no duty on citizens. Fees stay read: a levy handed down to villages (摊派, 166)
# is what the fee rules are for.
OWN_PARTY_CATEGORIES = INTERNAL_CATEGORIES | {"penalty", "duty", "competition"}


def own_side(text: str) -> frozenset[str]:
    """The categories not read in the sentence because the one it binds, rewards or
    sanctions is the issuer's own side: its procedures with no outside applicant (round 18),
    or a town, department, committee or own firm as the party (round 20)."""
    if own_recipient(text) or own_bound(text):
        return OWN_PARTY_CATEGORIES
    if INTERNAL.search(text) and not _OUTSIDE.search(text):
        return INTERNAL_CATEGORIES
    return frozenset()


def internal_only(text: str) -> bool:
    """Whether the sentence is the issuer's own management (`own_side` reads some category
    away)."""
    return bool(own_side(text))


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


_OPEN_HEADING = 24


def heading(sentence: str) -> bool:
    """Whether a sentence is a short heading naming a topic rather than a clause."""
    text = _MARKER.sub("", sentence.strip()).rstrip("。.：:")
    # A line that does not close with a full stop may name its topic at more length
    # ("一、对规上工业总产值完成情况的奖励措施", 188; round 20).
    limit = 16 if sentence.strip().endswith(("。", ".")) else _OPEN_HEADING
    return (
        0 < len(text) <= limit
        and not re.search(r"[，,；;。]", text)
        and not _HEAD_ACTS.search(text)
        and bool(_TOPIC.search(text))
    )
