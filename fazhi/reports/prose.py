"""The report's own prose (no figures in it) and the rule that binds figures: an officer's
edit keeps every figure as its placeholder ({0}, {1} …, once each) and types no number of
its own, because every number in the summary is counted from the ledgers and links to the
records it counts (issue 12: "sentences never invent a figure")."""

from __future__ import annotations

import re
import string

MAX_LENGTH = 2000
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")

PREAMBLE = (
    "{year}年以来,{unit}以习近平新时代中国特色社会主义思想、党的二十大精神为指导,深入学习贯彻"
    "习近平法治思想,主动对标市、县法治政府建设示范标准,有计划、有部署、有重点地推进法治政府"
    "建设工作,现将{unit}{year}年法治政府建设工作情况总结如下:"
)
DUTY = (
    "{unit}党政主要负责人切实履行推进法治建设第一责任人职责,将法治建设纳入年度工作计划,"
    "与经济社会发展同部署、同推进、同督促、同考核,亲自部署重要工作、过问重大问题、协调重要"
    "环节、督办重要任务。"
)
NO_PROBLEMS = (
    "对照上级法治政府建设各项要求,本年度台账数据未显示逾期、未整改等问题,相关工作仍需常抓不懈。"
)
NEXT_YEAR = "{year}年,{unit}将继续对标法治政府建设示范标准,补齐短板,巩固提升法治政府建设成效。"

REFUSE_EMPTY = "表述不能为空"
REFUSE_LONG = f"表述不能超过{MAX_LENGTH}字,且不能含无效字符"
REFUSE_BRACES = "表述中的花括号不成对:数字位置请保留{0}、{1}这样的写法,其余文字不要使用花括号"
REFUSE_FIGURES = (
    "数字须与台账绑定,不能删除或改动:请在表述中原样保留{fields}各一处"
    "(每个数字由系统从台账统计并链接到所统计的记录)"
)
REFUSE_NEW_NUMBER = "不能在表述中直接写入数字“{number}”:总结中的数字须来自台账并与所统计的记录绑定"


def parts(template: str) -> list[tuple[str, str | None]]:
    """(literal text, placeholder name or None) pieces of a template; '{{' stays literal."""
    return [(literal, name) for literal, name, _spec, _conv in string.Formatter().parse(template)]


def _literal(template: str) -> str:
    return "".join(literal for literal, _name in parts(template))


def clean(text: str) -> str:
    """One paragraph: surrounding space trimmed, line breaks joined."""
    return " ".join(line.strip() for line in str(text or "").splitlines() if line.strip())


def refusal(original: str, n_facts: int, edit: str) -> str | None:
    """None when `edit` may replace `original` (whose n_facts figures are bound), else the
    Chinese reason."""
    if not edit:
        return REFUSE_EMPTY
    if len(edit) > MAX_LENGTH or "\x00" in edit:
        return REFUSE_LONG
    fields = "、".join("{" + str(i) + "}" for i in range(n_facts)) or "(本段无数字)"
    try:
        pieces = list(string.Formatter().parse(edit))
    except ValueError:
        return REFUSE_BRACES
    names = [name for _l, name, _s, _c in pieces if name is not None]
    if any(spec or conv for _l, name, spec, conv in pieces if name is not None):
        return REFUSE_FIGURES.format(fields=fields)
    if sorted(names) != [str(i) for i in range(n_facts)]:
        return REFUSE_FIGURES.format(fields=fields)
    allowed = set(_DIGITS.findall(_literal(original)))
    for number in _DIGITS.findall(_literal(edit)):
        if number not in allowed:
            return REFUSE_NEW_NUMBER.format(number=number)
    return None
