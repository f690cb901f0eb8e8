# fazhi — the commands the README names. `make run` serves the demo; `make test` is CI.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV   := .venv
BIN    := $(VENV)/bin
# Touched after a successful install: pip runs again only when pyproject.toml is newer.
STAMP  := $(VENV)/.fazhi-installed
# whitenoise warns once per test client that STATIC_ROOT was not collected: noise here.
PYTEST := $(BIN)/pytest -q -p no:cacheprovider -W "ignore:No directory at:UserWarning"
# Two workers match the two cores CI has; the browser journeys run on their own.
UNIT   := --ignore=tests/e2e -n 2

FAZHI_HOST ?= 127.0.0.1
FAZHI_PORT ?= 8000

.PHONY: help run test lint e2e format precheck-eval bench bench-precheck soak drill

# make bench: county-scale data factor, database (sqlite or postgresql), requests per measurement.
# DB=postgresql builds a throwaway cluster each run, or reuses the one DATABASE_URL names.
FACTOR   ?= 1.0
DB       ?= sqlite
REQUESTS ?= 30
ONLY     ?=
# make soak: simulated people and minutes (database defaults to PostgreSQL there).
USERS    ?= 200
MINUTES  ?= 10

help:
	@echo "make run   — 安装依赖、迁移数据库、载入演示数据并启动服务 ($(FAZHI_HOST):$(FAZHI_PORT))"
	@echo "make test  — 代码检查 + SQLite 与 PostgreSQL 上的测试 + 浏览器旅程测试"
	@echo "make lint  — ruff 检查"
	@echo "make e2e   — 只跑浏览器旅程测试"
	@echo "make precheck-eval — 智能预审在标注语料上的精确率/召回率(未达标即失败)"
	@echo "make bench — 页面与API性能基准(gunicorn,1/8并发,p50/p95,查询数,对比原始SQL与admin)"
	@echo "             FACTOR=1.0 DB=sqlite|postgresql REQUESTS=30 ONLY=路由名正则;结果写入 docs/benchmarks.md"
	@echo "make bench-precheck — 智能预审速度基准(20页文件)"
	@echo "make soak  — 负载与浸泡测试(locust,USERS=200 MINUTES=10,DB 默认 postgresql)"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	@echo "==> 安装依赖 (pip install -e '.[dev]')"
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/fazhi migrate --noinput
	$(BIN)/fazhi demo
	$(BIN)/fazhi tick
	$(BIN)/fazhi collectstatic --noinput -v 0
	exec $(BIN)/gunicorn fazhi.wsgi --workers $$(nproc) --worker-class gthread --threads 4 \
		--keep-alive 0 --bind $(FAZHI_HOST):$(FAZHI_PORT) --access-logfile - --graceful-timeout 5

test: $(STAMP)
	@echo; echo "==> [1/7] ruff check"
	$(BIN)/ruff check fazhi tests
	@echo; echo "==> [2/7] 迁移文件是否齐全 (makemigrations --check)"
	$(BIN)/fazhi makemigrations --check --dry-run
	@echo; echo "==> [3/7] 测试:SQLite"
	env -u DATABASE_URL $(PYTEST) $(UNIT)
	@echo; echo "==> [4/7] 测试:PostgreSQL 15(临时集群)"
	scripts/pg-test.sh $(PYTEST) $(UNIT)
	@echo; echo "==> [5/7] 智能预审评测 (make precheck-eval)"
	env -u DATABASE_URL $(BIN)/fazhi precheck_eval
	@echo; echo "==> [6/7] 准备 Chromium"
	scripts/ensure-chromium.sh
	@echo; echo "==> [7/7] 浏览器旅程测试 (Playwright + Chromium)"
	env -u DATABASE_URL $(PYTEST) tests/e2e
	@echo; echo "==> 全部通过"

e2e: $(STAMP)
	scripts/ensure-chromium.sh
	env -u DATABASE_URL $(PYTEST) tests/e2e

lint: $(STAMP)
	$(BIN)/ruff check fazhi tests
	$(BIN)/ruff format --check tests/e2e tests/test_permission_matrix.py \
		tests/test_deploy_check.py tests/test_migrations.py

precheck-eval: $(STAMP)
	env -u DATABASE_URL $(BIN)/fazhi precheck_eval

bench: $(STAMP)
	@if [ "$(DB)" = postgresql ]; then \
		case "$$DATABASE_URL" in postgres*) run="";; *) run=scripts/pg-test.sh;; esac; \
		$$run $(BIN)/python scripts/bench.py --db postgresql \
			--factor $(FACTOR) --requests $(REQUESTS) --only '$(ONLY)'; \
	elif [ "$(DB)" = sqlite ]; then \
		env -u DATABASE_URL $(BIN)/python scripts/bench.py --db sqlite \
			--factor $(FACTOR) --requests $(REQUESTS) --only '$(ONLY)'; \
	else echo "DB 只能是 sqlite 或 postgresql" >&2; exit 2; fi

bench-precheck: $(STAMP)
	$(BIN)/python scripts/bench_precheck.py

soak: $(STAMP)
	@test -x $(BIN)/locust || $(BIN)/pip install -q -e '.[load]'
	@if [ "$(origin DB)" = file ] || [ "$(DB)" = postgresql ]; then \
		case "$$DATABASE_URL" in postgres*) run="";; *) run=scripts/pg-test.sh;; esac; \
		$$run $(BIN)/python scripts/soak.py --db postgresql --factor $(FACTOR) \
			--users $(USERS) --minutes $(MINUTES); \
	else env -u DATABASE_URL $(BIN)/python scripts/soak.py --db sqlite --factor $(FACTOR) \
			--users $(USERS) --minutes $(MINUTES); fi

# The operations drills with 20 SIGKILL rounds (make test runs 3), on both databases.
drill: $(STAMP)
	env -u DATABASE_URL FAZHI_DRILL_ROUNDS=20 $(PYTEST) tests/operations
	FAZHI_DRILL_ROUNDS=20 scripts/pg-test.sh $(PYTEST) tests/operations
