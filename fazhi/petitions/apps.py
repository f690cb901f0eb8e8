from fazhi.core import registry


class PetitionsConfig(registry.FazhiAppConfig):
    name = "fazhi.petitions"
    verbose_name = "信访"
