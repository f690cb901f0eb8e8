#!/usr/bin/env bash
# Try docs/install.md on this machine, step by step, against a throwaway PostgreSQL
# cluster (scripts/pg-test.sh): the role and database of §2, the environment of §3,
# `fazhi setup` (§4), the systemd units of §5 (systemd-analyze verify, paths pointed at
# this checkout), gunicorn + /healthz, a backup by `fazhi tick` to a "second disk" (§6),
# a wipe of the database and data folder, `fazhi restore`, the same row counts and
# `fazhi audit verify` OK. Everything lives in a temp dir deleted at the end.
#
#   scripts/install-check.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" != "--inside" ]; then
  exec "$ROOT/scripts/pg-test.sh" "$0" --inside
fi

BIN="$ROOT/.venv/bin"
WORK=$(mktemp -d /tmp/fazhi-install.XXXXXX)
GPID=""
cleanup() { [ -n "$GPID" ] && kill "$GPID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
step() { echo; echo "==> $*"; }
fail() { echo "安装检查失败:$*" >&2; exit 1; }

ADMIN_URL=$DATABASE_URL                       # the cluster's superuser (pg-test.sh)
HOSTPORT=${ADMIN_URL#*@}; HOSTPORT=${HOSTPORT%%/*}

step "§2 PostgreSQL 角色和数据库"
psql -q "$ADMIN_URL" <<'SQL'
CREATE ROLE fazhi_app LOGIN PASSWORD 'install-check-pw';
CREATE DATABASE fazhi_app OWNER fazhi_app ENCODING 'UTF8' TEMPLATE template0;
SQL
APP_URL="postgres://fazhi_app:install-check-pw@$HOSTPORT/fazhi_app"

step "§3 环境文件"
mkdir -p "$WORK/data" "$WORK/second-disk/fazhi" "$WORK/etc"
cat > "$WORK/etc/env" <<ENV
FAZHI_PRODUCTION=1
FAZHI_DATA_DIR=$WORK/data
FAZHI_ALLOWED_HOSTS=127.0.0.1,localhost
FAZHI_CSRF_TRUSTED_ORIGINS=https://127.0.0.1
FAZHI_PROXY_COUNT=1
FAZHI_SSL_REDIRECT=0
DATABASE_URL=$APP_URL
FAZHI_BACKUP_DIR=$WORK/second-disk/fazhi
ENV
set -a; . "$WORK/etc/env"; set +a

step "§4 fazhi setup 和 check --deploy"
FAZHI_ADMIN_PASSWORD='Install-Check-1!' FAZHI_SECURITY_ADMIN_PASSWORD='Install-Check-2!' \
FAZHI_AUDIT_ADMIN_PASSWORD='Install-Check-3!' \
  "$BIN/fazhi" setup --admin zhangsan --security-admin lisi --audit-admin wangwu \
  --county-code 330922 --county-name 检查县
"$BIN/fazhi" check --deploy --fail-level ERROR

step "§5 systemd 单元(systemd-analyze verify)"
"$BIN/python" - "$ROOT/docs/install.md" "$WORK/units" "$ROOT/.venv" "$(id -un)" <<'PY'
import pathlib, re, sys
doc, out, venv, user = sys.argv[1:]
blocks = re.findall(r"```ini\n(.*?)```", pathlib.Path(doc).read_text(), re.S)
names = ["fazhi.service", "fazhi-tick.service", "fazhi-tick.timer"]
assert len(blocks) == 3, f"docs/install.md 应有 3 个 ini 块,实有 {len(blocks)}"
pathlib.Path(out).mkdir()
for name, text in zip(names, blocks):
    text = text.replace("/opt/fazhi/venv", venv).replace("User=fazhi", f"User={user}")
    text = text.replace("Group=fazhi", "").replace("# " + name + "\n", "")
    (pathlib.Path(out) / name).write_text(text)
PY
if command -v systemd-analyze >/dev/null; then
  SYSTEMD_LOG_LEVEL=err systemd-analyze verify --man=no "$WORK"/units/fazhi.service \
    "$WORK"/units/fazhi-tick.service "$WORK"/units/fazhi-tick.timer 2>&1 \
    | grep -v -e "EnvironmentFile" -e "ReadWritePaths" -e "Failed to prepare filename" -e "^$" || true
else
  echo "(本机没有 systemd-analyze,跳过单元文件语法检查)"
fi

step "gunicorn 与 /healthz"
PORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN/gunicorn" fazhi.wsgi --workers 2 --bind "127.0.0.1:$PORT" --log-level warning &
GPID=$!
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
code=$(curl -s -o "$WORK/h1.json" -w '%{http_code}' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT/healthz")
cat "$WORK/h1.json"; echo
[ "$code" = 503 ] || fail "尚未备份时 /healthz 应为 503,实为 $code"

step "§6 fazhi tick 备份到第二块磁盘"
"$BIN/fazhi" rowcounts > "$WORK/before.json"
"$BIN/fazhi" tick | tee "$WORK/tick.log"
grep -q "已备份到" "$WORK/tick.log" || fail "fazhi tick 没有备份"
BACKUP=$(ls -d "$WORK"/second-disk/fazhi/fazhi-*)
code=$(curl -s -o "$WORK/h2.json" -w '%{http_code}' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT/healthz")
cat "$WORK/h2.json"; echo
[ "$code" = 200 ] || fail "备份后 /healthz 应为 200,实为 $code"
kill "$GPID"; wait "$GPID" 2>/dev/null || true; GPID=""

step "清空:删库重建、删数据目录里的附件"
psql -q "$ADMIN_URL" -c "DROP DATABASE fazhi_app WITH (FORCE)" \
  -c "CREATE DATABASE fazhi_app OWNER fazhi_app ENCODING 'UTF8' TEMPLATE template0"
rm -rf "$WORK/data/uploads"

step "fazhi restore"
"$BIN/fazhi" restore "$BACKUP"
"$BIN/fazhi" audit verify
"$BIN/fazhi" rowcounts > "$WORK/after.json"
"$BIN/python" - "$WORK/before.json" "$WORK/after.json" <<'PY'
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:])
# The restore appends its own audit event; nothing else may differ.
before["core_auditevent"] += 1
diff = {t: (before.get(t), after.get(t)) for t in set(before) | set(after) if before.get(t) != after.get(t)}
if diff:
    sys.exit(f"恢复后行数不一致:{diff}")
print(f"恢复后 {len(after)} 张表行数一致")
PY
echo; echo "==> 安装检查通过"
