"""Upload inspection (rule 8): accepted by content, refused with a Chinese message when
disguised, oversize, a zip bomb or carrying XML entities — and nothing stored then."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib

import docx
import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile

from fazhi.core.attachments import attachment_add
from fazhi.core.models import Attachment, AuditEvent
from fazhi.core.permissions import ServiceError
from fazhi.core.uploads import inspect_upload

# --- tiny real files -------------------------------------------------------------


def make_docx(text: str = "海屿镇法治建设工作制度") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "台账"
    wb.active["B1"] = 42
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def make_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1×1, 8-bit RGB
    idat = zlib.compress(b"\x00\xc8\x10\x2e")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def make_jpg() -> bytes:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8" + app0 + b"\xff\xd9"


def rezip(
    original: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    """Copy an Office package, replacing or adding parts."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, data in add.items():
            dst.writestr(name, data)
    return out.getvalue()


def lie_about_size(package: bytes, name: str, claimed: int, claimed_crc: int) -> bytes:
    """Patch both the local and the central header of `name` to claim a small size."""
    data = bytearray(package)
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        offset = zf.getinfo(name).header_offset
    struct.pack_into("<I", data, offset + 14, claimed_crc)
    struct.pack_into("<I", data, offset + 22, claimed)
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == name.encode():
            struct.pack_into("<I", data, pos + 16, claimed_crc)
            struct.pack_into("<I", data, pos + 24, claimed)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refused(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as exc:
        inspect_upload(upload(name, content))
    return exc.value.messages[0]


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# --- accepted --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "builder", "file_type"),
    [
        ("制度.docx", make_docx, "docx"),
        ("台账.XLSX", make_xlsx, "xlsx"),
        ("批复.pdf", make_pdf, "pdf"),
        ("现场.png", make_png, "png"),
        ("现场.jpg", make_jpg, "jpg"),
        ("现场.jpeg", make_jpg, "jpg"),
    ],
)
def test_given_each_accepted_type_when_inspected_then_type_hash_and_size_are_reported(
    name, builder, file_type
):
    content = builder()
    info = inspect_upload(upload(name, content))
    assert info.file_type == file_type
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.size == len(content)


def test_given_a_file_spooled_to_disk_when_inspected_then_it_is_read_by_stream(tmp_path, settings):
    """Given Django's temporary-file upload (large uploads) the same checks apply."""
    from django.core.files.uploadedfile import TemporaryUploadedFile

    content = make_xlsx()
    tmp = TemporaryUploadedFile("台账.xlsx", "application/octet-stream", len(content), None)
    tmp.write(content)
    tmp.seek(0)
    assert inspect_upload(tmp).file_type == "xlsx"
    tmp.close()


# --- refused ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "builder", "fragment"),
    [
        ("通知.docx", make_png, "内容却是PNG图片"),
        ("台账.xlsx", make_pdf, "内容却是PDF文件"),
        ("台账.xlsx", make_docx, "内容却是Word文档"),
        ("制度.docx", make_xlsx, "内容却是Excel表格"),
        ("照片.png", make_jpg, "内容却是JPG图片"),
        ("文件.pdf", lambda: b"MZ\x90\x00" + b"\x00" * 100, "无法识别的文件内容"),
        ("文件.pdf", lambda: b"<html><script>alert(1)</script></html>", "无法识别的文件内容"),
        ("说明.txt", lambda: "纯文本".encode(), "不支持的文件类型"),
        ("程序.exe", lambda: b"MZ\x90\x00", "不支持的文件类型"),
        ("无扩展名", make_pdf, "不支持的文件类型"),
        ("截断.pdf", lambda: b"%PDF-1.4\n1 0 obj<<>>", "PDF文件不完整"),
        ("坏图.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG图片已损坏"),
    ],
)
def test_given_a_disguised_or_unknown_file_when_inspected_then_refused_in_chinese(
    name, builder, fragment
):
    message = refused(name, builder())
    assert fragment in message


def test_given_an_empty_file_when_inspected_then_refused():
    assert "空的" in refused("空.pdf", b"")


def test_given_a_file_over_the_limit_when_inspected_then_the_limit_is_named(settings):
    settings.FAZHI_UPLOAD_MAX_BYTES = 1024
    message = refused("大.pdf", b"%PDF-1.4\n" + b"0" * 2000 + b"\n%%EOF\n")
    assert message == "文件过大:上限为 1 KB"


