"""Upload inspection (architecture rule 8): a file is checked by its content, size and
structure before anything is stored.

Accepted are the files a township office actually exchanges: Word (.docx), Excel
(.xlsx), PDF, JPG and PNG. The extension must agree with what the bytes are, so a
renamed file is refused. Office files are zip packages: they are opened and fully
decompressed in bounded chunks (no zip bombs, whatever their headers claim) and every
XML part is parsed with DTDs refused (no entity expansion, no external entities).
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath
from xml.parsers import expat

from django.conf import settings
from django.core.exceptions import ValidationError

# Extension → file type (the canonical extension).
EXTENSIONS = {
    "docx": "docx",
    "xlsx": "xlsx",
    "pdf": "pdf",
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
}
LABELS = {
    "docx": "Word文档",
    "xlsx": "Excel表格",
    "pdf": "PDF文件",
    "jpg": "JPG图片",
    "png": "PNG图片",
    "zip": "压缩包",
}
ALLOWED_TEXT = "仅支持上传 Word(.docx)、Excel(.xlsx)、PDF、JPG、PNG 文件"

CHUNK = 64 * 1024
# A real .docx/.xlsx holds tens to a few hundred parts; thousands means something else.
DEFAULT_MAX_ZIP_ENTRIES = 2000
# Office XML compresses well (often 10–50×); a run of zeros compresses ~1000×. Parts
# smaller than RATIO_FLOOR are exempt because tiny parts have meaningless ratios.
DEFAULT_MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class UploadInfo:
    """What inspection found: the file's real type, its SHA-256 and its size in bytes."""

    file_type: str
    sha256: str
    size: int

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.file_type]

    @property
    def label(self) -> str:
        return LABELS[self.file_type]


def human_size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".rstrip("0").rstrip(".") + " KB"
    return f"{n} 字节"


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def inspect_upload(uploaded_file) -> UploadInfo:
    """Check an uploaded file and return its type, hash and size, or raise a
    ValidationError with a Chinese message saying what is wrong."""
    max_bytes = settings.FAZHI_UPLOAD_MAX_BYTES
    name = PurePath(str(getattr(uploaded_file, "name", "") or "")).name
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in EXTENSIONS:
        raise _refuse(f"不支持的文件类型“.{ext or '(无扩展名)'}”:{ALLOWED_TEXT}", "upload_type")
    declared = getattr(uploaded_file, "size", None)
    if declared is not None and declared > max_bytes:
        raise _refuse(f"文件过大:上限为 {human_size(max_bytes)}", "upload_size")

    digest, size = _hash(uploaded_file, max_bytes)
    if size == 0:
        raise _refuse("文件是空的,请重新选择文件", "upload_empty")

    f = uploaded_file
    f.seek(0)
    head = f.read(16)
    actual = _sniff(head)
    if actual == "pdf":
        _check_pdf(f, size)
    elif actual == "png":
        _check_png(head)
    elif actual == "zip":
        actual = _check_office(f)
    if actual is None:
        raise _refuse(f"无法识别的文件内容:{ALLOWED_TEXT}", "upload_content")
    expected = EXTENSIONS[ext]
    if actual != expected:
        raise _refuse(
            f"文件内容与扩展名不符:扩展名为“.{ext}”,内容却是{LABELS[actual]}", "upload_mismatch"
        )
    f.seek(0)
    return UploadInfo(file_type=actual, sha256=digest, size=size)


