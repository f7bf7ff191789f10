"""The Learn pages: Markdown in `resources/learn/`, listed by `index.toml`, searchable.

Pages link to each other and to the catalogue with `learn:ID`, `exercise:ID` and
`routine:ID` targets; `links()` lists them so a test can prove every one resolves.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ptcoach.paths import resource

_LINK = re.compile(r"\]\(((?:learn|exercise|routine):[a-z0-9-]+)\)")
_MARKUP = re.compile(r"[*_`#>]|\[|\]\([^)]*\)")


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    markdown: str
    section: str

    @property
    def text(self) -> str:
        """The page as plain words, for searching."""
        return _MARKUP.sub("", self.markdown)

    def links(self) -> list[str]:
        return _LINK.findall(self.markdown)


@dataclass(frozen=True)
class Hit:
    page: Page
    snippet: str
    score: int


class Learn:
    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self._by_id = {p.id: p for p in pages}

    @classmethod
    def load(cls, folder: Path | None = None) -> Learn:
        folder = folder or resource("learn")
        index = tomllib.loads((folder / "index.toml").read_text(encoding="utf-8"))
        pages = []
        for section in index["sections"]:
            for page_id in section["pages"]:
                md = (folder / f"{page_id}.md").read_text(encoding="utf-8")
                first = md.splitlines()[0] if md else ""
                title = first.removeprefix("# ").strip() if first.startswith("# ") else page_id
                pages.append(Page(page_id, title, md, section["title"]))
        return cls(pages)

    def __contains__(self, page_id: object) -> bool:
        return page_id in self._by_id

    def page(self, page_id: str) -> Page:
        try:
            return self._by_id[page_id]
        except KeyError:
            known = ", ".join(self._by_id)
            raise KeyError(f"no Learn page {page_id!r}; known: {known}") from None

    def sections(self) -> dict[str, list[Page]]:
        out: dict[str, list[Page]] = {}
        for p in self.pages:
            out.setdefault(p.section, []).append(p)
        return out

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Pages containing every word of the query, titles first, with a snippet."""
        words = [w for w in re.findall(r"\w+", query.lower()) if w]
        if not words:
            return []
        hits = []
        for p in self.pages:
            text = p.text
            low = text.lower()
            found = [re.search(rf"\b{re.escape(w)}", low) for w in words]
            if not all(found):
                continue
            score = sum(len(re.findall(rf"\b{re.escape(w)}", low)) for w in words) + 10 * sum(
                w in p.title.lower() for w in words
            )
            first = found[0]
            at = first.start() if first else 0
            start = max(0, at - 60)
            snippet = " ".join(text[start : at + 100].split())
            hits.append(Hit(p, ("…" if start else "") + snippet + "…", score))
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]
