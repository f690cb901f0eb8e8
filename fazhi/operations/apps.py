from fazhi.core import registry


class OperationsConfig(registry.FazhiAppConfig):
    name = "fazhi.operations"
    verbose_name = "运维"
    url_prefix = "operations/"
