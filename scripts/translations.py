"""The translation pipeline: collect every translatable string under the context the code looks
it up in, write the catalogue, compile catalogues to .qm, and make a pseudo-locale.

    python scripts/translations.py extract        # assets/translations/ptcoach.ts
    python scripts/translations.py build [DIR]    # every ptcoach_<lang>.ts -> .qm (in DIR)
    python scripts/translations.py pseudo DIR     # DIR/ptcoach_eo.ts and .qm, every string altered

`build` is what `make translations` runs for a source-tree run (the .qm files beside the .ts,
git-ignored); a wheel gets its .qm files from hatch_build.py at build time. The app itself
never compiles anything.

Why not pyside6-lupdate: it filed every string under an empty context, while the code looks
them up under its class names (PySide's `self.tr` tries the object's class, then each base
class in turn) or under the context a module's `translator("...")` names. Those are what
`extract` records, by reading the code's syntax tree:
- `self.tr("…")` / `cls.tr("…")` inside `class C`: context C;
- `C.tr("…")` for a class C of ours, and `x.tr("…")` when `x` names an instance of one
  (`shell` -> Shell);
- `QCoreApplication.translate("Ctx", "…")`;
- `tr("…")` where the module binds `tr = translator("Ctx")` (ptcoach.translate).
Anything it cannot place is reported and makes `extract` fail, so no string goes missing; so
is a lookup of a text known only at run time (`tr(kind)`): write each text out instead.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "assets" / "translations"
TEMPLATE = TS_DIR / "ptcoach.ts"
SOURCES = ("ptcoach",)
PSEUDO_LANG = "eo"  # a real language code no one ships a catalogue for here

Message = tuple[str, str, str, int]  # context, source text, file (relative to ROOT), line


class _Collector(ast.NodeVisitor):
    def __init__(self, path: Path, classes: set[str]) -> None:
        self.path = path
        self.rel = path.relative_to(ROOT).as_posix()
        self.classes = classes
        self.stack: list[str] = []
        self.helpers: dict[str, str] = {}  # module-level name -> context
        self.found: list[Message] = []
        self.unplaced: list[str] = []

    def visit_Module(self, node: ast.Module) -> None:
        for stmt in node.body:  # helpers first: they may be used above their definition
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                call = stmt.value
                name = _func_name(call.func)
                if name == "translator" and call.args and _literal(call.args[0]) is not None:
                    for target in stmt.targets:
                        if isinstance(target, ast.Name):
                            self.helpers[target.id] = _literal(call.args[0]) or ""
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        text = _literal(node.args[0]) if node.args else None
        if isinstance(func, ast.Attribute) and func.attr == "tr" and text is not None:
            context = self._context_of(func.value)
            if context is None:
                self.unplaced.append(f"{self.rel}:{node.lineno}: {ast.unparse(func)}({text!r})")
            else:
                self.found.append((context, text, self.rel, node.lineno))
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and text is not None:
                self.found.append((context, text, self.rel, node.lineno))
            elif context is not None:  # a text only known at run time never reaches the .ts
                self.unplaced.append(f"{self.rel}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(func, ast.Name) and func.id in self.helpers and node.args:
            if text is None:
                self.unplaced.append(f"{self.rel}:{node.lineno}: {ast.unparse(node)}")
            else:
                self.found.append((self.helpers[func.id], text, self.rel, node.lineno))
        self.generic_visit(node)

    def _context_of(self, owner: ast.expr) -> str | None:
        if isinstance(owner, ast.Name):
            if owner.id in ("self", "cls") and self.stack:
                return self.stack[-1]
            if owner.id in self.classes:  # ProgressView.tr("…"): that class's context
                return owner.id
            guess = "".join(part.capitalize() for part in owner.id.split("_"))
            if guess in self.classes:
                return guess
        return None


def _func_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _source_files() -> list[Path]:
    return sorted(
        p
        for top in SOURCES
        for p in (ROOT / top).rglob("*.py")
        if "__pycache__" not in p.parts and "_data" not in p.parts
    )


def collect() -> tuple[list[Message], list[str]]:
    """Every translatable string with its context, and the calls that could not be placed."""
    files = _source_files()
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    classes = {n.name for t in trees.values() for n in ast.walk(t) if isinstance(n, ast.ClassDef)}
    found: list[Message] = []
    unplaced: list[str] = []
    for path, tree in trees.items():
        c = _Collector(path, classes)
        c.visit(tree)
        found += c.found
        unplaced += c.unplaced
    return found, unplaced


def our_contexts() -> set[str]:
    """Every context the app's own code can look a string up in: its classes (PySide's `tr`
    tries each class of an object's type) and the contexts its `translator()`s name."""
    files = _source_files()
    classes = {
        n.name
        for p in files
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(n, ast.ClassDef)
    }
    return classes | {c for c, *_ in collect()[0]}


