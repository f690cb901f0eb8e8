"""年度学法考试's parameters and the refusals that name the rule they enforce (tests
assert them). The pass mark is local practice (60 or 80; legal-rules.md §7): a parameter
with the common default, set per county or town, and fixed on each exam when it is set."""

from __future__ import annotations

from fazhi.core import params

PASS_MARK = params.define(
    "exams.pass_mark",
    "学法考试合格分数线",
    default=80,
    unit="分",
    basis="本地规则:领导干部和机关工作人员年度学法考试以80分为合格(各地60分或80分)",
    minimum=1,
    maximum=100,
)
EXCELLENT_MARK = params.define(
    "exams.excellent_mark",
    "学法考试优秀分数线",
    default=90,
    unit="分",
    basis="本地规则:年度学法考试90分以上为优秀,用于优秀率统计",
    minimum=1,
    maximum=100,
)
DURATION = params.define(
    "exams.duration_minutes",
    "学法考试答题时长",
    default=60,
    unit="分钟",
    basis="本地规则:年度学法考试答题时长60分钟(如济宁市2023年干部学法考试)",
    minimum=5,
    maximum=240,
)
ATTEMPTS = params.define(
    "exams.attempts_limit",
    "学法考试次数",
    default=1,
    unit="次",
    basis="本地规则:考试窗口内每人考试1次;缺考和不合格的另行安排补考",
    minimum=1,
    maximum=5,
)

# --- refusals -----------------------------------------------------------------------------
RULE = "(年度学法考试规则)"
NO_CORRECT = "第{row}行:未标明正确答案,试题须至少有一个正确选项"
BAD_KIND = "第{row}行:题型“{kind}”不正确,可选:单选题、多选题、判断题"
BAD_ANSWER = "第{row}行:正确答案“{answer}”不在选项中"
SINGLE_ONE = "第{row}行:单选题只能有一个正确答案"
MULTIPLE_TWO = "第{row}行:多选题须有至少两个正确答案"
FEW_OPTIONS = "第{row}行:选择题须有至少两个选项"
NO_STEM = "第{row}行:题干为空"
DUP_BANK = "第{row}行:题干与题库中已有试题重复(“{stem}”)"
DUP_FILE = "第{row}行:题干与第{other}行重复"
BAD_FILE = "文件无法读取,请使用题库模板(.xlsx)"
BAD_HEADER = "表头不正确:缺少列“{column}”(请使用题库模板)"
EMPTY_FILE = "文件中没有试题"
RULE_SHORT = "组卷规则要求{label}{count}道,题库只有{have}道,请减少题数或先补充题库"
RULE_EMPTY = "组卷规则至少要有一道试题"
RULE_DUPLICATE = "组卷规则中“{label}”重复"
WINDOW_ORDER = "截止时间须晚于开考时间"
MARKS_ORDER = "优秀分数线不能低于合格分数线"
NO_CANDIDATES = "所选范围内没有应考人员"
NOT_OPEN = "考试不在开放时间内(开放时间:{opens}至{closes}),不能开始答题"
LIMIT_REACHED = "已达考试次数上限({limit}次),不能再次考试;缺考或不合格的,请等待补考安排"
NOT_CANDIDATE = "您不在本次考试的应考人员名单中"
NOT_YOURS = "这不是您的试卷,不能作答"
TIME_UP = "已超过交卷截止时间({deadline}),答案未保存,试卷已收卷"
ALREADY_FINISHED = "试卷已交卷,不能再作答"
BAD_POSITION = "题号不正确"
BAD_CHOICE = "所选答案不正确"
SINGLE_CHOICE = "单选题和判断题只能选一个答案"
MAKEUP_BEFORE_CLOSE = "考试窗口尚未截止,缺考和不合格人员尚未确定,不能安排补考"
MAKEUP_WINDOW = "补考开始时间不能早于考试截止时间({closes})"
MAKEUP_NOBODY = "没有缺考或不合格的人员,无需补考"
