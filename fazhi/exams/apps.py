from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class ExamsConfig(registry.FazhiAppConfig):
    name = "fazhi.exams"
    verbose_name = "年度学法考试"
    url_prefix = "exams/"
    menu = (
        MenuEntry(
            "学法考试",
            "exams:exam_list",
            {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR},
            "普法教育",
        ),
        MenuEntry(
            "我的考试",
            "exams:my_exams",
            {Role.CADRE, Role.TOWN_LEADER, Role.LAW_OFFICER, Role.VILLAGE_CADRE},
            "普法教育",
        ),
    )
    audit_labels = {
        "question.import": "导入学法考试试题",
        "exam.create": "发布学法考试",
        "exam.makeup": "安排补考",
        "exam_attempt.start": "开始答题",
        "exam_attempt.submit": "交卷",
        "exam_attempt.close": "到时收卷",
    }
