"""Imports go one way: pages -> core; core never loads streamlit; pages never import torch."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted(p.stem for p in (ROOT / "core").glob("*.py") if p.stem != "__main__")


def test_core_modules_import_without_streamlit() -> None:
    code = ("import sys\n" + "".join(f"import core.{name}\n" for name in CORE_MODULES) +
            "assert 'streamlit' not in sys.modules, [m for m in sys.modules if m.startswith('streamlit')]\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_pages_never_import_torch_and_nothing_uses_unsafe_html() -> None:
    for page in [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]:
        assert "torch" not in imported_modules(page), page
        assert "unsafe_allow_html" not in page.read_text(), page
    for module in (ROOT / "core").glob("*.py"):
        assert "streamlit" not in imported_modules(module), module
