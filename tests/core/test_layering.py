"""Imports go one way: pages -> core; core never loads streamlit; pages never import torch; only pages
import core.ui; no caller probes a model's attributes."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE_FILES = sorted(p for p in (ROOT / "core").rglob("*.py") if p.stem != "__main__")
CORE_MODULES = [".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in CORE_FILES]
PAGES = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]


def test_core_modules_import_without_streamlit() -> None:
    code = ("import sys\n" + "".join(f"import {name}\n" for name in CORE_MODULES) +
            "assert 'streamlit' not in sys.modules, [m for m in sys.modules if m.startswith('streamlit')]\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_pages_never_import_torch_and_nothing_uses_unsafe_html() -> None:
    for page in PAGES:
        assert not {name for name in imported_modules(page) if name.split(".")[0] == "torch"}, page
        assert "unsafe_allow_html" not in page.read_text(), page
    for module in CORE_FILES:
        assert "streamlit" not in {name.split(".")[0] for name in imported_modules(module)}, module


def test_page_headings_never_skip_a_level() -> None:
    # Each page's sections were subheaders (h3) under its title (h1): a screen reader's list of headings skipped h2.
    for page in PAGES:
        assert "subheader(" not in page.read_text(), page


def test_only_pages_and_core_ui_import_core_ui() -> None:
    for module in CORE_FILES:
        if module.parent.name != "ui":
            assert not any(name.startswith("core.ui") for name in imported_modules(module)), module


def test_no_caller_probes_a_model_attribute() -> None:
    probe = re.compile(r"\b(getattr|hasattr)\((self|forecaster|model|fitted|result|best|member|inner)\b")
    for path in [*CORE_FILES, *PAGES]:
        assert not probe.search(path.read_text()), path


def test_pages_stay_short_and_hold_no_torch_or_model_names() -> None:
    from core.models.specs import model_names

    for page in PAGES:
        assert len(page.read_text().splitlines()) <= 150, page
    train = (ROOT / "pages" / "1_Train.py").read_text()
    for name in model_names():
        assert not re.search(rf"[\"']{name}[\"']", train), name


def test_the_data_page_draws_without_loading_torch() -> None:
    """Everything dashboard.py imports loads without torch (about 2 s), so the first chart does not wait."""
    import ast
    import subprocess
    import sys

    tree = ast.parse((ROOT / "dashboard.py").read_text())
    modules = sorted({node.module for node in ast.walk(tree)
                      if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("core")})
    code = "import sys\n" + "".join(f"import {name}\n" for name in modules) + "print('torch' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert modules and done.stdout.strip() == "False", modules
