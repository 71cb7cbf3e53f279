"""Korreksjoner etter utbetaling: tilbakekreving med fireøyne og trekk innenfor kommunens grense, og G-regulering."""

import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from kvp.felles.feil import KvpFeil
from kvp.tilgang.models import Bruker
from kvp.utbetaling.models import (
    Beregning,
    Beregningsaarsak,
    Posttype,
    Rundestatus,
    Tilbakekreving,
    Tilbakekrevingsstatus,
    Utbetaling,
    Utbetalingskorreksjon,
    Utbetalingspost,
    Utbetalingsrunde,
)
from kvp.utbetaling.services import (
    grunnbeloep_reguler,
    tilbakekreving_foreslaa,
    tilbakekreving_vedta,
    utbetalingsrunde_kjoer,
)
from kvp.vedtak.tests.hjelpere import tilbakekrevingsvarsel_besvart
from kvp_regler.parametere import STANDARD, Parameter, Parametersett

G_2024 = 124028
G_2025 = 130160


def _sjekk_tilbakekrevingsvedtak_og_brev(tk: Tilbakekreving, foreslo: object, vedtok: object) -> None:
    """Tilbakekrevingen er et fattet enkeltvedtak med brev (beløp, trekkregel, hjemmel og klageadgang)."""
    import io

    from pypdf import PdfReader

    tk.refresh_from_db()
    vedtak = tk.vedtak
    assert vedtak is not None and vedtak.type == "TILBAKEKREVING" and vedtak.status == "FATTET"
    assert (vedtak.opprettet_av, vedtak.beslutter) == (foreslo, vedtok)
    assert vedtak.begrunnelse == "Ugyldig fravær 12. mars."
    tekst = " ".join(" ".join(side.extract_text().split()) for side in PdfReader(io.BytesIO(vedtak.brev.pdf)).pages)
    beloep = f"{tk.beloep:.2f}".replace(".", ",")
    assert "Vedtak om tilbakebetaling av kvalifiseringsstønad" in tekst
    assert f"{beloep} kr" in tekst.replace("\u00a0", "")
    assert "mars 2025" in tekst and "prosent av hver utbetaling" in tekst
    assert "sosialtjenesteloven § 40" in tekst and "Klagefristen er tre uker" in tekst


