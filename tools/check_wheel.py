"""Check the built distribution as a user receives it (``make wheel-test``).

1. The wheel holds the package, the model, gazetteers and clusters, NOTICE and licences,
   ``py.typed`` and the ``_core.pyi`` stub, and nothing else (nothing from ``../shared``).
2. Its platform tag is portable: ``auditwheel show`` finds the extension consistent with the
   manylinux tag the wheel carries, and the tag is abi3 for CPython >= 3.10.
3. The sdist holds what a build from source needs (``crates/``, the compiled-in data files).
4. For each Python asked for (skipped with a message when absent): a fresh venv, with no cargo or
   rustc on PATH, installs the wheel from binaries only (with uv, which installs the same files as
   pip from its cache in seconds), runs ``akhbar demo``, and runs the
   installed-package tests (``pytest -m "not source_tree"``) against it, as on a machine without
   the research data (the corpus-scale tests run in ``make py-test`` on the same build).

Usage::

    python tools/check_wheel.py dist/ --python 3.10 --python 3.11 --python 3.13
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AKHBAR_SHARED", ROOT.parent / "shared"))
# uv, installed beside this Python with the build tools (make wheel).
UV = Path(sys.executable).parent / "uv"

# Every file the wheel must hold (dist-info names are matched with its version).
REQUIRED = [
    "akhbar/__init__.py",
    "akhbar/py.typed",
    "akhbar/_core.pyi",
    "akhbar/NOTICE.md",
    "akhbar/data/ner-anercorp.akbm",
    "akhbar/data/gazetteers.tsv",
    "akhbar/data/clusters.tsv",
    "akhbar/data/MODEL.md",
    "akhbar/data/README.md",
    "akhbar/data/sample_article.txt",
    "*.dist-info/licenses/LICENSE",
    "*.dist-info/METADATA",
    "*.dist-info/WHEEL",
    "*.dist-info/RECORD",
    "*.dist-info/entry_points.txt",
]
# What the wheel may hold at all: anything else is a packaging mistake.
ALLOWED = [
    "akhbar/*.py",
    "akhbar/_core.abi3.so",
    "akhbar/_core.pyi",
    "akhbar/py.typed",
    "akhbar/NOTICE.md",
    "akhbar/data/*.akbm",
    "akhbar/data/*.tsv",
    "akhbar/data/*.md",
    "akhbar/data/sample_article.txt",
    "*.dist-info/*",
]
# What a build from the sdist needs beside the Python sources.
SDIST_REQUIRED = [
    "pyproject.toml",
    "Cargo.toml",
    "Cargo.lock",
    "LICENSE",
    "README.md",
    "src/lib.rs",
    "crates/akhbar-core/Cargo.toml",
    "crates/akhbar-core/src/lib.rs",
    "crates/akhbar-core/data/*.tsv",
    "python/akhbar/_core.pyi",
    "python/akhbar/data/ner-anercorp.akbm",
]
# abi3 for CPython >= 3.10 on glibc >= 2.17 (manylinux2014).
TAG = re.compile(r"^cp310-abi3-manylinux_2_17_x86_64$")


def fail(message: str) -> None:
    """Stop with a message naming what is wrong."""
    sys.exit(f"check_wheel: {message}")


def only(pattern: str, folder: Path) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        fail(f"expected one {pattern} in {folder}, found {[p.name for p in found]}")
    return found[0]


def check_contents(wheel: Path) -> None:
    """Required files present, nothing outside the allowed patterns, nothing from ../shared."""
    with zipfile.ZipFile(wheel) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        names = [i.filename for i in infos]
        for pattern in REQUIRED:
            if not fnmatch.filter(names, pattern):
                fail(f"{wheel.name} lacks {pattern}")
        stray = [n for n in names if not any(fnmatch.fnmatch(n, p) for p in ALLOWED)]
        if stray:
            fail(f"{wheel.name} holds files it should not: {stray}")
        shipped = {i.file_size: i.filename for i in infos}
        leaked = []
        if (SHARED / "data").is_dir():
            for path in (SHARED / "data").rglob("*"):
                if path.is_file() and path.stat().st_size in shipped:
                    member = shipped[path.stat().st_size]
                    if hashlib.sha256(zf.read(member)).digest() == _sha256(path):
                        leaked.append(f"{member} = {path}")
        if leaked:
            fail(f"{wheel.name} ships research data: {leaked}")
    size = wheel.stat().st_size / 1e6
    print(f"contents: {len(names)} files, all required present, none stray; {size:.1f} MB")


def _sha256(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def check_tag(wheel: Path) -> None:
    """The WHEEL tag is abi3/manylinux2014 and auditwheel agrees with it."""
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/WHEEL"))
        tags = re.findall(r"^Tag: (\S+)$", zf.read(meta).decode(), flags=re.MULTILINE)
    if not any(TAG.match(t) for t in tags):
        fail(f"{wheel.name}: tags {tags}, expected cp310-abi3-manylinux_2_17_x86_64")
    shown = subprocess.run(
        [sys.executable, "-m", "auditwheel", "show", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = " ".join(shown.stdout.split())
    consistent = re.search(r'consistent with the following platform tag: "([^"]+)"', report)
    if shown.returncode != 0 or not consistent:
        fail(f"auditwheel show failed:\n{shown.stdout}{shown.stderr}")
    if consistent.group(1) != "manylinux_2_17_x86_64":
        fail(f"auditwheel: the extension needs {consistent.group(1)}, not manylinux_2_17_x86_64")
    print(f"tag: {', '.join(tags)}; auditwheel show: consistent with {consistent.group(1)}")


def check_sdist(sdist: Path) -> None:
    """The sdist holds the Rust workspace and the data a build compiles in."""
    with tarfile.open(sdist) as tf:
        names = [n.split("/", 1)[1] for n in tf.getnames() if "/" in n]
    for pattern in SDIST_REQUIRED:
        if not fnmatch.filter(names, pattern):
            fail(f"{sdist.name} lacks {pattern}")
    print(f"sdist: {len(names)} files, the workspace and its data included")


def clean_env(venv: Path) -> dict[str, str]:
    """The environment of a user's shell in the venv: no Rust toolchain, no developer settings."""
    keep = [
        d
        for d in os.environ.get("PATH", "").split(os.pathsep)
        if d
        and not any((Path(d) / tool).exists() for tool in ("cargo", "rustc", "maturin"))
        and ".pyenv" not in d
        and not d.startswith(str(ROOT))
    ]
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CARGO", "RUSTUP", "RUSTC", "MATURIN", "PYO3", "PYENV"))
        and k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"}
    }
    env["PATH"] = os.pathsep.join([str(venv / "bin"), *keep])
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def find_python(version: str) -> Path | None:
    """A CPython of that minor version: the pyenv one, else pythonX.Y on PATH."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    for candidate in sorted(root.glob(f"{version}.*"), reverse=True):
        exe = candidate / "bin" / f"python{version}"
        if exe.exists():
            return exe
    found = shutil.which(f"python{version}")
    return Path(found) if found else None


def run(cmd: list[str], env: dict[str, str], what: str) -> str:
    r = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if r.returncode != 0:
        fail(f"{what} failed ({r.returncode}):\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}")
    return r.stdout


def check_installed(wheel: Path, python: Path, pytest_args: list[str]) -> None:
    """Fresh venv without Rust: install from binaries, demo, installed-package tests."""
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="akhbar-wheel-") as tmp:
        venv = Path(tmp) / "venv"
        uv_venv = [str(UV), "venv", "-q", "--python", str(python), str(venv)]
        subprocess.run(uv_venv, check=True)
        env = clean_env(venv)
        env["AKHBAR_SHARED"] = str(Path(tmp) / "no-research-data")
        if shutil.which("cargo", path=env["PATH"]) or shutil.which("rustc", path=env["PATH"]):
            fail("cargo/rustc still on PATH for the install check")
        py = str(venv / "bin" / "python")
        pip = [str(UV), "pip", "install", "-q", "--python", py, "--only-binary", ":all:"]
        run([*pip, str(wheel), "pytest>=8", "hypothesis>=6.100"], env, "install")
        where = run([py, "-c", "import akhbar; print(akhbar.__file__)"], env, "import").strip()
        if not where.startswith(str(venv)):
            fail(f"akhbar imported from {where}, not from the venv")
        demo = run([str(venv / "bin" / "akhbar"), "demo"], env, "akhbar demo")
        for expected in ("published: 2024-03-12", "PERS  سامي العتيبي"):
            if expected not in demo:
                fail(f"akhbar demo output lacks {expected!r}:\n{demo}")
        cmd = [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not source_tree"]
        out = run([*cmd, *pytest_args], env, f"pytest on {python.name}")
        summary = out.strip().splitlines()[-1] if out.strip() else "no output"
    print(f"{python}: installed, demo ok, {summary} ({time.perf_counter() - t0:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path, help="folder with the built wheel and sdist")
    parser.add_argument("--python", action="append", default=[], help="e.g. 3.10 (repeatable)")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    args = parser.parse_args()

    wheel = only("akhbar-*.whl", args.dist)
    check_contents(wheel)
    check_tag(wheel)
    check_sdist(only("akhbar-*.tar.gz", args.dist))
    for version in args.python:
        python = find_python(version)
        if python is None:
            print(f"Python {version} not found (pyenv or python{version} on PATH): skipped")
            continue
        check_installed(wheel, python, args.pytest_args)


if __name__ == "__main__":
    main()
