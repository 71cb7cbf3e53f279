"""Egenmelding: deltakeren melder selv sykefravær for dager NAV ikke har registrert."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker
from kvp.tilgang.tilgang import tilgang_for

from ..kalender import helligdager, virkedager
from ..models import Dagstatus, Dokumentasjon, Kilde, Maanedsattestering, Oppmoete
from .felles import _lagre_dager
from .registrering import _sjekk_registrering


def _egenmeldt_inntil(*, sak: Sak, dager: list[dt.date]) -> int:
    """Virkedagene med egenmelding rett før og rett etter `dager` (samme sykdomstilfelle): to meldinger etter
    hverandre skal ikke gi flere egenmeldte dager på rad enn én melding kan."""
    fra, til = dager[0] - dt.timedelta(days=14), dager[-1] + dt.timedelta(days=14)
    meldt = set(
        Oppmoete.objects.filter(
            sak=sak, dato__range=(fra, til), status=Dagstatus.GYLDIG_FRAVAER, dokumentasjon=Dokumentasjon.EGENMELDING
        ).values_list("dato", flat=True)
    )
    arbeidsdager = set(virkedager(fra, til)) - set(helligdager(fra, til))
    antall = 0
    for start, steg in ((dager[0], -1), (dager[-1], 1)):
        dato = start + dt.timedelta(days=steg)
        while fra <= dato <= til and (dato in meldt or dato not in arbeidsdager):
            antall += dato in meldt
            dato += dt.timedelta(days=steg)
    return antall


@transaction.atomic
def egenmelding_registrer(*, bruker: Bruker, fra_og_med: dt.date, til_og_med: dt.date, merknad: str = "") -> int:
    """Deltakeren melder sykefravær med egenmelding for dager som ikke er registrert av NAV."""
    personer = tilgang_for(bruker).deltaker_personer
    if not personer:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    sak = (
        Sak.objects.select_for_update(of=("self",))
        .select_related("person__kommune", "kontor")
        .filter(person_id__in=personer, program_fra_og_med__isnull=False)
        .order_by("-program_fra_og_med")
        .first()
    )
    if sak is None:
        raise KvpFeil("Du er ikke i kvalifiseringsprogram.", kode="KVP_INGEN_PROGRAMPERIODE")
    if til_og_med > timezone.localdate():
        raise KvpFeil(
            "Egenmelding gjelder dager du har vært syk, ikke dager frem i tid.",
            felt="til_og_med",
            kode="KVP_DATO_FREMTID",
        )
    dager = _sjekk_registrering(
        sak=sak,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        status=Dagstatus.GYLDIG_FRAVAER,
        timer=None,
        dokumentasjon=Dokumentasjon.EGENMELDING,
    )
    hellig = helligdager(dager[0], dager[-1])
    for dato in dager:
        if dato in hellig:
            raise KvpFeil(
                f"{dato:%d.%m.%Y} er en helligdag ({hellig[dato]}); da trenger du ikke melde fravær.",
                felt="fra_og_med",
                kode="KVP_OPPMOETE_HELLIGDAG",
            )
    maks = settings.KVP_EGENMELDING_MAKS_VIRKEDAGER
    if len(dager) + _egenmeldt_inntil(sak=sak, dager=dager) > maks:
        raise KvpFeil(
            f"En egenmelding kan gjelde høyst {maks} virkedager. Er du syk lenger, trenger du legeerklæring; snakk "
            "med veilederen din.",
            felt="til_og_med",
            kode="KVP_EGENMELDING_LENGDE",
        )
    maaneder = {(d.year, d.month) for d in dager}
    if any(
        (a.aar, a.maaned) in maaneder
        for a in Maanedsattestering.objects.filter(sak=sak, aar__in={d.year for d in dager})
    ):
        raise KvpFeil(
            "Måneden er allerede godkjent av NAV. Kontakt veilederen din for å endre den.",
            felt="fra_og_med",
            kode="KVP_ATTESTERT",
        )
    registrert = Oppmoete.objects.filter(sak=sak, dato__in=dager).exclude(status=Dagstatus.DELTATT).first()
    if registrert is not None:
        raise KvpFeil(
            f"{registrert.dato:%d.%m.%Y} er allerede registrert som «{registrert.get_status_display()}». "
            "Kontakt veilederen din.",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_REGISTRERT",
        )
    _lagre_dager(
        bruker=bruker,
        sak=sak,
        dager=dager,
        status=Dagstatus.GYLDIG_FRAVAER,
        timer=None,
        dokumentasjon=Dokumentasjon.EGENMELDING,
        merknad=merknad.strip(),
        kilde=Kilde.DELTAKER,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=sak,
        beskrivelse=f"Egenmelding {dager[0]:%d.%m.%Y}–{dager[-1]:%d.%m.%Y}",
        etter={"fra_og_med": dager[0].isoformat(), "til_og_med": dager[-1].isoformat(), "kilde": Kilde.DELTAKER},
    )
    return len(dager)
