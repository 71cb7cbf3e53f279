"""Skriving av saker: opprett (fra søknad), tildel, endre status og foreløpig svar."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.hendelser import BrevSkalSendes, publiser
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling

from .models import AAPNE_STATUSER, AKTIVE_STATUSER, ForeloepigSvar, Sak, Status

#: Manuelle overganger (før vedtak). Tilstandene etter vedtak settes bare av vedtakstjenestene.
OVERGANGER: dict[str, tuple[str, ...]] = {
    Status.SOEKNAD_REGISTRERT: (Status.ARBEIDSEVNEVURDERING, Status.TRUKKET),
    Status.ARBEIDSEVNEVURDERING: (Status.VILKAARSVURDERING, Status.TRUKKET),
    Status.VILKAARSVURDERING: (Status.TRUKKET,),
    Status.TRUKKET: (),
}

ROLLER_SOM_BEHANDLER = (Rolle.KVP_VEILEDER, Rolle.LEDER)

#: Overganger som bare et fattet vedtak (eller iverksettingen av programmet) kan gjøre.
VEDTAKSOVERGANGER: dict[str, tuple[str, ...]] = {
    Status.VILKAARSVURDERING: (Status.INNVILGET, Status.AVSLAATT),
    Status.INNVILGET: (Status.I_PROGRAM, Status.AVSLUTTET),
    Status.I_PROGRAM: (Status.PERMISJON, Status.MIDLERTIDIG_AVBRUTT, Status.AVSLUTTET),
    Status.PERMISJON: (Status.I_PROGRAM, Status.AVSLUTTET),
    Status.MIDLERTIDIG_AVBRUTT: (Status.I_PROGRAM, Status.AVSLUTTET),
}
#: Feltene vedtakstjenestene kan sette på saken.
VEDTAKSFELTER = ("vedtak_dato", "begynt_dato", "program_fra_og_med", "program_til_og_med", "avsluttet_dato")


def _statusnavn(status: str) -> str:
    return Status(status).label if status in Status.values else status


def _hent_for_skriving(*, bruker: Bruker, sak_id: UUID) -> Sak:
    sak: Sak = tilgang.sak(bruker, sak_id, Handling.SKRIV, laas=True)
    return sak


@transaction.atomic
def sak_opprett(*, bruker: Bruker, soeknad: Any) -> Sak:
    """Legger søknaden på KVP-tavla som en ny sak uten saksbehandler. Kalles bare fra søknadstjenestene."""
    if Sak.objects.filter(person=soeknad.person, status__in=AAPNE_STATUSER + AKTIVE_STATUSER).exists():
        raise KvpFeil(
            "Personen har allerede en åpen søknad eller et pågående kvalifiseringsprogram.",
            felt="foedselsnummer",
            kode="KVP_SOEKNAD_AAPEN",
        )
    sak = Sak.objects.create(
        soeknad=soeknad, person=soeknad.person, kontor=soeknad.kontor, mottatt_dato=soeknad.mottatt_dato
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=sak,
        etter={"status": sak.status, "mottatt_dato": sak.mottatt_dato.isoformat()},
    )
    return sak


@transaction.atomic
def sak_tildel(*, bruker: Bruker, sak_id: UUID, saksbehandler: Any) -> Sak:
    """Tildeler saken til en KVP-veileder på sakens kontor (None fjerner tildelingen)."""
    sak = _hent_for_skriving(bruker=bruker, sak_id=sak_id)
    if saksbehandler is not None and not tilgang.kan(saksbehandler, "sak", sak, Handling.BEHANDLE):
        raise KvpFeil(
            "Saken kan bare tildeles en KVP-veileder ved sakens kontor.",
            felt="saksbehandler",
            kode="KVP_TILDEL",
        )
    if sak.status not in AAPNE_STATUSER:
        raise KvpFeil("Saken er lukket og kan ikke tildeles.", felt="saksbehandler", kode="KVP_SAK_LUKKET")
    foer = {"saksbehandler": sak.saksbehandler.get_username() if sak.saksbehandler else None}
    sak.saksbehandler = saksbehandler
    sak.save(update_fields=["saksbehandler", "endret"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE",
        objekt=sak,
        beskrivelse="Tildelt",
        foer=foer,
        etter={"saksbehandler": saksbehandler.get_username() if saksbehandler else None},
    )
    return sak


@transaction.atomic
def sak_endre_status(*, bruker: Bruker, sak_id: UUID, status: str) -> Sak:
    """Flytter saken til neste tilstand (bare lovlige overganger)."""
    sak = _hent_for_skriving(bruker=bruker, sak_id=sak_id)
    if status not in OVERGANGER.get(sak.status, ()):
        raise KvpFeil(
            f"Saken kan ikke gå fra «{sak.get_status_display()}» til «{_statusnavn(status)}».",
            felt="status",
            kode="KVP_STATUS_OVERGANG",
        )
    foer = {"status": sak.status}
    sak.status = status
    sak.save(update_fields=["status", "endret"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE",
        objekt=sak,
        foer=foer,
        etter={"status": status},
    )
    return sak


@transaction.atomic
def foreloepig_svar_registrer(
    *, bruker: Bruker, sak_id: UUID, sendt_dato: dt.date, forventet_svar_dato: dt.date, begrunnelse: str
) -> ForeloepigSvar:
    """Registrerer at et foreløpig svar er sendt (forvaltningsloven § 11 a tredje ledd); brevet lages samtidig."""
    sak = _hent_for_skriving(bruker=bruker, sak_id=sak_id)
    if sak.status not in AAPNE_STATUSER:
        raise KvpFeil(
            "Saken er lukket; foreløpig svar gjelder bare saker som er under behandling.",
            felt="sendt_dato",
            kode="KVP_SAK_LUKKET",
        )
    i_dag = timezone.localdate()
    if sendt_dato > i_dag:
        raise KvpFeil("Sendt dato kan ikke være frem i tid.", felt="sendt_dato", kode="KVP_DATO_FREMTID")
    if sendt_dato < sak.mottatt_dato:
        raise KvpFeil(
            "Sendt dato kan ikke være før søknaden kom inn.", felt="sendt_dato", kode="KVP_SENDT_FOER_MOTTATT"
        )
    if forventet_svar_dato <= sendt_dato:
        raise KvpFeil(
            "Forventet svar må være etter datoen det foreløpige svaret ble sendt.",
            felt="forventet_svar_dato",
            kode="KVP_SVARDATO_FOER_SENDT",
        )
    if not begrunnelse.strip():
        raise KvpFeil("Skriv hvorfor saken tar tid.", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    svar = ForeloepigSvar.objects.create(
        sak=sak,
        sendt_dato=sendt_dato,
        forventet_svar_dato=forventet_svar_dato,
        begrunnelse=begrunnelse.strip(),
        registrert_av=bruker,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=svar,
        etter={"sendt_dato": sendt_dato.isoformat(), "forventet_svar_dato": forventet_svar_dato.isoformat()},
    )
    # Brevet til søkeren lages av kvp.brev (docs/arkitektur.md, «Hendelser og mottakerne deres»).
    publiser(BrevSkalSendes(sak_id=sak.pk, type="FORELOEPIG_SVAR", objekt_id=svar.pk, bruker=bruker))
    return svar


def sak_oppdater_fra_vedtak(*, bruker: Bruker, sak: Sak, status: str | None = None, **felter: Any) -> Sak:
    """Setter status og datoene et fattet vedtak bestemmer. Kalles bare fra vedtakstjenestene, inne i deres
    transaksjon og med saken låst (`select_for_update`). Ukjente felt eller ulovlige overganger er programfeil."""
    ukjente = set(felter) - set(VEDTAKSFELTER)
    if ukjente:
        raise ValueError(f"Vedtak kan ikke sette {sorted(ukjente)} på saken")
    if status is not None and status != sak.status and status not in VEDTAKSOVERGANGER.get(sak.status, ()):
        raise KvpFeil(
            f"Saken kan ikke gå fra «{sak.get_status_display()}» til «{_statusnavn(status)}».",
            kode="KVP_STATUS_OVERGANG",
        )
    foer: dict[str, Any] = {"status": sak.status}
    etter: dict[str, Any] = {"status": status or sak.status}
    for navn, verdi in felter.items():
        gammel = getattr(sak, navn)
        foer[navn] = gammel.isoformat() if gammel else None
        etter[navn] = verdi.isoformat() if verdi else None
        setattr(sak, navn, verdi)
    if status is not None:
        sak.status = status
    sak.save(update_fields=["status", *felter, "endret"])
    logghendelse_registrer(
        bruker=bruker, kontor=sak.kontor, person=sak.person, handling="ENDRE", objekt=sak, foer=foer, etter=etter
    )
    return sak
