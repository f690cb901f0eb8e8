"""普法宣传's parameters and the refusals that name the rule they enforce (tests assert
them)."""

from __future__ import annotations

from fazhi.core import params

REMIND_WORKDAYS = params.define(
    "publicity.remind_workdays",
    "主题宣传活动提前提醒",
    default=10,
    unit="个工作日",
    basis="本地规则:主题宣传日(月、周)开始前10个工作日在工作台提醒法治办筹备活动",
    minimum=1,
    maximum=60,
)
MAX_AUDIENCE = params.define(
    "publicity.max_audience",
    "单场活动受众人数上限",
    default=100000,
    unit="人",
    basis="本地规则:受众人数超过上限的,多为录入错误(线上活动请按实际参与人数登记)",
    minimum=100,
    maximum=10000000,
)
MAX_HOURS = params.define(
    "publicity.max_study_hours",
    "单人单周期线上学法学时上限",
    default=500,
    unit="学时",
    basis="本地规则:学习平台导出的单人学时超过上限的,视为数据错误,整批不予导入",
    minimum=1,
    maximum=5000,
)

NOT_FOUND = "记录不存在或无权查看"
WRITER_ONLY = "只有镇法治办工作人员可以维护普法宣传记录"
EVENT_WRITER_ONLY = "只有镇法治办工作人员或村(社区)干部可以登记普法活动"
EVENT_UNIT = "举办单位须为本镇或本镇的村(社区)"
BEFORE_CAMPAIGN = (
    "活动日期({held_on})早于主题宣传活动“{name}”的开始日期({starts}),不能计入该主题宣传"
)
NEGATIVE_AUDIENCE = "受众人数须为不小于0的整数"
TOO_MANY_AUDIENCE = "受众人数超过上限{limit}人(参数“单场活动受众人数上限”),请核实"
NO_TARGET = "请至少选择一个宣传对象(“八进”)"
CAMPAIGN_ENDS = "结束日期不能早于开始日期"
CAMPAIGN_TOO_LONG = "主题宣传活动不能超过一年"
DUPLICATE_CAMPAIGN = "本单位同一天开始的“{name}”已存在"
DUPLICATE_OPTION = "“{name}”已存在"
NOT_IMAGE = "证据照片须为 JPG 或 PNG 图片,该文件不是图片"
BROKEN_IMAGE = "无法读取该图片,文件可能已损坏,请重新拍摄或导出后上传"
IMPORT_NOT_XLSX = "请上传学习平台导出的 Excel(.xlsx)文件"
IMPORT_UNREADABLE = "无法读取该 Excel 文件,请用 Office 或 WPS 另存为 .xlsx 后重试"
IMPORT_MISSING_COLUMN = "第1行表头中找不到列“{column}”(请核对列对应关系)"
IMPORT_EMPTY = "文件中没有学时数据"
IMPORT_ROW = "第{row}行:{reason}(整批未导入,请修改后重新上传)"
UNKNOWN_PERSON = "“{key}”不是{town}的干部"
NAME_MISMATCH = "姓名“{name}”与账号“{key}”对应的人员({real})不一致"
BAD_HOURS = "学时“{value}”不是不小于0的数字"
TOO_MANY_HOURS = "学时{value}超过上限{limit}(参数“单人单周期线上学法学时上限”)"
BAD_PERIOD = "统计周期“{value}”无法识别,应为“2025”“2025年”“2025-03”或“2025年3月”"
DUPLICATE_ROW = "与第{row}行重复(同一人员同一统计周期)"
NO_RECIPIENTS = "请至少选择一名接收干部"
NOT_RECIPIENT = "“{name}”不是本镇的机关干部或村(社区)干部,不能接收推送"
