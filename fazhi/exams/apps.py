from fazhi.core import registry


class ExamsConfig(registry.FazhiAppConfig):
    name = "fazhi.exams"
    verbose_name = "年度学法考试"
    url_prefix = "exams/"
