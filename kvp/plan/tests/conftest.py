"""Planens tester bruker saken i program fra oppmøte-appens fixture."""

from kvp.oppmoete.tests.conftest import deltaker_for

__all__ = ["deltaker_for"]
