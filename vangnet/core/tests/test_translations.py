"""The interface speaks French and English, not only Dutch.

Dutch is the source language; vangnet/locale holds the French and English catalogues
(.po for translators, compiled .mo committed so a fresh clone needs no gettext).
Content from the data files may stay Dutch where it has no translation: these tests
only speak about the interface strings.
"""

import ast
import gettext
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.utils import translation

import pytest

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ("fr", "en")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")
ENDONYMS = ("Nederlands", "Français", "English")


@pytest.fixture(autouse=True)
def _keep_the_active_language():
    """Requesting /fr/ or /en/ activates that language for the thread; give it back afterwards."""
    with translation.override(translation.get_language()):
        yield


@dataclass
class Entry:
    msgid: str
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def sources(self) -> list[str]:
        return [self.msgid] + ([self.msgid_plural] if self.msgid_plural else [])


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def read_po(path: Path) -> list[Entry]:
    """A small .po reader: enough for Django's makemessages output (polib is not a dependency)."""
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if line]
        if not lines:
            continue
        obsolete = any(line.startswith("#~") for line in lines)
        flags: set[str] = set()
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
                continue
            if line.startswith("#~"):
                line = line[2:].strip()
            elif line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if match:
                current = match.group(1)
                fields[current] = _unquote(match.group(2))
            elif current and line.startswith('"'):
                fields[current] += _unquote(line)
        if "msgid" not in fields:
            continue
        msgstr = {0: fields["msgstr"]} if "msgstr" in fields else {}
        for key, value in fields.items():
            if key.startswith("msgstr["):
                msgstr[int(key[7:-1])] = value
        entries.append(
            Entry(
                msgid=fields["msgid"],
                msgid_plural=fields.get("msgid_plural", ""),
                msgctxt=fields.get("msgctxt"),
                msgstr=msgstr,
                flags=flags,
                obsolete=obsolete,
            )
        )
    return entries


def messages(language: str) -> list[Entry]:
    """The real messages of a catalogue (not the header, not obsolete ones)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    return [entry for entry in read_po(path) if entry.msgid and not entry.obsolete]


def header(language: str) -> Entry:
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    return next(entry for entry in read_po(path) if entry.msgid == "")


class _Text(HTMLParser):
    """The text a reader meets: text nodes plus aria-label, alt, title and placeholder."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "alt", "title", "placeholder") and value:
                self.texts.append(value.strip())

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def texts_of(html: str) -> set[str]:
    parser = _Text()
    parser.feed(html)
    return set(parser.texts)


def test_both_catalogues_exist_with_their_compiled_mo_files():
    for language in LANGUAGES:
        folder = LOCALE_DIR / language / "LC_MESSAGES"
        assert (folder / "django.po").is_file(), f"{language}: run makemessages"
        assert (folder / "django.mo").is_file(), f"{language}: run compilemessages"
        assert messages(language), f"{language}: the catalogue is empty"


def test_every_interface_string_has_a_french_and_english_translation():
    for language in LANGUAGES:
        plurals = 2
        for entry in messages(language):
            assert "fuzzy" not in entry.flags, f"{language}: fuzzy translation for {entry.msgid!r}"
            expected = range(plurals) if entry.msgid_plural else range(1)
            for index in expected:
                assert entry.msgstr.get(index, "").strip(), (
                    f"{language}: no translation for {entry.msgid!r} (form {index})"
                )


def test_the_catalogue_headers_are_final_and_declare_their_language():
    for language in LANGUAGES:
        head = header(language)
        assert "fuzzy" not in head.flags, f"{language}: the header is still fuzzy"
        assert f"Language: {language}\n" in head.msgstr[0]
        assert "Plural-Forms: nplurals=2;" in head.msgstr[0]
        assert "charset=UTF-8" in head.msgstr[0]


def test_the_french_and_english_catalogues_hold_the_same_strings():
    french = {(entry.msgctxt, entry.msgid) for entry in messages("fr")}
    english = {(entry.msgctxt, entry.msgid) for entry in messages("en")}
    assert french == english


