"""Checks on the data files that a loader can state in one line per problem.

Every problem names the file, the record and the field, so a content editor can fix
it without reading code.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import models

SLUG = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
PLAN_SOURCE = re.compile(r"^actieplan \S.*$")
LANGUAGES = ("nl", "fr", "en")


@dataclass
class Problems:
    """Collects problems instead of stopping at the first one."""

    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def __bool__(self) -> bool:
        return bool(self.items)


def check_id(problems: Problems, where: str, record: dict) -> str:
    value = record.get("id")
    if not isinstance(value, str) or not SLUG.match(value):
        problems.add(
            where, f"id {value!r} must be a slug (a-z, 0-9, '-' or '.'), written as a string"
        )
        return ""
    return value


def check_bron(problems: Problems, where: str, value: Any, required: bool = True) -> list[str]:
    if value in (None, []) and not required:
        return []
    if not isinstance(value, list) or not value:
        problems.add(where, "bron must be a non-empty list of plan sections or https:// URLs")
        return []
    for entry in value:
        if not isinstance(entry, str) or not (
            entry.startswith("https://") or PLAN_SOURCE.match(entry)
        ):
            problems.add(
                where, f"bron entry {entry!r} is neither 'actieplan <section>' nor https://"
            )
        elif "…" in entry or "..." in entry:
            problems.add(where, f"bron entry {entry!r} is a shortened URL")
    return value


def check_choices(
    problems: Problems, where: str, name: str, value: Any, choices: type[models.TextChoices]
) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(where, f"{name} must be a list")
        return []
    allowed = set(choices.values)
    for item in value:
        if item not in allowed:
            problems.add(
                where, f"{name}: unknown value {item!r}; allowed: {', '.join(sorted(allowed))}"
            )
    return [item for item in value if item in allowed]


def check_choice(
    problems: Problems, where: str, name: str, value: Any, choices: type[models.TextChoices]
) -> str:
    if value not in set(choices.values):
        problems.add(
            where, f"{name}: unknown value {value!r}; allowed: {', '.join(choices.values)}"
        )
        return ""
    return value


def translated(problems: Problems, where: str, name: str, value: Any, required: bool) -> dict:
    """Normalise a translatable value to ``{"nl": ..., "fr": ..., "en": ...}`` ('' when absent)."""
    if value is None or value == "":
        if required:
            problems.add(where, f"{name} is required (at least in Dutch)")
        return dict.fromkeys(LANGUAGES, "")
    if isinstance(value, str):
        return {"nl": value.strip(), "fr": "", "en": ""}
    if isinstance(value, dict):
        unknown = set(value) - set(LANGUAGES)
        if unknown:
            problems.add(where, f"{name}: unknown languages {sorted(unknown)}")
        if not value.get("nl"):
            problems.add(where, f"{name}: the Dutch text (nl) is required")
        return {code: str(value.get(code) or "").strip() for code in LANGUAGES}
    problems.add(where, f"{name} must be a text or a mapping of languages")
    return dict.fromkeys(LANGUAGES, "")


def translated_list(problems: Problems, where: str, name: str, value: Any) -> dict:
    """Normalise a list of translatable items to one list per language.

    A language is only filled when every item has it; otherwise it stays empty and the
    page falls back to Dutch, so a step list is never half translated.
    """
    if value in (None, []):
        return {code: [] for code in LANGUAGES}
    if not isinstance(value, list):
        problems.add(where, f"{name} must be a list")
        return {code: [] for code in LANGUAGES}
    items = [translated(problems, where, f"{name}[{i}]", v, True) for i, v in enumerate(value)]
    result = {}
    for code in LANGUAGES:
        texts = [item[code] for item in items]
        result[code] = texts if all(texts) else []
    return result
