"""Permission matrix entries of 运维 (merged by tests/test_permission_matrix.py): the
backup page is the system administrator's; /healthz answers everyone, without login."""

from tests.permission_lib import Entry, everyone, page

EXPECTATIONS = {
    "operations:backup_list": page({"sys_admin"}),
    # A monitor calls it without an account; GET only (POST → 405).
    "healthz": Entry(get=everyone(200, anonymous=200), post={"anonymous": 405, "sys_admin": 405}),
}
