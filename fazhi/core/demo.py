"""The demo county (示范县) and the bootstrap that every installation starts with.

Bootstrap: the very first county and its three separated administrators (等保 三权分立)
cannot be created by a service, because every service needs an actor who already holds
a role. `bootstrap()` is that one exception, used by both `fazhi setup` (production)
and `fazhi demo`: it creates the county unit and the administrator accounts and
memberships directly, validating exactly as the services do, and records each created
row as an audit event with verb "system.bootstrap" and no actor.

Demo: `load_demo()` then builds a fully staffed island town (海屿镇) and a second town
(青山镇) through the ordinary services, acting as the demo system administrator (org
units) and security administrator (accounts and memberships), so every demo record is
in the audit trail like any other. It is idempotent: what exists is left alone.

Everything here is invented: unit codes in the unused 3399xx range, names, phone
numbers and ID numbers (valid check digits, fictional region code 339901).
`DEMO_PASSWORD` and `DEMO_ACCOUNTS` are imported by the browser tests; keep them stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from . import audit, clock, services
from .deadlines import overrides_read_once
from .hooks import app_hooks
from .models import Membership, OrgUnit, User
from .permissions import ServiceError
from .roles import ADMIN_ROLES, Role
from .validators import _ID_CHECK, _ID_WEIGHTS, validate_org_code

# One password for every demo account; meets the policy (≥ 8 chars, 3 of 4 classes).
DEMO_PASSWORD = "Fazhi@2026demo"

COUNTY_CODE = "339901"
COUNTY_NAME = "示范县"
ISLAND_TOWN_CODE = "339901101"
SECOND_TOWN_CODE = "339901102"

# One login per role, each on the unit its role requires (roles.ROLE_UNIT_KINDS).
DEMO_ACCOUNTS = [
    {
        "username": "supervisor",
        "role": Role.COUNTY_SUPERVISOR,
        "unit_code": COUNTY_CODE,
        "full_name": "周明远",
        "title": "县委依法治县办副主任",
    },
    {
        "username": "leader",
        "role": Role.TOWN_LEADER,
        "unit_code": ISLAND_TOWN_CODE,
        "full_name": "林海峰",
        "title": "党委副书记、镇长",
    },
    {
        "username": "officer",
        "role": Role.LAW_OFFICER,
        "unit_code": ISLAND_TOWN_CODE,
        "full_name": "陈晓燕",
        "title": "司法所所长",
    },
    {
        "username": "adviser",
        "role": Role.LEGAL_ADVISER,
        "unit_code": ISLAND_TOWN_CODE,
        "full_name": "郑立言",
        "title": "法律顾问(律师)",
    },
    {
        "username": "vcadre",
        "role": Role.VILLAGE_CADRE,
        "unit_code": "339901101201",
        "full_name": "王建国",
        "title": "村党支部书记、村委会主任",
    },
    {
        "username": "gridder",
        "role": Role.GRID_WORKER,
        "unit_code": "339901101201001",
        "full_name": "李秀英",
        "title": "专职网格员",
    },
    {
        "username": "cadre",
        "role": Role.CADRE,
        "unit_code": ISLAND_TOWN_CODE,
        "full_name": "张伟",
        "title": "党政办科员",
    },
    {
        "username": "resident",
        "role": Role.RESIDENT,
        "unit_code": "339901101201",
        "full_name": "黄秀珍",
        "title": "村民",
    },
    {
        "username": "sysadmin",
        "role": Role.SYS_ADMIN,
        "unit_code": COUNTY_CODE,
        "full_name": "吴志强",
        "title": "系统管理员",
    },
    {
        "username": "secadmin",
        "role": Role.SECURITY_ADMIN,
        "unit_code": COUNTY_CODE,
        "full_name": "许丽华",
        "title": "安全管理员",
    },
    {
        "username": "auditadmin",
        "role": Role.AUDIT_ADMIN,
        "unit_code": COUNTY_CODE,
        "full_name": "蒋文博",
        "title": "审计管理员",
    },
]


# --- bootstrap (shared with `fazhi setup`) ------------------------------------------------

BOOTSTRAP_VERB = "system.bootstrap"


@dataclass(frozen=True)
class AdminSpec:
    """One of the three administrators to exist on the county. `password` is needed only
    when the account does not exist yet (re-running never changes a password)."""

    username: str
    role: str
    password: str | None = None
    full_name: str = ""
    title: str = ""


def check_separated(admins: list[AdminSpec]) -> None:
    """三权分立: the system, security and audit administrators are different people."""
    names = [a.username for a in admins]
    if len(set(names)) != len(names):
        raise ServiceError("系统、安全、审计管理员须由不同人员担任(三权分立),请使用不同的用户名")


def bootstrap(*, county_code: str, county_name: str, admins: list[AdminSpec]) -> list[str]:
    """Make sure the county and its administrators exist; returns what was created, in
    Chinese, one line each. All or nothing; safe to re-run."""
    check_separated(admins)
    created: list[str] = []
    with transaction.atomic():
        county = OrgUnit.objects.filter(code=(county_code or "").strip()).first()
        if county is None:
            county = _bootstrap_county(county_code, county_name)
            created.append(f"县级单位 {county.code} {county.name}")
        elif county.kind != OrgUnit.Kind.COUNTY:
            raise ServiceError(f"代码 {county.code} 已被{county.get_kind_display()}“{county}”使用")
        for spec in admins:
            created += _bootstrap_admin(county, spec)
    return created


def _bootstrap_county(code: str, name: str) -> OrgUnit:
    try:
        code = validate_org_code(OrgUnit.Kind.COUNTY, code, None)
    except ValidationError as exc:
        raise ServiceError(f"县级单位代码不正确:{exc.messages[0]}") from exc
    name = (name or "").strip()
    if not name:
        raise ServiceError("请填写县级单位名称")
    county = OrgUnit.objects.create(kind=OrgUnit.Kind.COUNTY, code=code, name=name)
    audit.record(
        verb=BOOTSTRAP_VERB,
        obj=county,
        org_unit=county,
        changes={"kind": county.kind, "code": code, "name": name},
    )
    return county


def _bootstrap_admin(county: OrgUnit, spec: AdminSpec) -> list[str]:
    label = Role(spec.role).label
    if spec.role not in ADMIN_ROLES:
        raise ServiceError(f"{label}不是管理员角色,不能在安装时创建")
    created = []
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user = _bootstrap_user(spec)
        created.append(f"{label}账号 {user.username}")
    held = set(user.memberships.filter(is_active=True).values_list("role", flat=True))
    if (held & ADMIN_ROLES) - {spec.role}:
        raise ServiceError(
            f"用户 {user.username} 已担任其他管理员角色,系统、安全、审计管理员须由不同人员担任(三权分立)"
        )
    membership = Membership.objects.filter(user=user, org_unit=county, role=spec.role).first()
    if membership is not None and membership.is_active:
        return created
    if held - {spec.role}:
        # An existing ordinary account is not silently promoted: that is the security
        # administrator's decision, made in the org pages.
        raise ServiceError(f"用户名 {user.username} 已被其他人员使用,请换一个用户名")
    if membership is None:
        membership = Membership.objects.create(
            user=user, org_unit=county, role=spec.role, title=spec.title or label
        )
    else:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    audit.record(
        verb=BOOTSTRAP_VERB,
        obj=membership,
        org_unit=county,
        changes={"user": user.username, "role": spec.role, "title": membership.title},
    )
    created.append(f"{label}任职 {user.username} @ {county.name}")
    return created


def _bootstrap_user(spec: AdminSpec) -> User:
    username = (spec.username or "").strip()
    if not username:
        raise ServiceError("请填写管理员用户名")
    user = User(username=username, full_name=spec.full_name)
    if not spec.password:
        raise ServiceError(f"请为新账号 {username} 设置密码")
    try:
        validate_password(spec.password, user)
    except ValidationError as exc:
        raise ServiceError(f"账号 {username} 的密码不符合要求:" + ";".join(exc.messages)) from exc
    user.set_password(spec.password)
    user.save()
    audit.record(
        verb=BOOTSTRAP_VERB, obj=user, changes={"username": username, "full_name": user.full_name}
    )
    return user


# --- the demo county ------------------------------------------------------------------------

# (kind, code, name, short_name), parents before children. Real 行政区划 practice:
# communities (居委会) take 001–199, villages (村委会) 200–399; grids add 3 digits.
DEMO_UNITS = [
    ("town", ISLAND_TOWN_CODE, "海屿镇", "海屿镇政规"),
    ("community", "339901101001", "渔港社区", ""),
    ("community", "339901101002", "海屿社区", ""),
    ("village", "339901101201", "东岙村", ""),
    ("village", "339901101202", "西岙村", ""),
    ("village", "339901101203", "南沙村", ""),
    ("village", "339901101204", "北礁村", ""),
    ("village", "339901101205", "大岙村", ""),
    ("town", SECOND_TOWN_CODE, "青山镇", "青山镇政规"),
    ("community", "339901102001", "青山社区", ""),
    ("village", "339901102201", "青山村", ""),
    ("village", "339901102202", "竹林村", ""),
]
_GRID_COUNTS = {  # grids per village/community
    "339901101001": 3,
    "339901101002": 2,
    "339901101201": 2,
    "339901101202": 2,
    "339901101203": 1,
    "339901101204": 1,
    "339901101205": 1,
    "339901102201": 1,
}
_ORDINALS = "一二三四五六七八九"
_NAMES = {code: name for _, code, name, _ in DEMO_UNITS}
DEMO_UNITS += [
    ("grid", f"{code}{i:03d}", f"{_NAMES[code]}第{_ORDINALS[i - 1]}网格", "")
    for code, n in _GRID_COUNTS.items()
    for i in range(1, n + 1)
]


def _grids(village_code: str) -> list[str]:
    return [code for kind, code, _, _ in DEMO_UNITS if kind == "grid" and code[:12] == village_code]


def demo_id_number(birth: date, seq: int, *, female: bool) -> str:
    """A fictional 公民身份号码 with a valid check digit (GB 11643, ISO 7064 MOD 11-2);
    region 339901 is the demo county's code, which no real place uses."""
    order = seq * 2 + (0 if female else 1)  # the 17th digit is odd for men, even for women
    body = f"{COUNTY_CODE}{birth:%Y%m%d}{order % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + _ID_CHECK[total % 11]


