from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "fazhi.contracts"
    verbose_name = "行政协议与合同"

    def ready(self):
        # The workflow and its Chinese audit labels exist as soon as the app loads (the
        # audit pages name every verb, in any process: web, CLI, tick).
        from . import services  # noqa: F401
