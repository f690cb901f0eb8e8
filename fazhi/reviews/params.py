"""The periods of 合法性审核 as configurable parameters (architecture rule 10), each with
the law's default and its citation, and the Chinese refusals that cite the rule they
enforce."""

from __future__ import annotations

from fazhi.core import params

REVIEW_WORKDAYS = params.define(
    "reviews.review_workdays",
    "合法性审核期限",
    default=5,
    unit="工作日",
    basis="国办发〔2018〕37号(审核时间一般不少于5个工作日,最长不超过15个工作日)",
    minimum=5,
    maximum=15,
)
DECISION_REVIEW_WORKDAYS = params.define(
    "reviews.decision_review_workdays",
    "重大行政决策合法性审查期限",
    default=7,
    unit="工作日",
    basis="《重大行政决策程序暂行条例》第二十六条(一般不少于7个工作日)",
    minimum=7,
    maximum=30,
)

SEPARATION = "起草人不得审核本人起草的{kind}(审核与起草相分离)"
SELF_REVIEW = "送审人不得指定本人为审核人(审核与送审相分离)"
NOT_A_REVIEWER = (
    "审核人须为本镇或本县的法律顾问或法治办工作人员(合法性审核由法律顾问或司法所、"
    "法治办审核人员承担)"
)
BOTH_REQUIRED = "书面审核意见和审核结论缺一不可(合法性审核须出具书面审核意见)"
