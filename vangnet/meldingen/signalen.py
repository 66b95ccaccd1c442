"""Signals the reporting channel sends, so other apps can act without it knowing them.

``voor_vernietiging`` goes out before the retention run destroys cases, with
``meldingen``: the cases it is about to destroy (a list). Monitoring fixes the figures of
their quarters first (vangnet/monitoring/momentopname.py), so they do not shrink.
"""

from django.dispatch import Signal

voor_vernietiging = Signal()
