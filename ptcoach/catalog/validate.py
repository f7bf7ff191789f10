"""Validation problems, and reading a TOML file safely: size, encoding and nesting are checked
before tomllib sees the text, so a hostile file gets a clear problem, never a hang or a crash.
"""

from __future__ import annotations

import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 1024 * 1024
MAX_NESTING = 32  # arrays/inline tables inside each other; our formats need 3
MAX_KEY_PARTS = 16  # `a.b.c` has 3; our formats use none
MAX_PROBLEMS = 100  # per file: past this, one summary line stands for the rest


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (key path and/or line) and what to do."""

    file: str
    location: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.location
        if self.line is not None and not where.startswith("line "):
            where = f"{where} (line {self.line})" if where else f"line {self.line}"
        return f"{self.file}: {where}: {self.message}"


class ValidationError(Exception):
    """A file (or several) failed validation; `.problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid file")


@dataclass(frozen=True)
class Document:
    """A parsed TOML file: its name for messages, its text (to find lines) and its data."""

    file: str
    text: str
    data: dict[str, Any]


_TOML_POSITION = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$", re.DOTALL)
_TOML_END = re.compile(r"^(.*) \(at end of document\)$", re.DOTALL)


def read_document(path: Path, name: str | None = None) -> Document:
    """Read and parse a TOML file; raises ValidationError with a specific problem."""
    file = name if name is not None else str(path)
    raw = read_bytes(path, file)
    text = decode_text(raw, file)
    return parse_text(text, file)


def _fail(file: str, message: str, location: str = "file") -> ValidationError:
    return ValidationError([Problem(file, location, message)])


def read_bytes(path: Path, file: str) -> bytes:
    """A file's bytes, refusing folders, devices, pipes and anything over 1 MiB."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _fail(file, "no such file; check the path") from None
    except OSError as exc:
        raise _fail(file, f"cannot read it: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise _fail(file, "is a folder, not a file; give the .toml file inside it")
    if not stat.S_ISREG(st.st_mode):
        # Opening a FIFO or a device could block forever or never end.
        raise _fail(file, "is not a regular file (a device or a pipe?); give a .toml file")
    if st.st_size > MAX_FILE_BYTES:
        raise _fail(file, f"is {st.st_size} bytes; the limit is {MAX_FILE_BYTES} (1 MiB)")
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _fail(file, f"cannot read it: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:  # it grew while we looked
        raise _fail(file, f"is over {MAX_FILE_BYTES} bytes (1 MiB), the limit")
    return raw


def decode_text(raw: bytes, file: str) -> str:
    """UTF-8 text from raw bytes, with a specific problem for other encodings and binaries."""
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(file, f"is {len(raw)} bytes; the limit is {MAX_FILE_BYTES} (1 MiB)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(file, "is UTF-16 encoded; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark is harmless; some editors add one
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        hint = "UTF-16 text?" if nul < 2 or raw[1::2].count(0) > len(raw) // 4 else "binary?"
        raise _fail(
            file, f"contains a NUL byte ({hint}); a routine file is UTF-8 text", f"line {line}"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            file,
            f"byte 0x{raw[exc.start]:02x} is not UTF-8 (Latin-1 or Windows-1252 text?); "
            "save the file as UTF-8",
            f"line {line}, column {col}",
        ) from None


def parse_text(text: str, file: str) -> Document:
    """Parse TOML text after checking its size and nesting depth."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise _fail(file, f"is over {MAX_FILE_BYTES} bytes (1 MiB), the limit")
    hostile = too_complex(text)
    if hostile is not None:
        line, col, what = hostile
        raise _fail(file, what, f"line {line}, column {col}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError([_syntax_problem(file, text, str(exc))]) from None
    except RecursionError:  # belt and braces: the depth check should have caught it
        raise _fail(file, "nested too deeply to read") from None
    return Document(file, text, data)


def _syntax_problem(file: str, text: str, message: str) -> Problem:
    m = _TOML_POSITION.match(message)
    if m:
        return Problem(
            file, f"line {m.group(2)}, column {m.group(3)}", f"TOML syntax: {m.group(1)}"
        )
    m = _TOML_END.match(message)
    if m:
        last = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        return Problem(
            file,
            f"line {max(last, 1)} (end of file)",
            f"TOML syntax: {m.group(1)} (an unclosed string, array or table?)",
        )
    return Problem(file, "file", f"TOML syntax: {message}")


def too_complex(text: str) -> tuple[int, int, str] | None:
    """(line, column, problem) where the text nests arrays/inline tables more than
    MAX_NESTING deep or dots a key into more than MAX_KEY_PARTS parts, else None.

    tomllib recurses on nesting and slows quadratically on long dotted keys, so both are
    refused first. A single pass that errs towards counting: it may overcount in broken text,
    never undercount in text tomllib would accept.
    """
    depth = 0
    dots = 0  # dots in the current run of key-like characters (`a.b."c".d`)
    i, n = 0, len(text)
    line, line_start = 1, 0
    while i < n:
        c = text[i]
        if c == "\n":
            line, line_start = line + 1, i + 1
            dots = 0
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c == ".":
            dots += 1
            if dots >= MAX_KEY_PARTS:
                return (
                    line,
                    i - line_start + 1,
                    (f"a dotted key has more than {MAX_KEY_PARTS} parts"),
                )
        elif c in "[{":
            depth += 1
            dots = 0
            if depth > MAX_NESTING:
                return (
                    line,
                    i - line_start + 1,
                    (f"arrays or inline tables are nested more than {MAX_NESTING} deep"),
                )
        elif c in "]}":
            depth = max(depth - 1, 0)
            dots = 0
        elif c in "\"'":
            triple = text.startswith(c * 3, i)
            quote = c * 3 if triple else c
            j = i + len(quote)
            while j < n:
                if c == '"' and text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(quote, j):
                    break
                if not triple and text[j] == "\n":
                    break  # tomllib rejects this; stop the string where it must end
                j += 1
            if triple:
                line += text.count("\n", i, j)
                nl = text.rfind("\n", i, j)
                if nl >= 0:
                    line_start = nl + 1
                # `""""` closes with up to two extra quotes inside the string
                j += len(quote)
                while j < n and text[j] == c:
                    j += 1
                i = j
            else:
                i = j + 1 if j < n and text[j] == c else j
            continue
        elif not (c.isalnum() or c in "_- \t"):
            dots = 0  # `=`, `,` and the like end a key
        i += 1
    return None
