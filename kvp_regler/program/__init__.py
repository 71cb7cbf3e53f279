"""Regler for selve programmet: timegrenser, programplanen og dager uten stønad etter vedtak."""
