"""Utbetalingsrunden: utbetalingsdato, beregning og lagring, tilstander, fireøyne, eksport og skattetrekk."""

import csv
import datetime as dt
import io
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from importlib import resources

import pytest
import xmlschema
from django.db import IntegrityError, transaction
from django.utils import timezone
from lxml import etree

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.tilgang.models import Kommune
from kvp.utbetaling import eksport
from kvp.utbetaling.models import (
    Beregning,
    Posttype,
    Rundestatus,
    Utbetaling,
    Utbetalingspost,
    Utbetalingsrunde,
)
from kvp.utbetaling.services import (
    kommune_innstillinger_endre,
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    utbetalingsdato_for,
    utbetalingsrunde_bekreft,
    utbetalingsrunde_eksporter,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)

KONTO_KOMMUNE = "86011117947"
KONTO_DELTAKER = "12345678903"


def kr(verdi: Fraction) -> Decimal:
    """Uavhengig avrunding til øre (halv opp) av en eksakt brøk."""
    return (Decimal(verdi.numerator) / Decimal(verdi.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dagsats(g: int) -> Fraction:
    return Fraction("2.041") * g / 260


def virkedager(aar: int, maaned: int) -> int:
    dag, antall = dt.date(aar, maaned, 1), 0
    while dag.month == maaned:
        antall += dag.weekday() < 5
        dag += dt.timedelta(days=1)
    return antall


@pytest.mark.parametrize(
    ("dag", "aar", "maaned", "forventet"),
    [
        (15, 2025, 3, dt.date(2025, 4, 15)),  # vanlig tirsdag
        (15, 2025, 10, dt.date(2025, 11, 14)),  # lørdag 15. november → fredag
        (1, 2025, 4, dt.date(2025, 4, 30)),  # 1. mai (helligdag, torsdag) → onsdag 30. april
        (21, 2025, 3, dt.date(2025, 4, 16)),  # 2. påskedag → forbi langfredag og skjærtorsdag
        (24, 2025, 11, dt.date(2025, 12, 23)),  # julaften: bankene er stengt
        (15, 2025, 12, dt.date(2026, 1, 15)),  # desember betales i januar året etter
    ],
)
def test_utbetalingsdato_er_kommunens_dag_i_maaneden_etter_flyttet_til_forrige_bankdag(
    randaberg, dag, aar, maaned, forventet
):
    randaberg.utbetalingsdag = dag
    assert utbetalingsdato_for(kommune=randaberg, aar=aar, maaned=maaned) == forventet


def test_runden_beregner_lagrer_og_kan_kjoeres_to_ganger_uten_dobbel_utbetaling(
    lag_sak_i_program, attester, oekonomi_a
):
    saker = [lag_sak_i_program() for _ in range(3)]
    for sak in saker:
        attester(sak, 2025, 3)
    attester(saker[0], 2025, 2)  # en sen attestering av februar tas med i marsrunden

    foerste = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    andre = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)

    assert foerste.pk == andre.pk
    assert andre.ferdig and andre.status == Rundestatus.SIMULERT
    assert andre.utbetalingsdato == dt.date(2025, 4, 15)
    assert Utbetaling.objects.count() == 3
    assert Utbetalingspost.objects.filter(type=Posttype.ORDINAER).count() == 4
    mars = kr(virkedager(2025, 3) * dagsats(124028))
    # programmet begynte 6. januar, så hele februar er programdager
    februar = kr(virkedager(2025, 2) * dagsats(124028))
    beregning = Beregning.objects.get(sak=saker[1], aar=2025, maaned=3)
    assert beregning.total == mars
    assert beregning.versjon == 1 and beregning.attesteringsversjon == 1
    assert beregning.grunnlag["fra_og_med"] == "2025-03-01"
    assert beregning.resultat["parametere_brukt"]["grunnbeloep"][0]["verdi"] == "124028"
    assert beregning.regelversjon == beregning.resultat["regelversjon"]
    assert Utbetaling.objects.get(sak=saker[0]).brutto == mars + februar
    # Uten skattekort trekkes 50 % (rundet ned til hele kroner).
    u = Utbetaling.objects.get(sak=saker[1])
    assert u.skattetrekk == (mars / 2).quantize(Decimal("1"), rounding=ROUND_DOWN)
    assert u.netto == mars - u.skattetrekk


def test_databasen_nekter_en_ordinaer_utbetaling_av_samme_maaned_to_ganger(lag_sak_i_program, attester, oekonomi_a):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    post = Utbetalingspost.objects.get(sak=sak)
    with pytest.raises(IntegrityError), transaction.atomic():
        Utbetalingspost.objects.create(
            utbetaling=post.utbetaling, sak=sak, type=Posttype.ORDINAER, aar=2025, maaned=3, beloep=1, forklaring="x"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Utbetaling.objects.create(runde=runde, sak=sak, brutto=1, trekk=0, skattetrekk=0, netto=1)


def test_aprilrunden_tar_ikke_med_mars_paa_nytt(lag_sak_i_program, attester, oekonomi_a):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    attester(sak, 2025, 4)
    april = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=4)
    poster = Utbetalingspost.objects.filter(utbetaling__runde=april)
    assert [(p.aar, p.maaned) for p in poster] == [(2025, 4)]


def test_ugyldig_maaned_og_innevaerende_maaned_og_ukjent_kommune_gir_norsk_feil(oekonomi_a, randaberg):
    with pytest.raises(KvpFeil, match="Ugyldig måned"):
        utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=13)
    with pytest.raises(KvpFeil, match="etterskuddsvis"):
        utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2999, maaned=1)
    with pytest.raises(IkkeFunnet):
        utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="9999", aar=2025, maaned=1)
    assert not Utbetalingsrunde.objects.exists()


