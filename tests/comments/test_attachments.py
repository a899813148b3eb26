"""Attachments: PDF, DOCX, XLSX recognised by content, kept in the database, read by few."""

import hashlib
import io
import zipfile

import pytest

from app.comments.attachments import DOCX, PDF, XLSX, safe_filename, sniff_attachment
from app.core.refusal import Refused
from tests.comments.helpers import english, message, post_comment, stored, text
from tests.factories import make_open_revision, make_unit, make_user

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def office(*names: str, content_types: bytes = b"<Types/>", encrypt: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        for name in names:
            archive.writestr(name, b"<xml/>")
    data = buffer.getvalue()
    if encrypt:  # set the "encrypted" flag bit of every entry, as a password-protected ZIP has
        data = data.replace(b"PK\x03\x04\x14\x00\x00\x00", b"PK\x03\x04\x14\x00\x01\x00")
        data = data.replace(
            b"PK\x01\x02\x14\x03\x14\x00\x00\x00", b"PK\x01\x02\x14\x03\x14\x00\x01\x00"
        )
    return data


DOCX_BYTES = office("word/document.xml")
XLSX_BYTES = office("xl/workbook.xml")


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [("意见.pdf", PDF_BYTES, PDF), ("意见.DOCX", DOCX_BYTES, DOCX), ("表.xlsx", XLSX_BYTES, XLSX)],
)
def test_accepted_types_are_recognised_by_content(name, data, mime):
    assert sniff_attachment(name, data) == mime


@pytest.mark.parametrize(
    ("name", "data", "refusal"),
    [
        ("a.exe", b"MZ\x90\x00", "The file a.exe is not a PDF, DOCX or XLSX document."),
        (
            "a.pdf",
            b"<html><script>alert(1)</script>",
            "The file a.pdf is not a PDF, DOCX or XLSX document.",
        ),
        ("a.pdf", b"%PDF-1.4 truncated", "The file a.pdf is not a PDF, DOCX or XLSX document."),
        (
            "a.pdf",
            b"%PDF-1.4\ntrailer << /Encrypt 5 0 R >>\n%%EOF",
            "The file a.pdf is encrypted; please send it without a password.",
        ),
        (
            "a.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,  # an encrypted OOXML (OLE)
            "The file a.docx is not a PDF, DOCX or XLSX document.",
        ),
        ("a.docx", b"PK\x03\x04garbage", "The file a.docx is not a PDF, DOCX or XLSX document."),
        ("a.zip", office("x.txt"), "The file a.zip is not a PDF, DOCX or XLSX document."),
        (
            "a.docx",
            office("word/document.xml", "word/vbaProject.bin"),
            "The file a.docx contains macros, which are not accepted; please save it as a plain .docx or .xlsx.",
        ),
        (
            "a.xlsx",
            office(
                "xl/workbook.xml",
                content_types=b'<Override ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>',
            ),
            "The file a.xlsx contains macros, which are not accepted; please save it as a plain .docx or .xlsx.",
        ),
        (
            "a.docx",
            office("word/document.xml", encrypt=True),
            "The file a.docx is encrypted; please send it without a password.",
        ),
        ("a.docx", PDF_BYTES, "The file a.docx is a PDF file but its name does not end in .pdf."),
        ("a.pdf", b"", "The file a.pdf is empty."),
    ],
)
def test_other_content_is_refused(app, name, data, refusal):
    with pytest.raises(Refused) as refused:
        sniff_attachment(name, data)

    with app.test_request_context(headers={"Cookie": "zq_lang=en"}):
        assert str(refused.value.message) == refusal


def test_sent_file_names_lose_paths_and_control_characters():
    assert safe_filename("C:\\Users\\x\\意见\u202egpj.pdf") == "意见gpj.pdf"
    assert safe_filename("../../etc/passwd\x00.pdf") == "passwd.pdf"
    assert safe_filename("") == "attachment"


@pytest.fixture
def revision(app):
    return make_open_revision()


def upload(data: bytes, name: str):
    return (io.BytesIO(data), name)


def test_attachments_are_stored_with_their_checksums(revision, client, login_as):
    login_as(make_user())

    response = post_comment(
        client,
        revision,
        "art1",
        body="见附件。",
        attachments=[upload(PDF_BYTES, "说明.pdf"), upload(XLSX_BYTES, "数据.xlsx")],
    )

    [comment] = stored()
    assert response.status_code == 303
    assert [
        (a.filename, a.mime, a.size, a.sha256, a.data, a.stamped) for a in comment.attachments
    ] == [
        ("说明.pdf", PDF, len(PDF_BYTES), hashlib.sha256(PDF_BYTES).hexdigest(), PDF_BYTES, False),
        (
            "数据.xlsx",
            XLSX,
            len(XLSX_BYTES),
            hashlib.sha256(XLSX_BYTES).hexdigest(),
            XLSX_BYTES,
            False,
        ),
    ]
    page = text(client.get(response.headers["Location"]))
    assert f'<a href="/attachments/{comment.attachments[0].id}" download>说明.pdf</a>' in page


