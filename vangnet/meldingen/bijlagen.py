"""Bijlagen of a melding: recognised by their content and stripped of every trace of the melder.

A melder may add a photo of a message or a PDF. Such a file often tells more than the melder
wants: the GPS position and serial number of a camera, the author's name in a PDF. Before a
bijlage is stored (encrypted), it passes through here:

- its kind is recognised by its content, never by its name or what the browser says;
- a photo is rebuilt from its pixels alone (no EXIF, XMP, IPTC, ICC profile or text chunks);
- of a PDF only the pages are copied, without document information, XMP, scripts, embedded
  files, the EXIF of photos inside it, or the authors of comments;
- a text file must be plain UTF-8 text.
"""

import contextlib
import re
import unicodedata
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.utils.translation import gettext as _

from PIL import Image, ImageCms, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
)

MAX_GROOTTE: int = 10 * 1024 * 1024
MAX_AANTAL: int = 5
TOEGELATEN: dict[str, str] = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
}

# Even a small file can unpack to an enormous picture (a 150 KB PNG to 6300x6300 pixels, 0.8 GB
# of memory once decoded and converted). These limits are checked on the header, before a
# single pixel is decoded. 25 megapixels covers a phone's default photo (an iPhone's 24 MP is
# 5712x4284); a side of 12,000 pixels a phone's panorama; phones store at most a few frames
# (MPO: the photo and its depth map) and only the first one is used.
MAX_BEELDPUNTEN = 25_000_000
MAX_ZIJDE = 12_000
MAX_BEELDEN = 4
JPEG_KWALITEIT = 90
MAX_NAAMLENGTE = 100
STANDAARDNAAM = "bijlage"


class OngeldigeBijlage(Exception):
    """A bijlage we do not accept; str(exc) is a translated explanation for the melder."""


@dataclass(frozen=True)
class SchoneBijlage:
    """A checked bijlage without metadata, ready to be encrypted and stored."""

    naam: str
    soort: str
    inhoud: bytes


def maak_alles_schoon(bestanden: list[tuple[str, bytes]]) -> list[SchoneBijlage]:
    """Check and clean all bijlagen of one melding; refuse more than MAX_AANTAL of them."""
    if len(bestanden) > MAX_AANTAL:
        raise OngeldigeBijlage(
            _("Je kan maximaal %(aantal)s bestanden toevoegen.") % {"aantal": MAX_AANTAL}
        )
    return [maak_schoon(naam, inhoud) for naam, inhoud in bestanden]


