# `make test` is the whole test suite, from a fresh clone: it creates .venv, builds the
# extension into it, installs the test dependencies, and runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# Release builds: zig links against glibc 2.17 (manylinux2014); abi3 serves CPython >= 3.10.
# The editable install and `make wheel` pass the same settings, so cargo compiles once.
MATURIN_ARGS := --zig --compatibility manylinux2014
# setuptools >= 70.1 has bdist_wheel built in: the test extras are installed without build
# isolation, and PySpark ships only as an sdist (Python 3.11's bundled setuptools 65 cannot
# build it on a machine whose pip cache holds no wheel of it).
BUILD_TOOLS := "maturin>=1.14,<2" "ziglang>=0.13" "auditwheel>=6" "uv>=0.4" "setuptools>=70.1"
WITH_VENV := PATH="$(abspath $(VENV))/bin:$$PATH"
# Pythons the built wheel is installed and tested on (each skipped with a message if absent).
WHEEL_PYTHONS ?= 3.10 3.11 3.13

.PHONY: test install lint rust-test py-test fuzz bench clean wheel wheel-test sdist-check

test: install lint rust-test py-test wheel-test

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

install: $(PY)
	rm -f python/akhbar/_core*.so
	$(PY) -m pip install -q --only-binary :all: $(BUILD_TOOLS)
	$(WITH_VENV) MATURIN_PEP517_ARGS="$(MATURIN_ARGS)" $(PY) -m pip install -q --no-build-isolation -e ".[test]"
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
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

rust-test:
	cargo test --workspace

py-test:
	$(VENV)/bin/pytest

# The release artifacts in dist/: the portable wheel and the sdist.
wheel: $(PY)
	$(PY) -m pip install -q --only-binary :all: $(BUILD_TOOLS)
	rm -f dist/akhbar-*
	$(WITH_VENV) maturin build --release $(MATURIN_ARGS) --out dist
	$(WITH_VENV) maturin sdist --out dist

# The wheel as a user gets it: contents, tag (auditwheel), and on each of WHEEL_PYTHONS a
# fresh venv without Rust that installs it, runs `akhbar demo` and the installed-package tests.
wheel-test: wheel
	$(PY) tools/check_wheel.py dist $(addprefix --python ,$(WHEEL_PYTHONS))

# The sdist builds: a wheel from it alone, in a temporary folder (a full release compile).
sdist-check: wheel
	rm -rf build/sdist-check
	$(WITH_VENV) $(PY) -m pip wheel -q --no-deps --no-build-isolation -w build/sdist-check dist/akhbar-*.tar.gz
	ls -l build/sdist-check

# Fuzz every core entry point: FUZZ_INPUTS generated inputs per target (the
# pipeline target, which runs every stage twice, FUZZ_INPUTS/10), on FUZZ_JOBS
# threads; failures are shrunk and saved to fuzz/regressions/. See fuzz/README.md.
# (`make test` runs a short seeded run and the regression inputs via cargo test.)
FUZZ_INPUTS ?= 1000000
FUZZ_JOBS ?= 2
FUZZ_SEED ?= 1
FUZZ_TARGETS := article_text article_html dates numbers normalize_none normalize_light \
	normalize_search normalize_ner tokenize entities model_file conll
fuzz:
	cargo build --release -p akhbar-fuzz
	nice -n 10 target/release/akhbar-fuzz --inputs $(FUZZ_INPUTS) --jobs $(FUZZ_JOBS) \
		--seed $(FUZZ_SEED) --save $(addprefix --target ,$(FUZZ_TARGETS))
	nice -n 10 target/release/akhbar-fuzz --inputs $$(( $(FUZZ_INPUTS) / 10 )) --jobs $(FUZZ_JOBS) \
		--seed $(FUZZ_SEED) --save --target pipeline

clean:
	rm -rf $(VENV) target dist build python/akhbar/_core*.so
