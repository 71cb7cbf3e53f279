"""Fødselsnummer og D-nummer: kontroll, fødselsdato og maskering.

Sjekksifrene kontrolleres med python-stdnum. Syntetiske testnumre (Skatteetatens Tenor: måned + 80)
godtas bare når innstillingen KVP_TILLAT_SYNTETISKE_FNR er på, og den er alltid av i produksjon.
"""

import datetime as dt

from stdnum.no import fodselsnummer as stdnum_fnr

from kvp.felles.feil import KvpFeil

SYNTETISK_MAANED_TILLEGG = 80


class UgyldigFoedselsnummer(KvpFeil):
    kode = "KVP_FNR_UGYLDIG"


def normaliser(verdi: str) -> str:
    return "".join(verdi.split()).replace(".", "").replace("-", "")


def er_syntetisk(fnr: str) -> bool:
    return int(fnr[2:4]) > SYNTETISK_MAANED_TILLEGG


def valider(verdi: str, *, tillat_syntetisk: bool, i_dag: dt.date) -> tuple[str, dt.date]:
    """Kontrollerer et fødselsnummer/D-nummer og gir (normalisert nummer, fødselsdato).

    Kaster UgyldigFoedselsnummer med en norsk melding som sier hva som er galt.
    """
    fnr = normaliser(verdi)
    if not fnr:
        raise UgyldigFoedselsnummer("Fyll ut fødselsnummer.", felt="foedselsnummer")
    if not (fnr.isascii() and fnr.isdigit()) or len(fnr) != 11:  # "²".isdigit() er sann
        raise UgyldigFoedselsnummer("Fødselsnummeret må ha 11 sifre.", felt="foedselsnummer")
    if stdnum_fnr.calc_check_digit1(fnr[:9]) != fnr[9] or stdnum_fnr.calc_check_digit2(fnr[:10]) != fnr[10]:
        raise UgyldigFoedselsnummer(
            "Fødselsnummeret har feil kontrollsiffer. Sjekk at alle sifrene er riktige.",
            felt="foedselsnummer",
        )
    til_dato = fnr
    if er_syntetisk(fnr):
        if not tillat_syntetisk:
            raise UgyldigFoedselsnummer("Syntetiske testnumre er ikke tillatt her.", felt="foedselsnummer")
        maaned = int(fnr[2:4]) - SYNTETISK_MAANED_TILLEGG
        til_dato = f"{fnr[:2]}{maaned:02d}{fnr[4:]}"
    try:
        foedselsdato = stdnum_fnr.get_birth_date(til_dato)
    except Exception as exc:  # stdnum kaster flere typer for umulige datoer
        raise UgyldigFoedselsnummer(
            "Fødselsnummeret inneholder ikke en gyldig fødselsdato.", felt="foedselsnummer"
        ) from exc
    if foedselsdato > i_dag:
        raise UgyldigFoedselsnummer("Fødselsdatoen i fødselsnummeret er frem i tid.", felt="foedselsnummer")
    return fnr, foedselsdato


def masker(fnr: str) -> str:
    """Viser fødselsdatodelen og skjuler personnummeret: 010190 *****."""
    return f"{fnr[:6]} *****" if len(fnr) == 11 else "*****"


def lag_syntetisk(foedselsdato: dt.date, individnummer: int) -> str | None:
    """Et gyldig syntetisk nummer (måned + 80) for demodata og tester; None om sjekksifrene ikke går opp."""
    individ = 500 + individnummer % 500 if foedselsdato.year >= 2000 else individnummer % 500
    maaned = foedselsdato.month + SYNTETISK_MAANED_TILLEGG
    grunn = f"{foedselsdato.day:02d}{maaned:02d}{foedselsdato.year % 100:02d}"
    ni = f"{grunn}{individ:03d}"
    k1 = stdnum_fnr.calc_check_digit1(ni)
    if len(k1) != 1:
        return None
    k2 = stdnum_fnr.calc_check_digit2(ni + k1)
    if len(k2) != 1:
        return None
    return ni + k1 + k2
