"""Én måte for hver vanlige ting: feilkodekatalogen, HTTP-oversettelsen, kroneformatereren og månedsnavnene."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django import forms
from django.http import HttpResponse
from django.template import Context, Template

from kvp.brev.tekster import BREVTEKST
from kvp.felles.feil import FEILKODER, HTTP_STATUS, IkkeFunnet, IkkeTilgang, Kategori, KvpFeil, http_status
from kvp.felles.forms import skjema_svar
from kvp_regler.belop import kroner_tekst
from kvp_regler.tid import maanedsnavn

KVP = Path(__file__).resolve().parents[2]
KODE = re.compile(r"""\bkode\s*=\s*["']([A-Z0-9_]+)["']""")


def _kildefiler() -> list[Path]:
    return [p for p in KVP.rglob("*.py") if "tests" not in p.parts and "migrations" not in p.parts]


def _brukte_koder() -> set[tuple[str, str]]:
    return {(kode, str(p.relative_to(KVP))) for p in _kildefiler() for kode in KODE.findall(p.read_text())}


def test_hver_feilkode_i_kildekoden_staar_i_katalogen():
    brukte = _brukte_koder()
    assert len(brukte) > 50  # skanningen finner kodene
    ukjente = sorted(f"{kode} ({fil})" for kode, fil in brukte if kode not in FEILKODER)
    assert ukjente == []


def test_hver_feilkode_i_katalogen_brukes_i_kildekoden():
    """Ingen døde koder: en kode som ikke lenger brukes, fjernes fra katalogen (eller får tilbake sin bruk)."""
    brukte = {kode for kode, _ in _brukte_koder()}
    assert "KVP_FEIL" in brukte and "KVP_IKKE_FUNNET" in brukte  # klassenes egne koder telles også
    doede = sorted(set(FEILKODER) - brukte)
    assert doede == []


def test_skanningen_finner_koder_paa_egen_linje_og_med_mellomrom():
    kilde = 'raise KvpFeil(\n    "x",\n    kode="KVP_A",\n)\nKvpFeil("y", kode = "KVP_B")\nkode = "KVP_C"'
    assert KODE.findall(kilde) == ["KVP_A", "KVP_B", "KVP_C"]


def test_katalogen_har_en_beskrivelse_per_kode():
    for kode, (kategori, beskrivelse) in FEILKODER.items():
        assert kode.startswith("KVP_")
        assert isinstance(kategori, Kategori)
        assert beskrivelse.endswith(".")


@pytest.mark.parametrize(
    ("feil", "status"),
    [
        (IkkeFunnet("x"), 404),
        (IkkeTilgang("x"), 403),
        (KvpFeil("x"), 400),
        (KvpFeil("x", kode="KVP_DATO"), 400),
        (KvpFeil("x", kode="KVP_IKKE_FUNNET"), 404),
        (KvpFeil("x", kode="KVP_IKKE_TILGANG"), 403),
        (KvpFeil("x", kode="KVP_REGISTRERINGSTYPE"), 400),  # ukjent type registrering er ugyldig inndata, ikke 404
        (KvpFeil("x", kode="KVP_UKJENT_KODE"), 400),
    ],
)
def test_http_status_per_kategori(feil, status):
    assert http_status(feil) == status


def test_hver_kategori_har_sin_status():
    assert HTTP_STATUS == {Kategori.IKKE_FUNNET: 404, Kategori.IKKE_TILGANG: 403, Kategori.UGYLDIG: 400}


@pytest.mark.parametrize(
    ("feil", "status"),
    [
        (IkkeFunnet("borte"), 404),
        (IkkeTilgang("nei"), 403),
        (KvpFeil("galt", kode="KVP_IKKE_FUNNET"), 404),
        (KvpFeil("galt", kode="KVP_DATO"), 400),
    ],
)
def test_mellomvaren_svarer_med_kategoriens_status(rf, feil, status):
    from kvp.felles.middleware import KvpFeilMiddleware

    svar = KvpFeilMiddleware(lambda r: HttpResponse()).process_exception(rf.get("/"), feil)
    assert svar is not None
    assert svar.status_code == status
    assert feil.melding in svar.content.decode()


class _Skjema(forms.Form):
    tekst = forms.CharField()


def test_skjemahjelperen_legger_tjenestefeil_ved_feltet_og_svarer_400():
    form = _Skjema({"tekst": "a"})

    def lagre(d):
        raise KvpFeil("Feil her.", felt="tekst", kode="KVP_VALG")

    svar = skjema_svar(form, lagre, lambda status: HttpResponse(status=status))
    assert svar.status_code == 400
    assert form.errors == {"tekst": ["Feil her."]}


def test_skjemahjelperen_gir_tjenestens_svar_naar_alt_gaar_bra_og_400_ved_ugyldig_skjema():
    assert skjema_svar(_Skjema({"tekst": "a"}), lambda d: HttpResponse(d["tekst"]), HttpResponse).content == b"a"
    form = _Skjema({})
    assert skjema_svar(form, lambda d: HttpResponse(), lambda status: HttpResponse(status=status)).status_code == 400
    assert "tekst" in form.errors


@pytest.mark.parametrize("feil", [IkkeFunnet("x"), IkkeTilgang("x"), KvpFeil("x", kode="KVP_IKKE_FUNNET")])
def test_skjemahjelperen_slipper_ikke_funnet_og_ikke_tilgang_videre(feil):
    def lagre(d):
        raise feil

    with pytest.raises(KvpFeil):
        skjema_svar(_Skjema({"tekst": "a"}), lagre, HttpResponse)


def test_kroner_en_formaterer_for_tjenester_og_maler():
    from kvp.utbetaling.beregning import kroner

    assert kroner_tekst(Decimal("1234567.5")) == "1 234 567,50 kr"
    assert kroner(Decimal("-1234.5")) == "\u22121 234,50 kr"
    assert kroner_tekst(Decimal("-0.00")) == "0,00 kr"
    malen = Template("{% load kvp %}{{ a|kroner }}|{{ b|kroner }}|{{ c|kroner }}")
    assert malen.render(Context({"a": Decimal("1947.245"), "b": None, "c": "abc"})) == "1\u00a0947,25|0,00|abc"


def test_maanedsnavnene_staar_bare_i_kvp_regler():
    assert maanedsnavn(2025, 3) == "mars 2025"
    treff = [str(p) for p in _kildefiler() if '"desember"' in p.read_text()]
    assert treff == []


def test_brevtekstene_har_samme_noekler_paa_begge_maalformer_og_dekker_malen():
    assert set(BREVTEKST["NB"]) == set(BREVTEKST["NN"])
    mal = (KVP / "brev" / "templates" / "brev" / "vedtaksbrev.html").read_text()
    brukte = set(re.findall(r'{% tekst "([a-z0-9_]+)"', mal))
    assert brukte == set(BREVTEKST["NB"])