def test_placeholders_survive_translation():
    for language in LANGUAGES:
        for entry in messages(language):
            for index, msgstr in entry.msgstr.items():
                source = entry.msgid if index == 0 else (entry.msgid_plural or entry.msgid)
                wanted = set(PLACEHOLDER.findall(source))
                found = set(PLACEHOLDER.findall(msgstr))
                assert wanted == found, (
                    f"{language}: placeholders of {source!r} are {sorted(wanted)}, "
                    f"the translation {msgstr!r} has {sorted(found)}"
                )
            if PLACEHOLDER.search(entry.msgid):
                assert "python-format" in entry.flags, entry.msgid


def test_the_compiled_catalogues_are_up_to_date_with_the_po_files():
    for language in LANGUAGES:
        with (LOCALE_DIR / language / "LC_MESSAGES" / "django.mo").open("rb") as mo:
            compiled = gettext.GNUTranslations(mo)
        for entry in messages(language):
            if entry.msgctxt is not None:
                assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr[0]
            elif entry.msgid_plural:
                assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr[0]
                assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr[1]
            else:
                assert compiled.gettext(entry.msgid) == entry.msgstr[0], (
                    f"{language}: django.mo is stale for {entry.msgid!r}; run compilemessages"
                )


def test_language_names_are_their_own_name_in_every_catalogue():
    for language in LANGUAGES:
        by_id = {entry.msgid: entry.msgstr[0] for entry in messages(language)}
        for name in ENDONYMS:
            assert by_id[name] == name, f"{language}: {name!r} became {by_id[name]!r}"


def test_the_quick_exit_has_its_agreed_names():
    translations = {
        language: {entry.msgid: entry.msgstr[0] for entry in messages(language)}
        for language in LANGUAGES
    }
    assert translations["fr"]["Snel weg"] == "Sortie rapide"
    assert translations["en"]["Snel weg"] == "Exit this page"
    assert translations["fr"]["vertrouwenspersoon"] == "personne de confiance"
    assert translations["en"]["vertrouwenspersoon"] == "confidential counsellor"
    assert translations["fr"]["paritair comité"] == "commission paritaire"
    assert translations["en"]["paritair comité"] == "joint committee"


def test_french_uses_vous_and_never_tu():
    tutoiement = re.compile(r"\b(tu|toi|ton|ta|tes|te|t’)\b", re.IGNORECASE)
    for entry in messages("fr"):
        for msgstr in entry.msgstr.values():
            assert not tutoiement.search(msgstr), msgstr


@pytest.mark.django_db
def test_the_french_home_page_speaks_french(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Sortie rapide" in html
    assert "Carte sociale" in html
    assert "Snel weg" not in html


@pytest.mark.django_db
def test_the_english_kaart_speaks_english(client):
    response = client.get("/en/kaart/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Exit this page" in html
    assert "Help directory" in html
    assert "Apply filters" in html
    assert "Sociale kaart" not in html
    assert "Filters toepassen" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/kaart/",
        "/kaart/?q=zzzzzz",
        "/kaart/aanspreekpunt/1712/",
        "/kaart/aanbod/opleiding-vertrouwenspersoon-sfp/?pc=304",
        "/kaart/organisatie/faro/",
        "/begrippen/",
        "/begrippen/vertrouwenspersoon/",
        "/veilig-surfen/",
    ],
)
def test_no_dutch_interface_string_is_left_on_a_translated_page(client, language, path):
    """No text on the page is a Dutch source string that has a different translation."""
    dutch = {
        source
        for entry in messages(language)
        for source in entry.sources
        if source not in entry.msgstr.values()
        and "%(" not in source
        # The language switch names each language in its own tongue.
        and source not in ENDONYMS
    }
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    left = texts_of(response.content.decode()) & dutch
    assert not left, f"/{language}{path} still shows Dutch: {sorted(left)}"
