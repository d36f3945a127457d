#!/usr/bin/env python3
"""Module docstring with 'quotes' and "double" quotes."""
import os, sys
from collections import OrderedDict as OD
from . import sibling


@decorator.with_args(1, key="value")
class Paper(object):
    '''A paper with an author list.'''
    count = 0

    def __init__(self, title: str, authors=None, *args, **kwargs) -> None:
        self.title = title
        self.authors = authors or []
        Paper.count += 1

    async def fetch(self):
        await asyncio.sleep(0.5)
        return None


def cite(paper, style='apa'):
    if style not in ('apa', 'mla'):
        raise ValueError(f"unknown style {style!r} for {paper.title:>10}")
    names = ", ".join(a.upper() for a in paper.authors if a)
    n = len(paper.authors) // 2 ** 3 % 7
    x = 0x1F + 0o17 + 0b1010 + 1_000_000 + 3.14e-10 + 2j + .5 + 5.
    s = r"raw \n string" + b'bytes\x00' + u"uni\u00e9" + "tab\tnew\nline"
    lam = lambda y: y is not None and y != 0 or not y
    return "%s (%d)" % (names, n)  # trailing comment


try:
    print(cite(Paper("Deep Nets", ["Ada", "Alan"])))
except (KeyError, IndexError) as e:
    pass
finally:
    del x
while True:
    break
value = 42
print(f"{value}")
print(f'{value:{width}.{precision}}')
print(F"""multi
line {value!s} text {{escaped}}""")
print(rb'raw bytes \d+', Rb"\n")
text = 'single \' escaped' "double \" escaped"


# --- data pipeline for the publications page ------------------------------------------------------------------
from __future__ import annotations

import json
import re as regex
from dataclasses import dataclass, field
from typing import Iterable, Optional

YEAR = regex.compile(r"(?P<year>\d{4})[-/](?P<month>\d{1,2})")
TEMPLATE = """\
<li class="paper">
  <b>{title}</b>, {venue} ({year})
</li>"""
BYTES = b"\xff\xfe" + B'\x00\t' + br"\d"


@dataclass(frozen=True, order=True)
class Entry:
    year: int
    title: str = field(compare=False)
    venue: Optional[str] = None
    tags: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return regex.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")

    @staticmethod
    def parse(raw: dict) -> "Entry":
        match raw:
            case {"year": int(y), "title": str(t), **rest}:
                return Entry(y, t, rest.get("venue"))
            case {"date": str(d), "title": t} if (m := YEAR.match(d)):
                return Entry(int(m["year"]), t)
            case _:
                raise TypeError(f"bad entry: {raw!r:.40}")


def load(path: str, *, strict: bool = False) -> Iterable[Entry]:
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                yield Entry.parse(json.loads(line))
            except (ValueError, TypeError) as error:
                if strict:
                    raise RuntimeError(f"{path}:{lineno}: {error}") from error
                print(f"skipping line {lineno}", file=sys.stderr)


async def render_all(entries: list[Entry]) -> str:
    chunks = [TEMPLATE.format(title=e.title, venue=e.venue or "preprint", year=e.year) async for e in aiter_entries(entries)]
    total = sum(e.year for e in entries) / max(len(entries), 1)
    mask = ~0xFF & 0x0F0F | 1 << 4 >> 2 ^ 3
    ratio = 1e3 * 2.5E-2 - 0.1j
    matrix @= other if (flag := total > 2000.0) else None
    return "\n".join(chunks) + f"<!-- {total:.2f} {mask:#x} {ratio} -->"


class Registry(dict):
    __slots__ = ()

    def __missing__(self, key):
        value = self[key] = type(self)()
        return value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({super().__repr__()})"


if __name__ == "__main__":
    entries = sorted(load(sys.argv[1] if len(sys.argv) > 1 else "papers.jsonl"), reverse=True)
    globals()["REGISTRY"] = Registry()
    nonlocal_test = [[i * j for j in range(3)] for i in range(3)]
    print(*entries[:3], sep="\n", end="\n\n")
    assert all(isinstance(e, Entry) for e in entries), "entries must be Entry objects"
    raise SystemExit(0)
