#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 cluster, then delete the cluster.
#
#   scripts/pg-test.sh .venv/bin/pytest -q
#
# The cluster lives in a temp dir, listens only on 127.0.0.1 on a private port (54329, or
# a free one when that is taken) with its socket in the temp dir, runs with fsync off
# (it is thrown away), and is stopped and deleted on exit, whether the command passed,
# failed or was interrupted. The command sees DATABASE_URL pointing at it.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${FAZHI_PG_PORT:-54329}

if [ $# -eq 0 ]; then
  echo "用法: $0 命令 [参数...]" >&2
  exit 2
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x "$PG_BIN/initdb" ]; then
  echo "==> 未找到 PostgreSQL 15,使用 apt 安装 postgresql-15"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

# initdb refuses to run as root: the server then runs as the `postgres` system user.
if [ "$(id -u)" = 0 ]; then
  PG_USER=postgres
  as_pg() { runuser -u "$PG_USER" -- "$@"; }
else
  as_pg() { "$@"; }
fi

port_free() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}
if ! port_free "$PORT"; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi

TMP=$(mktemp -d /tmp/fazhi-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown "$PG_USER" "$TMP"

cleanup() {
  local rc=$?
  if [ -f "$TMP/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$PG_BIN/initdb" -D "$TMP/data" -U fazhi --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log" >&2; exit 1; }
if ! as_pg "$PG_BIN/pg_ctl" -D "$TMP/data" -l "$TMP/server.log" -w -t 30 start -o \
  "-p $PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  >/dev/null; then
  echo "PostgreSQL 启动失败:" >&2
  cat "$TMP/server.log" >&2
  exit 1
fi
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U fazhi fazhi
echo "==> PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') 运行于 127.0.0.1:$PORT($TMP)"

export DATABASE_URL="postgres://fazhi@127.0.0.1:$PORT/fazhi"
"$@"
