"""Navigation by role: each entry names the roles that see it, and only pages that exist
are listed. Apps add their entries to NAV_ITEMS as they are built."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from .roles import AUDIT_READER_ROLES, HOLIDAY_ROLES, TREE_READER_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset


ALL_STAFF = frozenset(r for r in Role if r != Role.RESIDENT)
# 依法行政: the town's office and leaders, its advisers, and the county that supervises.
_LAWFUL_ADMIN = {
    Role.LAW_OFFICER,
    Role.TOWN_LEADER,
    Role.LEGAL_ADVISER,
    Role.COUNTY_SUPERVISOR,
}

NAV_ITEMS = [
    NavItem("工作台", "workbench", frozenset(Role)),
    NavItem("组织机构", "core:unit_list", frozenset(TREE_READER_ROLES)),
    NavItem("节假日", "core:holiday_list", frozenset(HOLIDAY_ROLES)),
    NavItem("审计日志", "core:audit_list", frozenset(AUDIT_READER_ROLES)),
    NavItem("账号安全", "core:locked_accounts", frozenset({Role.SECURITY_ADMIN})),
    NavItem(
        "智能预审",
        "reviews:precheck_list",
        frozenset({Role.LAW_OFFICER, Role.LEGAL_ADVISER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR}),
    ),
    NavItem("规范性文件", "documents:document_list", frozenset(_LAWFUL_ADMIN)),
    NavItem("备案审查", "documents:filing_list", frozenset(_LAWFUL_ADMIN)),
    NavItem("合同协议", "contracts:contract_list", frozenset(_LAWFUL_ADMIN)),
    NavItem("合法性审核", "reviews:review_list", frozenset(_LAWFUL_ADMIN)),
    NavItem("法律顾问", "advisers:adviser_list", frozenset(_LAWFUL_ADMIN)),
    # Anyone of the town may own a finding to rectify, village cadres and grid workers too.
    NavItem(
        "督查整改",
        "inspections:inspection_list",
        frozenset(_LAWFUL_ADMIN | {Role.CADRE, Role.VILLAGE_CADRE, Role.GRID_WORKER}),
    ),
    NavItem("数据汇总", "report_figures", frozenset(_LAWFUL_ADMIN | {Role.CADRE})),
    NavItem("参数配置", "core:parameter_list", frozenset(_LAWFUL_ADMIN)),
    NavItem("API令牌", "core:token_list", ALL_STAFF),
    NavItem("接口文档", "api-1.0.0:openapi-view", ALL_STAFF),
]


def items_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    roles = user.roles()
    items = []
    for i in NAV_ITEMS:
        if not roles & i.roles:
            continue
        try:  # only pages that exist are listed
            items.append({"label": i.label, "url": reverse(i.url_name), "url_name": i.url_name})
        except NoReverseMatch:
            continue
    return items


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "nav_items": items_for(user),
        "is_sys_admin": user.is_authenticated and user.has_role(Role.SYS_ADMIN),
    }