def kr(verdi: Fraction) -> Decimal:
    return (Decimal(verdi.numerator) / Decimal(verdi.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dagsats(g: int) -> Fraction:
    return Fraction("2.041") * g / 260


def virkedager(aar: int, maaned: int) -> int:
    dag, antall = dt.date(aar, maaned, 1), 0
    while dag.month == maaned:
        antall += dag.weekday() < 5
        dag += dt.timedelta(days=1)
    return antall


def kjoer(bruker: Bruker, aar: int, maaned: int, **kwargs: Any) -> Utbetalingsrunde:
    """Simulerer runden og setter den godkjent: bare en godkjent (eller eksportert/bekreftet) runde teller som betalt,
    så endringer i månedene den betalte blir korreksjoner. Godkjenningen selv testes i test_runde.py."""
    runde = utbetalingsrunde_kjoer(bruker=bruker, kommune_nummer="1127", aar=aar, maaned=maaned, **kwargs)
    Utbetalingsrunde.objects.filter(pk=runde.pk).update(status=Rundestatus.GODKJENT)
    runde.refresh_from_db()
    return runde


def test_sent_ugyldig_fravaer_etter_utbetaling_gir_riktig_tilbakekreving_som_trekkes_etter_vedtak(
    lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2, randaberg
):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    kjoer(oekonomi_a, 2025, 3)
    # Etter utbetalingen registreres onsdag 12. mars som ugyldig fravær (hele dagen).
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    attester(sak, 2025, 4)

    april = kjoer(oekonomi_a, 2025, 4)

    # Uavhengig: mars ble betalt som 21 dager i én linje; nå er det 7 dager før og 13 etter fraværsdagen.
    d = dagsats(G_2024)
    for_mye = kr(21 * d) - (kr(7 * d) + kr(13 * d))
    assert for_mye == Decimal("973.62")
    korreksjon = Utbetalingskorreksjon.objects.get(sak=sak)
    assert (korreksjon.aar, korreksjon.maaned, korreksjon.differanse) == (2025, 3, -for_mye)
    assert korreksjon.til_beregning.versjon == 2 and korreksjon.til_beregning.attesteringsversjon == 2
    assert korreksjon.til_beregning.aarsak == Beregningsaarsak.KORREKSJON
    assert "tilbakekreving av 973,62 kr" in korreksjon.forklaring
    tk = Tilbakekreving.objects.get(sak=sak)
    assert (tk.beloep, tk.status) == (for_mye, Tilbakekrevingsstatus.BEREGNET)
    # Ikke vedtatt ennå: aprilutbetalingen er uten trekk, og mars er fortsatt betalt bare én gang.
    assert Utbetaling.objects.get(runde=april).trekk == 0
    assert Utbetalingspost.objects.filter(sak=sak, aar=2025, maaned=3, type=Posttype.ORDINAER).count() == 1
    # Den gamle beregningen er uendret (uforanderlig), den nye er en ny versjon.
    assert Beregning.objects.get(sak=sak, aar=2025, maaned=3, versjon=1).total == kr(21 * d)

    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær 12. mars.",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet var registrert.",
    )
    tilbakekrevingsvarsel_besvart(bruker=oekonomi_a, tilbakekreving=tk)
    with pytest.raises(KvpFeil, match="En annen må vedta"):
        tilbakekreving_vedta(bruker=oekonomi_a, tilbakekreving_id=tk.pk, tilbakekreves=True)
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    _sjekk_tilbakekrevingsvedtak_og_brev(tk, oekonomi_a, oekonomi_a2)

    # Kommunen trekker høyst 2 % av hver utbetaling i mai (så går grensen opp til 50 %, og juni tar resten).
    randaberg.maks_trekk_prosent = 2
    randaberg.save()
    attester(sak, 2025, 5)
    mai = kjoer(oekonomi_a, 2025, 5)
    mai_brutto = kr(virkedager(2025, 5) * dagsats(G_2025))
    trekk_mai = (mai_brutto * Decimal("0.02")).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    u = Utbetaling.objects.get(runde=mai)
    assert (u.brutto, u.trekk) == (mai_brutto, trekk_mai)
    assert u.skattetrekk == ((mai_brutto - trekk_mai) / 2).quantize(Decimal("1"), rounding=ROUND_DOWN)
    post = u.poster.get(type=Posttype.TREKK)
    assert post.beloep == -trekk_mai and "tilbakekreving" in post.forklaring
    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.VEDTATT

    randaberg.maks_trekk_prosent = 50
    randaberg.save()
    attester(sak, 2025, 6)
    juni = kjoer(oekonomi_a, 2025, 6)
    assert Utbetaling.objects.get(runde=juni).trekk == for_mye - trekk_mai
    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.OPPGJORT


def test_korreksjon_som_gir_mer_blir_etterbetaling_i_neste_runde(
    lag_sak_i_program, attester, oekonomi_a, kvp_veileder_a
):
    from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete

    sak = lag_sak_i_program()
    Oppmoete.objects.create(
        sak=sak, dato=dt.date(2025, 3, 12), status=Dagstatus.UGYLDIG_FRAVAER, registrert_av=kvp_veileder_a
    )
    attester(sak, 2025, 3)
    kjoer(oekonomi_a, 2025, 3)
    # Fraværet ble dokumentert i etterkant: gyldig fravær gir stønad for dagen.
    Oppmoete.objects.filter(sak=sak).update(status=Dagstatus.GYLDIG_FRAVAER)
    Maanedsattestering.objects.filter(sak=sak).update(versjon=2)

    april = kjoer(oekonomi_a, 2025, 4)  # april er ikke attestert: bare etterbetalingen

    d = dagsats(G_2024)
    etterbetaling = kr(21 * d) - (kr(7 * d) + kr(13 * d))
    u = Utbetaling.objects.get(runde=april)
    post = u.poster.get()
    assert (post.type, post.aar, post.maaned, post.beloep) == (Posttype.ETTERBETALING, 2025, 3, etterbetaling)
    assert "etterbetaling" in post.forklaring
    assert u.brutto == etterbetaling
    assert not Tilbakekreving.objects.exists()
    # En ny kjøring betaler ikke etterbetalingen to ganger.
    kjoer(oekonomi_a, 2025, 5)
    assert Utbetalingspost.objects.filter(type=Posttype.ETTERBETALING).count() == 1


def _uten_g_fra_1_mai_2025() -> Parametersett:
    """Parameterne slik de var før G fra 1. mai 2025 ble lagt inn."""
    g = STANDARD["grunnbeloep"]
    gammel = Parameter(
        navn=g.navn,
        tittel=g.tittel,
        enhet=g.enhet,
        hjemmel=g.hjemmel,
        verdier=tuple(v for v in g.verdier if v.gyldig_fra < dt.date(2025, 5, 1)),
    )
    return Parametersett({**STANDARD.parametere, "grunnbeloep": gammel})


def test_g_regulering_gir_riktig_etterbetaling_for_mai_og_juni(lag_sak_i_program, attester, oekonomi_a):
    gammel = _uten_g_fra_1_mai_2025()
    saker = [lag_sak_i_program(), lag_sak_i_program()]
    for sak in saker:
        attester(sak, 2025, 4)
        attester(sak, 2025, 5)
        attester(sak, 2025, 6)
    kjoer(oekonomi_a, 2025, 5, parametere=gammel)  # april og mai
    kjoer(oekonomi_a, 2025, 6, parametere=gammel)
    mai_betalt = Beregning.objects.get(sak=saker[0], aar=2025, maaned=5)
    assert mai_betalt.total == kr(virkedager(2025, 5) * dagsats(G_2024))

    call_command("grunnbeloep_reguler")  # med parameterne som følger med koden (G 130 160 fra 1. mai 2025)

    # April er ikke berørt: G for april er den samme.
    assert Utbetalingskorreksjon.objects.filter(maaned=4).count() == 0
    assert Utbetalingskorreksjon.objects.count() == 4
    assert grunnbeloep_reguler() == 0  # en ny kjøring finner ingenting
    attester(saker[0], 2025, 7)
    juli = kjoer(oekonomi_a, 2025, 7)

    forventet = {
        maaned: kr(virkedager(2025, maaned) * dagsats(G_2025)) - kr(virkedager(2025, maaned) * dagsats(G_2024))
        for maaned in (5, 6)
    }
    # For hånd: 22 × 1 021,756 = 22 478,632 → 22 478,63; 22 × 973,6198 = 21 419,6356 → 21 419,64
    assert forventet[5] == Decimal("1058.99")
    for sak in saker:
        poster = Utbetaling.objects.get(runde=juli, sak=sak).poster.filter(type=Posttype.ETTERBETALING)
        assert {p.maaned: p.beloep for p in poster} == forventet
        for p in poster:
            assert "G-regulering" in p.forklaring and "130 160" in p.forklaring and "124 028" in p.forklaring
            assert p.beregning is not None
            assert p.beregning.aarsak == Beregningsaarsak.G_REGULERING
            assert p.beregning.grunnlag == Beregning.objects.get(sak=sak, aar=2025, maaned=p.maaned, versjon=1).grunnlag
    assert Utbetaling.objects.get(runde=juli, sak=saker[1]).brutto == forventet[5] + forventet[6]


def test_grunnbeloep_reguler_kommandoen_avviser_ukjent_kommune_og_tom_mappe(tmp_path, randaberg):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Fant ikke kommune"):
        call_command("grunnbeloep_reguler", "--kommune", "9999")
    with pytest.raises(CommandError, match=r"Fant ingen \.yaml"):
        call_command("grunnbeloep_reguler", "--parametermappe", str(tmp_path))


def test_tilbakekreving_kan_ikke_vedtas_av_samme_person_heller_ikke_i_databasen(
    lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2
):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    kjoer(oekonomi_a, 2025, 3)
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    kjoer(oekonomi_a, 2025, 4)
    tk = Tilbakekreving.objects.get()
    with pytest.raises(KvpFeil, match="foreslått"):
        tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    with pytest.raises(KvpFeil, match="begrunnelse"):
        tilbakekreving_foreslaa(
            bruker=oekonomi_a,
            tilbakekreving_id=tk.pk,
            begrunnelse="  ",
            aktsomhet="BURDE_FORSTAATT",
            aktsomhet_begrunnelse="Fraværet var registrert.",
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Tilbakekreving.objects.filter(pk=tk.pk).update(foreslaatt_av=oekonomi_a, vedtatt_av=oekonomi_a)
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Fravær",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet var registrert.",
    )
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=False)
    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.AVSLAATT
    assert tk.vedtak is None  # ingen tilbakebetaling, ikke noe vedtak om det
    attester(sak, 2025, 5)
    assert Utbetaling.objects.get(runde=kjoer(oekonomi_a, 2025, 5)).trekk == 0


