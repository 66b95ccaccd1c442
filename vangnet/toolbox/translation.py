from modeltranslation.translator import TranslationOptions, register

from vangnet.toolbox.models import Reactiestap


@register(Reactiestap)
class ReactiestapTranslation(TranslationOptions):
    fields = ("titel", "tekst", "rechtsgrond", "onbevestigd")