def test_bare_oekonomi_ved_kontoret_kan_kjoere_runden(kvp_veileder_a, lag_bruker, kontor_b, randaberg):
    from kvp.tilgang.models import Rolle

    with pytest.raises(KvpFeil):
        utbetalingsrunde_kjoer(bruker=kvp_veileder_a, kommune_nummer="1127", aar=2025, maaned=3)
    annet_kontor = lag_bruker(Rolle.OEKONOMI, kontor=kontor_b)
    with pytest.raises(IkkeFunnet):
        utbetalingsrunde_kjoer(bruker=annet_kontor, kommune_nummer="1127", aar=2025, maaned=3)
    assert not Utbetalingsrunde.objects.exists()


def test_den_som_simulerte_kan_ikke_godkjenne_og_tilstandene_gaar_i_rekkefoelge(
    lag_sak_i_program, attester, oekonomi_a, oekonomi_a2, randaberg
):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)

    with pytest.raises(KvpFeil, match="Kommunens konto for utbetalingene er ikke registrert"):
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    kommune_innstillinger_endre(
        bruker=oekonomi_a,
        kommune_nummer="1127",
        utbetalingsdag=15,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=50,
        kontonummer=KONTO_KOMMUNE,
        organisasjonsnummer="964965226",
    )
    with pytest.raises(KvpFeil, match="mangler godkjent kontonummer") as feil:
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    assert "simuler" not in feil.value.melding.lower()  # den som godkjenner, kan ikke simulere (fireøyne)
    with pytest.raises(KvpFeil, match="En annen i økonomi må godkjenne"):
        utbetalingsrunde_godkjenn(bruker=oekonomi_a, runde_id=runde.pk)
    with pytest.raises(KvpFeil, match="godkjent før") as feil:
        utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=runde.pk)
    assert feil.value.kode == "KVP_RUNDE_STATUS"

    # Kontonummer og skattekort registreres; en ny simulering tar dem med uten å beregne stønaden på nytt.
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer=KONTO_DELTAKER, skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    u = Utbetaling.objects.get(runde=runde)
    assert (u.kontonummer, u.skattetrekk) == (
        KONTO_DELTAKER,
        (u.brutto * Decimal("0.3")).quantize(Decimal("1"), ROUND_DOWN),
    )
    assert u.netto == u.brutto - u.skattetrekk

    runde = utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    assert runde.status == Rundestatus.GODKJENT and runde.godkjent_av == oekonomi_a2
    with pytest.raises(KvpFeil, match="allerede godkjent"):
        utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    with pytest.raises(KvpFeil, match="eksportert før"):
        utbetalingsrunde_bekreft(bruker=oekonomi_a, runde_id=runde.pk)
    assert utbetalingsrunde_eksporter(bruker=oekonomi_a, runde_id=runde.pk).status == Rundestatus.EKSPORTERT
    assert utbetalingsrunde_bekreft(bruker=oekonomi_a, runde_id=runde.pk).status == Rundestatus.BEKREFTET