def _hash(f, max_bytes: int) -> tuple[str, int]:
    """SHA-256 streamed in chunks, stopping as soon as the file passes the size limit."""
    h = hashlib.sha256()
    size = 0
    f.seek(0)
    while True:
        chunk = f.read(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise _refuse(f"文件过大:上限为 {human_size(max_bytes)}", "upload_size")
        h.update(chunk)
    return h.hexdigest(), size


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def _check_pdf(f, size: int) -> None:
    # The PDF trailer ends with %%EOF in the last 1024 bytes (readers look no further).
    f.seek(max(0, size - 1024))
    if b"%%EOF" not in f.read(1024):
        raise _refuse("PDF文件不完整或已损坏(缺少文件结束标记)", "upload_corrupt")


def _check_png(head: bytes) -> None:
    if head[12:16] != b"IHDR":
        raise _refuse("PNG图片已损坏(缺少图像头)", "upload_corrupt")


def _check_office(f) -> str:
    """A .docx/.xlsx package: structure, size limits, and XML without DTDs."""
    max_expanded = settings.FAZHI_UPLOAD_MAX_EXPANDED_BYTES
    max_entries = getattr(settings, "FAZHI_UPLOAD_MAX_ZIP_ENTRIES", DEFAULT_MAX_ZIP_ENTRIES)
    max_ratio = getattr(settings, "FAZHI_UPLOAD_MAX_RATIO", DEFAULT_MAX_RATIO)
    bomb = _refuse(
        f"文件解压后过大或压缩比异常(解压上限 {human_size(max_expanded)}),疑似压缩炸弹,已拒绝",
        "upload_bomb",
    )
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as zf:
            infos = zf.infolist()
            if len(infos) > max_entries:
                raise _refuse(f"文件内部条目过多(超过{max_entries}个),已拒绝", "upload_bomb")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise _refuse("不是有效的 Word 或 Excel 文件(缺少内容类型清单)", "upload_corrupt")
            if "word/document.xml" in names:
                kind = "docx"
            elif "xl/workbook.xml" in names:
                kind = "xlsx"
            else:
                raise _refuse("不是有效的 Word 或 Excel 文件(缺少正文或工作簿)", "upload_corrupt")
            # First the headers: cheap refusals before any decompression.
            if sum(i.file_size for i in infos) > max_expanded:
                raise bomb
            for i in infos:
                if i.file_size > RATIO_FLOOR and i.file_size > max_ratio * max(i.compress_size, 1):
                    raise bomb
                if i.flag_bits & 0x1:
                    raise _refuse("文件已加密,请先取消密码保护再上传", "upload_encrypted")
            # Then the real thing, in bounded chunks, so a lying header cannot pass.
            total = 0
            for i in infos:
                total += _expand_entry(f, i, max_expanded - total, max_ratio, bomb)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
        OSError,
    ) as exc:
        raise _refuse("文件已损坏,不是有效的 Word 或 Excel 文件", "upload_corrupt") from exc
    return kind


class _DtdFound(Exception):
    pass


def _no_dtd(*args):
    raise _DtdFound


def _raw_data(f, info: zipfile.ZipInfo):
    """The compressed bytes of one entry, read straight from the file in chunks."""
    f.seek(info.header_offset)
    header = f.read(30)
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    f.seek(info.header_offset + 30 + name_len + extra_len)
    remaining = info.compress_size
    while remaining > 0:
        chunk = f.read(min(CHUNK, remaining))
        if not chunk:
            raise zipfile.BadZipFile("truncated entry")
        remaining -= len(chunk)
        yield chunk


def _inflate(f, info: zipfile.ZipInfo):
    """Decompress one entry ourselves, never more than CHUNK bytes of output at a time;
    the stream's own end decides, not the sizes its headers declare."""
    if info.compress_type == zipfile.ZIP_STORED:
        yield from _raw_data(f, info)
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise _refuse(
            "文件使用了不支持的压缩方式,请用 Office 或 WPS 重新保存后上传", "upload_corrupt"
        )
    d = zlib.decompressobj(-zlib.MAX_WBITS)
    for data in _raw_data(f, info):
        while data and not d.eof:
            out = d.decompress(data, CHUNK)
            if out:
                yield out
            data = d.unconsumed_tail
        if d.eof:
            break
    tail = d.flush()
    if tail:
        yield tail
    if not d.eof:
        raise zipfile.BadZipFile("deflate stream truncated")