def test_tilbakekrevingsvedtaket_vises_for_saksbehandler_og_brevet_for_deltakeren(
    client, lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2, kvp_veileder_a, lag_bruker
):
    from django.urls import reverse

    from kvp.tilgang.models import Rolle

    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    kjoer(oekonomi_a, 2025, 3)
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    attester(sak, 2025, 4)
    kjoer(oekonomi_a, 2025, 4)
    tk = Tilbakekreving.objects.get()
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær 12. mars.",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet var registrert.",
    )
    tilbakekrevingsvarsel_besvart(bruker=oekonomi_a, tilbakekreving=tk)
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    tk.refresh_from_db()
    beloep = f"{tk.beloep:.2f}".replace(".", ",")

    client.force_login(kvp_veileder_a)
    side = client.get(reverse("vedtak:detalj", args=[tk.vedtak_id])).content.decode()
    assert "Fattet av beslutter" in side and "Vedtak om tilbakekreving" in side
    brev = client.get(reverse("brev:vis", args=[tk.vedtak_id]))
    assert brev.status_code == 200 and f"{beloep}\u00a0kr" not in brev.content.decode()  # beløpet står uten å brytes
    assert beloep in brev.content.decode()

    client.force_login(lag_bruker(Rolle.DELTAKER, person=sak.person))
    min_side = client.get(reverse("soeknad:min_side")).content.decode()
    assert "Vedtak om tilbakebetaling av kvalifiseringsstønad" in min_side


