from fazhi.core import registry


class EarlywarningConfig(registry.FazhiAppConfig):
    name = "fazhi.earlywarning"
    verbose_name = "矛盾预警"
