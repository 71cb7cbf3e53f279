"""Tilbakekreving av for mye utbetalt: en foreslår, en annen vedtar (eller avslår). Vedtatt beløp trekkes i senere
utbetalinger (`kvp_regler.oppgjoer.motregn`). Kan resten ikke trekkes fordi saken er avsluttet og ikke får flere
utbetalinger, blir den et krav i regnskapsfilen (`tilbakekrevinger_til_krav`)."""

import calendar
import datetime as dt
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone

from kvp.brev.services import vedtaksbrev_lag
from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.oppmoete.models import Maanedsattestering
from kvp.sak.models import Status
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling
from kvp.vedtak.services import (
    forhaandsvarsel_avgjoer,
    forhaandsvarsel_klar,
    forhaandsvarsel_send_for_tilbakekreving,
    tilbakekrevingsvedtak_fatt,
)

from ..beregning import kroner, maanedstekst
from ..models import (
    TILBAKEKREVING_HJEMMEL,
    Aktsomhet,
    Posttype,
    Tilbakekreving,
    Tilbakekrevingsstatus,
    Utbetalingskorreksjon,
    Utbetalingspost,
    Utbetalingsrunde,
)
from .laas import kollisjon_som_feil, tilbakekreving_for_skriving


@kollisjon_som_feil
@transaction.atomic
def tilbakekreving_foreslaa(
    *, bruker: Bruker, tilbakekreving_id: UUID, begrunnelse: str, aktsomhet: str, aktsomhet_begrunnelse: str
) -> Tilbakekreving:
    """Økonomi foreslår å kreve tilbake det som er utbetalt for mye, med begrunnelse og vurderingen av om deltakeren
    var i god tro (aktsomhet, med hjemmel). Deltakeren får samtidig forhåndsvarsel (forvaltningsloven § 16) med
    svarfrist; tilbakekrevingen kan vedtas når svaret er registrert eller fristen er ute."""
    tk = tilbakekreving_for_skriving(bruker=bruker, tilbakekreving_id=tilbakekreving_id)
    # Et forslag fra før forhåndsvarselet fantes (uten varsel og vurdering av god tro) kan foreslås på nytt.
    gammelt_forslag = tk.status == Tilbakekrevingsstatus.FORESLAATT and tk.forhaandsvarsel_id is None
    if tk.status != Tilbakekrevingsstatus.BEREGNET and not gammelt_forslag:
        raise KvpFeil("Tilbakekrevingen er allerede foreslått.", kode="KVP_TILBAKEKREVING_STATUS")
    if not begrunnelse.strip():
        raise KvpFeil("Skriv en begrunnelse.", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    if aktsomhet not in Aktsomhet.values:
        raise KvpFeil(
            "Vurder om deltakeren var i god tro før tilbakekrevingen foreslås.", felt="aktsomhet", kode="KVP_AKTSOMHET"
        )
    if not aktsomhet_begrunnelse.strip():
        raise KvpFeil(
            "Begrunn vurderingen av om deltakeren var i god tro.", felt="aktsomhet_begrunnelse", kode="KVP_AKTSOMHET"
        )
    tk.status = Tilbakekrevingsstatus.FORESLAATT
    tk.foreslaatt_av = bruker
    tk.foreslaatt = timezone.now()
    tk.begrunnelse = begrunnelse.strip()[:1000]
    tk.aktsomhet = aktsomhet
    tk.aktsomhet_begrunnelse = aktsomhet_begrunnelse.strip()
    tk.hjemmel = TILBAKEKREVING_HJEMMEL
    tk.forhaandsvarsel = forhaandsvarsel_send_for_tilbakekreving(
        bruker=bruker,
        sak=tk.sak,
        beloep=tk.beloep,
        grunn=tk.begrunnelse,
        maaned=dt.date(tk.korreksjon.aar, tk.korreksjon.maaned, 1),
    )
    tk.save(
        update_fields=[
            "status",
            "foreslaatt_av",
            "foreslaatt",
            "begrunnelse",
            "aktsomhet",
            "aktsomhet_begrunnelse",
            "hjemmel",
            "forhaandsvarsel",
        ]
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=tk.sak.kontor,
        person=tk.sak.person,
        handling="ENDRE",
        objekt=tk,
        foer={"status": Tilbakekrevingsstatus.FORESLAATT if gammelt_forslag else Tilbakekrevingsstatus.BEREGNET},
        etter={"status": tk.status, "beloep": str(tk.beloep), "aktsomhet": tk.aktsomhet},
    )
    return tk


@kollisjon_som_feil
@transaction.atomic
def tilbakekreving_vedta(*, bruker: Bruker, tilbakekreving_id: UUID, tilbakekreves: bool) -> Tilbakekreving:
    """En annen person enn den som foreslo, vedtar (eller avslår) tilbakekrevingen. Vedtatt beløp trekkes i
    senere utbetalinger."""
    tk = tilbakekreving_for_skriving(bruker=bruker, tilbakekreving_id=tilbakekreving_id, handling=Handling.BESLUTT)
    if tk.status != Tilbakekrevingsstatus.FORESLAATT:
        raise KvpFeil("Bare en foreslått tilbakekreving kan vedtas.", kode="KVP_TILBAKEKREVING_STATUS")
    if tk.foreslaatt_av_id == bruker.pk:
        raise KvpFeil("Du foreslo tilbakekrevingen selv. En annen må vedta den.", kode="KVP_FIREOEYNE")
    if tilbakekreves:
        if tk.forhaandsvarsel is None or not tk.aktsomhet:
            raise KvpFeil(
                "Tilbakekrevingen mangler forhåndsvarsel eller vurderingen av god tro. Foreslå den på nytt.",
                kode="KVP_FORHAANDSVARSEL",
            )
        forhaandsvarsel_klar(tk.forhaandsvarsel, i_dag=timezone.localdate())  # fvl. § 16
    tk.status = Tilbakekrevingsstatus.VEDTATT if tilbakekreves else Tilbakekrevingsstatus.AVSLAATT
    tk.vedtatt_av = bruker
    tk.vedtatt = timezone.now()
    if tilbakekreves:
        maaned = dt.date(tk.korreksjon.aar, tk.korreksjon.maaned, 1)
        tk.vedtak = tilbakekrevingsvedtak_fatt(
            sak=tk.sak,
            forfatter=tk.foreslaatt_av,
            beslutter=bruker,
            fra_og_med=maaned,
            til_og_med=maaned.replace(day=calendar.monthrange(maaned.year, maaned.month)[1]),
            begrunnelse=tk.begrunnelse or tk.korreksjon.forklaring,
        )
    tk.save(update_fields=["status", "vedtatt_av", "vedtatt", "vedtak"])
    if tk.forhaandsvarsel is not None:
        forhaandsvarsel_avgjoer(varsel=tk.forhaandsvarsel, vedtak=tk.vedtak)
    if tk.vedtak is not None:
        vedtaksbrev_lag(vedtak=tk.vedtak)
    logghendelse_registrer(
        bruker=bruker,
        kontor=tk.sak.kontor,
        person=tk.sak.person,
        handling="ENDRE",
        objekt=tk,
        foer={"status": Tilbakekrevingsstatus.FORESLAATT},
        etter={"status": tk.status},
    )
    return tk


def tilbakekrevinger_til_krav(*, runde: Utbetalingsrunde, bruker: Bruker) -> list[Tilbakekreving]:
    """Vedtatte tilbakekrevinger i rundens kommune som ikke kan trekkes i senere utbetalinger, blir krav (status
    `KRAV`) med det som gjenstår, ført i rundens regnskapsfil og i revisjonsloggen. Det gjelder når saken er
    avsluttet, programmet sluttet senest i rundens måned, og saken ikke har flere utbetalinger til gode (ingen
    attestert, ubetalt måned og ingen etterbetaling som venter). Kalles når runden godkjennes, etter at rundens trekk
    er beregnet."""
    ubetalt_maaned = Maanedsattestering.objects.filter(sak_id=OuterRef("sak_id")).exclude(
        Exists(
            Utbetalingspost.objects.filter(
                type=Posttype.ORDINAER, sak_id=OuterRef("sak_id"), aar=OuterRef("aar"), maaned=OuterRef("maaned")
            )
        )
    )
    venter = Utbetalingskorreksjon.objects.filter(
        sak_id=OuterRef("sak_id"), differanse__gt=0, utbetalingspost__isnull=True
    )
    slutt = dt.date(runde.aar, runde.maaned, calendar.monthrange(runde.aar, runde.maaned)[1])
    kandidater = (
        Tilbakekreving.objects.select_for_update(of=("self",))
        .filter(
            status=Tilbakekrevingsstatus.VEDTATT,
            sak__person__kommune_id=runde.kommune_id,
            sak__status=Status.AVSLUTTET,
        )
        .exclude(Exists(ubetalt_maaned))
        .exclude(Exists(venter))
        .select_related("sak__person", "sak__kontor", "korreksjon")
        .order_by("vedtatt", "pk")
    )
    krav = []
    for tk in kandidater:
        periode = tk.sak.programperiode()
        if periode is not None and periode[1] > slutt:
            continue  # saken kan ennå få utbetalt måneder etter rundens måned
        trukket = Utbetalingspost.objects.filter(tilbakekreving=tk).aggregate(s=Sum("beloep"))["s"] or 0
        rest = tk.beloep + trukket
        if rest <= 0:
            continue
        tk.status = Tilbakekrevingsstatus.KRAV
        tk.krav_beloep = rest
        tk.krav_runde = runde
        tk.save(update_fields=["status", "krav_beloep", "krav_runde"])
        logghendelse_registrer(
            bruker=bruker,
            kontor=tk.sak.kontor,
            person=tk.sak.person,
            handling="ENDRE",
            objekt=tk,
            beskrivelse=(
                f"Tilbakekrevingen for {maanedstekst(tk.korreksjon.aar, tk.korreksjon.maaned)} kan ikke trekkes "
                f"(saken er avsluttet og har ingen flere utbetalinger): {kroner(rest)} føres som krav."
            ),
            foer={"status": Tilbakekrevingsstatus.VEDTATT},
            etter={"status": Tilbakekrevingsstatus.KRAV, "krav_beloep": str(rest), "runde": str(runde.pk)},
        )
        krav.append(tk)
    return krav
