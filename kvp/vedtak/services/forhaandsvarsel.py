"""Forhåndsvarsel (forvaltningsloven § 16) før vedtak om stans, avslutning mot deltakerens ønske og tilbakekreving.

Varselet sendes som brev (hendelsen `BrevSkalSendes`) med en svarfrist fra `kvp_regler`. Vedtaket kan fattes først
når deltakerens svar er registrert eller fristen er ute; tjenestene som fatter, kaller `forhaandsvarsel_krev`.
Reglene står i docs/regler/brev-og-forhaandsvarsel.md.
"""

import datetime as dt
from decimal import Decimal
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.hendelser import BrevSkalSendes, publiser
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for
from kvp_regler.vilkaar import forhaandsvarsel_svarfrist, svarfrist_er_ute

from ..models import Forhaandsvarsel, ForhaandsvarselGjelder, KostraStatus, Vedtak, Vedtakstype
from ._felles import _d, _sak_for_skriving, _sak_laast, sak_er_aktiv

#: Hvem som sender og registrerer svar: KVP-veilederen for programmet, økonomi også for tilbakekreving.
ROLLER: dict[str, tuple[str, ...]] = {
    ForhaandsvarselGjelder.STANS: (Rolle.KVP_VEILEDER,),
    ForhaandsvarselGjelder.AVSLUTNING: (Rolle.KVP_VEILEDER,),
    ForhaandsvarselGjelder.TILBAKEKREVING: (Rolle.OEKONOMI, Rolle.KVP_VEILEDER),
}


def krever_forhaandsvarsel(vedtak: Vedtak) -> str | None:
    """Hva vedtaket må varsles som, eller `None`. Stans krever alltid varsel; avslutning bare når den ikke er
    «fullført eller avsluttet etter avtale» (KOSTRA-status 3), altså mot deltakerens ønske [I]."""
    if vedtak.type == Vedtakstype.STANS:
        return ForhaandsvarselGjelder.STANS
    if vedtak.type == Vedtakstype.AVSLUTNING and vedtak.kostra_status != KostraStatus.FULLFOERT:
        return ForhaandsvarselGjelder.AVSLUTNING
    return None


def forhaandsvarsel_klar(varsel: Forhaandsvarsel, *, i_dag: dt.date) -> None:
    """Nekter (KvpFeil) til svaret er registrert eller svarfristen er ute."""
    if varsel.er_besvart or svarfrist_er_ute(svarfrist=varsel.svarfrist, i_dag=i_dag):
        return
    raise KvpFeil(
        f"Forhåndsvarselet ble sendt {_d(varsel.sendt_dato)} med svarfrist {_d(varsel.svarfrist)}. Vedtaket kan "
        "fattes når deltakerens svar er registrert eller fristen er ute (forvaltningsloven § 16).",
        kode="KVP_FORHAANDSVARSEL",
    )


def forhaandsvarsel_krev(*, vedtak: Vedtak, sak: Sak) -> Forhaandsvarsel | None:
    """Forhåndsvarselet vedtaket bygger på (det siste som ikke er avgjort), eller KvpFeil når det mangler eller
    svarfristen ikke er ute. `None` når vedtaket ikke krever varsel."""
    gjelder = krever_forhaandsvarsel(vedtak)
    if gjelder is None:
        return None
    varsel = (
        Forhaandsvarsel.objects.filter(sak=sak, gjelder=gjelder, avgjort__isnull=True).order_by("-sendt_dato").first()
    )
    if varsel is None:
        raise KvpFeil(
            f"Send forhåndsvarsel om {ForhaandsvarselGjelder(gjelder).label.lower()} til deltakeren før vedtaket "
            "fattes, og vent på svaret eller til svarfristen er ute (forvaltningsloven § 16).",
            kode="KVP_FORHAANDSVARSEL",
        )
    forhaandsvarsel_klar(varsel, i_dag=timezone.localdate())
    return varsel


def forhaandsvarsel_avgjoer(*, varsel: Forhaandsvarsel, vedtak: Vedtak | None) -> None:
    """Saken varselet gjaldt, er avgjort (vedtaket er fattet, eller tilbakekrevingen avslått): ingen oppgave lenger."""
    varsel.avgjort = timezone.localdate()
    varsel.vedtak = vedtak
    varsel.save(update_fields=["avgjort", "vedtak"])


