"""`kvp beregn`: gyldige dokumenter og lister gir JSON; hver klasse av ugyldige inndata gir exit-kode 2,
ingenting på standard output og én norsk melding som navngir feltet (spec/beregning.md § 6)."""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kvp_regler import cli

KVP = Path(sys.executable).parent / "kvp"

GYLDIG: dict[str, Any] = {
    "fra_og_med": "2025-03-01",
    "til_og_med": "2025-03-31",
    "deltaker": {"foedselsdato": "1980-06-15"},
    "programperioder": [{"fra_og_med": "2025-01-06", "til_og_med": "2026-01-05"}],
}


def kjoer(stdin: str, monkeypatch: pytest.MonkeyPatch, *argumenter: str) -> tuple[int, str, str]:
    ut, feil = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", ut)
    monkeypatch.setattr(sys, "stderr", feil)
    kode = cli.main(list(argumenter) or ["beregn"])
    return kode, ut.getvalue(), feil.getvalue()


def med(**endringer: Any) -> dict[str, Any]:
    dokument = copy.deepcopy(GYLDIG)
    dokument.update(endringer)
    return dokument


def test_ett_dokument(monkeypatch: pytest.MonkeyPatch) -> None:
    kode, ut, feil = kjoer(json.dumps(GYLDIG), monkeypatch)
    assert (kode, feil) == (0, "")
    svar = json.loads(ut)
    assert svar["total"] == "20446.02"
    assert svar["linjer"][0]["beloep"] == "20446.02"
    assert svar["linjer"][0]["hjemmel"] == "sosialtjenesteloven § 35"
    assert "973,6198" in svar["linjer"][0]["forklaring"]
    assert set(svar["parametere_brukt"]) == {"alder_full_stoenad", "faktor", "grunnbeloep", "virkedager_per_aar"}
    assert svar["parametere_brukt"]["alder_full_stoenad"][0]["verdi"] == "25"
    assert svar["parametere_brukt"]["grunnbeloep"] == [
        {"gyldig_fra": "2024-05-01", "verdi": "124028", "paalitelighet": "C"}
    ]
    assert svar["parametere_brukt"]["virkedager_per_aar"][0]["paalitelighet"] == "I"


def test_penger_er_tekst_med_to_desimaler(monkeypatch: pytest.MonkeyPatch) -> None:
    dokument = med(barn=[{"foedselsdato": "2015-01-01"}], fra_og_med="2025-03-03", til_og_med="2025-03-03")
    _, ut, _ = kjoer(json.dumps(dokument), monkeypatch)
    svar = json.loads(ut)
    assert [linje["beloep"] for linje in svar["linjer"]] == ["973.62", "37.00"]
    assert svar["total"] == "1010.62"


def test_tall_kan_vaere_json_tall(monkeypatch: pytest.MonkeyPatch) -> None:
    dokument = med(
        ytelser=[{"type": "SYKEPENGER", "fra_og_med": "2025-03-03", "til_og_med": "2025-03-03", "dagsats": 300.5}]
    )
    kode, ut, _ = kjoer(json.dumps(dokument), monkeypatch)
    assert kode == 0
    assert json.loads(ut)["linjer"][-1]["beloep"] == "-300.50"


def test_liste_gir_liste_i_samme_rekkefoelge(monkeypatch: pytest.MonkeyPatch) -> None:
    ung = med(deltaker={"foedselsdato": "2001-03-15"})
    kode, ut, _ = kjoer(json.dumps([GYLDIG, ung, GYLDIG]), monkeypatch)
    assert kode == 0
    assert [r["total"] for r in json.loads(ut)] == ["20446.02", "13630.68", "20446.02"]


def test_store_lister_deles_paa_prosesser_med_samme_svar(monkeypatch: pytest.MonkeyPatch) -> None:
    dokumenter = [med(deltaker={"foedselsdato": f"{1970 + i}-03-15"}) for i in range(40)]
    _, en_prosess, _ = kjoer(json.dumps(dokumenter), monkeypatch)
    monkeypatch.setattr(cli, "PARALLELL_FRA", 8)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1, 2}, raising=False)
    assert cli._prosesser(len(dokumenter)) == 3
    kode, flere_prosesser, feil = kjoer(json.dumps(dokumenter), monkeypatch)
    assert (kode, feil) == (0, "")
    assert flere_prosesser == en_prosess
    assert len(json.loads(flere_prosesser)) == 40


