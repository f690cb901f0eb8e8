from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "fazhi.contracts"
    verbose_name = "行政协议与合同"