def test_given_a_file_lying_about_its_size_when_inspected_then_the_stream_is_counted(settings):
    """Given an upload whose declared size is small but whose bytes are many, the
    streamed count refuses it."""
    settings.FAZHI_UPLOAD_MAX_BYTES = 1024
    content = b"%PDF-1.4\n" + b"0" * 5000 + b"\n%%EOF\n"
    f = InMemoryUploadedFile(io.BytesIO(content), "file", "大.pdf", "application/pdf", 10, None)
    with pytest.raises(ValidationError) as exc:
        inspect_upload(f)
    assert "上限为 1 KB" in exc.value.messages[0]


def test_given_a_zip_that_is_not_an_office_file_when_named_docx_then_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "不是有效的 Word 或 Excel 文件" in refused("伪装.docx", buf.getvalue())


def test_given_a_package_without_document_part_when_inspected_then_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    assert "缺少正文或工作簿" in refused("空壳.docx", buf.getvalue())


def test_given_a_truncated_docx_when_inspected_then_refused_as_corrupt():
    content = make_docx()
    assert "已损坏" in refused("截断.docx", content[: len(content) // 2])


def test_given_a_zip_bomb_part_when_inspected_then_refused_before_decompressing():
    """Given a docx carrying 8 MB of zeros compressed ~1000×, the ratio refuses it."""
    bomb = rezip(make_docx(), add={"word/media/image1.png": b"\x00" * (8 * 1024 * 1024)})
    assert len(bomb) < 200_000
    assert "疑似压缩炸弹" in refused("炸弹.docx", bomb)


def test_given_a_package_expanding_past_the_limit_when_inspected_then_refused(settings):
    settings.FAZHI_UPLOAD_MAX_EXPANDED_BYTES = 50_000
    message = refused("制度.docx", make_docx())
    assert "疑似压缩炸弹" in message and "48.8 KB" in message


def test_given_a_package_with_too_many_entries_when_inspected_then_refused(settings):
    settings.FAZHI_UPLOAD_MAX_ZIP_ENTRIES = 30
    many = rezip(make_xlsx(), add={f"xl/media/p{i}.bin": b"x" for i in range(40)})
    assert "条目过多" in refused("台账.xlsx", many)


def test_given_headers_that_lie_about_the_expanded_size_when_inspected_then_real_bytes_count():
    """Given a part whose headers claim 1000 bytes (with a matching CRC) but whose stream
    inflates to 8 MB, the bounded decompression refuses it."""
    zeros = b"\x00" * (8 * 1024 * 1024)
    honest = rezip(make_docx(), add={"word/media/image1.png": zeros})
    liar = lie_about_size(honest, "word/media/image1.png", 1000, zlib.crc32(zeros[:1000]))
    with zipfile.ZipFile(io.BytesIO(liar)) as zf:  # Python's zipfile believes the header
        assert len(zf.read("word/media/image1.png")) == 1000
    assert "疑似压缩炸弹" in refused("炸弹.docx", liar)


def test_given_headers_that_lie_below_the_ratio_floor_when_inspected_then_size_mismatch_refused():
    payload = bytes(range(256)) * 8  # 2 KB, barely compressible: no ratio alarm
    honest = rezip(make_docx(), add={"word/media/data.bin": payload})
    liar = lie_about_size(honest, "word/media/data.bin", 100, zlib.crc32(payload[:100]))
    assert "疑似压缩炸弹" in refused("制度.docx", liar)


XXE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
)


def _with_doctype(xml: bytes) -> bytes:
    body = xml.split(b"?>", 1)[1]
    return XXE + body


def test_given_a_docx_with_a_doctype_in_document_xml_when_inspected_then_refused():
    original = make_docx()
    with zipfile.ZipFile(io.BytesIO(original)) as zf:
        xml = zf.read("word/document.xml")
    evil = rezip(original, replace={"word/document.xml": _with_doctype(xml)})
    message = refused("制度.docx", evil)
    assert "DOCTYPE/ENTITY" in message and "word/document.xml" in message


def test_given_an_xlsx_with_an_external_entity_in_a_rels_part_when_inspected_then_refused():
    original = make_xlsx()
    evil_rels = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b"&x;</Relationships>"
    )
    evil = rezip(original, replace={"_rels/.rels": evil_rels})
    assert "DOCTYPE/ENTITY" in refused("台账.xlsx", evil)


