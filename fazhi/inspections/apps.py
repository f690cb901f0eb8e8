from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "fazhi.inspections"
    verbose_name = "督查整改"

    def ready(self):
        # The audit pages name this app's verbs in Chinese in every process (a command
        # that never loads the URLconf included): the labels and the rectification-period
        # parameter are registered when services is imported.
        from . import services  # noqa: F401
