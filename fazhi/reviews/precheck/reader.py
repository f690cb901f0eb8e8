"""Reading a draft for pre-review: a UTF-8 .txt (each line one paragraph) or a .docx
(paragraphs and table cells in document order). A .docx is first inspected like every
upload (core.uploads: real Word file, size, zip bomb, no DTDs); any problem is a
`PrecheckInputError` with a Chinese message."""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from fazhi.core.uploads import human_size, inspect_upload

SUPPORTED = "仅支持 .txt(UTF-8 编码)或 .docx(Word)文件"


class PrecheckInputError(Exception):
    """The draft cannot be pre-reviewed; the message says why, in Chinese."""


class _NamedBytes(io.BytesIO):
    """Bytes with a name and size, as inspect_upload expects of an uploaded file."""

    def __init__(self, data: bytes, name: str):
        super().__init__(data)
        self.name = name
        self.size = len(data)


def read_bytes(data: bytes, name: str) -> list[str]:
    """Paragraphs of an uploaded or read file, by its extension."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    max_bytes = settings.FAZHI_UPLOAD_MAX_BYTES
    if len(data) > max_bytes:
        raise PrecheckInputError(f"文件过大:上限为 {human_size(max_bytes)}")
    if ext == "txt":
        paragraphs = _txt(data)
    elif ext == "docx":
        paragraphs = _docx(data, name)
    else:
        raise PrecheckInputError(f"不支持的文件类型“{name}”:{SUPPORTED}")
    return check_text(paragraphs)


def read_path(path: str | Path) -> list[str]:
    path = Path(path)
    if not path.is_file():
        raise PrecheckInputError(f"文件不存在:{path}")
    max_bytes = settings.FAZHI_UPLOAD_MAX_BYTES
    if path.stat().st_size > max_bytes:
        raise PrecheckInputError(f"文件过大:上限为 {human_size(max_bytes)}")
    return read_bytes(path.read_bytes(), path.name)


def check_text(paragraphs: list[str]) -> list[str]:
    """Refuse a draft with no words in it."""
    if not any(p.strip() for p in paragraphs):
        raise PrecheckInputError("文件没有可审查的文字内容(空文件)")
    return paragraphs


def _txt(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PrecheckInputError("文本文件不是 UTF-8 编码,请用“另存为 UTF-8”保存后重试") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _docx(data: bytes, name: str) -> list[str]:
    try:
        inspect_upload(_NamedBytes(data, name))
    except ValidationError as exc:
        raise PrecheckInputError(exc.messages[0]) from exc
    import docx  # python-docx; imported here so the pure engine does not need it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds; all mean "not readable"
        raise PrecheckInputError("文件已损坏,无法读取 Word 文档内容") from exc

    out: list[str] = []

    def walk(parent_element, parent):
        for child in parent_element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(child, parent).text)
            elif tag == "tbl":
                table = Table(child, parent)
                seen = set()
                for row in table.rows:
                    for cell in row.cells:
                        # A merged cell is returned once per grid column it spans.
                        # (lxml elements compare by identity; the set keeps them alive.)
                        if cell._tc in seen:
                            continue
                        seen.add(cell._tc)
                        walk(cell._tc, cell)

    walk(document.element.body, document)
    return out
