"""Planens tester bruker saken i program fra oppmøte-appens fixture."""

from kvp.oppmoete.tests.conftest import deltaker_for, lag_sak_i_program

__all__ = ["deltaker_for", "lag_sak_i_program"]
