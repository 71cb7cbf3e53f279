"""Hvert slags brev (alle `Vedtakstype`-ene, oppstart, foreløpig svar og forhåndsvarsel om stans, avslutning og
tilbakekreving), på bokmål og nynorsk, er fritt for intern tekst: ingen
pålitelighetsmerker, «ordlyden er ikke kontrollert», spesifikasjons- og filhenvisninger, feltkoder eller
Python-representasjoner (`kvp.felles.tests.intern_tekst`).

Brevene lages gjennom tjenestene, også tilbakekrevingen (utbetaling, sent fravær og vedtak med fire øyne). PDF-en
lages ikke her (den er HTML-en satt med WeasyPrint og testes i `test_brev`); brevets tekst er HTML-en."""

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import pytest
from django.utils import timezone

from kvp.brev.models import Brev
from kvp.felles.tests.intern_tekst import intern_tekst, synlig_tekst
from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete
from kvp.person.models import Maalform, Person
from kvp.sak.models import Sak
from kvp.sak.services import foreloepig_svar_registrer
from kvp.tilgang.models import Bruker, Rolle
from kvp.utbetaling.models import Rundestatus, Tilbakekreving, Utbetalingsrunde
from kvp.utbetaling.services import tilbakekreving_foreslaa, tilbakekreving_vedta, utbetalingsrunde_kjoer
from kvp.vedtak import services
from kvp.vedtak.models import KostraStatus, Vedtakstype
from kvp.vedtak.tests.hjelpere import (
    innvilgelse_utkast,
    sak_til_vilkaarsvurdering,
    tilbakekrevingsvarsel_besvart,
    varsle_om_noedvendig,
    vilkaar_vurder,
)


@pytest.fixture
def uten_pdf() -> Iterator[None]:
    with mock.patch("kvp.brev.services.pdf_lag", return_value=b"%PDF-1.7 test"):
        yield


def _fatt(kvp: Bruker, beslutter: Bruker, sak: Sak, type_: str, **felter: Any) -> None:
    varsle_om_noedvendig(bruker=kvp, sak=sak, type_=type_, felter=felter)
    vedtak = services.vedtak_opprett(bruker=kvp, sak_id=sak.pk, type=type_, begrunnelse="Begrunnet.", **felter)
    services.vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


def _i_program(kvp: Bruker, beslutter: Bruker, person: Person) -> Sak:
    sak = sak_til_vilkaarsvurdering(bruker=kvp, person=person)
    vilkaar_vurder(bruker=kvp, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp, sak=sak, fra=timezone.localdate() - dt.timedelta(days=1))
    services.vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)
    return services.program_iverksett(bruker=kvp, sak_id=sak.pk, begynt_dato=timezone.localdate())


def _tilbakekreving(lag_sak_i_program: Callable[..., Sak], kvp: Bruker, oekonomi: list[Bruker], maalform: str) -> None:
    """Mars 2025 betales, så registreres ugyldig fravær i mars; aprilkjøringen gir tilbakekrevingen, som vedtas."""
    sak = lag_sak_i_program(maalform=maalform)
    for maaned in (3, 4):
        Maanedsattestering.objects.create(sak=sak, aar=2025, maaned=maaned, attestert_av=kvp, attestert=timezone.now())
        if maaned == 4:
            continue
        mars = utbetalingsrunde_kjoer(bruker=oekonomi[0], kommune_nummer="1127", aar=2025, maaned=3)
        Utbetalingsrunde.objects.filter(pk=mars.pk).update(status=Rundestatus.GODKJENT)  # bare betalte måneder
        Oppmoete.objects.create(sak=sak, dato=dt.date(2025, 3, 12), status=Dagstatus.UGYLDIG_FRAVAER, registrert_av=kvp)
        attestering = Maanedsattestering.objects.get(sak=sak, aar=2025, maaned=3)
        attestering.versjon += 1
        attestering.sist_korrigert = timezone.now()
        attestering.save()
    utbetalingsrunde_kjoer(bruker=oekonomi[0], kommune_nummer="1127", aar=2025, maaned=4)
    tk = Tilbakekreving.objects.get(sak=sak)
    tilbakekreving_foreslaa(
        bruker=oekonomi[0],
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær 12. mars.",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet var registrert.",
    )
    tilbakekrevingsvarsel_besvart(bruker=oekonomi[0], tilbakekreving=tk)
    tilbakekreving_vedta(bruker=oekonomi[1], tilbakekreving_id=tk.pk, tilbakekreves=True)