def test_given_a_doctype_hidden_in_utf16_when_inspected_then_still_refused():
    """Given document.xml re-encoded as UTF-16 (a byte scan for '<!DOCTYPE' misses it),
    the XML parser still sees the declaration."""
    original = make_docx()
    with zipfile.ZipFile(io.BytesIO(original)) as zf:
        xml = zf.read("word/document.xml").decode()
    text = _with_doctype(xml.encode()).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    evil = rezip(original, replace={"word/document.xml": text.encode("utf-16")})
    assert "DOCTYPE/ENTITY" in refused("制度.docx", evil)


def test_given_a_doctype_in_an_xml_part_with_another_name_when_inspected_then_refused():
    evil = rezip(make_docx(), add={"customXml/item1.dat": XXE + b"<a>&lol2;</a>"})
    assert "DOCTYPE/ENTITY" in refused("制度.docx", evil)


def test_given_malformed_xml_in_a_part_when_inspected_then_refused_as_corrupt():
    evil = rezip(make_docx(), replace={"word/document.xml": b"<w:document><unclosed>"})
    assert "格式错误" in refused("制度.docx", evil)


def test_given_an_encrypted_entry_when_inspected_then_refused():
    original = bytearray(rezip(make_docx()))
    with zipfile.ZipFile(io.BytesIO(bytes(original))) as zf:
        offset = zf.getinfo("word/document.xml").header_offset
    # Set the "encrypted" flag in the central directory entry for document.xml.
    pos = original.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", original, pos + 28)[0]
        if original[pos + 46 : pos + 46 + name_len] == b"word/document.xml":
            flags = struct.unpack_from("<H", original, pos + 8)[0]
            struct.pack_into("<H", original, pos + 8, flags | 1)
        pos = original.find(b"PK\x01\x02", pos + 4)
    assert offset >= 0
    assert "已加密" in refused("制度.docx", bytes(original))


# --- refusals store nothing ---------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _files_under(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


BAD_UPLOADS = [
    ("伪装.docx", make_png),
    ("伪装.xlsx", make_pdf),
    ("空.pdf", lambda: b""),
    ("炸弹.docx", lambda: rezip(make_docx(), add={"word/media/z.bin": b"\x00" * (8 << 20)})),
    ("实体.docx", lambda: rezip(make_docx(), replace={"word/document.xml": XXE + b"<a/>"})),
    ("病毒.exe", lambda: b"MZ"),
]


@pytest.mark.parametrize(("name", "builder"), BAD_UPLOADS)
def test_given_a_refused_upload_when_attached_then_no_row_no_file_no_audit(
    people, tree, media, name, builder
):
    before = AuditEvent.objects.filter(verb="attachment.add").count()
    with pytest.raises(ServiceError) as exc:
        attachment_add(
            actor=people.officer, record=tree.town_a, uploaded_file=upload(name, builder())
        )
    assert has_cjk(exc.value.message)
    assert exc.value.errors["file"] == [exc.value.message]
    assert Attachment.objects.count() == 0
    assert _files_under(media) == []
    assert AuditEvent.objects.filter(verb="attachment.add").count() == before


def test_given_an_oversize_upload_when_attached_then_nothing_is_written(
    people, tree, media, settings
):
    settings.FAZHI_UPLOAD_MAX_BYTES = 2048
    with pytest.raises(ServiceError) as exc:
        attachment_add(
            actor=people.officer, record=tree.town_a, uploaded_file=upload("大.docx", make_docx())
        )
    assert "上限为 2 KB" in exc.value.message
    assert Attachment.objects.count() == 0
    assert _files_under(media) == []


@pytest.mark.parametrize(("name", "builder"), BAD_UPLOADS[:3])
def test_given_a_refused_upload_through_the_page_then_a_chinese_message_and_nothing_stored(
    people, tree, media, login, name, builder
):
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.messages import get_messages
    from django.urls import reverse

    client = login(people.officer)
    back = reverse("core:unit_detail", args=[tree.town_a.pk])
    response = client.post(
        reverse("core:attachment_upload"),
        {
            "content_type": ContentType.objects.get_for_model(tree.town_a).pk,
            "object_id": tree.town_a.pk,
            "next": back,
            "file": upload(name, builder()),
        },
    )
    assert response.status_code == 302 and response["Location"] == back
    [message] = list(get_messages(response.wsgi_request))
    assert str(message).startswith("上传失败:") and message.level_tag == "error"
    assert Attachment.objects.count() == 0
    assert _files_under(media) == []
