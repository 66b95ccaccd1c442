from modeltranslation.translator import TranslationOptions, register

from vangnet.actieplan.models import Actie, Begrotingspost


@register(Actie)
class ActieTranslation(TranslationOptions):
    fields = ("titel", "duiding", "partners_toelichting", "timing", "onbevestigd")


@register(Begrotingspost)
class BegrotingspostTranslation(TranslationOptions):
    fields = ("titel", "onbevestigd")
