"""Every module the code and tests name in a string (subprocess probes, `sys.modules` checks,
monkeypatch targets, docs in docstrings) exists: a module that moves fails here, instead of
leaving a check like "'ptcoach.ui.progress' not in sys.modules" passing for ever."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"(?<![\w./])ptcoach(?:\.[A-Za-z_]\w*)+")
# `ptcoach.X...` names a module only when X is one of the package's (not ptcoach.ini, .log...)
TOP = {p.stem for p in (ROOT / "ptcoach").iterdir() if p.suffix == ".py" or p.is_dir()}


def named_in_strings() -> dict[str, str]:
    """Dotted names starting with `ptcoach.` in string literals -> where the first one is."""
    found: dict[str, str] = {}
    for top in ("ptcoach", "tests", "benchmarks", "scripts"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "_data" in path.parts or "__pycache__" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    for name in NAME.findall(node.value):
                        if name.split(".")[1] not in TOP:
                            continue
                        where = f"{path.relative_to(ROOT)}:{node.lineno}"
                        found.setdefault(name.rstrip("."), where)
    return found


def resolves(name: str) -> bool:
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        module = ".".join(parts[:i])
        try:
            spec = importlib.util.find_spec(module)
        except ModuleNotFoundError:
            spec = None
        if spec is None:
            continue
        obj: object = importlib.import_module(module) if i < len(parts) else None
        for attr in parts[i:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


def test_every_module_named_in_a_string_exists():
    names = named_in_strings()
    assert len(names) > 20  # the scan sees the probes and patches
    missing = [f"{where}: {name}" for name, where in sorted(names.items()) if not resolves(name)]
    assert missing == [], "\n".join(missing)
