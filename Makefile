# `make test` is the whole test suite, from a fresh clone: it creates .venv, builds the
# extension into it, installs the test dependencies, and runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: test install lint rust-test py-test bench clean

test: install lint rust-test py-test

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

install: $(PY)
	rm -f python/akhbar/_core*.so
	$(PY) -m pip install -q -e ".[test]"
	# CAMeL Tools' text utilities, for the agreement tests; --no-deps skips its
	# torch/transformers stack, which those utilities do not import.
	$(PY) -m pip install -q --no-deps "camel-tools==1.6.0"
	# Headless Chromium for the rendering screenshot test (Debian's package); the
	# test skips with a message when it cannot be installed (no root, no apt).
	command -v chromium >/dev/null 2>&1 || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
		|| (apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1)) \
		|| echo "chromium not installed: the screenshot test will skip"

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	$(VENV)/bin/ruff check python tests bench tools
	$(VENV)/bin/ruff format --check python tests bench tools
	$(VENV)/bin/mypy python/akhbar
	# the stub of the extension module must describe what the built module has
	$(PY) -m mypy.stubtest akhbar._core --allowlist stubtest-allowlist.txt

rust-test:
	cargo test --workspace

py-test:
	$(VENV)/bin/pytest

clean:
	rm -rf $(VENV) target python/akhbar/_core*.so
