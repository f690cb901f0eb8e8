"""法治建设旬报's parameter and the refusals that name the rule they enforce (tests assert
them). No statute sets the 旬报: the periods and the due day are the county's practice
(县委依法治县办 notice), so the due day is a parameter with the usual local default."""

from __future__ import annotations

from fazhi.core import params

DUE_WORKDAYS = params.define(
    "tenday.due_workdays",
    "旬报报送期限",
    default=2,
    unit="个工作日",
    basis=(
        "本地做法(无法律规定):按县委全面依法治县办通知,每旬结束后2个工作日内报送"
        "法治建设旬报;各县要求不一,按本县通知设置"
    ),
    minimum=1,
    maximum=15,
)

RULE = "按县委全面依法治县办旬报报送要求"
NOT_ENDED = "{period}尚未结束(截至{end}),不能报送本旬旬报(" + RULE + ",旬报于每旬结束后报送)"
FUTURE = "{period}尚未开始,不能起草本旬旬报"
DUPLICATE = "{period}的旬报已存在,请打开已有旬报修改(每个乡镇每旬只报送一份旬报)"
ALREADY_SUBMITTED = (
    "{period}的旬报已于{day}报送,不得重复报送(每旬只报送一份;县级退回后方可修改并重新报送)"
)
NOT_EDITABLE = "已报送的旬报不能修改(报送内容即已报县级的记录);县级退回后方可修改"
NOT_A_TOWN = "旬报由乡镇报送:请选择一个乡镇"
EMPTY_BODY = "旬报正文不能为空:请填写本旬工作情况"
RETURN_NEEDS_NOTE = "退回旬报须写明需查漏补缺的内容"
