"""KOSTRA-siden, kjøringene og kommandoen: hvem som får kjøre, hva som lagres og logges, og avslutningskodene."""

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.jobber.models import Jobb, Jobbstatus
from kvp.jobber.tests.hjelpere import kjoer_arbeider
from kvp.statistikk.jobber import TYPE_KOSTRA, kostra_kjoering_start_som_jobb
from kvp.statistikk.kostra import sjekksum
from kvp.statistikk.models import KostraKjoering, KostraOpplysninger
from kvp.statistikk.services import kostra_kjoering_kjoer, kostra_opplysninger_registrer
from kvp.tilgang.models import Rolle, Rolletildeling

from .hjelpere import betal


@pytest.fixture
def i_program(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(fra_og_med=dt.date(2025, 3, 3))
    betal(sak, 2025, 3, Decimal(10000))
    return sak


def test_leder_kjoerer_og_kjoeringen_lagres_med_sjekksum_funn_og_logg(i_program, leder_a):
    k = kostra_kjoering_kjoer(bruker=leder_a, kommune_nummer="1127", aar=2025)
    assert k.kjoert_av == leder_a
    assert k.sjekksum == sjekksum(bytes(k.fil))
    assert k.antall_poster == 1 and k.avslutningskode == 2
    assert {f["kontroll"] for f in k.funn} == {"K09", "K19", "K26"}
    assert all(f["sak_id"] == str(i_program.pk) for f in k.funn)
    assert Logghendelse.objects.filter(handling="OPPRETT", objekt_id=str(k.pk)).exists()
    assert Logghendelse.objects.filter(handling="LES", person=i_program.person, objekt_id=str(k.pk)).exists()


def test_rettet_sak_gir_ren_kjoering(i_program, leder_a, kvp_veileder_a):
    kostra_opplysninger_registrer(
        bruker=kvp_veileder_a, sak_id=i_program.pk, aar=2025, sivilstand="1", annen_stoette=[], kvp_annen_kommune=False
    )
    k = kostra_kjoering_kjoer(bruker=leder_a, kommune_nummer="1127", aar=2025)
    assert k.funn == [] and k.avslutningskode == 0


def test_veileder_og_annet_kontor_faar_ikke_kjoere(i_program, veileder_a, lag_bruker, kontor_b):
    with pytest.raises(IkkeTilgang):
        kostra_kjoering_kjoer(bruker=veileder_a, kommune_nummer="1127", aar=2025)
    with pytest.raises(IkkeFunnet):
        kostra_kjoering_kjoer(bruker=lag_bruker(Rolle.LEDER, kontor=kontor_b), kommune_nummer="1127", aar=2025)
    with pytest.raises(KvpFeil):
        kostra_kjoering_kjoer(
            bruker=lag_bruker(Rolle.OEKONOMI, kontor=i_program.kontor), kommune_nummer="1127", aar=2024
        )
    assert not KostraKjoering.objects.exists()


def test_opplysninger_avviser_ugyldige_valg_uten_aa_lagre(i_program, kvp_veileder_a, veileder_a):
    for feil in ({"sivilstand": "9"}, {"annen_stoette": ["1"]}, {"aar": 2024}, {"kvp_kommunenummer": "12a4"}):
        args: dict[str, Any] = {"aar": 2025, "sivilstand": "1", "annen_stoette": [], "kvp_annen_kommune": True} | feil
        with pytest.raises(KvpFeil):
            kostra_opplysninger_registrer(bruker=kvp_veileder_a, sak_id=i_program.pk, **args)
    with pytest.raises(IkkeTilgang):
        kostra_opplysninger_registrer(
            bruker=veileder_a, sak_id=i_program.pk, aar=2025, sivilstand="1", annen_stoette=[]
        )
    assert not KostraOpplysninger.objects.exists()


def test_siden_starter_jobben_som_viser_fremdrift_og_lenker_til_funnene(
    client, i_program, leder_a, lag_bruker, kontor_a
):
    oekonomi_a = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a)
    client.force_login(leder_a)
    svar = client.post(reverse("statistikk:kostra_kjoer"), {"kommune": "1127", "aar": "2025"})
    jobb = Jobb.objects.get()
    assert svar.status_code == 302 and svar["Location"] == reverse("jobber:jobb", args=[jobb.pk])
    assert jobb.type == TYPE_KOSTRA and jobb.tittel == "KOSTRA 11CF 2025 for Randaberg"
    side = client.get(svar["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in side and "<progress" in side
    # Økonomi ved samme kontor starter samme kommune og år mens jobben venter: samme jobb.
    assert kostra_kjoering_start_som_jobb(bruker=oekonomi_a, kommune_nummer="1127", aar=2025) == jobb
    assert not KostraKjoering.objects.exists()
    kjoer_arbeider()
    jobb.refresh_from_db()
    k = KostraKjoering.objects.get()
    assert (jobb.status, jobb.gjort, jobb.totalt) == (Jobbstatus.FERDIG, 3, 3), jobb.melding
    assert jobb.melding == "Filen er laget og kontrollert: 1 deltaker, 3 feil må rettes før filen sendes."
    assert jobb.lenke == reverse("statistikk:kjoering", args=[k.pk]) and k.jobb_id == jobb.pk
    assert k.kjoert_av == leder_a
    fragment = client.get(reverse("jobber:fremdrift", args=[jobb.pk])).content.decode()
    assert "hx-trigger" not in fragment and "Se funnene og last ned filen" in fragment
    side = client.get(jobb.lenke).content.decode()
    assert "Sivilstand (1)" in side and reverse("sak:detalj", args=[i_program.pk]) in side
    assert reverse("statistikk:opplysninger", args=[i_program.pk]) in side
    fil = client.get(reverse("statistikk:kjoering_fil", args=[k.pk]))
    assert fil.status_code == 200 and fil.content == bytes(k.fil) and len(fil.content) == 153
    assert "KOSTRA-kjøring" in Logghendelse.objects.filter(handling="LES").values_list("objekttype", flat=True)
    # En ny kjøring er en ny jobb og en ny lagret kjøring; den gamle står.
    assert kostra_kjoering_start_som_jobb(bruker=leder_a, kommune_nummer="1127", aar=2025) != jobb
    kjoer_arbeider()
    assert KostraKjoering.objects.count() == 2


def test_ugyldig_valg_gir_norsk_melding_og_ingen_jobb(client, i_program, leder_a, veileder_a):
    client.force_login(leder_a)
    svar = client.post(reverse("statistikk:kostra_kjoer"), {"kommune": "1127", "aar": "tjue"})
    assert svar.status_code == 400
    svar = client.post(reverse("statistikk:kostra_kjoer"), {"kommune": "1127", "aar": "2024"})
    assert svar.status_code == 400 and 'aria-invalid="true"' in svar.content.decode()
    client.force_login(veileder_a)
    assert client.post(reverse("statistikk:kostra_kjoer"), {"kommune": "1127", "aar": "2025"}).status_code == 403
    assert not Jobb.objects.exists() and not KostraKjoering.objects.exists()


def test_jobben_feiler_synlig_paa_norsk_naar_tilgangen_er_borte(i_program, lag_bruker, kontor_a):
    leder = lag_bruker(Rolle.LEDER, kontor=kontor_a)
    jobb = kostra_kjoering_start_som_jobb(bruker=leder, kommune_nummer="1127", aar=2025)
    Rolletildeling.objects.filter(bruker=leder).delete()
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert jobb.status == Jobbstatus.FEILET
    assert jobb.melding == "Fant ikke kommunen." or jobb.melding.startswith("Du har ikke tilgang")
    assert not KostraKjoering.objects.exists()


def test_jobb_som_tas_opp_igjen_etter_lagret_kjoering_lager_ingen_ny(i_program, leder_a):
    jobb = kostra_kjoering_start_som_jobb(bruker=leder_a, kommune_nummer="1127", aar=2025)
    foerste = kostra_kjoering_kjoer(bruker=leder_a, kommune_nummer="1127", aar=2025, jobb_id=jobb.pk)
    kjoer_arbeider()  # som en arbeidsprosess som døde etter lagringen og før jobben ble merket ferdig
    jobb.refresh_from_db()
    assert jobb.status == Jobbstatus.FERDIG
    assert list(KostraKjoering.objects.all()) == [foerste]
    assert jobb.lenke == reverse("statistikk:kjoering", args=[foerste.pk])


def test_veileder_faar_403_paa_siden_og_404_paa_kjoeringen(client, i_program, leder_a, veileder_a):
    k = kostra_kjoering_kjoer(bruker=leder_a, kommune_nummer="1127", aar=2025)
    client.force_login(veileder_a)
    assert client.get(reverse("statistikk:kostra")).status_code == 403
    assert client.get(reverse("statistikk:kjoering", args=[k.pk])).status_code in (403, 404)
    assert client.get(reverse("statistikk:kjoering_fil", args=[k.pk])).status_code in (403, 404)


def _kommando(*args: str) -> tuple[int, str, str]:
    ut, feil = io.StringIO(), io.StringIO()
    try:
        call_command("kostra_11cf", *args, stdout=ut, stderr=feil)
    except SystemExit as e:
        return int(e.code or 0), ut.getvalue(), feil.getvalue()
    except Exception as e:  # CommandError fra call_command
        return getattr(e, "returncode", 1), ut.getvalue(), str(e)
    return 0, ut.getvalue(), feil.getvalue()


def test_kommandoen_gir_0_1_2_som_ssb(tmp_path, i_program, kvp_veileder_a):
    fil = tmp_path / "11cf.dat"
    kode, ut, _ = _kommando("--aar", "2025", "--kommune", "1127", "--ut", str(fil))
    assert kode == 2 and "Feil" in ut and "K09" in ut
    kostra_opplysninger_registrer(
        bruker=kvp_veileder_a, sak_id=i_program.pk, aar=2025, sivilstand="1", annen_stoette=[], kvp_annen_kommune=False
    )
    kode, ut, _ = _kommando("--aar", "2025", "--kommune", "1127", "--ut", str(fil))
    assert kode == 0 and "I orden." in ut
    assert len(fil.read_bytes()) == 153
    betal(i_program, 2025, 4, Decimal(700000))
    assert _kommando("--aar", "2025", "--kommune", "1127", "--ut", str(fil))[0] == 1  # K32 er en advarsel
    assert _kommando("--aar", "2025", "--kommune", "3401", "--ut", str(fil))[0] == 2  # finnes ikke
    kode, _, _ = _kommando("--aar", "2025", "--kommune", "1144", "--ut", str(fil))
    assert kode == 0 and fil.read_bytes() == b" "


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--aar", "tjue", "--kommune", "1127", "--ut", "x"], "fire sifre"),
        (["--aar", "2025", "--kommune", "11", "--ut", "x"], "kommunenummeret"),
        (["--aar", "2025", "--kommune", "1127"], "Oppgi filen"),
        (["--aar", "2025", "--kommune", "1127", "--bydel", "01", "--ut", "x"], "bare Oslo"),
        (["--aar", "2025", "--kommune", "1127", "--ut", "/finnes/ikke/x"], "finnes ikke"),
        (["--aar", "2024", "--kommune", "1127", "--ut", "x"], "2025 og senere"),
    ],
)
def test_kommandoen_avviser_ugyldige_argumenter_med_norsk_melding_og_kode_2(db, args, melding, kontor_a):
    kode, _, feil = _kommando(*args)
    assert kode == 2 and melding in feil