def _lag(
    *, bruker: Bruker, sak: Sak, gjelder: str, grunn: str, fra_og_med: dt.date | None, beloep: Decimal | None
) -> Forhaandsvarsel:
    if not grunn.strip():
        raise KvpFeil(
            "Skriv hva kontoret vurderer å vedta og hvorfor; det står i brevet.", felt="grunn", kode="KVP_BEGRUNNELSE"
        )
    i_dag = timezone.localdate()
    varsel = Forhaandsvarsel.objects.create(
        sak=sak,
        gjelder=gjelder,
        fra_og_med=fra_og_med,
        beloep=beloep,
        grunn=grunn.strip(),
        sendt_dato=i_dag,
        svarfrist=forhaandsvarsel_svarfrist(i_dag),
        opprettet_av=bruker,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=varsel,
        beskrivelse=str(varsel),
        etter={"gjelder": gjelder, "svarfrist": varsel.svarfrist.isoformat()},
    )
    publiser(BrevSkalSendes(sak_id=sak.pk, type="FORHAANDSVARSEL", objekt_id=varsel.pk, bruker=bruker))
    return varsel


@transaction.atomic
def forhaandsvarsel_send(
    *, bruker: Bruker, sak_id: UUID, gjelder: str, grunn: str, fra_og_med: dt.date | None = None
) -> Forhaandsvarsel:
    """KVP-veilederen varsler deltakeren om at kontoret vurderer å stanse eller avslutte programmet fra `fra_og_med`.
    Brevet lages i samme transaksjon."""
    if gjelder not in (ForhaandsvarselGjelder.STANS, ForhaandsvarselGjelder.AVSLUTNING):
        raise KvpFeil("Velg om varselet gjelder stans eller avslutning.", felt="gjelder", kode="KVP_VALG")
    sak = _sak_for_skriving(bruker=bruker, sak_id=sak_id)
    if not sak_er_aktiv(sak):
        raise KvpFeil("Saken har ikke et aktivt program som kan stanses eller avsluttes.", kode="KVP_SAK_STATUS")
    if fra_og_med is None:
        raise KvpFeil("Oppgi datoen kontoret vurderer at vedtaket skal gjelde fra.", felt="fra_og_med")
    return _lag(bruker=bruker, sak=sak, gjelder=gjelder, grunn=grunn, fra_og_med=fra_og_med, beloep=None)


def forhaandsvarsel_send_for_tilbakekreving(
    *, bruker: Bruker, sak: Sak, beloep: Decimal, grunn: str, maaned: dt.date
) -> Forhaandsvarsel:
    """Varsel om tilbakekreving, sendt av utbetalingen når økonomi foreslår å kreve tilbake (kalleren har sjekket
    tilgangen og holder låsen)."""
    return _lag(
        bruker=bruker,
        sak=sak,
        gjelder=ForhaandsvarselGjelder.TILBAKEKREVING,
        grunn=grunn,
        fra_og_med=maaned,
        beloep=beloep,
    )


@transaction.atomic
def forhaandsvarsel_svar_registrer(
    *, bruker: Bruker, forhaandsvarsel_id: UUID, svar: str, svar_dato: dt.date
) -> Forhaandsvarsel:
    """Registrerer deltakerens svar på forhåndsvarselet (muntlig svar skrives ned)."""
    varsel = tilgang.hent(bruker, "forhaandsvarsel", forhaandsvarsel_id, Handling.SKRIV, relatert=())
    # Tilgangen er sjekket på varselet (økonomi ser ikke saken selv); saken låses her som i de andre tjenestene.
    sak = _sak_laast(sak_id=varsel.sak_id)
    if sak.kontor_id not in tilgang_for(bruker).kontorer_med(*ROLLER[varsel.gjelder]):
        raise IkkeTilgang("Du har ikke rollen som trengs for dette.")
    varsel = Forhaandsvarsel.objects.select_for_update().get(pk=forhaandsvarsel_id)
    if varsel.er_besvart:
        raise KvpFeil("Svaret på forhåndsvarselet er allerede registrert.", kode="KVP_FORHAANDSVARSEL")
    if not svar.strip():
        raise KvpFeil("Skriv hva deltakeren svarte.", felt="svar", kode="KVP_BEGRUNNELSE")
    if svar_dato < varsel.sendt_dato or svar_dato > timezone.localdate():
        raise KvpFeil(
            f"Svaret må være mottatt mellom {_d(varsel.sendt_dato)} og i dag.",
            felt="svar_dato",
            kode="KVP_FORHAANDSVARSEL_SVARDATO",
        )
    varsel.svar = svar.strip()
    varsel.svar_dato = svar_dato
    varsel.svar_registrert_av = bruker
    varsel.save(update_fields=["svar", "svar_dato", "svar_registrert_av"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE",
        objekt=varsel,
        beskrivelse="Svar på forhåndsvarsel registrert",
        etter={"svar_dato": svar_dato.isoformat()},
    )
    return varsel
