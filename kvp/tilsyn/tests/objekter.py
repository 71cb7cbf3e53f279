"""Objekter til den genererte URL-testen (kvp/felles/tests/test_url_tilgang.py): et tilsyn på kontor A med én sak
i utvalget (en annen enn sakene med merket), et kontrollpunkt, et funn og en rettleiing til fylket."""

import datetime as dt
from typing import Any

from django.utils import timezone

from kvp.sak.models import Sak, Status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Rolle
from kvp.tilsyn import services
from kvp.tilsyn.models import Funn, Kontrollpunkt, Tilsyn, Tilsynsstatus, Utfall, Utvalgssak


def url_objekter(*, kontor: Any, kvp_veileder: Any, person: Any, lag_bruker: Any) -> dict[str, Any]:
    i_dag = timezone.localdate()
    statsforvalter = lag_bruker(Rolle.STATSFORVALTER, fylke=kontor.fylke)
    _, sak = soeknad_registrer(
        bruker=kvp_veileder, person=person, mottatt_dato=i_dag - dt.timedelta(days=3), kanal=Kanal.PAPIR
    )
    Sak.objects.filter(pk=sak.pk).update(status=Status.AVSLAATT)
    tilsyn = services.tilsyn_opprett(
        bruker=statsforvalter,
        kontor_id=kontor.pk,
        tema="Kvalifiseringsprogrammet",
        periode_fra=i_dag - dt.timedelta(days=30),
        periode_til=i_dag,
    )
    # Utvalget settes direkte: en trekning ville også tatt med sakene med merket.
    Tilsyn.objects.filter(pk=tilsyn.pk).update(status=Tilsynsstatus.UNDER_ARBEID, froe=1, antall_per_stratum=1)
    utvalgssak = Utvalgssak.objects.create(tilsyn=tilsyn, sak=sak, stratum="AVSLAG")
    punkt = Kontrollpunkt.objects.create(
        utvalgssak=utvalgssak, sjekkpunkt="VILKAAR", forslag=Utfall.MAA_VURDERES, forklaring="Vurderes for hånd."
    )
    funn = Funn.objects.create(
        tilsyn=tilsyn,
        type="MERKNAD",
        sjekkpunkt="VILKAAR",
        tekst="Kartleggingen er tynn.",
        registrert_av=statsforvalter,
    )
    rettleiing = services.rettleiing_publiser(
        bruker=statsforvalter,
        mottaker=f"fylke:{kontor.fylke}",
        tittel="Om vilkårsvurderingen",
        tekst="Husk begrunnelsen.",
        lenker="Sosialtjenesteloven | https://lovdata.no/lov/2009-12-18-131",
        steg="VILKAARSVURDERING",
        gyldig_fra=i_dag,
        gyldig_til=None,
    )
    return {
        "tilsyn_id": tilsyn.pk,
        "kontrollpunkt_id": punkt.pk,
        "funn_id": funn.pk,
        "rettleiing_id": rettleiing.pk,
    }
