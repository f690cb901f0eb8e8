from django.apps import AppConfig


class AdvisersConfig(AppConfig):
    name = "fazhi.advisers"
    verbose_name = "法律顾问"

    def ready(self):
        # The services register the Chinese labels of their audit verbs at import.
        from . import services  # noqa: F401
