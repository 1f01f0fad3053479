# Buddies With Refugees — `make help` lists the targets.
PY := .venv/bin/python
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run test ci lint format messages check-translations search-server postgres bench

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-20s %s\n", $$1, $$2}'

install: ## Create the virtualenv and install the pinned requirements
	scripts/bootstrap

run: install ## Set up everything and run the site with demo content on SQLite: http://127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) manage.py load_demo_content
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: ## Run every test (PostgreSQL, search server and Chromium are started for you)
	scripts/test

ci: ## What CI runs (.ci/run): lint, Django checks, translation check, then make test
	bash .ci/run

lint: install ## Lint and check formatting with ruff
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install ## Fix lint and formatting where ruff can
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

messages: install ## Extract template and Python strings into the nl and fr .po files
	$(PY) manage.py makemessages -l nl -l fr --ignore=.venv --ignore=node_modules --no-obsolete --add-location=file
	$(PY) manage.py makemessages -d djangojs -l nl -l fr --ignore=.venv --ignore=staticfiles --no-obsolete --add-location=file

check-translations: install ## Fail if any nl or fr string is missing a translation
	$(PY) manage.py check_translations

search-server: ## Start the local Elasticsearch server (see scripts/search-server)
	scripts/search-server start

postgres: ## Start the local PostgreSQL server and print its DATABASE_URL
	scripts/postgres start

bench: install ## Run the benchmarks under bench/
	@for f in bench/*_bench.py bench/page_weight.py; do [ -f $$f ] && $(PY) $$f; done; true
