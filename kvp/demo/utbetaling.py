"""Demodata for utbetalingen: deltakere i program med attesterte måneder, en bekreftet og en simulert runde."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete
from kvp.person.models import Person
from kvp.sak.models import AKTIVE_STATUSER, Sak, Status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Rolle
from kvp.tilgang.services import bruker_opprett, rolle_tildel
from kvp.utbetaling.models import Mottaker, Tilbakekreving
from kvp.utbetaling.services import (
    kommune_innstillinger_endre,
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    tilbakekreving_foreslaa,
    tilbakekreving_vedta,
    utbetalingsrunde_bekreft,
    utbetalingsrunde_eksporter,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)
from kvp.vedtak.services import forhaandsvarsel_svar_registrer

from .datoer import forrige_maaned

KONTOER = ["12345678903", "15030012345"]  # ikke kommunens konto (86011117947)


def utbetaling_demodata(*, brukere: dict[str, Any], deltaker_person: Person, passord: str, i_dag: dt.date) -> None:
    """Olga (økonomi) godkjenner det Oskar simulerer og kontonumrene han registrerer. Dina og fem andre i Randaberg
    er i program; forrige måned er simulert, måneden før er betalt. Programfeltene og attesteringene settes direkte
    (vedtak og oppmøte har ennå ikke egne tjenester i demodataene)."""
    oskar = brukere["oskar"]
    olga = bruker_opprett(brukernavn="olga", fornavn="Olga", etternavn="Økonomi", passord=passord)
    rolle_tildel(bruker=olga, rolle=Rolle.OEKONOMI, kontor=oskar.rolletildelinger.get().kontor)
    kvp = brukere["hakon"]
    kommune_innstillinger_endre(
        bruker=oskar,
        kommune_nummer="1127",
        utbetalingsdag=15,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=50,
        kontonummer="86011117947",
        organisasjonsnummer="964965226",
    )
    m1 = forrige_maaned(i_dag.year, i_dag.month)
    m2 = forrige_maaned(*m1)
    m3 = forrige_maaned(*m2)
    start = dt.date(m3[0], m3[1], 1)
    ledige = Person.objects.filter(kommune_id="1127", saker__isnull=True).exclude(pk=deltaker_person.pk)
    personer = [deltaker_person, *ledige.order_by("foedselsnummer")[:5]]
    for nr, person in enumerate(personer):
        sak = Sak.objects.filter(person=person, status__in=AKTIVE_STATUSER).first()
        if sak is None:
            _, sak = soeknad_registrer(
                bruker=kvp, person=person, mottatt_dato=start - dt.timedelta(days=40), kanal=Kanal.PAPIR
            )
        if sak.program_fra_og_med is None:  # Dina er satt i program av vedtakene; de andre settes direkte
            Sak.objects.filter(pk=sak.pk).update(
                status=Status.I_PROGRAM,
                saksbehandler=kvp,
                vedtak_dato=start - dt.timedelta(days=10),
                begynt_dato=start,
                program_fra_og_med=start,
                program_til_og_med=start + dt.timedelta(days=364),
            )
        mottaker_lagre(
            bruker=oskar,
            person_id=person.pk,
            kontonummer=KONTOER[nr % len(KONTOER)],
            skattetrekk_prosent=Decimal(20 + 3 * nr),
        )
        if Mottaker.objects.filter(person=person).exclude(nytt_kontonummer="").exists():
            mottaker_kontonummer_godkjenn(bruker=olga, person_id=person.pk)  # fireøyne: en annen enn Oskar
        for aar, maaned in (m3, m2, m1):
            Maanedsattestering.objects.get_or_create(
                sak=sak, aar=aar, maaned=maaned, defaults={"attestert_av": kvp, "attestert": timezone.now()}
            )
    betalt = utbetalingsrunde_kjoer(bruker=oskar, kommune_nummer="1127", aar=m2[0], maaned=m2[1])
    utbetalingsrunde_godkjenn(bruker=olga, runde_id=betalt.pk)
    utbetalingsrunde_eksporter(bruker=olga, runde_id=betalt.pk)
    utbetalingsrunde_bekreft(bruker=olga, runde_id=betalt.pk)
    # Helst en annen enn Dina; finnes ingen (få ledige personer den dagen), brukes hennes sak.
    sak = Sak.objects.filter(person__in=personer[1:2] or personer[:1], status__in=AKTIVE_STATUSER).first()
    fravaer = dt.date(m2[0], m2[1], 10)
    if sak is not None:
        # Ugyldig fravær registrert etter at måneden er betalt: neste runde gir en tilbakekreving, som Oskar foreslår
        # (med vurderingen av god tro og forhåndsvarsel) og Olga vedtar når deltakeren har svart.
        while fravaer.weekday() >= 5:
            fravaer += dt.timedelta(days=1)
        Oppmoete.objects.create(sak=sak, dato=fravaer, status=Dagstatus.UGYLDIG_FRAVAER, registrert_av=kvp)
        attestering = Maanedsattestering.objects.get(sak=sak, aar=m2[0], maaned=m2[1])
        attestering.versjon += 1
        attestering.sist_korrigert = timezone.now()
        attestering.save()
    utbetalingsrunde_kjoer(bruker=oskar, kommune_nummer="1127", aar=m1[0], maaned=m1[1])
    tk = Tilbakekreving.objects.filter(sak=sak).first() if sak is not None else None
    if tk is not None:
        tilbakekreving_foreslaa(
            bruker=oskar,
            tilbakekreving_id=tk.pk,
            begrunnelse=f"Ugyldig fravær {fravaer:%d.%m.%Y} ble registrert etter at måneden var utbetalt.",
            aktsomhet="BURDE_FORSTAATT",
            aktsomhet_begrunnelse="Deltakeren visste at han ikke møtte den dagen og fikk beskjed om fraværet.",
        )
        tk.refresh_from_db()
        assert tk.forhaandsvarsel_id is not None  # noqa: S101 - foreslå sender alltid varsel
        forhaandsvarsel_svar_registrer(
            bruker=olga,
            forhaandsvarsel_id=tk.forhaandsvarsel_id,
            svar="Ringte og sa seg enig i at beløpet trekkes.",
            svar_dato=timezone.localdate(),
        )
        tilbakekreving_vedta(bruker=olga, tilbakekreving_id=tk.pk, tilbakekreves=True)
