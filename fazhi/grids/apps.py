from fazhi.core import registry


class GridsConfig(registry.FazhiAppConfig):
    name = "fazhi.grids"
    verbose_name = "网格走访"
