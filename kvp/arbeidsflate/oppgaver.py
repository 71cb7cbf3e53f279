"""Oppgaveleverandørene for appene som fantes før oppgaveregisteret (ADR 0014).

Hver funksjon tar `(bruker, i_dag)`, henter bare det brukeren har tilgang til (kontor og rolle) og gir oppgavene
som venter på brukeren nå. Ingen oppgavetabell: når dataene sier at oppgaven er gjort, er den borte.
Alle spørringene er avgrenset til brukerens egne saker eller kontorets korte køer, og har et tak (`MAKS`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q
from django.urls import reverse

from kvp.felles.oppgaver import Leverandoer, Oppgave
from kvp.oppmoete.models import Maanedsattestering
from kvp.sak.models import AAPNE_STATUSER, AKTIVE_STATUSER, ForeloepigSvar, Sak, Status
from kvp.sak.selectors import UTEN_SAKSBEHANDLER
from kvp.soeknad.models import Moetetid
from kvp.tilgang.models import Bruker, NavKontor, Rolle
from kvp.tilgang.tilgang import tilgang_for
from kvp.utbetaling.models import Rundestatus, Utbetalingsrunde
from kvp.vedtak.models import Vedtak, Vedtaksstatus
from kvp.vedtak.selectors import evalueringsdatoer_i
from kvp_regler.vilkaar.frister import foreloepig_svar_frist, programfrister

#: Høyst så mange oppgaver av hver leverandør (en kø med flere vises som «minst 100»).
MAKS = 100
#: Så mange måneder bakover ser vi etter uattesterte måneder (eldre måneder står i oppmøteoversikten).
MAANEDER_BAKOVER = 12
MAANEDSNAVN = (
    "januar februar mars april mai juni juli august september oktober november desember".split()  # noqa: SIM905
)
SAKSROLLER = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)


def _d(dato: dt.date) -> str:
    return dato.strftime("%d.%m.%Y")


def _sak_oppgave(sak: Sak, **kw: Any) -> Oppgave:
    return Oppgave(
        person_id=sak.person_id,
        person_navn=sak.person.navn,
        kontor_id=sak.kontor_id,
        sak_id=sak.pk,
        **kw,
    )


def vedtak_oppgaver(bruker: Bruker, i_dag: dt.date) -> list[Oppgave]:
    """Vedtak returnert til meg, vedtak som venter på min godkjenning (fireøyne), og fristene i mine saker."""
    tilgang = tilgang_for(bruker)
    kontorer = tilgang.kontorer_med(*SAKSROLLER)
    if not kontorer:
        return []
    svar: list[Oppgave] = []
    returnerte = (
        Vedtak.objects.filter(sak__kontor_id__in=kontorer, status=Vedtaksstatus.RETURNERT)
        .filter(Q(opprettet_av=bruker) | Q(sak__saksbehandler=bruker))
        .select_related("sak", "sak__person")
        .order_by("endret")[:MAKS]
    )
    for v in returnerte:
        svar.append(
            _sak_oppgave(
                v.sak,
                type="VEDTAK_RETURNERT",
                typenavn="Vedtak returnert",
                tittel=f"{v.get_type_display()} er returnert fra beslutter",
                lenke=reverse("vedtak:detalj", kwargs={"vedtak_id": v.pk}),
                nivaa="VARSEL",
            )
        )
    beslutterkontorer = tilgang.kontorer_med(Rolle.BESLUTTER)
    if beslutterkontorer:
        til_godkjenning = (
            Vedtak.objects.filter(sak__kontor_id__in=beslutterkontorer, status=Vedtaksstatus.TIL_BESLUTTER)
            .exclude(opprettet_av=bruker)
            .select_related("sak", "sak__person")
            .order_by("endret")[:MAKS]
        )
        for v in til_godkjenning:
            svar.append(
                _sak_oppgave(
                    v.sak,
                    type="VEDTAK_TIL_GODKJENNING",
                    typenavn="Til godkjenning",
                    tittel=f"{v.get_type_display()} venter på godkjenning (totrinnskontroll)",
                    lenke=reverse("vedtak:detalj", kwargs={"vedtak_id": v.pk}),
                )
            )
    saker = (
        Sak.objects.filter(kontor_id__in=kontorer, status__in=AKTIVE_STATUSER, saksbehandler=bruker)
        .select_related("person", "kontor")
        .prefetch_related(
            Prefetch(
                "vedtak",
                queryset=Vedtak.objects.filter(status=Vedtaksstatus.FATTET)
                .only("id", "sak_id", "type", "evalueringsdatoer", "fattet_tidspunkt")
                .order_by("-fattet_tidspunkt"),
                to_attr="fattede",
            )
        )
        .order_by("program_til_og_med", "id")[:MAKS]
    )
    for sak in saker:
        evalueringer = evalueringsdatoer_i(sak.fattede)
        for frist in programfrister(
            i_dag=i_dag,
            vedtak_dato=sak.vedtak_dato,
            begynt_dato=sak.begynt_dato,
            program_fra_og_med=sak.program_fra_og_med,
            program_til_og_med=sak.program_til_og_med,
            evalueringsdatoer=evalueringer,
            frist_oppstart_maaneder=sak.kontor.frist_oppstart_maaneder,
            varsel_programslutt_uker=sak.kontor.varsel_programslutt_uker,
        ):
            svar.append(
                _sak_oppgave(
                    sak,
                    type=f"FRIST_{frist.kode}",
                    typenavn="Frist",
                    tittel=frist.tekst,
                    lenke=reverse("vedtak:sak", kwargs={"sak_id": sak.pk}),
                    frist=frist.dato,
                    nivaa=str(frist.nivaa),
                )
            )
    return svar


def sak_frist_varsel(kontor_id: Any) -> int:
    """Kontorets varselfrist for saksbehandlingstiden (dager)."""
    return int(NavKontor.objects.values_list("frist_varsel_dager", flat=True).get(pk=kontor_id))


def sak_oppgaver(bruker: Bruker, i_dag: dt.date) -> list[Oppgave]:
    """Nye søknader på kontorets tavle uten saksbehandler, og mine søknader: saksbehandlingstid og foreløpig svar."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER)
    if not kontorer:
        return []
    svar: list[Oppgave] = []
    # Tavla er felles for kontoret: én oppgave med antallet, ikke én per søknad (den forsvinner når alle er tildelt).
    nye = (
        Sak.objects.filter(kontor_id__in=kontorer, status=Status.SOEKNAD_REGISTRERT, saksbehandler__isnull=True)
        .values("kontor_id")
        .annotate(antall=Count("id"), eldste=Min("mottatt_dato"))
        .order_by("kontor_id")
    )
    for rad in nye:
        n = rad["antall"]
        svar.append(
            Oppgave(
                type="SOEKNAD_NY",
                typenavn="Ny søknad",
                tittel=f"{n} ny{'e' if n > 1 else ''} søknad{'er' if n > 1 else ''} på tavla uten saksbehandler",
                lenke=reverse("sak:tavle") + f"?saksbehandler={UTEN_SAKSBEHANDLER}",
                frist=rad["eldste"] + dt.timedelta(days=sak_frist_varsel(rad["kontor_id"])),
                kontor_id=rad["kontor_id"],
            )
        )
    mine = (
        Sak.objects.filter(kontor_id__in=kontorer, status__in=AAPNE_STATUSER, saksbehandler=bruker)
        .select_related("person", "kontor")
        .annotate(har_svar=Exists(ForeloepigSvar.objects.filter(sak_id=OuterRef("pk"))))
        .order_by("mottatt_dato", "id")[:MAKS]
    )
    for sak in mine:
        dager = (i_dag - sak.mottatt_dato).days
        lenke = reverse("sak:detalj", kwargs={"sak_id": sak.pk})
        if dager >= sak.kontor.frist_varsel_dager:
            overskredet = dager >= sak.kontor.frist_overskredet_dager
            svar.append(
                _sak_oppgave(
                    sak,
                    type="SAKSBEHANDLINGSTID",
                    typenavn="Saksbehandlingstid",
                    tittel=f"Søknaden har ventet i {dager} dager"
                    + (" – fristen er overskredet" if overskredet else ""),
                    lenke=lenke,
                    frist=sak.mottatt_dato + dt.timedelta(days=sak.kontor.frist_overskredet_dager),
                    nivaa="OVERSKREDET" if overskredet else "VARSEL",
                )
            )
        elif sak.status == Status.SOEKNAD_REGISTRERT:
            svar.append(
                _sak_oppgave(
                    sak,
                    type="SOEKNAD_TILDELT",
                    typenavn="Ny søknad",
                    tittel=f"Søknad tildelt deg, mottatt {_d(sak.mottatt_dato)}",
                    lenke=lenke,
                )
            )
        frist = foreloepig_svar_frist(sak.mottatt_dato)
        if i_dag >= frist and not sak.har_svar:
            svar.append(
                _sak_oppgave(
                    sak,
                    type="FORELOEPIG_SVAR",
                    typenavn="Foreløpig svar",
                    tittel="Søknaden er ikke besvart innen en måned: send foreløpig svar",
                    lenke=reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + "#foreloepig",
                    frist=frist,
                    nivaa="OVERSKREDET",
                )
            )
    return svar


