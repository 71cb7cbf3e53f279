"""Sidene: roller, feilmeldinger med 4xx, nedlasting av filene og deltakerens utbetalinger på Min side."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kvp.felles.models import Logghendelse
from kvp.tilgang.models import Kommune, Rolle
from kvp.utbetaling.models import Mottaker, Rundestatus, Utbetaling, Utbetalingsrunde
from kvp.utbetaling.services import (
    kommune_innstillinger_endre,
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)

#: Det skjulte feltet fra bekreftelsessiden (kvp.felles.bekreftelse).
BEKREFTET = {"bekreftet": "ja"}


def nok(beloep: Decimal) -> str:
    """Slik malene viser et beløp: norsk desimalkomma og hardt mellomrom mellom tusener."""
    heltall, oere = f"{beloep:.2f}".split(".")
    return f"{int(heltall):,}".replace(",", "\u00a0") + f",{oere}"


@pytest.fixture
def sak_med_mars(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2):
    sak = lag_sak_i_program(fornavn="Petter", etternavn="Penger")
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    attester(sak, 2025, 3)
    return sak


def test_oekonomi_simulerer_og_en_annen_godkjenner_eksporterer_og_laster_ned(
    client, sak_med_mars, oekonomi_a, oekonomi_a2
):
    kommune_innstillinger_endre(
        bruker=oekonomi_a,
        kommune_nummer="1127",
        utbetalingsdag=15,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=50,
        kontonummer="86011117947",
    )
    client.force_login(oekonomi_a)
    assert client.get(reverse("utbetaling:oversikt")).status_code == 200
    svar = client.post(reverse("utbetaling:kjoer"), {"kommune": "1127", "maaned": "3", "aar": "tjuetjuefem"})
    assert svar.status_code == 400
    assert "Skriv årstallet med fire siffer." in svar.content.decode()
    svar = client.post(reverse("utbetaling:kjoer"), {"kommune": "1127", "maaned": "3", "aar": "2025"})
    runde = Utbetalingsrunde.objects.get()
    assert svar.status_code == 302 and svar["Location"] == reverse("utbetaling:runde", args=[runde.pk])
    side = client.get(svar["Location"]).content.decode()
    assert "Penger, Petter" in side
    assert f"{nok(Utbetaling.objects.get().netto)}</td>" in side

    svar = client.post(reverse("utbetaling:godkjenn", args=[runde.pk]), BEKREFTET)
    assert svar.status_code == 400
    assert "En annen i økonomi må godkjenne den." in svar.content.decode()
    assert client.get(reverse("utbetaling:pain001", args=[runde.pk])).status_code == 400

    client.force_login(oekonomi_a2)
    assert client.post(reverse("utbetaling:godkjenn", args=[runde.pk]), BEKREFTET).status_code == 302
    assert client.post(reverse("utbetaling:eksporter", args=[runde.pk])).status_code == 302
    csv_svar = client.get(reverse("utbetaling:regnskap_csv", args=[runde.pk]))
    assert csv_svar.status_code == 200 and csv_svar["Content-Type"].startswith("text/csv")
    assert csv_svar.content.decode().splitlines()[0].startswith("utbetalingsdato;kommunenummer;periode")
    xml = client.get(reverse("utbetaling:pain001", args=[runde.pk]))
    assert xml.status_code == 200 and b"pain.001.001.03" in xml.content
    assert client.post(reverse("utbetaling:bekreft", args=[runde.pk]), BEKREFTET).status_code == 302
    runde.refresh_from_db()
    assert runde.status == Rundestatus.BEKREFTET
    assert Logghendelse.objects.filter(beskrivelse="Betalingsfil", bruker=oekonomi_a2).exists()


def test_leder_ser_totalene_men_kan_ikke_kjoere_og_veileder_ser_ingenting(
    client, sak_med_mars, oekonomi_a, leder_a, kvp_veileder_a
):
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    client.force_login(leder_a)
    side = client.get(reverse("utbetaling:oversikt"))
    assert side.status_code == 200
    assert nok(Utbetaling.objects.get().brutto) in side.content.decode()
    assert "Simuler runden" not in side.content.decode()
    assert (
        client.post(reverse("utbetaling:kjoer"), {"kommune": "1127", "maaned": "3", "aar": "2025"}).status_code == 403
    )
    client.force_login(kvp_veileder_a)
    assert client.get(reverse("utbetaling:oversikt")).status_code == 403


def test_innstillinger_og_mottaker_gir_norske_feil_og_lagrer(client, lag_sak_i_program, oekonomi_a, oekonomi_a2):
    sak = lag_sak_i_program()
    client.force_login(oekonomi_a)
    url = reverse("utbetaling:innstillinger", args=["1127"])
    assert client.get(url).status_code == 200
    data = {"utbetalingsdag": "31", "beregningsmodell": "VIRKEDAGER", "maks_trekk_prosent": "50", "kontonummer": "1"}
    svar = client.post(url, data)
    assert svar.status_code == 400 and "Tallet er for stort." in svar.content.decode()
    svar = client.post(url, {**data, "utbetalingsdag": "20"})
    assert svar.status_code == 400 and "Kontonummeret er ikke gyldig" in svar.content.decode()
    assert client.post(url, {**data, "utbetalingsdag": "20", "kontonummer": "8601.11.17947"}).status_code == 302
    assert Kommune.objects.get(nummer="1127").utbetalingsdag == 20

    url = reverse("utbetaling:mottaker", args=[sak.person_id])
    assert client.get(url).status_code == 200
    svar = client.post(url, {"kontonummer": "12345678903", "skattetrekk": "101"})
    assert svar.status_code == 400 and "Prosenten kan ikke være over 100." in svar.content.decode()
    assert client.post(url, {"kontonummer": "1234 56 78903", "skattetrekk": "32,5"}).status_code == 302
    mottaker = Mottaker.objects.get()
    # Skattetrekket gjelder straks; kontonummeret venter på en annen i økonomi (fireøyne).
    assert (mottaker.kontonummer, mottaker.nytt_kontonummer) == ("", "12345678903")
    assert mottaker.skattetrekk_prosent == Decimal("32.5")
    side = client.get(url).content.decode()
    assert "En annen i økonomi må godkjenne det." in side
    godkjenn = reverse("utbetaling:mottaker_konto_godkjenn", args=[sak.person_id])
    svar = client.post(godkjenn, follow=True)
    assert "Du registrerte kontonummeret selv." in svar.content.decode()
    assert Mottaker.objects.get().kontonummer == ""
    client.force_login(oekonomi_a2)
    assert "Godkjenn nytt kontonummer" in client.get(url).content.decode()
    assert client.post(godkjenn).status_code == 302
    mottaker = Mottaker.objects.get()
    assert (mottaker.kontonummer, mottaker.nytt_kontonummer) == ("12345678903", "")
    assert (mottaker.kontonummer_registrert_av, mottaker.kontonummer_godkjent_av) == (oekonomi_a, oekonomi_a2)
    assert Logghendelse.objects.filter(objekt_id=str(mottaker.pk), beskrivelse="Godkjente nytt kontonummer").exists()


def test_deltakeren_ser_godkjente_utbetalinger_med_linjene_paa_min_side(
    client, sak_med_mars, oekonomi_a, oekonomi_a2, lag_bruker, kommunekonto
):
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak_med_mars.person)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    client.force_login(deltaker)
    assert "Du har ingen utbetalinger ennå." in client.get(reverse("soeknad:min_side")).content.decode()
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    side = client.get(reverse("soeknad:min_side")).content.decode()
    u = Utbetaling.objects.get()
    assert f"{nok(u.netto)} kr utbetalt" in side
    assert "For mars 2025 fikk du" in side  # klart språk (kvp.deltaker.klarspraak)
    assert "21 dager × 973,62 kr" in side  # linjen fra beregningen, satsen i hele øre
    assert "973,6198" not in side
    assert f"−{nok(u.skattetrekk)} kr" in side
    assert runde.utbetalingsdato == dt.date(2025, 4, 15)


def test_aarsoppgaven_for_kommunen_og_for_deltakeren(
    client, lag_sak_i_program, attester, oekonomi_a, oekonomi_a2, lag_bruker, kommunekonto
):
    sak = lag_sak_i_program(fornavn="Ola", etternavn="=SUM(A1)")
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    for maaned in (3, 4):
        attester(sak, 2025, maaned)
        runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=maaned)
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    utbetalinger = list(Utbetaling.objects.all())
    # Utbetalingsdatoene i 2025 er passert og flyttes ved godkjenningen: årsoppgaven følger utbetalingsdatoen.
    aar = Utbetalingsrunde.objects.get(maaned=3).utbetalingsdato.year
    assert {r.utbetalingsdato.year for r in Utbetalingsrunde.objects.all()} == {aar}
    brutto = sum((u.brutto for u in utbetalinger), Decimal(0))
    skatt = sum((u.skattetrekk for u in utbetalinger), Decimal(0))

    client.force_login(oekonomi_a)
    svar = client.get(reverse("utbetaling:aarsoppgaver_csv", args=["1127"]), {"aar": str(aar)})
    assert svar.status_code == 200
    linjer = svar.content.decode().splitlines()
    assert len(linjer) == 2
    felt = linjer[1].split(";")
    assert felt[0] == str(aar) and felt[2] == "'=SUM(A1), Ola"  # regnearket skal ikke tolke navnet som formel
    assert (felt[3], felt[5], felt[6]) == (f"{brutto:.2f}", f"{skatt:.2f}", f"{brutto - skatt:.2f}")
    tom = client.get(reverse("utbetaling:aarsoppgaver_csv", args=["1127"]), {"aar": "2024"})
    assert len(tom.content.decode().splitlines()) == 1

    mottaker_side = client.get(reverse("utbetaling:mottaker", args=[sak.person_id]), {"aar": str(aar)}).content.decode()
    assert f'<dd id="aarsoppgave-skatt">{nok(skatt)} kr</dd>' in mottaker_side

    client.force_login(lag_bruker(Rolle.DELTAKER, person=sak.person))
    side = client.get(reverse("soeknad:min_side")).content.decode()
    assert f"<td>{aar}</td><td>{nok(brutto)} kr</td><td>{nok(skatt)} kr</td><td>{nok(brutto - skatt)} kr</td>" in side
