#!/usr/bin/env python
"""Django's command-line utility for Vangnet."""

import os
import sys


def main() -> None:
    # The development profile by default, for developers at their own machine. Servers
    # start through vangnet/wsgi.py, whose default is the production profile.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vangnet.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
