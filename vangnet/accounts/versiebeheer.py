"""The history of content in the admin: read and restored only within the user's own scope.

django-reversion's ``VersionAdmin`` restores the *whole revision* of any version id in the URL
and only then asks the change form whether the user may edit the object; the form's redirect
for an object outside the user's scope was read as success, so a partner could roll back the
~290 objects of a ``load_content`` run, and no new revision recorded it (audit, issue 12 #1).

``VersieAdmin`` turns that around for every versioned admin:

1. the object is looked up through the admin's own ``get_object`` (that is ``get_queryset``,
   the same scope as the change list) and its own view/change permission, before anything is
   touched; a version must belong to that very object;
2. only that one object is restored (its fields and many-to-many links), never the other
   objects of its revision; fields the user may not edit keep their current value, and the
   restored object must still be in the user's scope;
3. the restore is saved through the change form, so it is a new revision with who, when and
   a comment, and the search index and the content version follow as after any other edit.

Restoring a *deleted* object is for the department only: a deleted row has no current scope
to check against.
"""

from contextlib import contextmanager

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

import reversion
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from vangnet.accounts.permissions import is_departement


class _Terugdraaien(Exception):
    """Leaves the transaction of a restore without keeping anything (a preview, an error)."""

    def __init__(self, response: HttpResponse) -> None:
        self.response = response


class VersieAdmin(VersionAdmin):
    """A ``VersionAdmin`` whose history, revert and recover views respect the admin's scope."""

    change_list_template = "accounts/versies/change_list.html"

    def changelist_view(self, request: HttpRequest, extra_context=None):
        context = {"mag_herstellen": self._mag_herstellen(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def revision_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context=None
    ):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        # A preview may be seen by whoever may see the object; a restore needs change rights.
        if request.method == "POST":
            allowed = self.has_change_permission(request, obj)
        else:
            allowed = self.has_view_or_change_permission(request, obj)
        if not allowed:
            raise PermissionDenied
        version = Version.objects.get_for_object(obj).filter(pk=version_id).first()
        if version is None:
            raise Http404
        context = {
            "title": _("%(naam)s terugzetten naar deze versie") % {"naam": version.object_repr},
            "revert": True,
        }
        context.update(extra_context or {})
        template = self.revision_form_template or self._reversion_get_template_list(
            "revision_form.html"
        )
        return self._herstel(request, version, obj, template, context)

    def recoverlist_view(self, request: HttpRequest, extra_context=None):
        if not self._mag_herstellen(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request: HttpRequest, version_id: str, extra_context=None):
        if not self._mag_herstellen(request):
            raise PermissionDenied
        version = Version.objects.get_deleted(self.model).filter(pk=version_id).first()
        if version is None:
            raise Http404
        context = {
            "title": _("%(naam)s terugzetten") % {"naam": version.object_repr},
            "recover": True,
        }
        context.update(extra_context or {})
        template = self.recover_form_template or self._reversion_get_template_list(
            "recover_form.html"
        )
        return self._herstel(request, version, None, template, context)

    def _mag_herstellen(self, request: HttpRequest) -> bool:
        return (
            is_departement(request.user)
            and self.has_add_permission(request)
            and self.has_change_permission(request)
        )

    def _herstel(
        self,
        request: HttpRequest,
        version: Version,
        obj: models.Model | None,
        template_name,
        context: dict,
    ) -> HttpResponse:
        """Show (GET) or save (POST) one object as it was in ``version``.

        The object is restored inside a transaction and shown in the normal change form; a
        preview, an invalid form or anything outside the user's scope rolls it all back.
        """
        changelist = f"{self.admin_site.name}:{self.model._meta.app_label}_"
        changelist += f"{self.model._meta.model_name}_changelist"
        try:
            with transaction.atomic(using=version.db):
                pk = self._zet_terug(request, version, obj)
                if not self.get_queryset(request).filter(pk=pk).exists():
                    # The old version lies outside what this user may edit (another
                    # organisation's row, say): nothing of it is kept.
                    raise PermissionDenied
                with self._herstelrevisie(request, version):
                    response = self.changeform_view(request, quote(str(pk)), request.path, context)
                    if request.method == "POST" and response.status_code == 302:
                        hersteld = self.get_queryset(request).filter(pk=pk).first()
                        if hersteld is None:
                            raise PermissionDenied
                        reversion.add_to_revision(hersteld)
                    elif response.status_code == 200:
                        response.template_name = template_name
                        response.render()
                        raise _Terugdraaien(response)
                    else:
                        raise RevertError(
                            _("Deze versie van %(naam)s kon niet geladen worden.")
                            % {"naam": version.object_repr}
                        )
        except (RevertError, models.ProtectedError) as error:
            messages.error(request, str(error))
            return redirect(changelist)
        except _Terugdraaien as rollback:
            return rollback.response
        return response

    @contextmanager
    def _herstelrevisie(self, request: HttpRequest, version: Version):
        with reversion.create_revision():
            reversion.set_user(request.user)
            yield
            # After the change form's own comment: this revision is a restore.
            reversion.set_comment(
                _("Teruggezet naar de versie van %(datum)s (versie %(versie)s)")
                % {
                    "datum": localize(template_localtime(version.revision.date_created)),
                    "versie": version.pk,
                }
            )

    def _zet_terug(self, request: HttpRequest, version: Version, obj: models.Model | None):
        """Restore the one object of ``version``; returns its primary key.

        Fields the user may not edit in the form keep their current value: a partner who
        restores a text does not also restore who runs the contact point or its id.
        """
        if version.content_type.model_class() is not self.model:
            raise Http404
        kept: dict[str, object] = {}
        kept_m2m: dict[str, list] = {}
        if obj is not None:
            for name in self.get_readonly_fields(request, obj):
                try:
                    field = self.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue  # a read-only method or callable, not a field
                if field.many_to_many:
                    kept_m2m[name] = list(getattr(obj, name).all())
                elif field.concrete:
                    kept[field.attname] = getattr(obj, field.attname)
        version.revert()  # this object only: its fields and its many-to-many links
        restored = self.model._default_manager.get(pk=version.object_id)
        if kept:
            self.model._default_manager.filter(pk=restored.pk).update(**kept)
        for name, values in kept_m2m.items():
            getattr(restored, name).set(values)
        return restored.pk
