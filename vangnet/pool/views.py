"""The pool directory (public), a member's own profile, and the members' login."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods

import reversion

from vangnet.accounts.drempels import POOL_AANMELDEN, wachttijd_tekst
from vangnet.kaart.models import Aanspreekpunt
from vangnet.pool.filteren import Keuze, zoek
from vangnet.pool.forms import PoolFilterForm, ProfielForm
from vangnet.pool.models import Poollid

# The kaart's entry for the pool: where a person goes when the directory has no match.
SFP_AANSPREEKPUNT = "sfp-freelance-pool"


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The directory: a person filters and chooses; every filter must hold."""
    form = PoolFilterForm(request.GET or None)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        leden: list[Poollid] = []
        keuze = Keuze()
    else:
        keuze = form.keuze() if form.is_bound else Keuze()
        leden = zoek(keuze)
    context = {
        "form": form,
        "leden": leden,
        "gefilterd": not keuze.is_leeg(),
        "sfp": Aanspreekpunt.objects.filter(slug=SFP_AANSPREEKPUNT).first(),
    }
    return render(request, "pool/index.html", context, status=status)


@login_required(login_url=reverse_lazy("pool:aanmelden"))
@require_http_methods(["GET", "POST"])
def mijn_profiel(request: HttpRequest) -> HttpResponse:
    """A member keeps their own profile current; there is no way to reach another's row."""
    lid = Poollid.objects.filter(user=request.user).first()
    if lid is None:
        return render(request, "pool/geen_profiel.html", status=403)
    opgeslagen = request.GET.get("opgeslagen") == "1"
    form = ProfielForm(request.POST or None, instance=lid)
    if request.method == "POST":
        if form.is_valid():
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment("eigen profiel")
                form.save()
            return redirect(reverse("pool:mijn-profiel") + "?opgeslagen=1")
        return render(request, "pool/mijn_profiel.html", {"form": form, "lid": lid}, status=400)
    return render(
        request, "pool/mijn_profiel.html", {"form": form, "lid": lid, "opgeslagen": opgeslagen}
    )


class Aanmelden(auth_views.LoginView):
    """The members' login, slowed down after failed tries (``POOL_AANMELDEN``), never locked."""

    template_name = "pool/aanmelden.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("pool:mijn-profiel")

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Checked and counted before the password is: the attempt counts as failed until
        # form_valid takes it back.
        self.beurt = POOL_AANMELDEN.probeer(request, request.POST.get("username", ""))
        if not self.beurt.toegelaten:
            form = self.get_form()
            # No password check at all while waiting: the form gets only this error.
            form._errors, form.cleaned_data = ErrorDict(), {}
            form.add_error(
                None, ValidationError(wachttijd_tekst(self.beurt.wachttijd), code="geblokkeerd")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form) -> HttpResponse:
        self.beurt.gelukt()
        return super().form_valid(form)


class Afmelden(auth_views.LogoutView):
    next_page = reverse_lazy("pool:index")
