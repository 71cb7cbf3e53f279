"""Demodata for vilkår, vedtak og brev (kalles én gang fra `manage.py demodata`, etter sakene).

Går gjennom tjenestene, som i produksjon: Håkon (KVP-veileder) vurderer og skriver, Berit (beslutter) fatter.
Deltakeren Dina får et innvilget program med brev på Min side.
"""

import contextlib
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from unittest import mock

from django.utils import timezone

from kvp.person.models import Person
from kvp.sak.models import Sak, Status
from kvp.sak.services import sak_endre_status, sak_tildel
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Bruker, NavKontor
from kvp.vedtak.models import Vedtakstype
from kvp.vedtak.services import (
    forhaandsvarsel_send,
    forhaandsvarsel_svar_registrer,
    program_iverksett,
    vedtak_fatt,
    vedtak_opprett,
    vedtak_returner,
    vedtak_send_til_beslutter,
    vilkaarsvurdering_lagre,
)

from .datoer import dinas_programstart

SKJOENN = {
    "OPPHOLD_BOPEL": {"vurdering": "OPPFYLT", "begrunnelse": "Norsk statsborger med fast adresse i kommunen."},
    "INTRODUKSJONSPROGRAM": {"vurdering": "OPPFYLT", "begrunnelse": "Ikke i målgruppen for introduksjonsprogram."},
    "BEHOV_FOR_BISTAND": {"vurdering": "OPPFYLT", "begrunnelse": "Trenger tett oppfølging fra flere tjenester."},
    "EGNET_PROGRAM": {"vurdering": "OPPFYLT", "begrunnelse": "Kontoret har arbeidstrening og norskkurs som passer."},
}


@contextlib.contextmanager
def _som_om_det_var(dag: dt.date) -> Iterator[None]:
    """Bare for demodata: tjenestene kjøres som om klokka var `dag` kl. 10, så demoen får en historikk med ekte
    vedtak, brev og datoer (tjenestene godtar ikke at vedtak tilbakedateres)."""
    tidspunkt = timezone.make_aware(dt.datetime.combine(dag, dt.time(10)))
    with mock.patch("django.utils.timezone.now", return_value=tidspunkt):
        yield


def _sak(person: Person, kvp: Any, mottatt: dt.date) -> Any:
    _, sak = soeknad_registrer(bruker=kvp, person=person, mottatt_dato=mottatt, kanal=Kanal.PAPIR)
    sak_tildel(bruker=kvp, sak_id=sak.pk, saksbehandler=kvp)
    sak_endre_status(bruker=kvp, sak_id=sak.pk, status=Status.ARBEIDSEVNEVURDERING)
    return sak_endre_status(bruker=kvp, sak_id=sak.pk, status=Status.VILKAARSVURDERING)


def _vilkaar(sak: Any, kvp: Any, arbeidsevne: str = "SPESIELT_TILPASSET") -> None:
    vilkaarsvurdering_lagre(
        bruker=kvp,
        sak_id=sak.pk,
        arbeidsevne=arbeidsevne,
        husstand="ENSLIG",
        ytelser_per_maaned=Decimal("0"),
        ytelser_beskrivelse="Økonomisk sosialhjelp.",
        skjoenn=SKJOENN,
        sosialhjelp_foer="2",
    )


def _innvilgelse(sak: Any, kvp: Any, fra: dt.date, til: dt.date, evaluering: dt.date) -> Any:
    return vedtak_opprett(
        bruker=kvp,
        sak_id=sak.pk,
        type=Vedtakstype.INNVILGELSE,
        fra_og_med=fra,
        til_og_med=til,
        innhold="Arbeidstrening i kommunal kantine (20 timer), norskkurs (10 timer) og jobbsøking (7,5 timer).",
        evalueringsdatoer=[evaluering],
        begrunnelse="Søkeren oppfyller inngangsvilkårene og trenger tett og koordinert oppfølging for å komme i jobb.",
    )


def _fatt(vedtak: Any, kvp: Any, beslutter: Any) -> Any:
    vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


