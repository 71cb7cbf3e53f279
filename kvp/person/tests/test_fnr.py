import datetime as dt
import secrets

import pytest

from kvp.person import fnr

I_DAG = dt.date(2025, 3, 14)


def test_ekte_foedselsnummer_med_riktige_kontrollsifre_godtas():
    # Et kjent gyldig nummer fra python-stdnum sine eksempler.
    nummer, foedselsdato = fnr.valider("151086 95088", tillat_syntetisk=False, i_dag=I_DAG)
    assert nummer == "15108695088"
    assert foedselsdato == dt.date(1986, 10, 15)


def test_d_nummer_gir_riktig_foedselsdato():
    # D-nummer: første siffer + 4. Bygget fra samme dato som over, med nye kontrollsifre.
    ni = "551086950"
    from stdnum.no.fodselsnummer import calc_check_digit1, calc_check_digit2

    k1 = calc_check_digit1(ni)
    nummer = ni + k1 + calc_check_digit2(ni + k1)
    assert len(nummer) == 11
    assert fnr.valider(nummer, tillat_syntetisk=False, i_dag=I_DAG)[1] == dt.date(1986, 10, 15)


@pytest.mark.parametrize(
    ("verdi", "melding"),
    [
        ("", "Fyll ut fødselsnummer."),
        ("1510869508", "Fødselsnummeret må ha 11 sifre."),
        ("15108695O88", "Fødselsnummeret må ha 11 sifre."),
        ("15108695089", "Fødselsnummeret har feil kontrollsiffer. Sjekk at alle sifrene er riktige."),
    ],
)
def test_feil_nummer_gir_norsk_melding(verdi, melding):
    with pytest.raises(fnr.UgyldigFoedselsnummer) as feil:
        fnr.valider(verdi, tillat_syntetisk=True, i_dag=I_DAG)
    assert feil.value.melding == melding
    assert feil.value.felt == "foedselsnummer"


def test_foedselsdato_frem_i_tid_avvises():
    nummer = fnr.lag_syntetisk(dt.date(2025, 6, 1), 3) or fnr.lag_syntetisk(dt.date(2025, 6, 1), 5)
    assert nummer
    with pytest.raises(fnr.UgyldigFoedselsnummer, match="frem i tid"):
        fnr.valider(nummer, tillat_syntetisk=True, i_dag=I_DAG)


def test_syntetisk_nummer_krever_innstillingen():
    nummer = next(n for i in range(20) if (n := fnr.lag_syntetisk(dt.date(1990, 1, 2), i)))
    assert fnr.valider(nummer, tillat_syntetisk=True, i_dag=I_DAG)[1] == dt.date(1990, 1, 2)
    with pytest.raises(fnr.UgyldigFoedselsnummer, match="Syntetiske testnumre er ikke tillatt"):
        fnr.valider(nummer, tillat_syntetisk=False, i_dag=I_DAG)


def test_maskering_viser_bare_foedselsdatodelen():
    assert fnr.masker("15108695088") == "151086 *****"
    assert fnr.masker("123") == "*****"


def test_prod_tillater_aldri_syntetiske_numre(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))  # prod nekter svake nøkler
    import importlib
    import sys

    # Importeres på nytt med miljøet over (andre tester kan ha fjernet eller lastet modulen).
    monkeypatch.delitem(sys.modules, "config.settings.prod", raising=False)
    prod = importlib.import_module("config.settings.prod")
    assert prod.KVP_TILLAT_SYNTETISKE_FNR is False
    assert prod.SESSION_COOKIE_SECURE is True
    assert prod.CSRF_COOKIE_SECURE is True
    assert prod.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
