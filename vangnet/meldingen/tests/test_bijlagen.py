"""A melder's bijlagen are recognised by their content and lose every trace of who made them.

Each test builds a real file in memory, with tell-tale 'KANARIE' strings in its metadata, and
checks that the cleaned file still shows the same picture or text while the strings are gone.
"""

import io
import struct
import zipfile
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms, ImageFile
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from vangnet.meldingen.bijlagen import (
    MAX_AANTAL,
    MAX_GROOTTE,
    OngeldigeBijlage,
    SchoneBijlage,
    maak_alles_schoon,
    maak_schoon,
)

XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b"<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>"
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


# --- Files as a melder might send them ----------------------------------------------------------


def maak_foto(breedte=64, hoogte=48, oriëntatie=1) -> bytes:
    """A phone photo: left half red, right half blue, with camera, GPS, XMP and a comment."""
    beeld = Image.new("RGB", (breedte, hoogte), "blue")
    beeld.paste("red", (0, 0, breedte // 2, hoogte))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "KANARIE-merk"
    exif[ExifTags.Base.Model] = "KANARIE-model"
    exif[ExifTags.Base.DateTime] = "2024:03:01 21:14:00"
    exif[ExifTags.Base.Orientation] = oriëntatie
    exif[ExifTags.IFD.Exif] = {ExifTags.Base.BodySerialNumber: "KANARIE-serienummer"}
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 3.0, 12.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (3.0, 43.0, 30.0),
        ExifTags.GPS.GPSAreaInformation: "KANARIE-plek",
    }
    uit = io.BytesIO()
    beeld.save(
        uit,
        "JPEG",
        exif=exif,
        xmp=XMP % b"KANARIE-xmp",
        comment=b"KANARIE-commentaar",
        icc_profile=SRGB,
    )
    return uit.getvalue()


def maak_png(modus="RGBA") -> bytes:
    """A screenshot with an author, a description and a colour profile in its chunks."""
    beeld = Image.new(modus, (40, 30), (0, 128, 0, 0) if modus == "RGBA" else (0, 128, 0))
    info = PngInfo()
    info.add_text("Author", "KANARIE-auteur")
    info.add_itxt("Description", "KANARIE-beschrijving")
    info.add_text("Comment", "KANARIE-zlib", zip=True)
    uit = io.BytesIO()
    beeld.save(uit, "PNG", pnginfo=info, icc_profile=SRGB)
    return uit.getvalue()


def maak_pdf() -> bytes:
    """A PDF as an office program writes it: text, document information and XMP."""
    uit = io.BytesIO()
    blad = canvas.Canvas(uit)
    blad.setAuthor("KANARIE-reportlab")
    blad.drawString(72, 720, "Hij stuurde me om middernacht berichten.")
    blad.save()
    schrijver = PdfWriter(clone_from=PdfReader(io.BytesIO(uit.getvalue())))
    schrijver.add_metadata(
        {"/Author": "KANARIE-auteur", "/Creator": "KANARIE-maker", "/Producer": "KANARIE-pdf"}
    )
    schrijver.xmp_metadata = XMP % b"KANARIE-xmp"
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _stroom(woordenboek: bytes, data: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (woordenboek, len(data), data)


def maak_pdf_met_verborgen_extra_s() -> bytes:
    """A PDF written by hand with everything a PDF can hide: scripts, files, authors, XMP."""
    objecten = [
        # 1 catalog
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OpenAction 6 0 R /Names << "
        b"/JavaScript << /Names [(start) 6 0 R] >> "
        b"/EmbeddedFiles << /Names [(geheim.txt) 7 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        # 3 page
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 9 0 R /Metadata 10 0 R "
        b"/AA << /O 6 0 R >> /PieceInfo << /App << /Private (KANARIE-privaat) >> >> "
        b"/Annots [11 0 R 12 0 R 13 0 R 14 0 R] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stroom(b"/Type /Metadata /Subtype /XML", XMP % b"KANARIE-xmp"),
        # 6 a script that runs on opening
        b"<< /S /JavaScript /JS (app.alert\\('KANARIE-script'\\)) >>",
        b"<< /Type /Filespec /F (geheim.txt) /EF << /F 8 0 R >> >>",
        _stroom(b"/Type /EmbeddedFile", b"KANARIE-ingesloten"),
        _stroom(b"", b"BT /F1 24 Tf 72 720 Td (Hallo Vangnet) Tj ET"),
        _stroom(b"/Type /Metadata /Subtype /XML", XMP % b"KANARIE-paginaxmp"),
        # 11-14 annotations: a comment, an attached file, a script link, a web link
        b"<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents (Zie datum) "
        b"/T (KANARIE-commentator) /M (D:20240301211400) >>",
        b"<< /Type /Annot /Subtype /FileAttachment /Rect [40 10 60 30] /FS 7 0 R >>",
        b"<< /Type /Annot /Subtype /Link /Rect [70 10 90 30] /A 6 0 R >>",
        b"<< /Type /Annot /Subtype /Link /Rect [100 10 120 30] "
        b"/A << /S /URI /URI (https://example.org/hulp) >> >>",
        # 15 document information
        b"<< /Author (KANARIE-auteur) /Creator (KANARIE-maker) /Producer (KANARIE-pdf) >>",
    ]
    return _pdf_van_objecten(objecten, b"/Info 15 0 R")


def maak_pdf_met_foto(filters: bytes = b"/DCTDecode") -> bytes:
    """A PDF showing a phone photo that still carries its EXIF, as the JPEG stream holds it."""
    foto = maak_foto()
    data = zlib.compress(foto) if b"FlateDecode" in filters else foto
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        _stroom(
            b"/Type /XObject /Subtype /Image /Width 64 /Height 48 /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Filter %s" % filters,
            data,
        ),
        _stroom(b"", b"q 64 0 0 48 10 10 cm /Im1 Do Q"),
    ]
    return _pdf_van_objecten(objecten)


def _pdf_van_objecten(objecten: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file from numbered objects (the first is the catalog), with a correct xref."""
    uit = bytearray(b"%PDF-1.7\n")
    posities = []
    for nummer, inhoud in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, inhoud)
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % positie for positie in posities)
    uit += b"trailer\n<< /Size %d /Root 1 0 R %s >>\n" % (len(objecten) + 1, trailer)
    uit += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(uit)


def maak_png_kop(breedte: int, hoogte: int) -> bytes:
    """A tiny PNG whose header claims a picture of the given size (a decompression bomb)."""

    def stuk(soort: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(soort + data)
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", crc)

    kop = struct.pack(">IIBBBBB", breedte, hoogte, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + stuk(b"IHDR", kop)
        + stuk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + stuk(b"IEND", b"")
    )


def _weigering(naam: str, inhoud: bytes) -> str:
    with pytest.raises(OngeldigeBijlage) as fout:
        maak_schoon(naam, inhoud)
    return str(fout.value)


# --- Photos ------------------------------------------------------------------------------------


def test_it_strips_the_gps_position_camera_and_dates_from_a_photo():
    foto = maak_foto()
    assert b"KANARIE" in foto and b"2024:03:01" in foto

    bijlage = maak_schoon("IMG_2041.JPG", foto)

    assert bijlage == SchoneBijlage(naam="IMG_2041.jpg", soort="image/jpeg", inhoud=bijlage.inhoud)
    schoon = Image.open(io.BytesIO(bijlage.inhoud))
    assert not schoon.getexif()
    assert not schoon.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert not {"exif", "xmp", "icc_profile", "comment"} & schoon.info.keys()
    assert b"KANARIE" not in bijlage.inhoud and b"2024:03:01" not in bijlage.inhoud


def test_a_cleaned_photo_keeps_its_size_and_picture():
    bijlage = maak_schoon("foto.jpg", maak_foto(breedte=64, hoogte=48))

    schoon = Image.open(io.BytesIO(bijlage.inhoud)).convert("RGB")
    assert schoon.size == (64, 48)
    rood, _, blauw = schoon.getpixel((8, 24))
    assert rood > 200 and blauw < 60
    rood, _, blauw = schoon.getpixel((56, 24))
    assert rood < 60 and blauw > 200


def test_it_keeps_a_photo_upright_once_its_orientation_tag_is_gone():
    # Orientation 6: the camera was held sideways; the picture must be turned clockwise.
    bijlage = maak_schoon("foto.jpg", maak_foto(breedte=64, hoogte=48, oriëntatie=6))

    schoon = Image.open(io.BytesIO(bijlage.inhoud)).convert("RGB")
    assert schoon.size == (48, 64)
    assert schoon.getpixel((24, 8))[0] > 200  # the red half is now on top
    assert schoon.getpixel((24, 56))[2] > 200


def test_a_phone_photo_with_several_frames_becomes_one_ordinary_photo():
    uit = io.BytesIO()
    voorkant, achterkant = Image.new("RGB", (16, 8), "red"), Image.new("RGB", (16, 8), "blue")
    voorkant.save(uit, "MPO", save_all=True, append_images=[achterkant])

    schoon = Image.open(io.BytesIO(maak_schoon("dubbel.jpg", uit.getvalue()).inhoud))

    assert schoon.format == "JPEG" and getattr(schoon, "n_frames", 1) == 1
    assert schoon.getpixel((8, 4))[0] > 200


def test_it_turns_a_cmyk_photo_into_an_ordinary_colour_photo():
    uit = io.BytesIO()
    Image.new("CMYK", (20, 20), (0, 255, 255, 0)).save(uit, "JPEG")

    bijlage = maak_schoon("drukwerk.jpg", uit.getvalue())

    schoon = Image.open(io.BytesIO(bijlage.inhoud))
    assert schoon.mode == "RGB" and schoon.getpixel((10, 10))[0] > 200


def test_it_strips_text_chunks_and_the_colour_profile_from_a_screenshot():
    png = maak_png()
    assert png.count(b"KANARIE") == 2  # the third one is compressed

    bijlage = maak_schoon("scherm.png", png)

    schoon = Image.open(io.BytesIO(bijlage.inhoud))
    assert bijlage.soort == "image/png" and bijlage.naam == "scherm.png"
    assert schoon.info.keys() <= {"dpi", "gamma"} and not schoon.text
    assert b"KANARIE" not in bijlage.inhoud
    assert not {b"tEXt", b"iTXt", b"zTXt", b"iCCP", b"eXIf"} & _png_stukken(bijlage.inhoud)
    assert schoon.size == (40, 30) and schoon.getpixel((0, 0)) == (0, 128, 0, 0)


def _png_stukken(png: bytes) -> set[bytes]:
    stukken, positie = set(), 8
    while positie < len(png):
        lengte = struct.unpack(">I", png[positie : positie + 4])[0]
        stukken.add(png[positie + 4 : positie + 8])
        positie += 12 + lengte
    return stukken


def test_a_palette_picture_keeps_its_transparency():
    beeld = Image.new("P", (10, 10), 1)
    beeld.putpalette([255, 255, 255, 200, 0, 0])
    beeld.putpixel((0, 0), 0)
    uit = io.BytesIO()
    beeld.save(uit, "PNG", transparency=0)

    schoon = Image.open(io.BytesIO(maak_schoon("logo.png", uit.getvalue()).inhoud))

    assert schoon.mode == "RGBA"
    assert schoon.getpixel((0, 0))[3] == 0 and schoon.getpixel((5, 5)) == (200, 0, 0, 255)


@pytest.mark.parametrize(("breedte", "hoogte"), [(8_000, 6_000), (30_000, 30_000)])
def test_it_refuses_a_picture_that_would_unpack_to_an_enormous_size(breedte, hoogte):
    # 48 megapixels is over our own limit; 900 megapixels trips Pillow's bomb check first.
    melding = _weigering("bom.png", maak_png_kop(breedte, hoogte))

    assert "bom.png" in melding and "te grote afbeelding" in melding


def maak_palet_bom(breedte: int = 6300, hoogte: int = 6300) -> bytes:
    """A real, valid PNG of one colour: a 1-bit palette picture compresses to a few KB."""

    def stuk(soort: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(soort + data)
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", crc)

    rij = b"\x00" * (1 + (breedte + 7) // 8)  # filter byte, then 8 pixels a byte
    return (
        b"\x89PNG\r\n\x1a\n"
        + stuk(b"IHDR", struct.pack(">IIBBBBB", breedte, hoogte, 1, 3, 0, 0, 0))
        + stuk(b"PLTE", b"\xff\xff\xff")
        + stuk(b"IDAT", zlib.compress(rij * hoogte, 9))
        + stuk(b"IEND", b"")
    )


@pytest.fixture
def decoderingen(monkeypatch) -> list[tuple[int, int]]:
    """Every picture Pillow decodes during the test, by its size."""
    gedecodeerd: list[tuple[int, int]] = []
    echte_load = ImageFile.ImageFile.load

    def load(beeld):
        gedecodeerd.append(beeld.size)
        return echte_load(beeld)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return gedecodeerd


def test_an_image_of_6300_by_6300_pixels_in_a_small_png_is_refused_before_it_is_decoded(
    decoderingen,
):
    # Audit finding "an image costs 0.8 GB of memory": 154 KB of PNG took 3.7 s and 600 MiB.
    bom = maak_palet_bom()
    assert len(bom) < 20_000
    assert Image.open(io.BytesIO(bom)).size == (6300, 6300)  # a genuine, readable picture

    melding = _weigering("bom.png", bom)

    assert "bom.png" in melding and "te grote afbeelding" in melding
    assert decoderingen == []  # refused on its header: not one pixel was decoded


@pytest.mark.parametrize(("breedte", "hoogte"), [(12_001, 100), (100, 12_001), (5000, 5001)])
def test_a_picture_too_long_on_one_side_or_over_the_pixel_limit_is_refused_undecoded(
    decoderingen, breedte, hoogte
):
    assert "te grote afbeelding" in _weigering("lang.png", maak_palet_bom(breedte, hoogte))
    assert decoderingen == []


def test_a_picture_with_more_frames_than_a_phone_makes_is_refused_undecoded(decoderingen):
    uit = io.BytesIO()
    eerste, *rest = [Image.new("RGB", (8, 8), (i * 40, 0, 0)) for i in range(5)]
    eerste.save(uit, "PNG", save_all=True, append_images=rest)

    assert "te grote afbeelding" in _weigering("film.png", uit.getvalue())
    assert decoderingen == []


def test_a_phone_photo_of_24_megapixels_is_still_accepted():
    uit = io.BytesIO()
    Image.new("RGB", (5712, 4284), "red").save(uit, "JPEG", quality=50)

    schoon = Image.open(io.BytesIO(maak_schoon("iphone.jpg", uit.getvalue()).inhoud))

    assert schoon.size == (5712, 4284)


def test_it_refuses_a_truncated_photo():
    foto = maak_foto(breedte=300, hoogte=200)

    melding = _weigering("kapot.jpg", foto[: len(foto) // 2])

    assert "kapot.jpg" in melding and "beschadigd" in melding


# --- PDF ---------------------------------------------------------------------------------------


def test_it_removes_document_information_and_xmp_from_a_pdf_but_keeps_the_text():
    pdf = maak_pdf()
    assert pdf.count(b"KANARIE") >= 4

    bijlage = maak_schoon("verslag.pdf", pdf)

    lezer = PdfReader(io.BytesIO(bijlage.inhoud))
    assert bijlage.soort == "application/pdf"
    assert "middernacht berichten" in lezer.pages[0].extract_text()
    assert lezer.metadata is None and lezer.xmp_metadata is None
    assert b"KANARIE" not in bijlage.inhoud and b"/Producer" not in bijlage.inhoud


def test_it_removes_scripts_embedded_files_and_page_metadata_from_a_pdf():
    bijlage = maak_schoon("verborgen.pdf", maak_pdf_met_verborgen_extra_s())

    lezer = PdfReader(io.BytesIO(bijlage.inhoud))
    pagina = lezer.pages[0]
    assert pagina.extract_text() == "Hallo Vangnet"
    assert not {"/OpenAction", "/Names", "/Metadata"} & lezer.trailer["/Root"].keys()
    assert not {"/Metadata", "/AA", "/PieceInfo"} & pagina.keys()
    for kanarie in [b"script", b"ingesloten", b"xmp", b"paginaxmp", b"privaat", b"auteur"]:
        assert b"KANARIE-" + kanarie not in bijlage.inhoud
    assert b"/JavaScript" not in bijlage.inhoud and b"/EmbeddedFile" not in bijlage.inhoud


def test_a_pdf_keeps_its_comments_and_web_links_without_their_author():
    bijlage = maak_schoon("verborgen.pdf", maak_pdf_met_verborgen_extra_s())

    annotaties = [a.get_object() for a in PdfReader(io.BytesIO(bijlage.inhoud)).pages[0]["/Annots"]]

    assert [a["/Subtype"] for a in annotaties] == ["/Text", "/Link", "/Link"]
    opmerking, scriptlink, weblink = annotaties
    assert opmerking["/Contents"] == "Zie datum" and "/T" not in opmerking and "/M" not in opmerking
    assert "/A" not in scriptlink
    assert weblink["/A"]["/URI"] == "https://example.org/hulp"
    assert b"KANARIE-commentator" not in bijlage.inhoud


def _foto_in_pdf(pdf: bytes) -> bytes:
    """The JPEG bytes as stored in the PDF (pypdf's own image export would re-encode them)."""
    pagina = PdfReader(io.BytesIO(pdf)).pages[0]
    return pagina["/Resources"]["/XObject"]["/Im1"].get_object().get_data()


@pytest.mark.parametrize("filters", [b"/DCTDecode", b"[/FlateDecode /DCTDecode]"])
def test_it_strips_the_exif_of_a_photo_inside_a_pdf(filters):
    pdf = maak_pdf_met_foto(filters)
    assert b"KANARIE-plek" in _foto_in_pdf(pdf) and b"KANARIE-serienummer" in _foto_in_pdf(pdf)

    bijlage = maak_schoon("met-foto.pdf", pdf)

    foto = _foto_in_pdf(bijlage.inhoud)
    assert b"KANARIE" not in foto and b"KANARIE" not in bijlage.inhoud
    beeld = Image.open(io.BytesIO(foto))
    assert not beeld.getexif() and beeld.size == (64, 48)
    assert beeld.convert("RGB").getpixel((8, 24))[0] > 200


def test_it_refuses_a_pdf_protected_with_a_password():
    schrijver = PdfWriter(clone_from=PdfReader(io.BytesIO(maak_pdf())))
    schrijver.encrypt("geheim", algorithm="RC4-128")
    uit = io.BytesIO()
    schrijver.write(uit)

    melding = _weigering("beveiligd.pdf", uit.getvalue())

    assert "beveiligd.pdf" in melding and "wachtwoord" in melding


def test_it_refuses_a_broken_pdf():
    melding = _weigering("stuk.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")

    assert "stuk.pdf" in melding and "beschadigd" in melding


# --- Text --------------------------------------------------------------------------------------


def test_it_stores_text_as_utf8_without_byte_order_mark():
    tekst = "Hij zei: ‘je bent niets’. Op 3 maart, café De Zwaan.\r\n"

    bijlage = maak_schoon("notities.txt", b"\xef\xbb\xbf" + tekst.encode())

    assert bijlage == SchoneBijlage(
        naam="notities.txt", soort="text/plain", inhoud=tekst.encode("utf-8")
    )


def test_it_refuses_text_that_is_not_utf8():
    melding = _weigering("oud.txt", "café".encode("cp1252"))

    assert "oud.txt" in melding and "PDF" in melding


# --- Kinds of files and their names ------------------------------------------------------------


def test_it_trusts_the_content_not_the_name_of_a_file():
    bijlage = maak_schoon("foto.jpg", maak_pdf())

    assert (bijlage.naam, bijlage.soort) == ("foto.pdf", "application/pdf")


def _zip() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as archief:
        archief.writestr("word/document.xml", "<w:document/>")
    return uit.getvalue()


def _gif() -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", (4, 4)).save(uit, "GIF")
    return uit.getvalue()


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("foto.jpg", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("bewijs.zip", _zip()),
        ("verslag.docx", _zip()),
        ("bericht.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("bericht.txt", b"\n  <html><body onload=alert(1)>"),
        ("tekening.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("tekening.svg", b'<?xml version="1.0"?><svg/>'),
        ("bewegend.gif", _gif()),
        ("terminal.txt", b"gewone tekst \x1b[2J"),
    ],
)
def test_it_refuses_kinds_of_files_other_than_photos_pdf_and_text(naam, inhoud):
    melding = _weigering(naam, inhoud)

    assert naam in melding
    assert "JPG" in melding and "PNG" in melding and "PDF" in melding and "TXT" in melding


@pytest.mark.parametrize(
    ("naam", "veilig"),
    [
        ("../../etc/foto.jpg", "foto.jpg"),
        ("C:\\Users\\jan\\Desktop\\foto.JPEG", "foto.jpg"),
        ("foto\u202egpj.exe", "fotogpj.jpg"),
        ("ber\x00icht\n.jpg", "bericht.jpg"),
        ('wat?<is>"dit"*.jpg', "wat__is__dit__.jpg"),
        ("", "bijlage.jpg"),
        (".jpg", "bijlage.jpg"),
        ("...", "bijlage.jpg"),
        ("a" * 300 + ".jpg", "a" * 96 + ".jpg"),
    ],
)
def test_it_keeps_only_a_safe_base_name(naam, veilig):
    assert maak_schoon(naam, maak_foto(8, 8)).naam == veilig


def test_it_refuses_an_empty_file():
    assert "leeg.txt is leeg" in _weigering("leeg.txt", b"")
    assert "bom.txt is leeg" in _weigering("bom.txt", b"\xef\xbb\xbf")


def test_it_refuses_a_file_over_the_size_limit_and_says_the_limit():
    melding = _weigering("video.txt", b"a" * (MAX_GROOTTE + 1))

    assert "video.txt" in melding and "10 MB" in melding


def test_a_file_of_exactly_the_size_limit_is_accepted():
    assert len(maak_schoon("lang.txt", b"a" * MAX_GROOTTE).inhoud) == MAX_GROOTTE


def test_it_cleans_every_file_of_a_melding_and_refuses_too_many():
    bestanden = [("notitie.txt", b"tekst"), ("foto.png", maak_png())]

    assert [b.naam for b in maak_alles_schoon(bestanden)] == ["notitie.txt", "foto.png"]
    with pytest.raises(OngeldigeBijlage, match=f"maximaal {MAX_AANTAL} bestanden"):
        maak_alles_schoon([("notitie.txt", b"tekst")] * (MAX_AANTAL + 1))
