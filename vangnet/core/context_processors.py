from django.http import HttpRequest
from django.urls import reverse


def site(request: HttpRequest) -> dict:
    """Values every template needs: the quick exit and the current path for the language switch."""
    return {
        "quick_exit_url": reverse("vast:snel-weg"),
        "current_path": request.get_full_path(),
    }
