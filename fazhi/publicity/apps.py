from fazhi.core import registry


class PublicityConfig(registry.FazhiAppConfig):
    name = "fazhi.publicity"
    verbose_name = "普法宣传"
    url_prefix = "publicity/"
