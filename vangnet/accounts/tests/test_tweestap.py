"""The authenticator app's secret as a QR code drawn by a template, and as typed text."""

from django.template.loader import render_to_string

import segno

from vangnet.accounts import tweestap


def test_the_qr_code_has_one_square_per_dark_module_and_a_quiet_zone_of_four():
    inhoud = "otpauth://totp/Vangnet:alice?secret=JBSWY3DPEHPK3PXP"
    vorm = tweestap.qr_vorm(inhoud)
    qr = segno.make_qr(inhoud, error="m")
    donker = sum(sum(1 for cel in rij if cel) for rij in qr.matrix)
    assert vorm.pad.count("M") == donker
    assert vorm.zijde == len(qr.matrix) + 2 * tweestap.RAND


def test_the_qr_template_draws_an_accessible_svg_without_markup_from_python():
    html = render_to_string("includes/qr.html", {"qr": tweestap.qr_vorm("otpauth://x")})
    assert html.startswith('<svg role="img" class="qr"')
    assert "<title>" in html and "<path" in html


def test_the_secret_is_shown_in_groups_of_four():
    assert tweestap.geheim_in_groepen(b"\x00" * 10) == "AAAA AAAA AAAA AAAA"
