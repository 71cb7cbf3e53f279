"""KOSTRA skjema 11CF (kvalifiseringsstønad): postoppsett, skriver og SSBs 34 kontroller (spec/kostra-11cf.md)."""

from .kontroll import KONTROLLER, Alvor, Funn, Rapport, kontroller
from .oppsett import FELT, POSTLENGDE
from .skriver import lag_fil, lag_post

__all__ = ["FELT", "KONTROLLER", "POSTLENGDE", "Alvor", "Funn", "Rapport", "kontroller", "lag_fil", "lag_post"]
