"""KOSTRA 11CF fra registrerte data: hvert felt etter regelen i docs/regler/kostra-11cf.md, og funn med lenke."""

import datetime as dt
from decimal import Decimal

import pytest

from kvp.person.services import barn_legg_til
from kvp.statistikk import kostra
from kvp.statistikk.models import AnnenStoette, Sivilstand
from kvp.statistikk.services import kostra_opplysninger_registrer
from kvp.tilgang.models import Rolle
from kvp.vedtak.models import Vilkaarsvurdering
from kvp_regler.kostra import POSTLENGDE
from kvp_regler.kostra.oppsett import POSISJONER

from .hjelpere import avslutt, betal


def _felt(linje: str, navn: str) -> str:
    fra, til = POSISJONER[navn]
    return linje[fra:til]


@pytest.fixture
def sak(lag_sak_i_program, kvp_veileder_a, veileder_a):
    sak = lag_sak_i_program(
        fra_og_med=dt.date(2025, 3, 3), til_og_med=dt.date(2026, 3, 2), fornavn="Øystein", etternavn="Ærø"
    )
    barn_legg_til(
        bruker=veileder_a,
        person=sak.person,
        fornavn="Åse",
        foedselsdato=dt.date(2015, 5, 1),
        forsoerget_fra_og_med=dt.date(2015, 5, 1),
    )
    Vilkaarsvurdering.objects.create(
        sak=sak,
        soeknadsdato=dt.date(2025, 1, 20),
        arbeidsevne="SPESIELT_TILPASSET",
        husstand="ENSLIG",
        ytelser_per_maaned=Decimal(0),
        sosialhjelp_foer="3",
        tiltakspenger_foer=True,
        kvp_annen_kommune=True,
        kvp_kommunenummer="4601",
        vurdert_av=kvp_veileder_a,
    )
    for maaned in (3, 4, 5):
        betal(sak, 2025, maaned, Decimal("12345.50"))
    kostra_opplysninger_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        aar=2025,
        sivilstand=Sivilstand.SKILT,
        annen_stoette=[AnnenStoette.SOSIALHJELP_SUPPLEMENT, AnnenStoette.KOMMUNAL_BOSTOETTE],
    )
    return sak


def test_hvert_felt_hentes_fra_saken(sak):
    uttrekk = kostra.uttrekk(kommune="1127", aar=2025)
    fil, rapport = uttrekk.kontroller()
    linje = fil.decode("iso-8859-1").rstrip("\n")
    assert len(linje) == POSTLENGDE and len(fil) == POSTLENGDE + 1
    assert rapport.feil == [] and rapport.advarsler == []
    p = sak.person
    ventet = {
        "KOMMUNE_NR": "1127",
        "VERSION": "25",
        "BYDELSNR": "  ",
        "FODSELSDATO": p.foedselsdato.strftime("%d%m%Y"),
        "PERSON_JOURNALNR": sak.pk.hex[:8].upper(),
        "PERSON_FODSELSNR": p.foedselsnummer,
        "KJONN": "1" if int(p.foedselsnummer[8]) % 2 else "2",
        "EKTSTAT": "4",
        "BU18": "1",
        "ANTBU18": " 1",
        "REG_DATO": "20012025",
        "VEDTAK_DATO": "21022025",
        "BEGYNT_DATO": "03032025",
        "KVP_KOMM": "1",
        "KOMMNR_KVP_KOMM": "4601",
        "YTELSE_SOSHJELP": "1",
        "YTELSE_TYPE_SOSHJ": "3",
        "YTELSE_INTRO": " ",
        "YTELSE_TILTAKSPENGER": "5",
        "KVP_MED_ASTONAD": "1",
        "KVP_MED_KOMMBOS": "4",
        "KVP_MED_HUSBANKBOS": " ",
        "KVP_MED_SOSHJ_SUP": "7",
        "STMND_2": "  ",
        "STMND_3": "03",
        "STMND_5": "05",
        "STMND_6": "  ",
        "KVP_STONAD": "  37037",  # 3 × 12 345,50 = 37 036,50, avrundet opp
        "STATUS": "1",
        "AVSL_DATO": " " * 8,
        "SAKSBEHANDLER": sak.saksbehandler.username[:10].ljust(10),
    }
    assert {navn: _felt(linje, navn) for navn in ventet} == ventet
    assert uttrekk.saker == [sak.pk]


def test_avsluttet_program_gir_status_dato_og_situasjon(sak, lag_bruker, kontor_a):
    avslutt(
        sak, dato=dt.date(2025, 9, 30), beslutter=lag_bruker(Rolle.BESLUTTER, kontor=kontor_a), situasjon=["01", "04"]
    )
    linje = kostra.uttrekk(kommune="1127", aar=2025).fil().decode("iso-8859-1")
    assert _felt(linje, "STATUS") == "3"
    assert _felt(linje, "AVSL_DATO") == "30092025"
    assert _felt(linje, "AVSL_ORDINAERTARB") == "01"
    assert _felt(linje, "AVSL_SKOLE") == "04"
    assert _felt(linje, "AVSL_UKJENT") == "  "
    assert _felt(linje, "AVSL_VIKTIGSTE_INNTEKT") == "01"
    # Avsluttet i 2025: ikke med i 2026.
    assert kostra.uttrekk(kommune="1127", aar=2026).fil() == b" "


def test_permisjon_ved_aarsslutt_gir_status_2(sak, lag_bruker, kontor_a):
    from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype

    b = lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)
    Vedtak.objects.create(
        sak=sak,
        type=Vedtakstype.PERMISJON,
        status=Vedtaksstatus.FATTET,
        fra_og_med=dt.date(2025, 12, 1),
        til_og_med=dt.date(2026, 1, 31),
        opprettet_av=b,
        beslutter=b,
        vedtak_dato=dt.date(2025, 11, 20),
        fattet_tidspunkt=dt.datetime(2025, 11, 20, 12, tzinfo=dt.UTC),
    )
    assert _felt(kostra.uttrekk(kommune="1127", aar=2025).fil().decode("iso-8859-1"), "STATUS") == "2"


def test_manglende_opplysninger_gir_feil_som_peker_paa_saken(lag_sak_i_program):
    sak = lag_sak_i_program(fra_og_med=dt.date(2025, 3, 3))
    uttrekk = kostra.uttrekk(kommune="1127", aar=2025)
    _, rapport = uttrekk.kontroller()
    assert {f.kontroll for f in rapport.feil} == {"K09", "K19", "K26"}
    assert all(uttrekk.saker[(f.linje or 0) - 1] == sak.pk for f in rapport.feil)


def test_ikke_begynt_eller_annen_kommune_er_ikke_med(lag_sak_i_program, lag_person, sak):
    assert len(kostra.uttrekk(kommune="1127", aar=2025).poster) == 1
    assert kostra.uttrekk(kommune="1144", aar=2025).poster == []
    assert kostra.uttrekk(kommune="1127", aar=2024).poster == []
