from modeltranslation.translator import TranslationOptions, register

from vangnet.zoeken.models import Zoekdocument


@register(Zoekdocument)
class ZoekdocumentTranslation(TranslationOptions):
    fields = ("titel", "samenvatting")