def maak_schoon(naam: str, inhoud: bytes) -> SchoneBijlage:
    """Recognise a bijlage by its content and return it without identifying metadata.

    Raises OngeldigeBijlage with an explanation the melder gets to see.
    """
    getoonde_naam = _basisnaam(naam)[:MAX_NAAMLENGTE] or STANDAARDNAAM
    if not inhoud:
        raise OngeldigeBijlage(_leeg(getoonde_naam))
    if len(inhoud) > MAX_GROOTTE:
        raise OngeldigeBijlage(
            _("%(naam)s is te groot: het maximum is %(mb)s MB per bestand.")
            % {"naam": getoonde_naam, "mb": MAX_GROOTTE // (1024 * 1024)}
        )

    if inhoud.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        soort, schoon = _maak_beeld_schoon(getoonde_naam, inhoud)
    elif inhoud.startswith(b"%PDF-"):
        soort, schoon = "application/pdf", _maak_pdf_schoon(getoonde_naam, inhoud)
    else:
        soort, schoon = "text/plain", _maak_tekst_schoon(getoonde_naam, inhoud)
    return SchoneBijlage(
        naam=_naam_met_extensie(naam, TOEGELATEN[soort]), soort=soort, inhoud=schoon
    )


# --- Namen ----------------------------------------------------------------------------------

# Characters that Windows refuses in file names, or that mean something in a path.
_ONVEILIGE_TEKENS = re.compile(r'[<>:"/\\|?*]')
_EXTENSIE = re.compile(r"\.([A-Za-z0-9]{1,5})$")


def _basisnaam(naam: str) -> str:
    """Only the file's own name: no folders, no control or direction characters."""
    naam = unicodedata.normalize("NFC", naam)
    naam = re.split(r"[/\\]", naam)[-1]
    # Cf includes the right-to-left override that makes "foto\u202egpj.exe" look like a jpg.
    naam = "".join(t for t in naam if unicodedata.category(t) not in {"Cc", "Cf", "Cs"})
    naam = _ONVEILIGE_TEKENS.sub("_", naam)
    return naam.strip().rstrip(".")


def _naam_met_extensie(naam: str, extensie: str) -> str:
    """The base name with its extension replaced by the one of the detected type."""
    # Leading dots go after the extension: ".jpg" has no name, ".verborgen" must not hide.
    stam = _EXTENSIE.sub("", _basisnaam(naam)).strip(" .") or STANDAARDNAAM
    stam = stam[: MAX_NAAMLENGTE - len(extensie)].rstrip(" .") or STANDAARDNAAM
    return stam + extensie


# --- Meldingen voor de melder -----------------------------------------------------------------


def _leeg(naam: str) -> str:
    return _("%(naam)s is leeg. Kies een bestand met inhoud.") % {"naam": naam}


def _niet_toegelaten(naam: str) -> str:
    return _(
        "%(naam)s kunnen we niet aanvaarden. Je kan foto's (JPG of PNG), PDF-bestanden en "
        "gewone tekstbestanden (TXT) toevoegen."
    ) % {"naam": naam}


def _beschadigd(naam: str) -> str:
    return _(
        "%(naam)s lijkt beschadigd: we kunnen het niet openen. Probeer het bestand opnieuw op "
        "te slaan of kies een ander bestand."
    ) % {"naam": naam}


# --- Foto's -----------------------------------------------------------------------------------


def _maak_beeld_schoon(naam: str, inhoud: bytes) -> tuple[str, bytes]:
    """Rebuild the picture from its pixels alone, upright, as JPEG or PNG."""
    try:
        beeld = _open_beeld(inhoud)
        is_jpeg = beeld.format in {"JPEG", "MPO"}  # MPO: a phone's JPEG with extra frames
        schoon = _herbouw(beeld, is_jpeg)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as fout:
        raise OngeldigeBijlage(
            _(
                "%(naam)s is een te grote afbeelding. Verklein de foto of maak er een "
                "schermafbeelding van en probeer opnieuw."
            )
            % {"naam": naam}
        ) from fout
    except Exception as fout:
        # Pillow signals a broken file with many kinds of error; any of them means unusable.
        raise OngeldigeBijlage(_beschadigd(naam)) from fout

    uit = BytesIO()
    if is_jpeg:
        schoon.save(uit, "JPEG", quality=JPEG_KWALITEIT)
        return "image/jpeg", uit.getvalue()
    schoon.save(uit, "PNG")
    return "image/png", uit.getvalue()


def _herbouw(beeld: Image.Image, is_jpeg: bool) -> Image.Image:
    # Turn the photo as the camera meant, before the orientation tag disappears with EXIF.
    # A broken EXIF block is no reason to refuse: the picture itself is still fine.
    with contextlib.suppress(Exception):
        beeld = ImageOps.exif_transpose(beeld)
    beeld = _naar_srgb(beeld)
    beeld = beeld.convert(_schone_modus(beeld, is_jpeg))
    # A fresh image with only the pixels carries no info, EXIF, XMP, IPTC or ICC profile.
    # Pasted rather than through tobytes()/frombytes(): one copy of the pixels, not two.
    schoon = Image.new(beeld.mode, beeld.size)
    schoon.paste(beeld)
    return schoon


def _open_beeld(inhoud: bytes) -> Image.Image:
    # Pillow's own bomb check (Image.MAX_IMAGE_PIXELS, 89 MP) stays in place as a second line,
    # with its warning turned into an error; ours is stricter and looks at more than pixels.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        beeld = Image.open(BytesIO(inhoud), formats=("JPEG", "PNG"))  # reads the header only
        controleer_afmetingen(beeld)
        beeld.load()  # reads every pixel now, so a truncated file fails here
    return beeld


def controleer_afmetingen(beeld: Image.Image) -> None:
    """Refuse a picture whose header promises too many pixels, too long a side or too many
    frames, before anything is decoded (``Image.open`` has read only the header)."""
    breedte, hoogte = beeld.size
    beelden = getattr(beeld, "n_frames", 1)
    if (
        breedte * hoogte > MAX_BEELDPUNTEN
        or max(breedte, hoogte) > MAX_ZIJDE
        or beelden > MAX_BEELDEN
    ):
        raise Image.DecompressionBombError(f"{breedte}x{hoogte}, {beelden} frames")


def _naar_srgb(beeld: Image.Image) -> Image.Image:
    """Bake a colour profile into the pixels, so dropping it keeps the colours (e.g. iPhone P3)."""
    icc = beeld.info.get("icc_profile")
    if not icc or beeld.mode not in {"RGB", "RGBA", "CMYK"}:
        return beeld
    try:
        return ImageCms.profileToProfile(
            beeld,
            ImageCms.ImageCmsProfile(BytesIO(icc)),
            ImageCms.createProfile("sRGB"),
            outputMode="RGBA" if beeld.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return beeld  # an unreadable profile: the pixels without it are close enough


def _schone_modus(beeld: Image.Image, is_jpeg: bool) -> str:
    """A plain colour mode the target format stores well (no palette, no CMYK)."""
    if is_jpeg:
        return "L" if beeld.mode == "L" else "RGB"
    if beeld.mode in {"1", "L", "LA", "RGB", "RGBA", "I;16"} and "transparency" not in beeld.info:
        return beeld.mode
    doorzichtig = "A" in beeld.mode or "transparency" in beeld.info
    return "RGBA" if doorzichtig else "RGB"


# --- PDF --------------------------------------------------------------------------------------

# Keys dropped wherever they occur: metadata, private application data, thumbnails (which may
# show an earlier version of a page), scripts, automatic actions and embedded files.
_PDF_WEG = {"/Metadata", "/PieceInfo", "/LastModified", "/Thumb", "/AA", "/JS", "/Next", "/EF"}
# Clicking a link may open a web address or another page; nothing else (no scripts, launches).
_PDF_VEILIGE_ACTIES = {"/URI", "/GoTo"}
_PDF_WEG_ANNOTATIES = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
# Who wrote a comment on a page, when, and its generated id.
_PDF_ANNOTATIE_AUTEUR = {"/T", "/M", "/CreationDate", "/NM"}


def _maak_pdf_schoon(naam: str, inhoud: bytes) -> bytes:
    """Copy only the cleaned pages into a new PDF, without document information or extras."""
    try:
        lezer = PdfReader(BytesIO(inhoud))
        versleuteld = lezer.is_encrypted
    except Exception as fout:
        # pypdf signals a broken file with many kinds of error; any of them means unusable.
        raise OngeldigeBijlage(_beschadigd(naam)) from fout
    if versleuteld:
        raise OngeldigeBijlage(
            _(
                "%(naam)s is beveiligd met een wachtwoord. Bewaar het document zonder "
                "beveiliging (bijvoorbeeld met 'Afdrukken als PDF') en voeg het opnieuw toe."
            )
            % {"naam": naam}
        )

    try:
        paginas = list(lezer.pages)
        if not paginas:
            raise ValueError("geen pagina's")
        # Clean the pages first, then copy them: the copy takes along only what a page still
        # refers to, so whatever was cut loose (the catalog with its scripts, names tree,
        # embedded files and XMP; removed annotations) stays behind.
        gezien: set[int] = set()
        schrijver = PdfWriter()
        for pagina in paginas:
            _ruim_annotaties_op(pagina)
            _ruim_pdf_op(pagina, gezien)
            schrijver.add_page(pagina)
        schrijver.metadata = None  # no /Info at all, not even pypdf's own Producer
        uit = BytesIO()
        schrijver.write(uit)
    except Exception as fout:
        raise OngeldigeBijlage(_beschadigd(naam)) from fout
    return uit.getvalue()


def _ruim_annotaties_op(pagina: DictionaryObject) -> None:
    """Drop attached files and media from a page's annotations, and who made them."""
    if "/Annots" not in pagina:
        return
    bewaard = ArrayObject()
    for verwijzing in pagina["/Annots"].get_object():
        annotatie = verwijzing.get_object()
        if not isinstance(annotatie, DictionaryObject):
            continue
        if annotatie.get("/Subtype") in _PDF_WEG_ANNOTATIES:
            continue
        for sleutel in _PDF_ANNOTATIE_AUTEUR & annotatie.keys():
            del annotatie[sleutel]
        bewaard.append(verwijzing)
    pagina[NameObject("/Annots")] = bewaard


def _ruim_pdf_op(begin: PdfObject, gezien: set[int]) -> None:
    """Walk everything a page refers to and remove metadata, scripts and embedded files."""
    te_doen: list[PdfObject] = [begin]
    while te_doen:  # a loop, not recursion: a hostile file may nest objects very deeply
        object_ = te_doen.pop()
        if isinstance(object_, IndirectObject):
            object_ = object_.get_object()
        if id(object_) in gezien:
            continue
        gezien.add(id(object_))
        if isinstance(object_, DictionaryObject):
            for sleutel in _PDF_WEG & object_.keys():
                del object_[sleutel]
            actie = object_.get("/A")
            if actie is not None and not _is_veilige_actie(actie.get_object()):
                del object_["/A"]
            if isinstance(object_, StreamObject):
                _ruim_jpeg_op(object_)
            te_doen.extend(object_.values())
        elif isinstance(object_, ArrayObject):
            te_doen.extend(object_)


def _is_veilige_actie(actie: PdfObject) -> bool:
    return isinstance(actie, DictionaryObject) and actie.get("/S") in _PDF_VEILIGE_ACTIES


def _ruim_jpeg_op(stroom: StreamObject) -> None:
    """A photo inside a PDF keeps its own EXIF: store it as a plain JPEG without it."""
    filters = stroom.get("/Filter")
    filters = list(filters) if isinstance(filters, ArrayObject) else [filters]
    if filters[-1] != "/DCTDecode":
        return
    jpeg = stroom.get_data()  # undoes the filters before the JPEG one, which passes bytes as is
    if len(filters) > 1:
        parameters = stroom.get("/DecodeParms")
        stroom[NameObject("/Filter")] = NameObject("/DCTDecode")
        if isinstance(parameters, ArrayObject) and isinstance(
            parameters[-1].get_object(), DictionaryObject
        ):
            stroom[NameObject("/DecodeParms")] = parameters[-1]
        elif "/DecodeParms" in stroom:
            del stroom["/DecodeParms"]
    # The base method: pypdf's encoded streams only accept new data for Flate.
    StreamObject.set_data(stroom, _jpeg_zonder_metadata(jpeg))


# JPEG markers: APP0 (JFIF) and APP14 (Adobe colour transform) are needed to show the picture;
# the other APPn segments hold EXIF, XMP, ICC, IPTC and maker notes; 0xFE is a comment.
_JPEG_METADATA_MARKERS = frozenset(range(0xE1, 0xF0)) - {0xEE} | {0xFE}
_JPEG_ZONDER_LENGTE = frozenset(range(0xD0, 0xD8)) | {0x01}
_JPEG_START_VAN_BEELD = 0xDA


def _jpeg_zonder_metadata(data: bytes) -> bytes:
    """The same JPEG without its metadata segments; unchanged if it cannot be parsed."""
    if not data.startswith(b"\xff\xd8"):
        return data
    delen = [data[:2]]
    positie = 2
    while positie + 4 <= len(data):
        if data[positie] != 0xFF:
            return data
        marker = data[positie + 1]
        if marker == 0xFF:  # fill byte
            positie += 1
            continue
        if marker in _JPEG_ZONDER_LENGTE:
            delen.append(data[positie : positie + 2])
            positie += 2
            continue
        if marker == _JPEG_START_VAN_BEELD:
            delen.append(data[positie:])  # the image data: nothing more to strip
            return b"".join(delen)
        einde = positie + 2 + int.from_bytes(data[positie + 2 : positie + 4], "big")
        if marker not in _JPEG_METADATA_MARKERS:
            delen.append(data[positie:einde])
        positie = einde
    return data


# --- Tekst ------------------------------------------------------------------------------------

# Control characters other than tab, new line, form feed and carriage return: a sign of a
# binary file (or of terminal escape codes), never of a message someone typed.
_STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A file opening with a tag is a web page or SVG picture, which a browser would run.
_OPMAAK = re.compile(r"\s*<[A-Za-z!?/]")


def _maak_tekst_schoon(naam: str, inhoud: bytes) -> bytes:
    """Plain UTF-8 text, stored without byte order mark."""
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise OngeldigeBijlage(_niet_toegelaten(naam)) from fout
    if _STUURTEKENS.search(tekst) or _OPMAAK.match(tekst):
        raise OngeldigeBijlage(_niet_toegelaten(naam))
    if not tekst:
        raise OngeldigeBijlage(_leeg(naam))
    return tekst.encode("utf-8")
