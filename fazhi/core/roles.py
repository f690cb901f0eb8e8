"""Roles of product.md and what each role's membership lets a person see."""

from django.db import models


class Role(models.TextChoices):
    COUNTY_SUPERVISOR = "county_supervisor", "县级督导"
    TOWN_LEADER = "town_leader", "镇领导"
    LAW_OFFICER = "law_officer", "法治办工作人员"
    LEGAL_ADVISER = "legal_adviser", "法律顾问"
    VILLAGE_CADRE = "village_cadre", "村社干部"
    GRID_WORKER = "grid_worker", "网格员"
    CADRE = "cadre", "机关干部"
    RESIDENT = "resident", "公众"
    SYS_ADMIN = "sys_admin", "系统管理员"
    SECURITY_ADMIN = "security_admin", "安全管理员"
    AUDIT_ADMIN = "audit_admin", "审计管理员"


# The three separated administrators (等保 三权分立): one person never holds two of them.
ADMIN_ROLES = {Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}

# Which unit kind a membership of each role must sit on.
ROLE_UNIT_KINDS = {
    Role.COUNTY_SUPERVISOR: {"county"},
    Role.TOWN_LEADER: {"town"},
    Role.LAW_OFFICER: {"town"},
    Role.LEGAL_ADVISER: {"town", "county"},
    Role.VILLAGE_CADRE: {"village", "community"},
    Role.GRID_WORKER: {"grid"},
    Role.CADRE: {"town", "county"},
    Role.RESIDENT: {"county", "town", "village", "community"},
    Role.SYS_ADMIN: {"county"},
    Role.SECURITY_ADMIN: {"county"},
    Role.AUDIT_ADMIN: {"county"},
}

# Roles that read the records of their unit's subtree. Residents see only public pages;
# none of the three administrators sees business records (least privilege, 等保): they
# keep the system, permissions and the audit trail, and browse only the org tree.
RECORD_ROLES = {
    Role.COUNTY_SUPERVISOR,
    Role.TOWN_LEADER,
    Role.LAW_OFFICER,
    Role.LEGAL_ADVISER,
    Role.VILLAGE_CADRE,
    Role.GRID_WORKER,
    Role.CADRE,
}
# Roles that do business work; an administrator never holds one of them as well.
BUSINESS_ROLES = RECORD_ROLES | {Role.RESIDENT}

# Roles that may add and edit org units of their subtree (the system administrator
# keeps the tree; a town's law officer adds its villages and grids).
UNIT_MANAGER_ROLES = {Role.SYS_ADMIN, Role.LAW_OFFICER}
# Roles that may grant and end memberships: the security administrator owns permissions;
# a law officer staffs their own town, but never with an administrator role.
MEMBERSHIP_MANAGER_ROLES = {Role.SECURITY_ADMIN, Role.LAW_OFFICER}
# Roles that browse the org tree and its members.
TREE_READER_ROLES = UNIT_MANAGER_ROLES | MEMBERSHIP_MANAGER_ROLES | {
    Role.COUNTY_SUPERVISOR,
    Role.TOWN_LEADER,
    Role.AUDIT_ADMIN,
}
# Role allowed to change holiday schedules.
HOLIDAY_ROLES = {Role.SYS_ADMIN}
# Role that may read the audit trail.
AUDIT_READER_ROLES = {Role.AUDIT_ADMIN}
# Roles that may unmask personal data (the permission of rule 7).
PII_UNMASK_ROLES = {Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR}

# Everyone but the public: the platform's own pages (API tokens, API documentation).
ALL_STAFF_ROLES = frozenset(r for r in Role if r != Role.RESIDENT)

# 依法行政: the town's office and leaders, its advisers, and the county that supervises.
LAWFUL_ADMIN_ROLES = frozenset(
    {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.LEGAL_ADVISER, Role.COUNTY_SUPERVISOR}
)