def test_skattetrekk_fra_skattekortet_brukes_og_eksporteres(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2):
    sak = lag_sak_i_program(fornavn="Åse", etternavn="Ærlig")
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer="1234 56 78903", skattetrekk_prosent=Decimal("32.5")
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    kommune_innstillinger_endre(
        bruker=oekonomi_a,
        kommune_nummer="1127",
        utbetalingsdag=20,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=40,
        kontonummer=KONTO_KOMMUNE,
        organisasjonsnummer="964965226",
    )
    attester(sak, 2025, 3)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=runde.pk)

    brutto = kr(virkedager(2025, 3) * dagsats(124028))
    skatt = (brutto * Decimal("0.325")).quantize(Decimal("1"), rounding=ROUND_DOWN)
    u = Utbetaling.objects.get()
    assert (u.brutto, u.skattetrekk, u.netto, u.kontonummer) == (brutto, skatt, brutto - skatt, KONTO_DELTAKER)
    assert runde.utbetalingsdato == dt.date(2025, 4, 16)  # 20. april 2025 er 1. påskedag; 17.–19. er fri

    rader = list(csv.DictReader(io.StringIO(eksport.lag_csv(runde)), delimiter=";"))
    assert len(rader) == 1
    assert rader[0]["brutto"] == f"{brutto:.2f}"
    assert rader[0]["skattetrekk"] == f"{skatt:.2f}"
    assert rader[0]["netto"] == f"{brutto - skatt:.2f}"
    assert rader[0]["kontonummer"] == KONTO_DELTAKER
    assert rader[0]["periode"] == "2025-03"
    assert rader[0]["sak"] == str(sak.pk)
    assert rader[0]["navn"] == "Ærlig, Åse"


def test_pain001_er_gyldig_mot_iso_skjemaet_og_har_riktige_beloep(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2):
    kommune_innstillinger_endre(
        bruker=oekonomi_a,
        kommune_nummer="1127",
        utbetalingsdag=15,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=50,
        kontonummer=KONTO_KOMMUNE,
    )
    saker = [lag_sak_i_program(fornavn=navn) for navn in ("Åsmund", "Bjørg")]
    for sak in saker:
        mottaker_lagre(
            bruker=oekonomi_a, person_id=sak.person_id, kontonummer=KONTO_DELTAKER, skattetrekk_prosent=Decimal(25)
        )
        mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
        attester(sak, 2025, 3)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    # 15.04.2025 er passert: eksporten flytter utbetalingen til første bankdag fra og med i dag.
    runde = utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=runde.pk)

    xml = eksport.lag_pain001(runde)

    skjema = xmlschema.XMLSchema(str(resources.files("sepaxml") / "schemas" / "pain.001.001.03.xsd"))
    skjema.validate(xml.decode())  # kaster ved ugyldig fil
    ns = {"p": eksport.PAIN001_NS}
    dokument = etree.fromstring(xml)
    beloep = [Decimal(e.text or "") for e in dokument.iterfind(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", ns)]
    assert beloep == [u.netto for u in Utbetaling.objects.order_by("sak__person__etternavn", "sak__person__fornavn")]
    assert {e.get("Ccy") for e in dokument.iterfind(".//p:InstdAmt", ns)} == {"NOK"}
    assert Decimal(dokument.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=ns) or "") == sum(beloep)
    assert dokument.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=ns) == "2"
    assert dokument.findtext(".//p:ReqdExctnDt", namespaces=ns) == runde.utbetalingsdato.isoformat()
    assert runde.utbetalingsdato >= timezone.localdate()
    assert dokument.findtext(".//p:DbtrAcct/p:Id/p:Othr/p:Id", namespaces=ns) == KONTO_KOMMUNE
    # En fil med feil (negativt beløp) avvises av skjemaet: valideringen tester noe.
    feil = xml.replace(f'<InstdAmt Ccy="NOK">{beloep[0]:.2f}'.encode(), b'<InstdAmt Ccy="NOK">-1')
    assert not skjema.is_valid(feil.decode())