def test_forslag_og_vedtak_om_tilbakekreving_laaser_kommunen_som_de_andre_utbetalingsoperasjonene(
    monkeypatch, lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2
):
    """Forslag og vedtak tar kommunelåsen (`kommune_laas`) før tilbakekrevingen leses, så de går etter en runde for
    kommunen som trekker den; en kollisjon på låsen gir norsk melding (`KVP_UTBETALING_KOLLISJON`), ikke en 500."""
    from django.db import OperationalError

    from kvp.utbetaling.services import laas

    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    kjoer(oekonomi_a, 2025, 3)
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    kjoer(oekonomi_a, 2025, 4)
    tk = Tilbakekreving.objects.get()
    laast: list[Any] = []
    ekte = laas.kommune_laas

    def kommune_laas(kommune_id: Any) -> Any:
        laast.append(kommune_id)
        return ekte(kommune_id)

    monkeypatch.setattr(laas, "kommune_laas", kommune_laas)
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Fravær",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet var registrert.",
    )
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=False)
    assert laast == [sak.person.kommune_id, sak.person.kommune_id]

    def tidsavbrudd(kommune_id: Any) -> Any:
        raise OperationalError("canceling statement due to lock timeout")

    monkeypatch.setattr(laas, "kommune_laas", tidsavbrudd)
    with pytest.raises(KvpFeil) as feil:
        tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=False)
    assert feil.value.kode == "KVP_UTBETALING_KOLLISJON"
