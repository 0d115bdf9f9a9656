"""The layout the data flow asks for: the read side never imports the write side; one module reads the environment."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from newsarchive.config import environment_variables

ROOT = Path(__file__).resolve().parent.parent
READ_SIDE = ("search", "webapp", "opendata", "domain")
WRITE_SIDE = ("crawler", "indexer")
RUNTIME = ("archive", "crawler", "domain", "indexer", "newsarchive", "opendata", "search", "vntext", "webapp", "bench")
# Imports awaiting a move owned by another change; empty when none is pending.
# Reading a variable (passing the whole environment on to a child process is not reading it).
ENV_READ = re.compile(r"\benviron(\.get\(|\[)|\bgetenv\(|\benviron\.setdefault\(")
PENDING: set[tuple[str, str]] = set()


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every module a file imports, at any depth (function-level imports too); relative imports resolved."""
    package = ".".join(path.relative_to(root).parent.parts)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            found.add(".".join(part for part in (base, node.module or "") if part))
    return found


def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def test_imported_modules_sees_nested_and_relative_imports(tmp_path: Path) -> None:
    probe = tmp_path / "webapp" / "probe.py"
    probe.parent.mkdir()
    probe.write_text("from . import api\ndef f():\n    import indexer.load\n    from crawler import run\n")
    assert imported_modules(probe, tmp_path) == {"webapp", "indexer.load", "crawler"}


def test_read_side_never_imports_write_side() -> None:
    offending = {
        (str(path.relative_to(ROOT)), module)
        for path in python_files(*READ_SIDE)
        for module in imported_modules(path)
        if module.split(".")[0] in WRITE_SIDE
    }
    assert offending - PENDING == set(), "search/ and webapp/ must not import crawler/ or indexer/"
    assert offending >= PENDING, "a pending import is gone: remove it from PENDING"


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for path in python_files(*RUNTIME)
        if ENV_READ.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == [], "read settings through newsarchive.config.settings()"


def test_readme_lists_every_environment_variable_with_its_default() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| `([^`]*)` \|", readme, flags=re.MULTILINE))
    assert rows == environment_variables()