def moete_oppgaver(bruker: Bruker, i_dag: dt.date) -> list[Oppgave]:
    """Overføringsmøter som er booket med meg, fra i dag og framover."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER)
    if not kontorer:
        return []
    moeter = (
        Moetetid.objects.filter(
            kontor_id__in=kontorer, kvp_veileder=bruker, kartlegging__isnull=False, start__date__gte=i_dag
        )
        .select_related("kartlegging", "kartlegging__person")
        .order_by("start")[:MAKS]
    )
    svar = []
    for m in moeter:
        assert m.kartlegging is not None  # noqa: S101 - filteret over
        person = m.kartlegging.person
        lokal = m.start.astimezone()
        svar.append(
            Oppgave(
                type="MOETE",
                typenavn="Møte",
                tittel=f"Overføringsmøte {_d(lokal.date())} kl. {lokal:%H.%M}",
                lenke=reverse("soeknad:kartlegging", kwargs={"kartlegging_id": m.kartlegging_id}),
                frist=lokal.date(),
                person_id=person.pk,
                person_navn=person.navn,
                kontor_id=m.kontor_id,
            )
        )
    return svar


def _maaneder(fra: dt.date, til: dt.date) -> Iterable[tuple[int, int]]:
    aar, maaned = fra.year, fra.month
    while (aar, maaned) <= (til.year, til.month):
        yield aar, maaned
        aar, maaned = (aar + 1, 1) if maaned == 12 else (aar, maaned + 1)


def attestering_oppgaver(bruker: Bruker, i_dag: dt.date) -> list[Oppgave]:
    """Måneder i mine saker som er over og ikke attestert (de siste tolv månedene): én oppgave per sak, eldste først."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER)
    if not kontorer:
        return []
    forrige_slutt = i_dag.replace(day=1) - dt.timedelta(days=1)
    eldste = dt.date(forrige_slutt.year - 1, forrige_slutt.month, 1) + dt.timedelta(days=32)
    eldste = eldste.replace(day=1)
    saker = list(
        Sak.objects.filter(
            kontor_id__in=kontorer,
            saksbehandler=bruker,
            program_fra_og_med__lte=forrige_slutt,
            program_til_og_med__gte=eldste,
        )
        .exclude(avsluttet_dato__lt=eldste)
        .select_related("person")
        .order_by("person__etternavn", "id")[:MAKS]
    )
    attestert = set(
        Maanedsattestering.objects.filter(sak__in=saker, aar__gte=eldste.year).values_list("sak_id", "aar", "maaned")
    )
    svar: list[Oppgave] = []
    for sak in saker:
        periode = sak.programperiode()
        if periode is None:
            continue
        fra, til = max(periode[0], eldste), min(periode[1], forrige_slutt)
        mangler = [m for m in (_maaneder(fra, til) if fra <= til else ()) if (sak.pk, *m) not in attestert]
        if not mangler:
            continue
        # Én oppgave per sak: den eldste måneden som ikke er attestert (de neste følger når den er gjort).
        aar, maaned = mangler[0]
        siste = (dt.date(aar + maaned // 12, maaned % 12 + 1, 1)) - dt.timedelta(days=1)
        flere = f" (og {len(mangler) - 1} måned{'er' if len(mangler) > 2 else ''} til)" if len(mangler) > 1 else ""
        svar.append(
            _sak_oppgave(
                sak,
                type="ATTESTERING",
                typenavn="Attestering",
                tittel=f"Attester oppmøtet for {MAANEDSNAVN[maaned - 1]} {aar}{flere}",
                lenke=reverse("oppmoete:kalender", kwargs={"sak_id": sak.pk}) + f"?maaned={aar:04d}-{maaned:02d}",
                frist=siste,
                nivaa="VARSEL",
            )
        )
    return svar[:MAKS]


def utbetaling_oppgaver(bruker: Bruker, i_dag: dt.date) -> list[Oppgave]:
    """Utbetalingsrunder jeg kan godkjenne (økonomi, fireøyne: ikke runder jeg selv har laget eller simulert)."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.OEKONOMI)
    if not kontorer:
        return []
    runder = (
        Utbetalingsrunde.objects.filter(kommune__nav_kontor_id__in=kontorer, status=Rundestatus.SIMULERT, ferdig=True)
        .exclude(opprettet_av=bruker)
        .exclude(simulert_av=bruker)
        .select_related("kommune")
        .order_by("utbetalingsdato", "kommune__navn")[:MAKS]
    )
    return [
        Oppgave(
            type="RUNDE_GODKJENN",
            typenavn="Utbetaling",
            tittel=f"Godkjenn utbetalingsrunden for {r.kommune.navn}, {MAANEDSNAVN[r.maaned - 1]} {r.aar}",
            lenke=reverse("utbetaling:runde", kwargs={"runde_id": r.pk}),
            frist=r.utbetalingsdato,
            nivaa="VARSEL",
            kontor_id=r.kommune.nav_kontor_id,
        )
        for r in runder
    ]


#: Leverandørene for appene som fantes før registeret, i lagrekkefølge. Registreres i `ArbeidsflateConfig.ready()`.
EKSISTERENDE_APPER: dict[str, Leverandoer] = {
    "sak": sak_oppgaver,
    "soeknad": moete_oppgaver,
    "vedtak": vedtak_oppgaver,
    "oppmoete": attestering_oppgaver,
    "utbetaling": utbetaling_oppgaver,
}
