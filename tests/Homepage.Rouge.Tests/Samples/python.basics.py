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