def test_feil_i_en_stor_liste_gir_foerste_feil_uansett_prosess(monkeypatch: pytest.MonkeyPatch) -> None:
    dokumenter = [GYLDIG] * 40
    dokumenter[33] = med(til_og_med="2025-02-30")
    dokumenter[17] = med(dager=[{"dato": "2025-03-08", "status": "FERIE"}])
    monkeypatch.setattr(cli, "PARALLELL_FRA", 8)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1, 2}, raising=False)
    kode, ut, feil = kjoer(json.dumps(dokumenter), monkeypatch)
    assert (kode, ut) == (2, "")
    assert "indeks 17" in feil and "lørdag" in feil


def test_tom_liste_gir_tom_liste(monkeypatch: pytest.MonkeyPatch) -> None:
    assert kjoer("[]", monkeypatch)[:2] == (0, "[]\n")


UGYLDIGE = [
    ("ikke JSON", "{ dette er ikke json", "ikke gyldig JSON"),
    ("tomme inndata", "   ", "tomme"),
    ("NaN er ikke et JSON-tall", '{"fra_og_med": NaN}', "ikke gyldig JSON"),
    ("ikke et objekt", json.dumps("tekst"), "Inndata må være et JSON-objekt"),
    ("mangler fra_og_med", json.dumps({k: v for k, v in GYLDIG.items() if k != "fra_og_med"}), "«fra_og_med»"),
    ("mangler deltaker", json.dumps({k: v for k, v in GYLDIG.items() if k != "deltaker"}), "«deltaker»"),
    ("mangler fødselsdato", json.dumps(med(deltaker={})), "«deltaker.foedselsdato»"),
    (
        "mangler programperioder",
        json.dumps({k: v for k, v in GYLDIG.items() if k != "programperioder"}),
        "«programperioder»",
    ),
    ("til før fra", json.dumps(med(til_og_med="2025-02-01")), "«til_og_med»"),
    (
        "programperiode baklengs",
        json.dumps(med(programperioder=[{"fra_og_med": "2025-05-01", "til_og_med": "2025-04-01"}])),
        "«programperioder[0].til_og_med»",
    ),
    ("dato som ikke finnes", json.dumps(med(til_og_med="2025-02-30")), "finnes ikke"),
    ("dato i feil format", json.dumps(med(fra_og_med="01.03.2025")), "ÅÅÅÅ-MM-DD"),
    (
        "ukjent status",
        json.dumps(med(dager=[{"dato": "2025-03-04", "status": "SYK"}])),
        "«dager[0].status»: ukjent verdi «SYK»",
    ),
    (
        "ukjent ytelse",
        json.dumps(
            med(ytelser=[{"type": "AAP", "fra_og_med": "2025-03-03", "til_og_med": "2025-03-04", "dagsats": "1"}])
        ),
        "«ytelser[0].type»",
    ),
    ("ukjent modell", json.dumps(med(beregningsmodell="MAANED")), "«beregningsmodell»"),
    ("ukjent felt", json.dumps(med(barna=[])), "«barna»"),
    (
        "registrering på en lørdag",
        json.dumps(med(dager=[{"dato": "2025-03-08", "status": "FERIE"}])),
        "«dager[0].dato»: 2025-03-08 er en lørdag",
    ),
    (
        "samme dag to ganger",
        json.dumps(med(dager=[{"dato": "2025-03-04", "status": "FERIE"}, {"dato": "2025-03-04", "status": "FERIE"}])),
        "«dager[1].dato»",
    ),
    (
        "timer over 7,5",
        json.dumps(med(dager=[{"dato": "2025-03-04", "status": "UGYLDIG_FRAVAER", "timer": "8"}])),
        "«dager[0].timer»",
    ),
    (
        "timer 0",
        json.dumps(med(dager=[{"dato": "2025-03-04", "status": "UGYLDIG_FRAVAER", "timer": 0}])),
        "«dager[0].timer»",
    ),
    (
        "timer på feil status",
        json.dumps(med(dager=[{"dato": "2025-03-04", "status": "FERIE", "timer": "2"}])),
        "«dager[0].timer»",
    ),
    (
        "arbeid over 18,75 timer",
        json.dumps(med(arbeid=[{"fra_og_med": "2025-03-01", "til_og_med": "2025-03-31", "timer_per_uke": "18.76"}])),
        "«arbeid[0].timer_per_uke»",
    ),
    (
        "overlappende arbeid over 18,75 timer",
        json.dumps(
            med(
                arbeid=[
                    {"fra_og_med": "2025-03-01", "til_og_med": "2025-03-31", "timer_per_uke": "10"},
                    {"fra_og_med": "2025-03-20", "til_og_med": "2025-03-31", "timer_per_uke": "10"},
                ]
            )
        ),
        "«arbeid»: samlet arbeidstid 20 timer",
    ),
    (
        "negativ arbeidstid",
        json.dumps(med(arbeid=[{"fra_og_med": "2025-03-01", "til_og_med": "2025-03-31", "timer_per_uke": "-1"}])),
        "«arbeid[0].timer_per_uke»: kan ikke være negativ",
    ),
    (
        "negativ dagsats",
        json.dumps(
            med(
                ytelser=[
                    {"type": "SYKEPENGER", "fra_og_med": "2025-03-03", "til_og_med": "2025-03-04", "dagsats": "-5"}
                ]
            )
        ),
        "«ytelser[0].dagsats»: kan ikke være negativ",
    ),
    (
        "tekst der det skal være tall",
        json.dumps(
            med(
                ytelser=[
                    {"type": "SYKEPENGER", "fra_og_med": "2025-03-03", "til_og_med": "2025-03-04", "dagsats": "mye"}
                ]
            )
        ),
        "«ytelser[0].dagsats»: må være et tall",
    ),
    ("liste der det skal være objekt", json.dumps(med(deltaker=[])), "«deltaker»"),
    (
        "dato ingen parameter dekker",
        json.dumps(
            med(
                fra_og_med="2006-03-01",
                til_og_med="2006-03-31",
                programperioder=[{"fra_og_med": "2006-01-02", "til_og_med": "2006-12-31"}],
            )
        ),
        "«fra_og_med»: Det finnes ingen verdi for «Alder for full stønad (under denne alderen gis redusert andel)» "
        "som gjelder 2006-03-01",
    ),
]


