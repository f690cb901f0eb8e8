"""The demo county (示范县): fictional people and units for trying fazhi out.

Everything here is invented: unit codes in the unused 3399xx range, names, phone numbers
and ID numbers. `DEMO_PASSWORD` and `DEMO_ACCOUNTS` are imported by the browser tests;
keep them stable.
"""

from fazhi.core.roles import Role

# One password for every demo account; meets the policy (≥ 8 chars, 3 of 4 classes).
DEMO_PASSWORD = "Fazhi@2026demo"

COUNTY_CODE = "339901"
ISLAND_TOWN_CODE = "339901101"
SECOND_TOWN_CODE = "339901102"

# One account per role; each sits on the unit its role requires (roles.ROLE_UNIT_KINDS).
DEMO_ACCOUNTS = [
    {"username": "supervisor", "role": Role.COUNTY_SUPERVISOR, "unit_code": COUNTY_CODE,
     "full_name": "周明远", "title": "县委依法治县办副主任"},
    {"username": "leader", "role": Role.TOWN_LEADER, "unit_code": ISLAND_TOWN_CODE,
     "full_name": "林海峰", "title": "党委副书记、镇长"},
    {"username": "officer", "role": Role.LAW_OFFICER, "unit_code": ISLAND_TOWN_CODE,
     "full_name": "陈晓燕", "title": "司法所所长"},
    {"username": "adviser", "role": Role.LEGAL_ADVISER, "unit_code": ISLAND_TOWN_CODE,
     "full_name": "郑律言", "title": "法律顾问(律师)"},
    {"username": "vcadre", "role": Role.VILLAGE_CADRE, "unit_code": "339901101001",
     "full_name": "王建国", "title": "村党支部书记"},
    {"username": "gridder", "role": Role.GRID_WORKER, "unit_code": "339901101001001",
     "full_name": "李秀英", "title": "专职网格员"},
    {"username": "cadre", "role": Role.CADRE, "unit_code": ISLAND_TOWN_CODE,
     "full_name": "张伟", "title": "党政办科员"},
    {"username": "resident", "role": Role.RESIDENT, "unit_code": "339901101001",
     "full_name": "黄阿婆", "title": "村民"},
    {"username": "sysadmin", "role": Role.SYS_ADMIN, "unit_code": COUNTY_CODE,
     "full_name": "吴志强", "title": "系统管理员"},
    {"username": "secadmin", "role": Role.SECURITY_ADMIN, "unit_code": COUNTY_CODE,
     "full_name": "许丽华", "title": "安全管理员"},
    {"username": "auditadmin", "role": Role.AUDIT_ADMIN, "unit_code": COUNTY_CODE,
     "full_name": "蒋文博", "title": "审计管理员"},
]
