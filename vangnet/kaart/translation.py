"""Content fields that are translated (nl is the default; fr and en fall back to it)."""

from modeltranslation.translator import TranslationOptions, register

from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal, Organisatie, ParitairComite, Prijs


@register(Organisatie)
class OrganisatieTranslation(TranslationOptions):
    fields = ("naam", "beschrijving", "onbevestigd")


@register(ParitairComite)
class ParitairComiteTranslation(TranslationOptions):
    fields = ("naam", "onbevestigd")


@register(Aanspreekpunt)
class AanspreekpuntTranslation(TranslationOptions):
    fields = (
        "naam",
        "samenvatting",
        "beschrijving",
        "anoniem_toelichting",
        "kosten",
        "voorwaarden",
        "opvolging",
        "wie_weet_wat",
        "onbevestigd",
    )


@register(Kanaal)
class KanaalTranslation(TranslationOptions):
    fields = ("label", "uren_toelichting")


@register(Aanbod)
class AanbodTranslation(TranslationOptions):
    fields = ("titel", "samenvatting", "beschrijving", "duur", "onbevestigd")


@register(Prijs)
class PrijsTranslation(TranslationOptions):
    fields = ("toelichting",)
