from fazhi.core import registry


class DisputesConfig(registry.FazhiAppConfig):
    name = "fazhi.disputes"
    verbose_name = "矛盾纠纷"
