"""Demodata for statistikken: KOSTRA-opplysninger for alle som har vært i program, og én KOSTRA-kjøring."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from kvp.sak.models import Sak
from kvp.statistikk.models import AnnenStoette, Sivilstand
from kvp.statistikk.services import kostra_kjoering_kjoer, kostra_opplysninger_registrer


def statistikk_demodata(*, brukere: dict[str, Any], i_dag: dt.date) -> None:
    rng = random.Random(11)
    for sak in Sak.objects.filter(begynt_dato__isnull=False).select_related("kontor").order_by("begynt_dato", "pk"):
        bruker = brukere["hakon"] if sak.kontor.enhetsnummer == "1127" else brukere["kristin"]
        sivilstand = rng.choice([Sivilstand.UGIFT] * 3 + [Sivilstand.SAMBOER, Sivilstand.SKILT, Sivilstand.GIFT])
        slutt = sak.avsluttet_dato.year if sak.avsluttet_dato else i_dag.year
        start = sak.begynt_dato or i_dag
        for aar in range(start.year, slutt + 1):
            stoette = []
            if rng.random() < 0.3:
                stoette = [AnnenStoette.SOSIALHJELP_SUPPLEMENT, AnnenStoette.KOMMUNAL_BOSTOETTE][: rng.randint(1, 2)]
            kostra_opplysninger_registrer(
                bruker=bruker,
                sak_id=sak.pk,
                aar=aar,
                sivilstand=sivilstand,
                annen_stoette=[str(s) for s in stoette],
                # Sakene demoen har satt rett i program, har ingen vilkårsvurdering; svaret registreres her.
                kvp_annen_kommune=None if hasattr(sak, "vilkaarsvurdering") else False,
            )
    kostra_kjoering_kjoer(bruker=brukere["lars"], kommune_nummer="1127", aar=i_dag.year)