def test_innstillingene_valideres(oekonomi_a, randaberg):
    grunnlag = {
        "bruker": oekonomi_a,
        "kommune_nummer": "1127",
        "utbetalingsdag": 15,
        "beregningsmodell": "VIRKEDAGER",
        "maks_trekk_prosent": 50,
        "kontonummer": KONTO_KOMMUNE,
    }
    for feil, felt in (
        ({"utbetalingsdag": 29}, "utbetalingsdag"),
        ({"beregningsmodell": "TULL"}, "beregningsmodell"),
        ({"maks_trekk_prosent": 101}, "maks_trekk_prosent"),
        ({"kontonummer": "12345678901"}, "kontonummer"),
    ):
        with pytest.raises(KvpFeil) as info:
            kommune_innstillinger_endre(**{**grunnlag, **feil})
        assert info.value.felt == felt
    kommune_innstillinger_endre(**{**grunnlag, "utbetalingsdag": 20, "beregningsmodell": "FAST_MAANEDSBELOEP"})
    kommune = Kommune.objects.get(nummer="1127")
    assert (kommune.utbetalingsdag, kommune.beregningsmodell) == (20, "FAST_MAANEDSBELOEP")


def test_en_sak_uten_programperiode_stopper_runden_med_navnet_og_ingenting_halvt_lagret(
    lag_sak_i_program, attester, oekonomi_a
):
    from kvp.sak.models import Sak

    god = lag_sak_i_program()
    feil = lag_sak_i_program(fornavn="Uten", etternavn="Periode")
    for sak in (god, feil):
        attester(sak, 2025, 3)
    Sak.objects.filter(pk=feil.pk).update(begynt_dato=None, program_fra_og_med=None)
    with pytest.raises(KvpFeil, match="Uten Periode har en attestert måned"):
        utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3, bitstoerrelse=10)
    assert not Utbetaling.objects.exists()
    assert not Beregning.objects.exists()


def test_den_som_simulerte_runden_paa_nytt_kan_heller_ikke_godkjenne(
    lag_sak_i_program, attester, oekonomi_a, oekonomi_a2, lag_bruker, kontor_a, kommunekonto
):
    from kvp.tilgang.models import Rolle

    oekonomi_a3 = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a)
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer=KONTO_DELTAKER, skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    utbetalingsrunde_kjoer(bruker=oekonomi_a2, kommune_nummer="1127", aar=2025, maaned=3)

    with pytest.raises(KvpFeil, match="En annen i økonomi må godkjenne"):
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    assert set(runde.simulert_av.all()) == {oekonomi_a, oekonomi_a2}
    assert utbetalingsrunde_godkjenn(bruker=oekonomi_a3, runde_id=runde.pk).godkjent_av == oekonomi_a3


def test_kommandoen_kjoerer_i_navnet_til_en_oekonomimedarbeider_og_avviser_andre_med_kode_2(
    lag_sak_i_program, attester, oekonomi_a, kvp_veileder_a
):
    from django.core.management import CommandError, call_command

    attester(lag_sak_i_program(), 2025, 3)
    felles = ["--kommune", "1127", "--aar", "2025", "--maaned", "3"]
    for brukernavn, melding in [("finnes-ikke", "Fant ingen aktiv bruker"), (kvp_veileder_a.username, "tilgang")]:
        with pytest.raises(CommandError, match=melding) as feil:
            call_command("utbetalingsrunde_kjoer", "--bruker", brukernavn, *felles)
        assert feil.value.returncode == 2
    assert not Utbetalingsrunde.objects.exists()

    call_command("utbetalingsrunde_kjoer", "--bruker", oekonomi_a.username, *felles)
    runde = Utbetalingsrunde.objects.get()
    assert runde.opprettet_av == oekonomi_a and list(runde.simulert_av.all()) == [oekonomi_a]
