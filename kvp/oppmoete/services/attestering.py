"""Attestering: KVP-veilederen godkjenner en måneds oppmøte, og måneden låses for utbetalingsrunden."""

import datetime as dt
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling

from ..grunnlag import beregn, grunnlag_for_maaned, maanedsperiode
from ..kalender import maanedsnavn
from ..models import Maanedsattestering
from .felles import _fyll_helligdager, _hent_sak, _periode


@transaction.atomic
def maaned_attester(*, bruker: Bruker, sak_id: UUID, aar: int, maaned: int) -> Maanedsattestering:
    """KVP-veilederen attesterer månedens oppmøte. Låser måneden for utbetalingsrunden."""
    sak = _hent_sak(bruker=bruker, sak_id=sak_id, handling=Handling.ATTESTER)
    fra, til = maanedsperiode(aar, maaned)
    p_fra, p_til = _periode(sak)
    if til < p_fra or fra > p_til:
        raise KvpFeil("Måneden er utenfor programperioden.", felt="maaned", kode="KVP_OPPMOETE_UTENFOR")
    if til >= timezone.localdate():
        raise KvpFeil(
            f"{maanedsnavn(aar, maaned).capitalize()} er ikke over ennå; den kan attesteres fra "
            f"{til + dt.timedelta(days=1):%d.%m.%Y}.",
            felt="maaned",
            kode="KVP_ATTESTER_FOR_TIDLIG",
        )
    if Maanedsattestering.objects.filter(sak=sak, aar=aar, maaned=maaned).exists():
        raise KvpFeil("Måneden er allerede attestert.", felt="maaned", kode="KVP_ATTESTERT")
    _fyll_helligdager(bruker=bruker, saker=[sak], fra=fra, til=til)
    resultat = beregn(grunnlag_for_maaned(sak, aar, maaned))  # en måned som ikke kan beregnes, attesteres ikke
    attestering = Maanedsattestering.objects.create(
        sak=sak, aar=aar, maaned=maaned, attestert_av=bruker, attestert=timezone.now()
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=attestering,
        beskrivelse=f"Attestert {maanedsnavn(aar, maaned)}",
        etter={"aar": aar, "maaned": maaned, "versjon": 1, "total": str(resultat.total)},
    )
    return attestering
