from fazhi.core import registry


class TrainingConfig(registry.FazhiAppConfig):
    name = "fazhi.training"
    verbose_name = "案例实景式教学"
