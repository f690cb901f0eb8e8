#!/usr/bin/env bash
# Rebuild tests/operations/fixtures/release-8c7b0c7.sqlite.sql (or, run inside
# scripts/pg-test.sh, release-8c7b0c7.pg.sql from PostgreSQL): a database at the
# migration state of commit 8c7b0c7 (the first release with the audit trail's append-only
# triggers), holding units, accounts with encrypted personal data, memberships, holiday
# overrides, an API token and a hash-chained audit trail. The upgrade test migrates it to
# the current code. Read-only git use (git archive); run from the repository root.
set -euo pipefail
COMMIT=${1:-8c7b0c7}
ROOT=$(pwd)
OLD=$(mktemp -d /tmp/fazhi-old.XXXXXX)
trap 'rm -rf "$OLD"' EXIT
git archive "$COMMIT" | tar -x -C "$OLD"
# That commit wrote timezone.UTC, gone from Django 5 (the venv has 5.2): the same UTC.
sed -i "s/timezone\.UTC/__import__(\"datetime\").UTC/" "$OLD/fazhi/core/audit.py"
export FAZHI_DATA_DIR="$OLD/var" FAZHI_FIELD_KEY=upgrade-fixture-field-key FAZHI_SECRET_KEY=upgrade-fixture
PG_URL=${DATABASE_URL:-}
if [ -n "$PG_URL" ]; then
  "$ROOT/.venv/bin/python" -c "import psycopg,sys; c=psycopg.connect(sys.argv[1], autocommit=True); c.execute('DROP DATABASE IF EXISTS fz_upgrade_fixture'); c.execute('CREATE DATABASE fz_upgrade_fixture')" "$PG_URL"
  export DATABASE_URL="${PG_URL%/*}/fz_upgrade_fixture"
fi
cd "$OLD"
"$ROOT/.venv/bin/python" manage.py migrate -v0
"$ROOT/.venv/bin/python" manage.py shell -v0 -c '
from datetime import date
from fazhi.core import audit, pii
from fazhi.core.models import OrgUnit, User, Membership, HolidayOverride, ApiToken
county = OrgUnit.objects.create(kind="county", code="339901", name="示范县")
audit.record(verb="org_unit.create", obj=county)
town = OrgUnit.objects.create(kind="town", code="339901101", name="海屿镇", parent=county)
audit.record(verb="org_unit.create", obj=town)
for i in range(1, 6):
    v = OrgUnit.objects.create(kind="village", code=f"3399011012{i:02d}", name=f"村{i}", parent=town)
    audit.record(verb="org_unit.create", obj=v)
for i in range(12):
    u = User(username=f"user{i}", full_name=f"用户{i}")
    u.set_password("Fixture-pass-2026")
    u.phone = f"1380000{i:04d}"
    u.phone_hash = pii.keyed_hash(u.phone)
    u.save()
    audit.record(verb="user.create", obj=u, changes={"username": u.username})
    m = Membership.objects.create(user=u, org_unit=town if i % 2 else county,
                                  role="law_officer" if i % 2 else "county_supervisor")
    audit.record(verb="membership.grant", obj=m, org_unit=m.org_unit)
for d, w, n in [(date(2024, 10, 1), False, "国庆节"), (date(2024, 10, 12), True, "国庆调休")]:
    o = HolidayOverride.objects.create(date=d, is_workday=w, name=n)
    audit.record(verb="holiday.set", obj=o)
ApiToken.objects.create(user=User.objects.get(username="user1"), name="fixture", prefix="fz_fixture", token_hash="0"*64)
for i in range(40):
    audit.record(verb="auth.login", changes={"i": i, "名": "测试"})
print(audit.verify())
'
if [ -n "$PG_URL" ]; then
  PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
  "$PG_BIN/pg_dump" --no-owner --no-privileges --inserts -d "$DATABASE_URL" \
    | sed '/^\\\(restrict\|unrestrict\) /d' > "$ROOT/tests/operations/fixtures/release-$COMMIT.pg.sql"
  # (newer pg_dump writes psql-only \restrict lines; the test loads the file without psql)
  echo "已生成 tests/operations/fixtures/release-$COMMIT.pg.sql"
  exit 0
fi
"$ROOT/.venv/bin/python" - "$FAZHI_DATA_DIR/fazhi.sqlite3" > "$ROOT/tests/operations/fixtures/release-$COMMIT.sqlite.sql" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for line in con.iterdump():
    print(line)
PY
echo "已生成 tests/operations/fixtures/release-$COMMIT.sqlite.sql"
