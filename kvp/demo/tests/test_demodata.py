"""`manage.py demodata` (første kommando i `make run`) laster uten feil på en tom database, uansett hvilken dag og
hvilket klokkeslett, gir de samme dataene for samme dag, og viser hvert steg i vedtak, oppmøte og utbetaling.

Én lasting tar 5–10 sekunder, så datoene er få og valgt med omhu (se listen). Passordene hashes raskt, og i testen
over datoene lages vedtaksbrevene uten PDF (brevet lagres likevel; PDF-en testes i `kvp/brev`)."""

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from kvp.brev.models import Brev
from kvp.demo.datoer import dinas_programstart
from kvp.klage.models import Klage, Klagestatus
from kvp.oppmoete.models import Maanedsattestering
from kvp.person.models import Person
from kvp.sak.models import Sak, Status
from kvp.tilgang.models import Rolle, Rolletildeling
from kvp.utbetaling.models import Rundestatus, Utbetalingsrunde
from kvp.vedtak.models import Forhaandsvarsel, Vedtak, Vedtaksstatus, Vedtakstype


def _kl(aar: int, maaned: int, dag: int, time: int, minutt: int, sekund: int = 0, mikro: int = 0) -> dt.datetime:
    return dt.datetime(aar, maaned, dag, time, minutt, sekund, mikro, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.fixture
def demo_innstillinger(db: Any, settings: Any) -> None:
    settings.KVP_TILLAT_SYNTETISKE_FNR = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class _Klokke:
    """En klokke som går: hvert kall til `timezone.now()` er ett millisekund etter det forrige, så lastingen kan
    passere midnatt (og månedsskiftet) underveis, som når noen kjører `make run` rett før midnatt."""

    def __init__(self, start: dt.datetime) -> None:
        self.naa = start

    def __call__(self) -> dt.datetime:
        self.naa += dt.timedelta(milliseconds=1)
        return self.naa


@pytest.fixture
def uten_pdf() -> Iterator[None]:
    with mock.patch("kvp.brev.services.pdf_lag", return_value=b"%PDF-1.7 demo"):
        yield


@pytest.fixture
def klokke() -> Iterator[Any]:
    def still(start: dt.datetime) -> _Klokke:
        k = _Klokke(start)
        patcher.start().side_effect = k
        return k

    patcher = mock.patch("django.utils.timezone.now")
    yield still
    mock.patch.stopall()


def _last() -> str:
    ut = io.StringIO()
    call_command("demodata", stdout=ut)
    return ut.getvalue()


def _fingeravtrykk() -> list[tuple[Any, ...]]:
    """Det en bruker ser av dataene, uten UUID-ene (de er tilfeldige for hver lasting)."""
    return [
        (
            p.foedselsnummer,
            p.fornavn,
            p.etternavn,
            p.kommune_id,
            sorted((s.status, str(s.mottatt_dato), str(s.program_fra_og_med)) for s in p.saker.all()),
            sorted((v.type, v.status, str(v.fra_og_med)) for v in Vedtak.objects.filter(sak__person=p)),
        )
        for p in Person.objects.order_by("foedselsnummer").prefetch_related("saker")
    ]


@pytest.mark.parametrize(
    "start",
    [
        _kl(2025, 2, 28, 10, 0),  # månedsslutt i et vanlig år, fredag
        _kl(2028, 2, 29, 9, 0),  # skuddårsdagen
        _kl(2025, 12, 31, 16, 0),  # årsslutt
        _kl(2026, 5, 1, 11, 0),  # helligdag
        _kl(2026, 3, 29, 12, 0),  # søndag
        # Rett før midnatt: lastingen (rundt 1200 kall til klokka) går over i en ny måned midtveis, og i et nytt år
        # tidlig.
        _kl(2026, 11, 30, 23, 59, 59, 400000),
        _kl(2026, 12, 31, 23, 59, 59, 900000),
    ],
    ids=lambda d: d.strftime("%Y-%m-%dT%H.%M.%S.%f")[:-3],
)
def test_demodata_lastes_uansett_dag(demo_innstillinger: None, uten_pdf: None, klokke: Any, start: dt.datetime) -> None:
    klokke(start)
    i_dag = start.date()

    ut = _last()

    assert "Demodata lastet." in ut
    assert Person.objects.count() == 60
    # Dina er i program fra vedtaket, med vedtaksbrevet på Min side og oppmøte attestert.
    dina = Sak.objects.get(person__rolletildeling__bruker__username="dina")
    assert dina.status == Status.I_PROGRAM
    assert dina.program_fra_og_med == dinas_programstart(i_dag)
    innvilget = Vedtak.objects.get(sak=dina, type=Vedtakstype.INNVILGELSE)
    assert innvilget.status == Vedtaksstatus.FATTET
    assert Brev.objects.filter(vedtak=innvilget).count() == 1
    assert Maanedsattestering.objects.filter(sak=dina).exists()
    # Vedtak i alle steg: fattet (innvilgelser, avslag, permisjon, endring, avbrudd, gjenopptak, stans, avslutning
    # og tilbakekreving), ett hos beslutter, ett returnert.
    statuser = sorted(Vedtak.objects.exclude(status=Vedtaksstatus.FATTET).values_list("status", flat=True))
    assert statuser == sorted([Vedtaksstatus.TIL_BESLUTTER, Vedtaksstatus.RETURNERT])
    # Klager i hver tilstand, i begge instanser.
    assert set(Klage.objects.values_list("status", flat=True)) == set(Klagestatus.values)
    assert Sak.objects.filter(status=Status.PERMISJON).count() == 1
    # Minst ett brev av hver type (issue 11 pkt. 9), og en oppgave for et forhåndsvarsel med utløpt svarfrist.
    typer = {
        b.vedtak.type if b.vedtak else b.type + (f"_{b.forhaandsvarsel.gjelder}" if b.forhaandsvarsel else "")
        for b in Brev.objects.select_related("vedtak", "forhaandsvarsel")
    }
    assert typer >= {
        "INNVILGELSE",
        "AVSLAG",
        "OPPSTART",
        "ENDRING",
        "STANS",
        "AVSLUTNING",
        "PERMISJON",
        "TILBAKEKREVING",
        "FORELOEPIG_SVAR",
        "FORHAANDSVARSEL_STANS",
        "FORHAANDSVARSEL_AVSLUTNING",
        "FORHAANDSVARSEL_TILBAKEKREVING",
    }
    assert Forhaandsvarsel.objects.filter(svar_dato__isnull=True, avgjort__isnull=True, svarfrist__lt=i_dag).exists()
    # Forrige måned er simulert, måneden før er betalt.
    assert sorted(Utbetalingsrunde.objects.values_list("status", flat=True)) == sorted(
        [Rundestatus.SIMULERT, Rundestatus.BEKREFTET]
    )


def test_demodata_er_lik_for_samme_dag_og_gjoer_ingenting_andre_gang(demo_innstillinger: None, klokke: Any) -> None:
    klokke(_kl(2026, 6, 30, 12, 0))
    punkt = transaction.savepoint()
    _last()
    foerste = _fingeravtrykk()
    transaction.savepoint_rollback(punkt)
    assert not Person.objects.exists()

    assert "Demodata lastet." in _last()
    assert _fingeravtrykk() == foerste

    ut = _last()
    assert "Demodata finnes allerede." in ut
    assert "dina" in ut and "vera" in ut and "demo-passord-kvp" in ut
    # Brukere med roller ved to kontorer (issue 12): leder + økonomi og veileder + KVP-veileder.
    assert "liv" in ut and "vilde" in ut
    for brukernavn, roller in (("liv", {Rolle.LEDER, Rolle.OEKONOMI}), ("vilde", {Rolle.VEILEDER, Rolle.KVP_VEILEDER})):
        tildelinger = Rolletildeling.objects.filter(bruker__username=brukernavn)
        assert set(tildelinger.values_list("rolle", flat=True)) == roller
        assert tildelinger.values("kontor").distinct().count() == 2
    assert len(_fingeravtrykk()) == len(foerste)


def test_demodata_nekter_uten_syntetiske_foedselsnumre(db: Any, settings: Any) -> None:
    settings.KVP_TILLAT_SYNTETISKE_FNR = False
    with pytest.raises(CommandError, match="syntetiske fødselsnumre"):
        _last()
    assert not Person.objects.exists()


def test_demodata_nekter_med_produksjonsinnstillingene_ogsaa_om_syntetiske_fnr_er_slaatt_paa(
    db: Any, settings: Any
) -> None:
    settings.KVP_PRODUKSJON = True
    settings.KVP_TILLAT_SYNTETISKE_FNR = True
    with pytest.raises(CommandError, match="produksjonsinnstillingene"):
        _last()
    assert not Person.objects.exists()


def test_demodata_nekter_aa_kjoere_med_config_settings_prod(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    rot = Path(__file__).resolve().parents[3]
    miljoe = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": "Xq7#pL2v!9sKd$3mW8zR^b6Nf@1hT4yJ&e5Gu0cA*iV-oP5wE8rZ2",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    svar = subprocess.run(
        [sys.executable, "manage.py", "demodata"],
        cwd=rot,
        env=miljoe,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert svar.returncode != 0
    assert "produksjonsinnstillingene" in svar.stderr
