"""The legal obligations check at /toolbox/verplichtingen/: a GET form and its result."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vangnet.core.pagecache import cached_page
from vangnet.verplichtingen.forms import VerplichtingenForm
from vangnet.verplichtingen.resultaat import bereken


@require_GET
@cached_page
def index(request: HttpRequest) -> HttpResponse:
    """The form; once answered, what the law requires and what is recommended, with why.

    A GET form: the answers are numbers about an organisation, not about a person, and a
    result one can bookmark or share is useful to a board. Nothing is stored.
    """
    ingevuld = any(naam in request.GET for naam in VerplichtingenForm.base_fields)
    form = VerplichtingenForm(request.GET if ingevuld else None)
    resultaat = None
    if ingevuld and form.is_valid():
        d = form.cleaned_data
        resultaat = bereken(d["werknemers"], d["vrijwilligers"], d["pc"] or None)
    status = 400 if form.errors else 200
    context = {"form": form, "resultaat": resultaat}
    return render(request, "verplichtingen/index.html", context, status=status)
