"""Totrinnskontrollen: sende til beslutter, returnere og fatte, og hva et fattet vedtak gjør med saken.

Beslutteren kan aldri være en av dem som har skrevet, endret eller sendt vedtaket (`skrivere`).
"""

from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.hendelser import VedtakFattet, publiser
from kvp.sak.models import Sak, Status
from kvp.sak.services import sak_oppdater_fra_vedtak
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling
from kvp_regler.program.vedtaksperioder import siste_dag_med_stoenad

from ..models import Hendelsestype, Vedtak, Vedtaksstatus, Vedtakstype
from ._felles import _hendelse, _vedtak_for_skriving
from .forhaandsvarsel import forhaandsvarsel_avgjoer, forhaandsvarsel_krev
from .validering import _valider


@transaction.atomic
def vedtak_send_til_beslutter(*, bruker: Bruker, vedtak_id: UUID) -> Vedtak:
    """Sender utkastet (eller det rettede vedtaket) til beslutter. En ny runde etter retur gir ny versjon."""
    vedtak, sak = _vedtak_for_skriving(bruker=bruker, vedtak_id=vedtak_id, handling=Handling.SKRIV)
    if not vedtak.kan_endres:
        raise KvpFeil(
            f"Vedtaket er {vedtak.get_status_display().lower()} og kan ikke sendes til beslutter.",
            kode="KVP_VEDTAK_STATUS",
        )
    _valider(vedtak, sak)
    forhaandsvarsel_krev(vedtak=vedtak, sak=sak)
    if vedtak.status == Vedtaksstatus.RETURNERT:
        vedtak.versjon += 1
    vedtak.status = Vedtaksstatus.TIL_BESLUTTER
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.SENDT, bruker)
    return vedtak


def skrivere(vedtak: Vedtak) -> set[int]:
    """Alle som har skrevet, endret eller sendt vedtaket: ingen av dem kan beslutte det.

    Leses fra vedtaket selv (`Vedtak.skrevet_av`, som tjenestene fyller), ikke fra revisjonsloggen."""
    ider = set(vedtak.skrevet_av.values_list("pk", flat=True))
    ider.add(vedtak.opprettet_av_id)
    return ider


def _for_beslutter(bruker: Bruker, vedtak_id: UUID) -> tuple[Vedtak, Sak]:
    vedtak, sak = _vedtak_for_skriving(bruker=bruker, vedtak_id=vedtak_id, handling=Handling.BESLUTT)
    if vedtak.status == Vedtaksstatus.FATTET:
        raise KvpFeil("Vedtaket er allerede fattet og kan ikke endres.", kode="KVP_VEDTAK_FATTET")
    if vedtak.status != Vedtaksstatus.TIL_BESLUTTER:
        raise KvpFeil("Vedtaket er ikke sendt til beslutter.", kode="KVP_VEDTAK_STATUS")
    if bruker.pk in skrivere(vedtak):
        raise IkkeTilgang(
            "Du har skrevet eller endret dette vedtaket og kan ikke beslutte det selv (totrinnskontroll)."
        )
    return vedtak, sak


@transaction.atomic
def vedtak_returner(*, bruker: Bruker, vedtak_id: UUID, begrunnelse: str) -> Vedtak:
    """Beslutter sender vedtaket tilbake til saksbehandleren med en begrunnelse."""
    vedtak, _ = _for_beslutter(bruker, vedtak_id)
    if not begrunnelse.strip():
        raise KvpFeil("Skriv hvorfor vedtaket returneres.", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    vedtak.status = Vedtaksstatus.RETURNERT
    vedtak.beslutter = bruker
    vedtak.returnert_begrunnelse = begrunnelse.strip()
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.RETURNERT, bruker, begrunnelse=vedtak.returnert_begrunnelse)
    return vedtak


@transaction.atomic
def vedtak_fatt(*, bruker: Bruker, vedtak_id: UUID) -> Vedtak:
    """Beslutter godkjenner: vedtaket fattes (datert og låst) og saken oppdateres.

    Hendelsen `VedtakFattet` gir resten (docs/arkitektur.md): oppmøtet gjør attesterte måneder til korreksjoner
    når vedtaket endrer stønaden, og brev lager vedtaksbrevet, i samme transaksjon."""
    vedtak, sak = _for_beslutter(bruker, vedtak_id)
    _valider(vedtak, sak)  # saken eller vilkårene kan ha endret seg siden utkastet ble sendt
    varsel = forhaandsvarsel_krev(vedtak=vedtak, sak=sak)  # fvl. § 16: svar eller utløpt frist før vedtaket
    naa = timezone.now()
    vedtak.status = Vedtaksstatus.FATTET
    vedtak.beslutter = bruker
    vedtak.fattet_tidspunkt = naa
    vedtak.vedtak_dato = timezone.localdate(naa)
    vedtak.returnert_begrunnelse = ""
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.FATTET, bruker)
    _oppdater_sak(bruker=bruker, vedtak=vedtak, sak=sak)
    if varsel is not None:
        forhaandsvarsel_avgjoer(varsel=varsel, vedtak=vedtak)
    publiser(
        VedtakFattet(vedtak_id=vedtak.pk, sak_id=sak.pk, type=vedtak.type, fra_og_med=vedtak.fra_og_med, bruker=bruker)
    )
    return vedtak


def _oppdater_sak(*, bruker: Bruker, vedtak: Vedtak, sak: Sak) -> None:
    t = vedtak.type
    if t == Vedtakstype.INNVILGELSE:
        sak_oppdater_fra_vedtak(
            bruker=bruker,
            sak=sak,
            status=Status.INNVILGET,
            vedtak_dato=vedtak.vedtak_dato,
            program_fra_og_med=vedtak.fra_og_med,
            program_til_og_med=vedtak.til_og_med,
        )
    elif t == Vedtakstype.AVSLAG:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.AVSLAATT)
    elif t == Vedtakstype.FORLENGELSE:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, program_til_og_med=vedtak.til_og_med)
    elif t == Vedtakstype.PERMISJON:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.PERMISJON)
    elif t == Vedtakstype.AVBRUDD:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.MIDLERTIDIG_AVBRUTT)
    elif t == Vedtakstype.GJENOPPTAK:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.I_PROGRAM)
    elif t in (Vedtakstype.STANS, Vedtakstype.AVSLUTNING):
        # Vedtaket gjelder fra den første dagen uten program og stønad; saken får den siste dagen i program
        # (docs/regler/vilkaar-og-vedtak.md, «Siste dag med stønad ved stans og avslutning»).
        assert vedtak.fra_og_med is not None  # noqa: S101 - kontrollert i _valider
        sak_oppdater_fra_vedtak(
            bruker=bruker,
            sak=sak,
            status=Status.AVSLUTTET,
            avsluttet_dato=siste_dag_med_stoenad(vedtak.fra_og_med),
        )
