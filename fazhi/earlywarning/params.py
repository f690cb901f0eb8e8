"""社会矛盾预警's parameters and the refusals that name the rule they enforce (tests assert
them).

No statute fixes how a town scores the risk of a dispute or petition: the weights, word
lists and thresholds below are LOCAL PRACTICE (each county's 矛盾纠纷预警研判 rules), set
on /core/parameters/ by the county supervisor, with these defaults. Lists are written
"词:分,词:分" (full-width punctuation is accepted); a malformed entry is ignored.
"""

from __future__ import annotations

from fazhi.core import params

LOCAL = "本地规则(社会矛盾预警研判工作规则,非法定)"

# --- colours -----------------------------------------------------------------------------
RED_THRESHOLD = params.define(
    "earlywarning.red_threshold", "红色预警分数线", default=60, unit="分",
    basis=f"{LOCAL}:风险分达到此分数为红色预警", minimum=1, maximum=1000,
)  # fmt: skip
YELLOW_THRESHOLD = params.define(
    "earlywarning.yellow_threshold", "黄色预警分数线", default=30, unit="分",
    basis=f"{LOCAL}:风险分达到此分数(未达红色)为黄色预警", minimum=1, maximum=1000,
)  # fmt: skip

# --- factors -----------------------------------------------------------------------------
REPEAT_POINTS = params.define(
    "earlywarning.repeat_points", "重复事项每件计分", default=8, unit="分",
    basis=f"{LOCAL}:同一当事人或同一地点在统计期内的此前事项,每件计分", minimum=0, maximum=100,
)  # fmt: skip
REPEAT_CAP = params.define(
    "earlywarning.repeat_cap", "重复事项计分上限", default=24, unit="分",
    basis=LOCAL, minimum=0, maximum=200,
)  # fmt: skip
UNRESOLVED_POINTS = params.define(
    "earlywarning.unresolved_points", "此前未化解事项每件计分", default=10, unit="分",
    basis=f"{LOCAL}:此前事项中仍未办结的,每件另计分", minimum=0, maximum=100,
)  # fmt: skip
UNRESOLVED_CAP = params.define(
    "earlywarning.unresolved_cap", "此前未化解事项计分上限", default=20, unit="分",
    basis=LOCAL, minimum=0, maximum=200,
)  # fmt: skip
GROUP_POINTS = params.define(
    "earlywarning.group_points", "涉及人数计分", default="3:4,5:8,10:12,30:16", unit="",
    basis=f"{LOCAL}:“人数:分”,涉及人数达到该人数即计该分(取最高一档);"
    "5人以上参照信访工作条例第20条多人走访的界限",
)  # fmt: skip
CATEGORY_WEIGHTS = params.define(
    "earlywarning.category_weights", "类别权重", unit="",
    default=(
        "涉稳:25,征地拆迁:20,征地:20,拆迁:20,劳资纠纷:15,欠薪:15,土地纠纷:12,"
        "山林土地:12,环境污染:12,涉众涉访:15,医疗纠纷:10,交通事故:6,物业纠纷:5,"
        "婚姻家庭:5,合同纠纷:4,邻里纠纷:3,"
        "expropriation:20,land:20,labour:15,land_contract:12,homestead:12,environment:12,"
        "legal:12,conduct:10,construction:8,damages:6,fishery:6,property:5,family:5,"
        "neighbour:3,welfare:3,sensitive:10,special:6"
    ),
    basis=f"{LOCAL}:“类别:分”,按事项类别代码计分(矛盾纠纷、信访事项的类别,重点人员的人群);"
    "未列出的类别不计分",
)  # fmt: skip
DEADLINE_OVERDUE_POINTS = params.define(
    "earlywarning.deadline_overdue_points", "法定期限已过计分", default=20, unit="分",
    basis=f"{LOCAL}:事项最近的法定期限(受理、办理、调解等)已届满仍未办结", minimum=0, maximum=100,
)  # fmt: skip
DEADLINE_NEAR_POINTS = params.define(
    "earlywarning.deadline_near_points", "法定期限临近计分", default=8, unit="分",
    basis=LOCAL, minimum=0, maximum=100,
)  # fmt: skip
DEADLINE_NEAR_DAYS = params.define(
    "earlywarning.deadline_near_days", "法定期限临近天数", default=3, unit="日",
    basis=f"{LOCAL}:距最近的法定期限届满不足此天数为“临近”", minimum=0, maximum=60,
)  # fmt: skip
ESCALATION_WORDS = params.define(
    "earlywarning.escalation_words", "升级词及计分", unit="",
    default=(
        "跳楼:60,自杀:60,轻生:60,自焚:60,同归于尽:60,服毒:60,喝农药:60,"
        "极端:40,报复:30,进京:30,赴省:25,越级:20,拉横幅:25,堵路:25,堵门:20,"
        "围堵:20,静坐:20,聚集:15,串联:15,集体:8,上访:10,闹访:20,缠访:15,"
        "讨说法:8,媒体曝光:12,网上发帖:10,扬言:8,过激:20,情绪激动:8"
    ),
    basis=f"{LOCAL}:“词:分”,在事项文字中出现(且不在否定语境中)即计分,每词计一次",
)  # fmt: skip
ESCALATION_CAP = params.define(
    "earlywarning.escalation_cap", "升级词计分上限", default=60, unit="分",
    basis=LOCAL, minimum=0, maximum=500,
)  # fmt: skip
NEGATION_CUES = params.define(
    "earlywarning.negation_cues", "否定语境提示词", unit="",
    default="无,没有,未,不会,不再,不想,不打算,不准备,不愿,无意,打消,放弃,否认,排除,杜绝",
    basis=f"{LOCAL}:升级词前同一分句3个字以内出现这些词(其间无“但、却、仍、扬言”等转折)的,"
    "视为否定语境,不计分(如“无上访意向”“未发现极端倾向”“无越级上访、进京上访苗头”)",
)  # fmt: skip
NEGATION_EXCEPTIONS = params.define(
    "earlywarning.negation_exceptions", "不表示否定的说法", unit="",
    default=(
        "未果,未成,未能,未达成,未解决,未化解,未获,未得到,未兑现,未支付,未发放,未到位,未来,"
        "无果,无法,无奈,无论,无人,无门,没有结果,没有解决,没有得到,没有人,不会处理,不再理会"
    ),
    basis=f"{LOCAL}:以否定词开头但表示诉求未满足的说法(如“调解未果”“投诉无门”),不视为否定语境",
)  # fmt: skip
SCOPE_BREAKERS = params.define(
    "earlywarning.scope_breakers", "否定语境中断词", unit="",
    default="但,却,仍,还,又,而,扬言,声称,威胁",
    basis=f"{LOCAL}:否定词与升级词之间出现这些词的,否定不及于其后的升级词(如“没有上访打算但扬言拉横幅”)",
)  # fmt: skip
EXEMPT_PHRASES = params.define(
    "earlywarning.exempt_phrases", "不计分的固定说法", unit="",
    default=(
        "村集体,集体经济,集体土地,集体资产,集体所有,集体林,集体收益,集体用地,"
        "集体合同,集体协商,集体学习,集体讨论,集体研究,上访户家属"
    ),
    basis=f"{LOCAL}:含升级词但无升级含义的固定说法(如“村集体经济”),不计分",
)  # fmt: skip
SIGNAL_POINTS = params.define(
    "earlywarning.signal_points", "走访风险信号每条计分", default=12, unit="分",
    basis=f"{LOCAL}:网格走访记录的风险信号,每条计分;信号含升级词的按较高者计",
    minimum=0, maximum=100,
)  # fmt: skip
SIGNAL_CAP = params.define(
    "earlywarning.signal_cap", "走访风险信号计分上限", default=60, unit="分",
    basis=LOCAL, minimum=0, maximum=500,
)  # fmt: skip