def write_ts(messages: list[Message], dest: Path, translate=None, language: str = "") -> None:
    """A Qt Linguist catalogue of `messages`; `translate(text)` fills in translations."""
    by_context: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(dict)
    for context, text, file, line in messages:
        by_context[context].setdefault(text, []).append((file, line))
    ts = ET.Element("TS", version="2.1", **({"language": language} if language else {}))
    for context in sorted(by_context):
        ctx = ET.SubElement(ts, "context")
        ET.SubElement(ctx, "name").text = context
        for text, places in by_context[context].items():
            msg = ET.SubElement(ctx, "message")
            for file, line in places:
                rel = Path("..", "..", file).as_posix()
                ET.SubElement(msg, "location", filename=rel, line=str(line))
            ET.SubElement(msg, "source").text = text
            tr = ET.SubElement(msg, "translation")
            if translate is None:
                tr.set("type", "unfinished")
            else:
                tr.text = translate(text)
    ET.indent(ts, space="    ")
    dest.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(ts, encoding="unicode")
    dest.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def read_ts(path: Path) -> set[tuple[str, str]]:
    """The (context, source) pairs a catalogue holds."""
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


_ACCENTS = str.maketrans("aceinoruyACEINORUY", "àçéîñöŕûýÀÇÉÎÑÖŔÛÝ")


def pseudo(text: str) -> str:
    """Every letter visibly altered, placeholders ({0}, {name}, %n), mnemonics (&) and tags kept:
    `Start` -> `⟦Ŝţàŕţ⟧` style, so an untranslated string stands out on screen."""
    out: list[str] = []
    depth_brace = depth_tag = 0
    for ch in text:
        if ch == "{":
            depth_brace += 1
        elif ch == "}":
            depth_brace = max(0, depth_brace - 1)
        elif ch == "<":
            depth_tag += 1
        elif ch == ">":
            depth_tag = max(0, depth_tag - 1)
        elif not depth_brace and not depth_tag:
            ch = ch.translate(_ACCENTS)
        out.append(ch)
    return "⟦" + "".join(out) + "⟧"


def lrelease() -> str:
    """Qt's lrelease: PySide6-Essentials ships it (`pyside6-lrelease`, or the program in the
    package's folder, which a build environment has without its scripts on PATH); else Qt's."""
    candidates = [Path(sys.executable).parent / "pyside6-lrelease"]
    spec = importlib.util.find_spec("PySide6")  # found, not imported: no Qt is loaded
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidates.append(Path(folder) / "lrelease")
    for exe in candidates:
        if exe.is_file() and os.access(exe, os.X_OK):
            return str(exe)
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "cannot compile the translations: Qt's lrelease was not found "
        "(install PySide6-Essentials, which ships it, or Qt's linguist tools)"
    )


def catalogues(ts_dir: Path = TS_DIR) -> list[Path]:
    """The translated catalogues (ptcoach_<lang>.ts); ptcoach.ts is the untranslated template."""
    return sorted(ts_dir.glob("ptcoach_*.ts"))


def compile_ts(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [lrelease(), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True
    )
    if result.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease could not compile {ts}: {result.stderr.strip()}")


def build(out: Path, ts_dir: Path = TS_DIR) -> list[Path]:
    """Compile every translated catalogue in `ts_dir` to `out`/ptcoach_<lang>.qm."""
    built = []
    for ts in catalogues(ts_dir):
        qm = out / ts.with_suffix(".qm").name
        compile_ts(ts, qm)
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "extract"
    if cmd == "extract":
        messages, unplaced = collect()
        if unplaced:
            print(
                "Cannot tell the context of these tr() calls (use self.tr inside the class, "
                "or a module-level `tr = translator(...)`):",
                *unplaced,
                sep="\n  ",
                file=sys.stderr,
            )
            return 1
        write_ts(messages, TEMPLATE)
        print(
            f"{TEMPLATE.relative_to(ROOT)}: {len({(c, t) for c, t, *_ in messages})} strings "
            f"in {len({c for c, *_ in messages})} contexts"
        )
        return 0
    if cmd == "build":
        out = Path(argv[1]) if len(argv) > 1 else TS_DIR
        out.mkdir(parents=True, exist_ok=True)
        for qm in build(out):
            print(qm)
        return 0
    if cmd == "pseudo":
        out = Path(argv[1])
        messages, _ = collect()
        ts = out / f"ptcoach_{PSEUDO_LANG}.ts"
        write_ts(messages, ts, translate=pseudo, language=PSEUDO_LANG)
        compile_ts(ts, ts.with_suffix(".qm"))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except RuntimeError as exc:
        print(f"translations: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