def _brevtype(brev: Brev) -> str:
    if brev.vedtak is not None:
        return str(brev.vedtak.type)
    if brev.forhaandsvarsel is not None:
        return f"FORHAANDSVARSEL_{brev.forhaandsvarsel.gjelder}"
    return str(brev.type)


@pytest.mark.parametrize("maalform", [Maalform.BOKMAAL, Maalform.NYNORSK])
def test_ingen_brevtype_har_intern_tekst(
    uten_pdf: None,
    lag_person: Callable[..., Person],
    lag_bruker: Callable[..., Bruker],
    lag_sak_i_program: Callable[..., Sak],
    kontor_a: Any,
    kvp_veileder_a: Bruker,
    maalform: str,
) -> None:
    kvp = kvp_veileder_a
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)
    oekonomi = [lag_bruker(Rolle.OEKONOMI, kontor=kontor_a) for _ in range(2)]
    i_dag = timezone.localdate()
    # Én sak gjennom endring, forlengelse, permisjon, avbrudd, gjenopptak og stans.
    sak = _i_program(kvp, beslutter, lag_person(maalform=maalform))
    _fatt(kvp, beslutter, sak, Vedtakstype.ENDRING, innhold="Nytt praksissted.", evalueringsdatoer=[i_dag])
    til = Sak.objects.get(pk=sak.pk).program_til_og_med
    assert til is not None
    _fatt(kvp, beslutter, sak, Vedtakstype.FORLENGELSE, til_og_med=til + dt.timedelta(days=30))
    _fatt(kvp, beslutter, sak, Vedtakstype.PERMISJON, fra_og_med=i_dag)
    _fatt(kvp, beslutter, sak, Vedtakstype.GJENOPPTAK, fra_og_med=i_dag)
    _fatt(kvp, beslutter, sak, Vedtakstype.AVBRUDD, fra_og_med=i_dag)
    _fatt(kvp, beslutter, sak, Vedtakstype.GJENOPPTAK, fra_og_med=i_dag)
    _fatt(kvp, beslutter, sak, Vedtakstype.STANS, fra_og_med=i_dag, kostra_status=KostraStatus.UTEBLIVELSE)
    # En annen avsluttes etter avtale, en tredje får avslag, og en fjerde må betale tilbake.
    annen = _i_program(kvp, beslutter, lag_person(maalform=maalform))
    _fatt(
        kvp,
        beslutter,
        annen,
        Vedtakstype.AVSLUTNING,
        fra_og_med=i_dag,
        kostra_status=KostraStatus.FULLFOERT,
        kostra_situasjon=["01"],
        kostra_inntektskilde="01",
    )
    tredje = _i_program(kvp, beslutter, lag_person(maalform=maalform))
    _fatt(kvp, beslutter, tredje, Vedtakstype.AVSLUTNING, fra_og_med=i_dag, kostra_status=KostraStatus.UTEBLIVELSE)
    avslag = sak_til_vilkaarsvurdering(bruker=kvp, person=lag_person(maalform=maalform))
    foreloepig_svar_registrer(
        bruker=kvp,
        sak_id=avslag.pk,
        sendt_dato=i_dag,
        forventet_svar_dato=i_dag + dt.timedelta(days=30),
        begrunnelse="Vi venter på arbeidsevnevurderingen.",
    )
    vilkaar_vurder(bruker=kvp, sak=avslag, arbeidsevne="VARIG_TILPASSET")
    _fatt(kvp, beslutter, avslag, Vedtakstype.AVSLAG, avslag_vilkaar="ARBEIDSEVNE")
    _tilbakekreving(lag_sak_i_program, kvp, oekonomi, maalform)

    brevliste = list(Brev.objects.select_related("vedtak", "forhaandsvarsel"))
    typer = {_brevtype(b) for b in brevliste}
    assert typer == set(Vedtakstype.values) | {
        "OPPSTART",
        "FORELOEPIG_SVAR",
        "FORHAANDSVARSEL_STANS",
        "FORHAANDSVARSEL_AVSLUTNING",
        "FORHAANDSVARSEL_TILBAKEKREVING",
    }
    assert {b.maalform for b in brevliste} == {maalform}
    funn = [f"{_brevtype(b)}: {f}" for b in brevliste for f in intern_tekst(synlig_tekst(b.html))]
    assert not funn, "\n".join(funn)