def _expand_entry(
    f, info: zipfile.ZipInfo, budget: int, max_ratio: int, bomb: ValidationError
) -> int:
    """Decompress one part chunk by chunk, counting real bytes against the budget and the
    ratio; XML parts are fed to an expat parser that refuses any DOCTYPE or ENTITY."""
    parser = None
    looks_xml = _is_named_xml(info)
    produced = 0
    crc = 0
    for chunk in _inflate(f, info):
        if produced == 0 and not looks_xml:
            # A part declared as XML in [Content_Types].xml may carry any name.
            looks_xml = chunk.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith(b"<")
        produced += len(chunk)
        if produced > budget or (
            produced > RATIO_FLOOR and produced > max_ratio * max(info.compress_size, 1)
        ):
            raise bomb
        crc = zlib.crc32(chunk, crc)
        if looks_xml:
            if parser is None:
                parser = _strict_parser()
            _feed(parser, chunk, info.filename, strict=_is_named_xml(info))
    if produced != info.file_size:
        # The header lied about the size: exactly what a zip bomb does.
        raise bomb
    if crc != info.CRC:
        raise zipfile.BadZipFile("bad CRC")
    if parser is not None:
        _feed(parser, b"", info.filename, strict=_is_named_xml(info), final=True)
    return produced


def _is_named_xml(info: zipfile.ZipInfo) -> bool:
    return info.filename.lower().endswith(_XML_SUFFIXES)


def _strict_parser():
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _no_dtd
    parser.EntityDeclHandler = _no_dtd
    parser.UnparsedEntityDeclHandler = _no_dtd
    parser.ExternalEntityRefHandler = _no_dtd
    return parser


def _feed(parser, chunk: bytes, part: str, *, strict: bool, final: bool = False) -> None:
    try:
        parser.Parse(chunk, final)
    except _DtdFound as exc:
        raise _refuse(
            f"文件内部XML({part})含有DOCTYPE/ENTITY声明,存在安全风险,已拒绝", "upload_xml_entity"
        ) from exc
    except expat.ExpatError as exc:
        # A part named .xml must be well-formed; a binary part that merely starts with "<"
        # is not our business.
        if strict:
            raise _refuse(f"文件内部XML({part})格式错误,文件可能已损坏", "upload_corrupt") from exc


# Photos are stored at most this many pixels on their long side: evidence stays legible,
# a 50-megapixel phone picture does not fill the disk.
PHOTO_MAX_SIDE = 2560


def photo_without_metadata(uploaded_file, info: UploadInfo):
    """A JPEG/PNG re-encoded from its pixels alone, and its new UploadInfo: EXIF (GPS
    position, phone model, time taken), XMP, ICC and text chunks do not survive, so a
    photo of residents never publishes where they live. The orientation tag is applied
    first, so the picture still stands upright. Other files come back unchanged."""
    if info.file_type not in ("jpg", "png"):
        return uploaded_file, info
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageOps, UnidentifiedImageError

    uploaded_file.seek(0)
    try:
        with Image.open(uploaded_file) as src:
            src.load()
            image = ImageOps.exif_transpose(src)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise _refuse("图片无法读取(文件已损坏或不是真实的图片),请重新拍摄或导出后上传",
                      "upload_image") from None  # fmt: skip
    if max(image.size) > PHOTO_MAX_SIDE:
        image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    out = io.BytesIO()
    if info.file_type == "png":
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        clean = Image.new(mode, image.size)
        clean.paste(image.convert(mode))
        clean.save(out, format="PNG", optimize=True)
    else:
        clean = Image.new("RGB", image.size)
        clean.paste(image.convert("RGB"))
        clean.save(out, format="JPEG", quality=88)
    data = out.getvalue()
    name = PurePath(str(getattr(uploaded_file, "name", "") or "")).name or f"photo.{info.file_type}"
    clean_file = SimpleUploadedFile(name, data, content_type=info.content_type)
    return clean_file, UploadInfo(
        file_type=info.file_type, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