def _person(username, full_name, memberships, *, phone="", born=None, female=False, seq=0):
    return {
        "username": username,
        "full_name": full_name,
        "memberships": memberships,  # [(role, unit_code, title)]
        "phone": phone,
        "id_number": demo_id_number(born, seq, female=female) if born else "",
    }


_T, _C, _V = ISLAND_TOWN_CODE, COUNTY_CODE, "339901101201"

# Everyone in the demo besides the three administrators: the DEMO_ACCOUNTS logins and the
# colleagues a real town has (its leaders, law office, cadres, every village's cadre and
# grid worker). All log in with DEMO_PASSWORD.
_ACCOUNT_PII = {  # username → personal data of some DEMO_ACCOUNTS people
    "officer": {"phone": "13905801001", "born": date(1986, 3, 12), "female": True, "seq": 2},
    "vcadre": {"phone": "13905801201", "born": date(1968, 7, 2), "seq": 4},
    "gridder": {"phone": "13905801301", "born": date(1979, 11, 23), "female": True, "seq": 5},
    "resident": {"phone": "13905801401", "born": date(1951, 5, 8), "female": True, "seq": 7},
}
DEMO_PEOPLE = [
    _person(
        a["username"],
        a["full_name"],
        [(a["role"], a["unit_code"], a["title"])],
        **_ACCOUNT_PII.get(a["username"], {}),
    )
    for a in DEMO_ACCOUNTS
    if a["role"] not in ADMIN_ROLES
] + [
    # 海屿镇: leaders, law office, cadres
    _person("zhengguodong", "郑国栋", [(Role.TOWN_LEADER, _T, "党委书记")]),
    _person(
        "xuzhihua",
        "许志华",
        [(Role.TOWN_LEADER, _T, "党委委员、副镇长(分管法治工作)"), (Role.CADRE, _T, "副镇长")],
    ),
    _person(
        "yangfan",
        "杨帆",
        [(Role.LAW_OFFICER, _T, "法治办工作人员"), (Role.CADRE, _T, "")],
        phone="13905801002",
        born=date(1993, 9, 17),
        seq=21,
    ),
    _person(
        "zhaomin",
        "赵敏",
        [(Role.LAW_OFFICER, _T, "司法所工作人员")],
        female=True,
        phone="13905801003",
        born=date(1995, 1, 30),
        seq=22,
    ),
    _person("liuyang", "刘洋", [(Role.CADRE, _T, "综合信息指挥室科员")]),
    _person("sunli", "孙丽", [(Role.CADRE, _T, "社会事务办科员")]),
    # 海屿镇: village and community cadres
    _person(
        "lihaiyan",
        "李海燕",
        [(Role.VILLAGE_CADRE, "339901101001", "社区党委书记")],
        phone="13905801202",
        born=date(1975, 4, 4),
        female=True,
        seq=31,
    ),
    _person("chenguoqiang", "陈国强", [(Role.VILLAGE_CADRE, "339901101002", "社区居委会主任")]),
    _person("huangzhiming", "黄志明", [(Role.VILLAGE_CADRE, "339901101202", "村党支部书记")]),
    _person("wuhaibo", "吴海波", [(Role.VILLAGE_CADRE, "339901101203", "村委会主任")]),
    _person("xuchunhua", "徐春花", [(Role.VILLAGE_CADRE, "339901101204", "村法治专管员")]),
    _person("caiyongkang", "蔡永康", [(Role.VILLAGE_CADRE, "339901101205", "村党支部书记")]),
    # 海屿镇: grid workers (one may keep several grids of a village)
    _person(
        "fangxiaojun",
        "方小军",
        [(Role.GRID_WORKER, f"{_V}002", "专职网格员")],
        phone="13905801302",
        born=date(1988, 6, 15),
        seq=41,
    ),
    _person(
        "linmeiling",
        "林美玲",
        [(Role.GRID_WORKER, g, "专职网格员") for g in _grids("339901101001")],
        phone="13905801303",
        born=date(1984, 2, 29),
        female=True,
        seq=42,
    ),
    _person(
        "guojianxin",
        "郭建新",
        [(Role.GRID_WORKER, g, "专职网格员") for g in _grids("339901101002")],
    ),
    _person(
        "panlijuan", "潘丽娟", [(Role.GRID_WORKER, g, "兼职网格员") for g in _grids("339901101202")]
    ),
    _person("yuguohua", "余国华", [(Role.GRID_WORKER, "339901101203001", "兼职网格员")]),
    _person("dingsufen", "丁素芬", [(Role.GRID_WORKER, "339901101204001", "兼职网格员")]),
    _person("qiuzhiyong", "邱志勇", [(Role.GRID_WORKER, "339901101205001", "兼职网格员")]),
    # 青山镇
    _person("zhoujianhua", "周建华", [(Role.TOWN_LEADER, SECOND_TOWN_CODE, "党委书记")]),
    _person("wuting", "吴婷", [(Role.LAW_OFFICER, SECOND_TOWN_CODE, "司法所工作人员")]),
    _person("qianguangming", "钱光明", [(Role.VILLAGE_CADRE, "339901102201", "村党支部书记")]),
    # 县
    _person("fengzhiyuan", "冯志远", [(Role.COUNTY_SUPERVISOR, _C, "县司法局法治督察科科长")]),
]


