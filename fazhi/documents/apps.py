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
    # The audit verbs that are not workflow steps (DOCUMENT_FLOW and FILING_FLOW name theirs).
    audit_labels = {
        "document.create": "新建规范性文件",
        "document.update": "修改规范性文件",
        "document.request_review": "送请合法性审核",
        "filing.submit": "报送备案",
        "document.export": "导出规范性文件台账",
        "filing.export": "导出备案审查台账",
        "cleanup.create": "发起规范性文件清理",
        "cleanup.set_outcome": "确定清理结论",
        "cleanup.publish": "公布清理结果",
    }
    # 智能预审 of a document sent for legality review reads its record (issuer, stage,
    # number, dates), not only its text.
    precheck_context = "review_context.precheck_context"
