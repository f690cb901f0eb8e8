from django.apps import AppConfig


class AdvisersConfig(AppConfig):
    name = "fazhi.advisers"
    verbose_name = "法律顾问"
