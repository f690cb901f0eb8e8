from fazhi.core import registry


class LawunitsConfig(registry.FazhiAppConfig):
    name = "fazhi.lawunits"
    verbose_name = "法治单元"
    url_prefix = "lawunits/"
