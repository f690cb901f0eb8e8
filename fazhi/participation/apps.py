from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class ParticipationConfig(registry.FazhiAppConfig):
    name = "fazhi.participation"
    verbose_name = "公众参与"
    # The staff pages live under /participation/, the public site under /public/.
    url_prefix = ""
    menu = (
        MenuEntry(
            "征求意见",
            "participation:consultation_list",
            {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR},
            "依法行政",
        ),
    )
    audit_labels = {
        "consultation.open": "发起公开征求意见",
        "consultation.close": "结束征求意见",
        "consultation.invite": "邀请参与征求意见",
        "comment.submit": "提交意见",
        "comment.enter": "录入线下意见",
        "comment.answer": "答复意见",
        "comment.hide": "隐藏意见",
        "hearing.create": "发布听证公告",
        "hearing.register": "听证报名",
        "hearing.select": "公布听证参加人",
        "hearing.record": "上传听证笔录",
        "hearing.report": "上传听证报告",
        "resident.register": "公众注册",
    }
