"""One-time enrolment links: the person, not the operator, chooses the password and sets up
the authenticator app.

An operator creates an account with ``uitnodigen`` (``manage.py beheerder_uitnodigen``): the
account gets no usable password and loses any second-factor device, and the operator hands
the printed link over out of band. Whoever opens the link chooses a password and confirms a
code from their app; from then on the link is dead, because its token is an HMAC over the
password hash and the confirmed devices (Django's password-reset token, with its own salt).
So the operator never learns the password or the app's secret, and a link the operator (or
anyone else) used first shows up: the person's own link no longer works.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from django_otp.plugins.otp_totp.models import TOTPDevice


class _Inschrijftoken(PasswordResetTokenGenerator):
    key_salt = "vangnet.accounts.inschrijving"

    def _make_hash_value(self, user: AbstractBaseUser, timestamp: int) -> str:
        # Setting a password or confirming a device changes this value: the token is spent.
        toestellen = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk")
        bevestigd = ",".join(str(pk) for pk in toestellen.values_list("pk", flat=True))
        return f"{user.pk}{user.password}{user.is_active}{timestamp}{bevestigd}"


_TOKENS = _Inschrijftoken()


def uitnodigen(user: AbstractBaseUser) -> tuple[str, str]:
    """Reset ``user`` for enrolment and return the two parts of its link (uid, token).

    The account keeps its roles but has no usable password and no second factor until the
    link is used; a link made earlier stops working.
    """
    user.set_unusable_password()
    user.save(update_fields=["password"])
    TOTPDevice.objects.filter(user=user).delete()
    return urlsafe_base64_encode(force_bytes(user.pk)), _TOKENS.make_token(user)


def uitgenodigde(model: type[AbstractBaseUser], uid: str, token: str) -> AbstractBaseUser | None:
    """The active account this link enrols, or None when the link is wrong, used or too old
    (``PASSWORD_RESET_TIMEOUT``, three days by default)."""
    try:
        pk = force_str(urlsafe_base64_decode(uid))
        user = model._default_manager.get(pk=pk)
    except (ValueError, TypeError, OverflowError, model.DoesNotExist):
        return None
    if not user.is_active or not _TOKENS.check_token(user, token):
        return None
    return user