@pytest.mark.parametrize(("navn", "stdin", "del_av_melding"), UGYLDIGE, ids=[u[0] for u in UGYLDIGE])
def test_ugyldige_inndata_gir_exit_2_og_en_norsk_melding(
    navn: str, stdin: str, del_av_melding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kode, ut, feil = kjoer(stdin, monkeypatch)
    assert kode == 2, navn
    assert ut == ""
    assert del_av_melding in feil
    assert feil.startswith("kvp: ") and feil.count("\n") == 1
    assert "Traceback" not in feil


def test_feil_i_en_liste_navngir_indeksen_og_gir_ingen_resultater(monkeypatch: pytest.MonkeyPatch) -> None:
    kode, ut, feil = kjoer(json.dumps([GYLDIG, GYLDIG, med(til_og_med="2025-02-30")]), monkeypatch)
    assert (kode, ut) == (2, "")
    assert "Dokument nr. 3 i listen (indeks 2)" in feil
    assert "«til_og_med»" in feil


def test_ukjent_kommando_gir_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    kode, ut, feil = kjoer("{}", monkeypatch, "regn")
    assert (kode, ut) == (2, "")
    assert "Ugyldig bruk" in feil


def test_ekte_kommando_og_prosess() -> None:
    """Konsollkommandoen `kvp` som installert: exit-kode, standard output og standard error."""
    ok = subprocess.run([KVP, "beregn"], input=json.dumps(GYLDIG).encode(), capture_output=True, check=False)  # noqa: S603
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["total"] == "20446.02"
    assert ok.stderr == b""
    feil = subprocess.run([KVP, "beregn"], input="{ød".encode(), capture_output=True, check=False)  # noqa: S603
    assert feil.returncode == 2
    assert feil.stdout == b""
    assert "ikke gyldig JSON" in feil.stderr.decode("utf-8")
    assert b"Traceback" not in feil.stderr


def test_ugyldig_utf8_gir_exit_2() -> None:
    svar = subprocess.run([KVP, "beregn"], input=b"\xff\xfe{}", capture_output=True, check=False)  # noqa: S603
    assert svar.returncode == 2
    assert svar.stdout == b""
    assert "UTF-8" in svar.stderr.decode("utf-8")


@pytest.mark.parametrize(
    ("dokument", "del_av_melding"),
    [
        (med(til_og_med="9999-12-31"), "«til_og_med»: 9999-12-31 er utenfor"),
        (med(deltaker={"foedselsdato": "2026-01-01"}), "«deltaker.foedselsdato»: 2026-01-01 er etter perioden"),
        (
            med(
                ytelser=[{"type": "ANNEN", "fra_og_med": "2025-03-03", "til_og_med": "2025-03-04", "dagsats": "1.005"}]
            ),
            "«ytelser[0].dagsats»: må være i hele øre",
        ),
    ],
)
def test_grenser_for_datoer_og_beloep(
    dokument: dict[str, Any], del_av_melding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kode, ut, feil = kjoer(json.dumps(dokument), monkeypatch)
    assert (kode, ut) == (2, "")
    assert del_av_melding in feil
