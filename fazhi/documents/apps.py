from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES


class DocumentsConfig(registry.FazhiAppConfig):
    name = "fazhi.documents"
    verbose_name = "规范性文件"
    url_prefix = "documents/"
    menu = (
        MenuEntry("规范性文件", "documents:document_list", LAWFUL_ADMIN_ROLES, "依法行政"),
        MenuEntry("备案审查", "documents:filing_list", LAWFUL_ADMIN_ROLES, "依法行政"),
    )
