from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES


class ReviewsConfig(registry.FazhiAppConfig):
    name = "fazhi.reviews"
    label = "reviews"
    verbose_name = "合法性审查"
    url_prefix = "reviews/"
    menu = (
        MenuEntry("智能预审", "reviews:precheck_list", LAWFUL_ADMIN_ROLES, "依法行政"),
        MenuEntry("合法性审核", "reviews:review_list", LAWFUL_ADMIN_ROLES, "依法行政"),
    )
    audit_labels = {
        "precheck.run": "智能预审",
        "precheck.decide": "审核预审意见",
        "review.request": "送请合法性审核",
    }
