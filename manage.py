#!/usr/bin/env python
"""Djangos kommandolinje for KVP."""

import os
import sys


def main() -> None:
    # Ingen standard: uten valgt miljø kunne en kommando ment for demoen (dev) kjøre mot produksjonsdatabasen.
    # `make run`/`make check` setter config.settings.dev, testene config.settings.test (pyproject.toml).
    if not os.environ.get("DJANGO_SETTINGS_MODULE"):
        sys.exit(
            "manage.py: sett DJANGO_SETTINGS_MODULE (config.settings.prod i produksjon, config.settings.dev lokalt; "
            "`make run` gjør det for deg)."
        )
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