def vedtak_demodata_last(*, i_dag: dt.date) -> None:
    kvp = Bruker.objects.get(username="hakon")
    beslutter = Bruker.objects.get(username="berit")
    kontor = NavKontor.objects.get(enhetsnummer="1127")
    dina = Person.objects.get(rolletildeling__bruker__username="dina")
    # Fast rekkefølge (ikke den tilfeldige UUID-en), så samme dag gir de samme personene i de samme stegene.
    ledige = list(
        Person.objects.filter(kontor=kontor, saker__isnull=True).exclude(pk=dina.pk).order_by("foedselsnummer")[:7]
    )
    neste_maaned = (i_dag.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    aar = dt.timedelta(days=364)

    # Dina: innvilget og i program fra første mandag for fire måneder siden (plan, oppmøte og utbetalinger bygger på
    # det); brevet ligger på Min side.
    start = dinas_programstart(i_dag)
    with _som_om_det_var(start - dt.timedelta(days=14)):
        sak = _sak(dina, kvp, start - dt.timedelta(days=40))
        _vilkaar(sak, kvp)
        _fatt(_innvilgelse(sak, kvp, start, start + aar, start + dt.timedelta(days=90)), kvp, beslutter)
    program_iverksett(bruker=kvp, sak_id=sak.pk, begynt_dato=start)
    if len(ledige) < 7:
        return
    # Innvilget, venter på oppstart.
    sak = _sak(ledige[0], kvp, i_dag - dt.timedelta(days=25))
    _vilkaar(sak, kvp)
    _fatt(
        _innvilgelse(sak, kvp, neste_maaned, neste_maaned + aar, neste_maaned + dt.timedelta(days=90)), kvp, beslutter
    )
    # I program, slutter snart og har evaluering om en uke (frister på tavla).
    # Vedtakene som iverksettes i dag, fattes i går: programmet kan ikke begynne før vedtaket er fattet, og klokka
    # kan passere midnatt mens demodataene lastes.
    i_gaar = i_dag - dt.timedelta(days=1)
    mottatt = i_dag - dt.timedelta(days=330)
    with _som_om_det_var(i_gaar):
        sak = _sak(ledige[1], kvp, mottatt)
        _vilkaar(sak, kvp)
        innvilgelse = _innvilgelse(sak, kvp, mottatt, i_dag + dt.timedelta(days=30), i_dag + dt.timedelta(days=7))
        _fatt(innvilgelse, kvp, beslutter)
    program_iverksett(bruker=kvp, sak_id=sak.pk, begynt_dato=i_dag)
    # Avslag: arbeidsevnevurderingen ga varig tilpasset innsats.
    sak = _sak(ledige[2], kvp, i_dag - dt.timedelta(days=15))
    _vilkaar(sak, kvp, arbeidsevne="VARIG_TILPASSET")
    avslag = vedtak_opprett(
        bruker=kvp,
        sak_id=sak.pk,
        type=Vedtakstype.AVSLAG,
        avslag_vilkaar="ARBEIDSEVNE",
        begrunnelse="Arbeidsevnevurderingen konkluderer med varig tilpasset innsats; da er vilkåret ikke oppfylt.",
    )
    _fatt(avslag, kvp, beslutter)
    # Til beslutter.
    sak = _sak(ledige[3], kvp, i_dag - dt.timedelta(days=12))
    _vilkaar(sak, kvp)
    utkast = _innvilgelse(sak, kvp, neste_maaned, neste_maaned + aar, neste_maaned + dt.timedelta(days=120))
    vedtak_send_til_beslutter(bruker=kvp, vedtak_id=utkast.pk)
    # Returnert fra beslutter.
    sak = _sak(ledige[4], kvp, i_dag - dt.timedelta(days=18))
    _vilkaar(sak, kvp)
    utkast = _innvilgelse(sak, kvp, neste_maaned, neste_maaned + aar, neste_maaned + dt.timedelta(days=120))
    vedtak_send_til_beslutter(bruker=kvp, vedtak_id=utkast.pk)
    vedtak_returner(
        bruker=beslutter, vedtak_id=utkast.pk, begrunnelse="Legg inn når jobbsøking starter, og en evaluering til."
    )
    # Vilkårene vurdert, vedtak ikke skrevet.
    _vilkaar(_sak(ledige[5], kvp, i_dag - dt.timedelta(days=8)), kvp)
    # I program, så permisjon.
    with _som_om_det_var(i_gaar):
        sak = _sak(ledige[6], kvp, i_dag - dt.timedelta(days=40))
        _vilkaar(sak, kvp)
        _fatt(_innvilgelse(sak, kvp, i_dag, i_dag + aar, i_dag + dt.timedelta(days=60)), kvp, beslutter)
    program_iverksett(bruker=kvp, sak_id=sak.pk, begynt_dato=i_dag)
    permisjon = vedtak_opprett(
        bruker=kvp,
        sak_id=sak.pk,
        type=Vedtakstype.PERMISJON,
        fra_og_med=i_dag,
        til_og_med=i_dag + dt.timedelta(days=30),
        begrunnelse="Omsorg for barn etter avtale.",
    )
    _fatt(permisjon, kvp, beslutter)
    _flere_brevtyper(kontor, kvp, beslutter, i_dag=i_dag)


def _flere_brevtyper(kontor: NavKontor, kvp: Any, beslutter: Any, *, i_dag: dt.date) -> None:
    """Ett eksempel på hvert brev: tre saker fra søknadsdemoen (til vilkårsvurdering, ingen vedtak) innvilges i går og
    begynner i dag; så endring, avbrudd og gjenopptak, forhåndsvarsel med svar og stans; forhåndsvarsel og avslutning
    mot deltakerens ønske; og et forhåndsvarsel der svarfristen er ute uten svar (oppgave i saksbildet og på tavla)."""
    kandidater = Sak.objects.filter(
        kontor=kontor, status=Status.VILKAARSVURDERING, vedtak__isnull=True, vilkaarsvurdering__isnull=True
    ).order_by("person__foedselsnummer")[:3]
    saker = []
    for sak in kandidater:
        with _som_om_det_var(i_dag - dt.timedelta(days=1)):
            _vilkaar(sak, kvp)
            _fatt(
                _innvilgelse(sak, kvp, i_dag, i_dag + dt.timedelta(days=364), i_dag + dt.timedelta(days=90)),
                kvp,
                beslutter,
            )
        saker.append(program_iverksett(bruker=kvp, sak_id=sak.pk, begynt_dato=i_dag))
    if len(saker) < 3:
        return
    om_to_uker = i_dag + dt.timedelta(days=14)
    # Endring, avbrudd, gjenopptak, så forhåndsvarsel med svar og stans.
    sak = saker[0]
    for type_, felter in (
        (Vedtakstype.ENDRING, {"innhold": "Nytt praksissted: kommunalt verksted fra neste uke."}),
        (Vedtakstype.AVBRUDD, {"fra_og_med": i_dag}),
        (Vedtakstype.GJENOPPTAK, {"fra_og_med": i_dag}),
    ):
        vedtak = vedtak_opprett(
            bruker=kvp, sak_id=sak.pk, type=type_, begrunnelse="Avtalt med deltakeren i samtale.", **felter
        )
        _fatt(vedtak, kvp, beslutter)
    varsel = forhaandsvarsel_send(
        bruker=kvp,
        sak_id=sak.pk,
        gjelder="STANS",
        grunn="Du har ikke møtt i programmet siden forrige måned og har ikke gitt oss beskjed om hvorfor.",
        fra_og_med=om_to_uker,
    )
    forhaandsvarsel_svar_registrer(
        bruker=kvp,
        forhaandsvarsel_id=varsel.pk,
        svar="Ringte: har fått jobb og vil ut av programmet.",
        svar_dato=timezone.localdate(),
    )
    stans = vedtak_opprett(
        bruker=kvp,
        sak_id=sak.pk,
        type=Vedtakstype.STANS,
        fra_og_med=om_to_uker,
        kostra_status="4",
        begrunnelse="Deltakeren har uteblitt fra programmet og har bekreftet at han ikke vil fortsette.",
    )
    _fatt(stans, kvp, beslutter)
    # Forhåndsvarsel og avslutning mot deltakerens ønske.
    sak = saker[1]
    varsel = forhaandsvarsel_send(
        bruker=kvp,
        sak_id=sak.pk,
        gjelder="AVSLUTNING",
        grunn="Du har flyttet til en annen kommune, og programmet må avsluttes her.",
        fra_og_med=om_to_uker,
    )
    forhaandsvarsel_svar_registrer(
        bruker=kvp,
        forhaandsvarsel_id=varsel.pk,
        svar="Vil helst fortsette, men bor nå i Stavanger.",
        svar_dato=timezone.localdate(),
    )
    avslutning = vedtak_opprett(
        bruker=kvp,
        sak_id=sak.pk,
        type=Vedtakstype.AVSLUTNING,
        fra_og_med=om_to_uker,
        kostra_status="5",
        begrunnelse="Deltakeren har flyttet til Stavanger; programmet avsluttes her og kan søkes der.",
    )
    _fatt(avslutning, kvp, beslutter)
    # Forhåndsvarsel sendt for tre uker siden uten svar: fristen er ute, og saksbehandleren har en oppgave.
    sak = saker[2]
    with _som_om_det_var(i_dag - dt.timedelta(days=21)):
        forhaandsvarsel_send(
            bruker=kvp,
            sak_id=sak.pk,
            gjelder="STANS",
            grunn="Du har ikke møtt i programmet de siste ukene.",
            fra_og_med=i_dag + dt.timedelta(days=7),
        )
