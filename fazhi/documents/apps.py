from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "fazhi.documents"
    verbose_name = "规范性文件"
