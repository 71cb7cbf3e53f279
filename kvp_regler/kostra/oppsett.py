"""KOSTRA skjema 11CF (kvalifiseringsstønad), postoppsettet for rapporteringsårene 2025 og 2026.

Kilde: SSBs kontrollprogram (statisticsnorway/kostra-kontrollprogram), filbeskrivelsen for 11CF 2026, gjengitt i
spec/kostra-11cf.md § 3. Én post er én deltaker: 53 felt, 152 tegn. Posisjonene regnes ut fra feltlengdene i
rekkefølge, slik SSBs program gjør.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path


class Felttype(StrEnum):
    TEKST = "TEKST"  # venstrejustert, fylt med mellomrom
    HELTALL = "HELTALL"  # høyrejustert, fylt med mellomrom
    DATO = "DATO"  # DDMMÅÅÅÅ
    KODE = "KODE"  # én kode fra en liste
    AVKRYSSING = "AVKRYSSING"  # egen kode når krysset av, ellers mellomrom


@dataclass(frozen=True, slots=True)
class Felt:
    nummer: int
    navn: str
    lengde: int
    type: Felttype
    #: For avkryssingsfelt: koden som står i feltet når det er krysset av. For kodefelt: lovlige koder.
    koder: tuple[str, ...] = ()
    beskrivelse: str = ""


POSTLENGDE = 152
FILKODING = "iso-8859-1"

T, H, D, K, A = Felttype.TEKST, Felttype.HELTALL, Felttype.DATO, Felttype.KODE, Felttype.AVKRYSSING

JA_NEI = ("1", "2")
STATUSKODER = ("1", "2", "3", "4", "5", "6", "7")
#: Situasjon etter avslutningen (pos. 121–140), i feltrekkefølgen, og viktigste inntektskilde (KLASS 556).
SITUASJONSFELT: tuple[tuple[str, str], ...] = (
    ("AVSL_ORDINAERTARB", "01"),
    ("AVSL_ARBLONNSTILS", "11"),
    ("AVSL_ARBMARK", "03"),
    ("AVSL_SKOLE", "04"),
    ("AVSL_UFORE", "13"),
    ("AVSL_AAP", "14"),
    ("AVSL_OK_AVKLAR", "15"),
    ("AVSL_UTEN_OK_AVKLAR", "16"),
    ("AVSL_ANNET", "10"),
    ("AVSL_UKJENT", "17"),
)
INNTEKTSKODER = ("01", "03", "04", "10", "11", "13", "14", "15", "16", "17")
#: Annen støtte i programperioden (pos. 76–80): felt og kode.
STOETTEFELT: tuple[tuple[str, str], ...] = (
    ("KVP_MED_KOMMBOS", "4"),
    ("KVP_MED_HUSBANKBOS", "5"),
    ("KVP_MED_SOSHJ_ENGANG", "9"),
    ("KVP_MED_SOSHJ_PGM", "8"),
    ("KVP_MED_SOSHJ_SUP", "7"),
)
MAANEDSFELT: tuple[tuple[str, str], ...] = tuple((f"STMND_{m}", f"{m:02d}") for m in range(1, 13))

_FELT: list[tuple[str, int, Felttype, tuple[str, ...], str]] = [
    ("KOMMUNE_NR", 4, T, (), "Kommunenummer"),
    ("VERSION", 2, T, (), "Rapporteringsår (to sifre)"),
    ("BYDELSNR", 2, T, (), "Bydelsnummer (bare Oslo)"),
    ("FODSELSDATO", 8, D, (), "Fødselsdato"),
    ("PERSON_JOURNALNR", 8, T, (), "Journalnummer"),
    ("PERSON_FODSELSNR", 11, T, (), "Fødselsnummer"),
    ("KJONN", 1, K, ("1", "2"), "Kjønn"),
    ("EKTSTAT", 1, K, ("1", "2", "3", "4", "5"), "Sivilstand"),
    ("BU18", 1, K, JA_NEI, "Barn under 18 år i husholdningen"),
    ("ANTBU18", 2, H, (), "Antall barn under 18 år"),
    ("REG_DATO", 8, D, (), "Søknaden registrert"),
    ("VEDTAK_DATO", 8, D, (), "Vedtak om program"),
    ("BEGYNT_DATO", 8, D, (), "Begynt i program"),
    ("KVP_KOMM", 1, K, JA_NEI, "Kommer fra KVP i annen kommune"),
    ("KOMMNR_KVP_KOMM", 4, T, (), "Kommunenummer for tidligere KVP"),
    ("YTELSE_SOSHJELP", 1, A, ("1",), "Sosialhjelp før søknaden"),
    ("YTELSE_TYPE_SOSHJ", 1, K, ("2", "3"), "Type sosialhjelp før søknaden"),
    ("YTELSE_INTRO", 1, A, ("4",), "Introduksjonsstønad før søknaden"),
    ("YTELSE_TILTAKSPENGER", 1, A, ("5",), "Tiltakspenger før søknaden"),
    ("YTELSE_FOLKETRYGDL", 1, A, ("6",), "Livsoppholdsytelse etter folketrygdloven før søknaden"),
    ("KVP_MED_ASTONAD", 1, K, JA_NEI, "Annen støtte i programperioden"),
    *[(navn, 1, A, (kode,), "Annen støtte i programperioden") for navn, kode in STOETTEFELT],
    *[(navn, 2, A, (kode,), "Måned med stønad") for navn, kode in MAANEDSFELT],
    ("KVP_STONAD", 7, H, (), "Utbetalt stønad i året (kr)"),
    ("STATUS", 1, K, STATUSKODER, "Status per 31.12."),
    ("AVSL_DATO", 8, D, (), "Programmet avsluttet"),
    *[(navn, 2, A, (kode,), "Situasjon etter programmet") for navn, kode in SITUASJONSFELT],
    ("AVSL_VIKTIGSTE_INNTEKT", 2, K, INNTEKTSKODER, "Viktigste inntektskilde etter programmet"),
    ("SAKSBEHANDLER", 10, T, (), "Saksbehandler"),
]

FELT: tuple[Felt, ...] = tuple(
    Felt(nummer=i + 1, navn=navn, lengde=lengde, type=typ, koder=koder, beskrivelse=beskr)
    for i, (navn, lengde, typ, koder, beskr) in enumerate(_FELT)
)
FELT_ETTER_NAVN: dict[str, Felt] = {f.navn: f for f in FELT}


def _posisjoner() -> dict[str, tuple[int, int]]:
    """Feltets start (0-basert) og slutt (eksklusiv) i posten."""
    pos, ut = 0, {}
    for f in FELT:
        ut[f.navn] = (pos, pos + f.lengde)
        pos += f.lengde
    return ut


POSISJONER = _posisjoner()
assert len(FELT) == 53 and sum(f.lengde for f in FELT) == POSTLENGDE  # noqa: S101


@cache
def kommunenumre() -> frozenset[str]:
    """Kommunenumrene som er gyldige i 2026 (KLASS 131), pluss 9999 (Uoppgitt)."""
    tekst = (Path(__file__).parent / "kommuner_2026.txt").read_text(encoding="utf-8")
    numre = {n for linje in tekst.splitlines() if not linje.startswith("#") for n in linje.split()}
    return frozenset(numre | {"9999"})