def test_a_refused_file_stores_nothing(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(
        client,
        revision,
        "art1",
        body="x",
        attachments=[upload(PDF_BYTES, "ok.pdf"), upload(b"MZ", "bad.pdf")],
    )

    assert response.status_code == 400
    assert message(text(response)) == "The file bad.pdf is not a PDF, DOCX or XLSX document."
    assert stored() == []


def test_at_most_five_files(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(
        client,
        revision,
        "art1",
        body="x",
        attachments=[upload(PDF_BYTES, f"{i}.pdf") for i in range(6)],
    )

    assert message(text(response)) == "At most 5 files can be attached."
    assert stored() == []


def test_a_file_over_the_size_limit_is_refused(revision, app, client, login_as):
    app.config["ATTACHMENT_MAX_BYTES"] = 100 * 1024  # small: the test client spools no file
    login_as(make_user())
    english(client)
    big = PDF_BYTES[:-7] + b"0" * (100 * 1024) + b"\n%%EOF\n"

    response = post_comment(
        client, revision, "art1", body="x", attachments=[upload(big, "big.pdf")]
    )

    assert message(text(response)) == "The file big.pdf is larger than the limit of 100 KB."
    assert stored() == []


def test_a_unit_member_sends_the_official_position_with_a_stamped_pdf(revision, client, login_as):
    unit = make_unit("中认联合认证中心", "CB")
    partner = make_unit("华培认证培训中心", "TB")
    login_as(make_user(unit=unit, representative=True))

    post_comment(
        client,
        revision,
        "art1",
        body="本单位意见。",
        official_position="y",
        cosigners=[str(partner.id)],
        stamped=upload(PDF_BYTES, "盖章件.pdf"),
    )

    [comment] = stored()
    assert comment.official_position is True
    assert [(c.unit.name, c.state.value) for c in comment.cosignatures] == [
        ("华培认证培训中心", "pending")  # shown as co-signer once the unit confirms
    ]
    assert [(a.filename, a.stamped) for a in comment.attachments] == [("盖章件.pdf", True)]


def test_a_stamped_copy_must_be_a_pdf_and_go_with_the_official_position(revision, client, login_as):
    login_as(make_user(unit=make_unit(), representative=True))
    english(client)

    not_official = post_comment(client, revision, body="x", stamped=upload(PDF_BYTES, "s.pdf"))
    not_pdf = post_comment(
        client, revision, body="x", official_position="y", stamped=upload(DOCX_BYTES, "s.docx")
    )

    assert message(text(not_official)) == (
        "A stamped PDF goes with the unit's official position; please tick it."
    )
    assert message(text(not_pdf)) == "The stamped copy must be a PDF file."
    assert stored() == []


def test_unit_options_need_a_unit(revision, client, login_as):
    other = make_unit()
    login_as(make_user())  # an individual
    english(client)

    official = post_comment(client, revision, body="x", official_position="y")
    cosigned = post_comment(client, revision, body="x", cosigners=[str(other.id)])

    expected = (
        "Only a confirmed representative of a unit, with a verified e-mail address, can "
        "give its official position or add co-signing units."
    )
    assert message(text(official)) == expected
    assert message(text(cosigned)) == expected
    assert stored() == []


def test_an_unknown_cosigning_unit_is_refused(revision, client, login_as):
    login_as(make_user(unit=make_unit(), representative=True))
    english(client)

    response = post_comment(client, revision, body="x", cosigners=["999999"])

    assert message(text(response)) == "One of the co-signing units does not exist."
    assert stored() == []


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("author", True),
        ("participant", False),
        ("team", True),
        ("reviewer", True),
        ("official", True),
        ("admin", True),
        ("anonymous", False),
    ],
)
def test_attachments_are_read_by_author_team_and_officials_only(
    revision, app, client, login_as, role, allowed
):
    author = login_as(make_user())
    post_comment(client, revision, body="x", attachments=[upload(DOCX_BYTES, "意见.docx")])
    [attachment] = stored()[0].attachments
    reader = app.test_client()
    if role != "anonymous":
        user = author if role == "author" else make_user(role)
        with reader.session_transaction() as session:
            session["_user_id"] = user.get_id()

    response = reader.get(f"/attachments/{attachment.id}")

    if allowed:
        assert response.status_code == 200
        assert response.data == DOCX_BYTES
        assert response.headers["Content-Type"] == DOCX
        assert response.headers["Content-Disposition"] == (
            f'attachment; filename="attachment-{attachment.id}.docx"; '
            "filename*=UTF-8''%E6%84%8F%E8%A7%81.docx"
        )
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    elif role == "anonymous":
        assert response.status_code == 302
        assert response.headers["Location"].split("?")[0] == "/sign-in"
    else:
        assert response.status_code == 404