# --- responses ---------------------------------------------------------------------------
RED_RESPONSE_WORKDAYS = params.define(
    "earlywarning.red_response_workdays", "红色预警应对期限", default=1, unit="工作日",
    basis=f"{LOCAL}:红色预警须在此期限内由镇领导或法治办记录应对措施",
    minimum=1, maximum=30,
)  # fmt: skip
YELLOW_RESPONSE_WORKDAYS = params.define(
    "earlywarning.yellow_response_workdays", "黄色预警应对期限", default=5, unit="工作日",
    basis=f"{LOCAL}:黄色预警须在此期限内由法治办研判并记录应对措施",
    minimum=1, maximum=60,
)  # fmt: skip

# --- refusals ----------------------------------------------------------------------------
RULE = "(社会矛盾预警研判工作规则,本地规则)"
DISMISS_NEEDS_REASON = f"撤销预警须写明理由:请填写撤销理由后再提交{RULE}"
RESPONSE_NEEDS_WHO = f"记录应对措施须写明责任人{RULE}"
RESPONSE_NEEDS_WHAT = f"记录应对措施须写明采取的措施{RULE}"
RESPONSE_NEEDS_WHEN = f"记录应对措施须写明落实时间{RULE}"
RESPONSE_BEFORE_RAISED = "落实时间不能早于预警生成日期({day})"
RESPONSE_TOO_LATE = "落实时间不能晚于今天之后30日(应对措施须及时落实)"
GREEN_NEEDS_NOTHING = "绿色预警无需应对或撤销"
ONLY_TOWN = "只有本镇的镇领导或法治办工作人员可以办理预警"
EVALUATE_ONLY_OFFICER = "只有本镇法治办工作人员可以发起立即研判"
NOT_FOUND = "记录不存在或无权查看"
