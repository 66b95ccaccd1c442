"""Every change of content raises the content version, whoever makes it (loader or admin)."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from vangnet.inhoud.versie import verhoog

CONTENT_APPS = ("kaart", "begrippen", "wegwijzer", "verplichtingen")


def raise_version(sender, raw=False, **kwargs) -> None:
    if not raw:
        verhoog()


def connect() -> None:
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            uid = f"inhoudsversie-{model._meta.label_lower}"
            post_save.connect(raise_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(raise_version, sender=model, dispatch_uid=f"{uid}-delete")
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    raise_version,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}-{field.name}",
                )
