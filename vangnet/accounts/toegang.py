"""Who may open the pages of the department, the stuurgroep and the partners outside the
admin (``/actieplan/``, ``/monitoring/``): checked in one place, with both factors.

Those pages show the state of the action plan, budgets, recommendations to named
organisations and figures, so they ask what the admin asks: a password *and* a code from
an authenticator app. They reuse the admin's sign-in (``accounts/beheersite.py``: both
factors on one page, the shared limits on guessing) and its one-time enrolment link
(``manage.py beheerder_uitnodigen --stuurgroep``); there is no third mechanism.
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from vangnet.accounts.roles import is_departement, is_partner, is_stuurgroep

Rol = Callable[[AbstractBaseUser | AnonymousUser], bool]
View = Callable[..., HttpResponse]


def met_twee_factoren(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Signed in with password and app code in this session (django-otp's check)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and user.is_active and is_verified and is_verified())


def aanmeldadres(volgende: str) -> str:
    """The sign-in page (password and code on one page) that sends back to ``volgende``."""
    return f"{reverse('admin:login')}?{urlencode({'next': volgende})}"


def rol_vereist(*rollen: Rol) -> Callable[[View], View]:
    """Let a view through for a session with both factors whose account has one of ``rollen``
    (``is_stuurgroep``, ``is_departement``, ``is_partner`` or any check of the same shape).

    Without both factors (nobody, or a session that only gave a password) the person goes to
    the sign-in page and comes back; signed in without the role, they get a 403 page that
    says so and shows nothing else.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def omhulsel(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not met_twee_factoren(request.user):
                volgende = request.get_full_path() if request.method == "GET" else request.path
                return redirect(aanmeldadres(volgende))
            if not any(rol(request.user) for rol in rollen):
                return render(request, "accounts/geen_toegang.html", status=403)
            return view(request, *args, **kwargs)

        return omhulsel

    return decorator


#: The stuurgroep and the department: read everything of the action plan.
stuurgroep_vereist = rol_vereist(is_stuurgroep)
#: The department alone: the plan's budget and the stuurgroep's records are its to write.
departement_vereist = rol_vereist(is_departement)
#: Anyone with a role: the stuurgroep reads, a partner reads and writes its own.
rol_in_het_actieplan_vereist = rol_vereist(is_stuurgroep, is_partner)
