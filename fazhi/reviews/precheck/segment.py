"""Chinese sentence segmentation for pre-review: each paragraph (a line of the draft) is
cut into sentences at 。！？； and before enumeration markers such as 第三条, （一）, 一、
and 1. , keeping the character offsets so a page can highlight the sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence-final punctuation; the sentence keeps its own mark.
_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")
# Enumeration markers that open a new item: 第三条, （一）, (1), 一、, 1. / 1、
_MARKER = re.compile(
    r"(第[一二三四五六七八九十百零〇\d]{1,6}(条|章|节)|[（(][一二三四五六七八九十\d]{1,4}[）)]|"
    r"[一二三四五六七八九十]{1,4}、|\d{1,3}[.．、](?!\d))[ \t\u3000]*"
)
_SPACE = " \t\u3000\r"
# A marker splits the text only where an item can start: at the start, after a space or
# after a colon or a sentence end ("如下：（一）…"); "依照第三条" inside a sentence is not.
_ITEM_AFTER = "：:。；！？;!?" + _SPACE


@dataclass(frozen=True)
class Sentence:
    """A sentence of the draft: its paragraph (0-based line), offsets and text."""

    paragraph: int
    start: int
    end: int
    text: str


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph, markers and spaces trimmed."""
    cuts = {0, len(text)}
    for m in _END.finditer(text):
        cuts.add(m.end())
    for m in _MARKER.finditer(text):
        if m.start() == 0 or text[m.start() - 1] in _ITEM_AFTER:
            cuts.add(m.start())
    spans = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        m = _MARKER.match(text, a)
        if m and m.end() <= b:
            a = m.end()
        while a < b and text[a] in _SPACE:
            a += 1
        while b > a and text[b - 1] in _SPACE:
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def sentences(paragraphs: list[str]) -> list[Sentence]:
    """All sentences of the document in reading order."""
    out = []
    for i, para in enumerate(paragraphs):
        for a, b in split_paragraph(para):
            out.append(Sentence(i, a, b, para[a:b]))
    return out


def clause_start(text: str, pos: int) -> int:
    """Offset where the clause holding `pos` begins (after the last comma or colon)."""
    return max(text.rfind(mark, 0, pos) for mark in "，,：:") + 1