def demo_admins() -> list[AdminSpec]:
    return [
        AdminSpec(
            username=a["username"],
            role=a["role"],
            password=DEMO_PASSWORD,
            full_name=a["full_name"],
            title=a["title"],
        )
        for a in DEMO_ACCOUNTS
        if a["role"] in ADMIN_ROLES
    ]


def _admin(role: str) -> User:
    username = next(a["username"] for a in DEMO_ACCOUNTS if a["role"] == role)
    return User.objects.get(username=username)  # fresh: no stale membership cache


def load_demo(progress=None, today: date | None = None) -> list[str]:
    """Create whatever of the demo county is missing, as it stands on `today` (default:
    the clock's today); returns what was created."""
    with clock.pinned(today or clock.today()), transaction.atomic(), overrides_read_once():
        return _load_demo(progress)


def _load_demo(progress) -> list[str]:
    # One hash for every new account: PBKDF2 takes about half a second each time.
    password_hash = cache(lambda: make_password(DEMO_PASSWORD))
    created = bootstrap(county_code=COUNTY_CODE, county_name=COUNTY_NAME, admins=demo_admins())
    sys_admin, security_admin = _admin(Role.SYS_ADMIN), _admin(Role.SECURITY_ADMIN)
    units = {u.code: u for u in OrgUnit.objects.filter(code__startswith=COUNTY_CODE)}
    for kind, code, name, short_name in DEMO_UNITS:
        if code not in units:
            units[code] = services.org_unit_create(
                actor=sys_admin,
                parent=units[code[: len(code) - 3]],
                kind=kind,
                code=code,
                name=name,
                short_name=short_name,
            )
            created.append(f"单位 {code} {name}")
    users = {
        u.username: u
        for u in User.objects.filter(username__in=[p["username"] for p in DEMO_PEOPLE])
    }
    held = set(
        Membership.objects.filter(user__in=users.values(), is_active=True).values_list(
            "user__username", "org_unit__code", "role"
        )
    )
    for person in DEMO_PEOPLE:
        user = users.get(person["username"])
        if user is None:
            if progress:
                progress(f"创建账号 {person['username']}({person['full_name']})")
            user = services.user_create(
                actor=security_admin,
                username=person["username"],
                full_name=person["full_name"],
                password=DEMO_PASSWORD,
                password_hash=password_hash(),
                id_number=person["id_number"],
                phone=person["phone"],
                # Demo passwords are published on purpose: no forced change.
                must_change_password=False,
            )
            created.append(f"账号 {user.username}")
        for role, code, title in person["memberships"]:
            if (user.username, code, role) not in held:
                services.membership_grant(
                    actor=security_admin,
                    user=user,
                    org_unit=units[code],
                    role=role,
                    title=title,
                )
                created.append(f"任职 {user.username} {Role(role).label} @ {code}")
    # Each app's records (its demo.py's `load_app_demo()`, in INSTALLED_APPS order),
    # made through its services by the demo accounts above; found by name because
    # core does not depend on the apps built on it.
    for load_app_demo in app_hooks("demo", "load_app_demo"):
        created += load_app_demo()
    return created
