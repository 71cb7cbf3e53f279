"""KOSTRA 11CF: de 34 kontrollene til SSBs kontrollprogram, gjort på nytt i Python.

Kilde: SSBs kontrollprogram (statisticsnorway/kostra-kontrollprogram, `KvalifiseringMain` og reglene den lister),
beskrevet i spec/kostra-11cf.md § 6. Der SSBs skrevne spesifikasjon og koden er uenige, følger vi koden (§ 7):
K05 er FEIL, K07 gjelder alder over 68, K32 beløp over 600 000, K39 bare status 3.

Kontrollene har SSBs id, alvorlighet og tittel, så vår rapport og SSBs blir like. Grensene under (alder, antall barn,
år tilbake, beløp) er SSBs kontrollgrenser, ikke tall fra loven.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from .oppsett import (
    FILKODING,
    INNTEKTSKODER,
    MAANEDSFELT,
    POSISJONER,
    POSTLENGDE,
    SITUASJONSFELT,
    STATUSKODER,
    STOETTEFELT,
    kommunenumre,
)

OSLO = "0301"
OSLO_BYDELER = frozenset(f"{n:02d}" for n in range(1, 16))
# SSBs kontrollgrenser (kontrollprogrammet, ikke loven).
MIN_ALDER = 18
MAKS_ALDER = 68
MAKS_BARN = 14
MAKS_AAR_TILBAKE = 4
MAKS_STOENAD = 600_000
SPESIALNUMRE = ("00100", "00200", "99999")


class Alvor(StrEnum):
    FATAL = "FATAL"
    FEIL = "FEIL"
    ADVARSEL = "ADVARSEL"

    @property
    def tekst(self) -> str:
        return {"FATAL": "Avvist fil", "FEIL": "Feil", "ADVARSEL": "Advarsel"}[self.value]


@dataclass(frozen=True, slots=True)
class Kontroll:
    id: str
    tittel: str
    alvor: Alvor


KONTROLLER: tuple[Kontroll, ...] = (
    Kontroll("K000", "Skal levere filuttrekk", Alvor.FATAL),
    Kontroll("K001", "Recordlengde", Alvor.FATAL),
    Kontroll("K03", "Kommunenummer", Alvor.FEIL),
    Kontroll("K03B", "Bydelsnummer", Alvor.FEIL),
    Kontroll("K04", "Oppgaveår", Alvor.FEIL),
    Kontroll("K04A", "Fødselsdato", Alvor.FEIL),
    Kontroll("K05", "Fødselsnummer", Alvor.FEIL),
    Kontroll("K05A", "Fødselsnummer, dubletter", Alvor.FEIL),
    Kontroll("K05B", "Journalnummer, dubletter", Alvor.FEIL),
    Kontroll("K06", "Alder under 18 år", Alvor.FEIL),
    Kontroll("K07", "Alder er 68 år eller over", Alvor.ADVARSEL),
    Kontroll("K08", "Kjønn", Alvor.FEIL),
    Kontroll("K09", "Sivilstand", Alvor.FEIL),
    Kontroll("K10", "Forsørgerplikt for barn under 18 år i husholdningen, gyldige verdier", Alvor.FEIL),
    Kontroll("K11", "Det bor barn under 18 år i husholdningen, mangler antall barn", Alvor.FEIL),
    Kontroll("K12", "Det bor barn under 18 år i husholdningen", Alvor.FEIL),
    Kontroll("K13", "Mange barn under 18 år i husholdningen", Alvor.FEIL),
    Kontroll("K14", "Dato for registrert søknad ved NAV-kontoret", Alvor.FEIL),
    Kontroll("K15", "Dato for fattet vedtak om program (søknad innvilget)", Alvor.FEIL),
    Kontroll("K16", "Dato for når deltakeren begynte i program (iverksettelse)", Alvor.FEIL),
    Kontroll("K19", "Kvalifiseringsprogram i annen kommune", Alvor.FEIL),
    Kontroll("K20", "Kvalifiseringsprogram i annen kommune, kommunenummer", Alvor.FEIL),
    Kontroll("K21", "Ytelser de to siste månedene før registrert søknad ved NAV-kontoret", Alvor.FEIL),
    Kontroll("K26", "Mottatt økonomisk sosialhjelp eller bostøtte i tillegg til kvalifiseringsstønad", Alvor.FEIL),
    Kontroll("K27", "Mottatt økonomisk sosialhjelp eller bostøtte, svaralternativer", Alvor.FEIL),
    Kontroll("K28", "Måneder med kvalifiseringsstønad, gyldige koder", Alvor.ADVARSEL),
    Kontroll("K29", "Kvalifiseringssum mangler eller har ugyldige tegn", Alvor.ADVARSEL),
    Kontroll("K30", "Har varighet, men mangler kvalifiseringssum", Alvor.ADVARSEL),
    Kontroll("K31", "Har kvalifiseringssum, men mangler varighet", Alvor.ADVARSEL),
    Kontroll("K32", "Kvalifiseringssum på kr 600 000 eller mer", Alvor.ADVARSEL),
    Kontroll("K36", "Status for deltakelse per 31.12., gyldige verdier", Alvor.FEIL),
    Kontroll("K37", "Dato for avsluttet program", Alvor.FEIL),
    Kontroll("K38", "Fullførte/avsluttede program, til hvilken situasjon gikk deltakeren", Alvor.FEIL),
    Kontroll("K39", "Fullførte/avsluttede program, til hvilken inntektskilde gikk deltakeren", Alvor.FEIL),
)
KONTROLL_ETTER_ID = {k.id: k for k in KONTROLLER}


@dataclass(frozen=True, slots=True)
class Funn:
    kontroll: str
    melding: str
    linje: int | None = None  # 1-basert linjenummer i filen
    journalnr: str = ""

    @property
    def alvor(self) -> Alvor:
        return KONTROLL_ETTER_ID[self.kontroll].alvor

    @property
    def tittel(self) -> str:
        return KONTROLL_ETTER_ID[self.kontroll].tittel


@dataclass(slots=True)
class Rapport:
    aar: int
    region: str
    antall_poster: int = 0
    antall_linjer: int = 0
    funn: list[Funn] = field(default_factory=list)

    @property
    def antall_kontroller(self) -> int:
        """Som i SSBs rapport: linjer × 2 + poster × 32."""
        return self.antall_linjer * 2 + self.antall_poster * (len(KONTROLLER) - 2)

    @property
    def feil(self) -> list[Funn]:
        return [f for f in self.funn if f.alvor in (Alvor.FATAL, Alvor.FEIL)]

    @property
    def advarsler(self) -> list[Funn]:
        return [f for f in self.funn if f.alvor is Alvor.ADVARSEL]

    @property
    def avslutningskode(self) -> int:
        """Som SSBs program: 0 = i orden, 1 = bare advarsler, 2 = feil eller avvist fil."""
        if self.feil:
            return 2
        return 1 if self.advarsler else 0

    def per_kontroll(self) -> list[tuple[Kontroll, list[Funn]]]:
        grupper: dict[str, list[Funn]] = defaultdict(list)
        for f in self.funn:
            grupper[f.kontroll].append(f)
        return [(k, grupper[k.id]) for k in KONTROLLER if grupper.get(k.id)]


# --- datoer og fødselsnumre ---------------------------------------------------------------------------------


def les_dato(tekst: str, *, streng: bool = False) -> dt.date | None:
    """DDMMÅÅÅÅ. Som Javas SMART-tolking: dag 32 og måned 13 avvises, men 31.02 blir 28.02 (streng=False)."""
    if len(tekst) != 8 or not (tekst.isascii() and tekst.isdigit()):
        return None
    dag, maaned, aar = int(tekst[:2]), int(tekst[2:4]), int(tekst[4:])
    if not (1 <= maaned <= 12 and 1 <= dag <= 31 and aar >= 1):
        return None
    siste = calendar.monthrange(aar, maaned)[1]
    if dag > siste:
        if streng:
            return None
        dag = siste
    return dt.date(aar, maaned, dag)


_VEKT1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_VEKT2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _kontrollsiffer(sifre: str, vekter: tuple[int, ...]) -> int | None:
    rest = 11 - sum(int(s) * v for s, v in zip(sifre, vekter, strict=True)) % 11
    if rest == 11:
        return 0
    return None if rest == 10 else rest


def mod11_gyldig(fnr: str) -> bool:
    return _kontrollsiffer(fnr[:9], _VEKT1) == int(fnr[9]) and _kontrollsiffer(fnr[:10], _VEKT2) == int(fnr[10])


def _aarhundre(aa: int, individ: int) -> int | None:
    if individ <= 499:
        return 1900
    if individ <= 749 and aa >= 54:
        return 1800
    if aa <= 39:
        return 2000
    if individ >= 900:
        return 1900
    return None


def _ddmmaa(tekst: str, aarhundre: int) -> dt.date | None:
    dag, maaned, aa = int(tekst[:2]), int(tekst[2:4]), int(tekst[4:6])
    try:
        return dt.date(aarhundre + aa, maaned, dag)
    except ValueError:
        return None


def foedselsdato_fra_fnr(fnr: str, aar: int) -> dt.date | None:
    """Fødselsdatoen i et fødselsnummer, D-nummer, H-nummer, syntetisk nummer (måned + 80) eller DDMMÅÅ+00100/
    00200/99999. `aar` er rapporteringsåret: for spesialnumrene ligger fødselsåret ikke etter det."""
    if len(fnr) != 11 or not (fnr.isascii() and fnr.isdigit()):
        return None
    dag, maaned = int(fnr[:2]), int(fnr[2:4])
    if fnr[6:] in SPESIALNUMRE:
        aa = int(fnr[4:6])
        aarhundre = (aar // 100) * 100
        if aarhundre + aa > aar:
            aarhundre -= 100
        return _ddmmaa(fnr[:6], aarhundre)
    if dag > 40:
        dag -= 40
    if maaned > 80:
        maaned -= 80
    elif maaned > 40:
        maaned -= 40
    aarhundre_ = _aarhundre(int(fnr[4:6]), int(fnr[6:9]))
    if aarhundre_ is None:
        return None
    return _ddmmaa(f"{dag:02d}{maaned:02d}{fnr[4:6]}", aarhundre_)


def fnr_gyldig(fnr: str, aar: int) -> bool:
    """K05: 11 sifre, og enten riktige kontrollsifre eller DDMMÅÅ + 00100/00200/99999 med en gyldig dato."""
    if len(fnr) != 11 or not (fnr.isascii() and fnr.isdigit()):
        return False
    if mod11_gyldig(fnr):
        return True
    return fnr[6:] in SPESIALNUMRE and foedselsdato_fra_fnr(fnr, aar) is not None


# --- postene --------------------------------------------------------------------------------------------------


class Post(dict[str, str]):
    """Én post lest fra filen: feltnavn → tekst (med mellomrom)."""

    linje: int

    @classmethod
    def les(cls, tekst: str, linje: int) -> Post:
        post = cls({navn: tekst[fra:til] for navn, (fra, til) in POSISJONER.items()})
        post.linje = linje
        return post

    def heltall(self, navn: str) -> int | None:
        tekst = self[navn].strip()
        if tekst.startswith(("-", "+")):
            fortegn, tall = tekst[0], tekst[1:]
        else:
            fortegn, tall = "", tekst
        if not tall or not (tall.isascii() and tall.isdigit()):
            return None
        return int(fortegn + tall)

    def krysset(self, navn: str, kode: str) -> bool:
        return self[navn] == kode


def _dato_for_gammel_eller_ugyldig(post: Post, navn: str, aar: int) -> bool:
    dato = les_dato(post[navn])
    return dato is None or aar - dato.year > MAKS_AAR_TILBAKE


Regel = Callable[[Post, int, str], str | None]


def _k03(p: Post, aar: int, region: str) -> str | None:
    if p["KOMMUNE_NR"] != region[:4]:
        return f"Kommunenummeret «{p['KOMMUNE_NR']}» er ikke {region[:4]}."
    return None


def _k03b(p: Post, aar: int, region: str) -> str | None:
    if p["KOMMUNE_NR"] == OSLO and p["BYDELSNR"] not in OSLO_BYDELER:
        return f"Bydelsnummeret «{p['BYDELSNR']}» er ikke en bydel i Oslo (01–15)."
    if p["KOMMUNE_NR"] != OSLO and p["BYDELSNR"].strip():
        return "Bydelsnummer skal bare fylles ut for Oslo."
    return None


def _k04(p: Post, aar: int, region: str) -> str | None:
    v = p["VERSION"]
    if not (v.isascii() and v.isdigit()) or not 1 <= int(v) <= 99 or 2000 + int(v) != aar:
        return f"Oppgaveåret «{v}» er ikke {aar % 100:02d}."
    return None


def _k04a(p: Post, aar: int, region: str) -> str | None:
    return None if les_dato(p["FODSELSDATO"]) else "Fødselsdatoen mangler eller er ikke en gyldig dato (DDMMÅÅÅÅ)."


def _k05(p: Post, aar: int, region: str) -> str | None:
    return None if fnr_gyldig(p["PERSON_FODSELSNR"], aar) else "Fødselsnummeret mangler eller er ugyldig."


def _alder(p: Post, aar: int) -> int | None:
    fdato = foedselsdato_fra_fnr(p["PERSON_FODSELSNR"], aar)
    return None if fdato is None else aar - fdato.year


def _k06(p: Post, aar: int, region: str) -> str | None:
    alder = _alder(p, aar)
    return f"Deltakeren er {alder} år, under {MIN_ALDER}." if alder is not None and alder < MIN_ALDER else None


def _k07(p: Post, aar: int, region: str) -> str | None:
    alder = _alder(p, aar)
    return f"Deltakeren er {alder} år, over {MAKS_ALDER}." if alder is not None and alder > MAKS_ALDER else None


def _kode(navn: str, koder: tuple[str, ...], tekst: str) -> Regel:
    def regel(p: Post, aar: int, region: str) -> str | None:
        return None if p[navn] in koder else f"{tekst} «{p[navn].strip()}» er ikke en gyldig kode."

    return regel


def _k11(p: Post, aar: int, region: str) -> str | None:
    if p["BU18"] == "1" and not (p.heltall("ANTBU18") or 0) > 0:
        return "Det er oppgitt barn under 18 år, men ikke hvor mange."
    return None


def _k12(p: Post, aar: int, region: str) -> str | None:
    if (p.heltall("ANTBU18") or 0) > 0 and p["BU18"] != "1":
        return "Antall barn er oppgitt, men det står ikke at det bor barn under 18 år i husholdningen."
    return None


def _k13(p: Post, aar: int, region: str) -> str | None:
    antall = p.heltall("ANTBU18") or 0
    return f"{antall} barn under 18 år i husholdningen, er dette riktig?" if antall >= MAKS_BARN else None


def _dato_regel(navn: str, tekst: str, *, ikke_etter_aaret: bool = False) -> Regel:
    def regel(p: Post, aar: int, region: str) -> str | None:
        if p["KOMMUNE_NR"] == OSLO:
            return None
        if _dato_for_gammel_eller_ugyldig(p, navn, aar):
            return f"{tekst} mangler, er ugyldig eller er mer enn {MAKS_AAR_TILBAKE} år før {aar}."
        dato = les_dato(p[navn])
        if ikke_etter_aaret and dato is not None and dato > dt.date(aar, 12, 31):
            return f"{tekst} er etter 31.12.{aar}."
        return None

    return regel


def _k20(p: Post, aar: int, region: str) -> str | None:
    if p["KVP_KOMM"] == "1" and p["KOMMNR_KVP_KOMM"] not in kommunenumre():
        return f"Kommunenummeret «{p['KOMMNR_KVP_KOMM'].strip()}» for tidligere program er ikke en kommune i {aar}."
    return None


def _k21(p: Post, aar: int, region: str) -> str | None:
    if p["YTELSE_SOSHJELP"] == "1" and p["YTELSE_TYPE_SOSHJ"] not in ("2", "3"):
        return "Sosialhjelp før søknaden er krysset av, men ikke om den var viktigste kilde eller supplerende."
    return None


def _k27(p: Post, aar: int, region: str) -> str | None:
    noen = any(p.krysset(navn, kode) for navn, kode in STOETTEFELT)
    if p["KVP_MED_ASTONAD"] == "1" and not noen:
        return "Det står at deltakeren fikk annen støtte i programperioden, men ikke hvilken."
    if p["KVP_MED_ASTONAD"] == "2" and noen:
        return "Det står at deltakeren ikke fikk annen støtte i programperioden, men en støtte er krysset av."
    return None


def _maaneder(p: Post) -> int:
    return sum(p.krysset(navn, kode) for navn, kode in MAANEDSFELT)


def _k28(p: Post, aar: int, region: str) -> str | None:
    if p["STATUS"] != "2" and not _maaneder(p):
        return "Ingen måned med stønad er krysset av med sin egen kode."
    return None


def _k29(p: Post, aar: int, region: str) -> str | None:
    if p["STATUS"] == "1" and not (p.heltall("KVP_STONAD") or 0) > 0:
        return "Deltakeren er i program, men utbetalt stønad mangler eller er ikke et tall."
    return None


def _k30(p: Post, aar: int, region: str) -> str | None:
    if p["STATUS"] != "2" and _maaneder(p) and not p["KVP_STONAD"].strip():
        return "Måneder med stønad er krysset av, men beløpet mangler."
    return None


def _k31(p: Post, aar: int, region: str) -> str | None:
    if p["STATUS"] == "1" and (p.heltall("KVP_STONAD") or 0) > 0 and not _maaneder(p):
        return "Beløpet er fylt ut, men ingen måned med stønad er krysset av."
    return None


def _k32(p: Post, aar: int, region: str) -> str | None:
    beloep = p.heltall("KVP_STONAD") or 0
    return f"Utbetalt stønad er {beloep} kr, over {MAKS_STOENAD} kr." if beloep > MAKS_STOENAD else None


def _k37(p: Post, aar: int, region: str) -> str | None:
    if p["STATUS"] not in ("3", "4", "5", "7"):
        return None
    dato = les_dato(p["AVSL_DATO"], streng=True)
    if dato is None or dato.year != aar:
        return f"Avslutningsdatoen mangler, er ugyldig eller er ikke i {aar}."
    return None


def _k38(p: Post, aar: int, region: str) -> str | None:
    if p["STATUS"] in ("3", "7") and not any(p.krysset(navn, kode) for navn, kode in SITUASJONSFELT):
        return "Programmet er avsluttet, men ingen situasjon etter avslutningen er krysset av."
    return None


def _k39(p: Post, aar: int, region: str) -> str | None:
    if p["STATUS"] == "3" and p["AVSL_VIKTIGSTE_INNTEKT"] not in INNTEKTSKODER:
        return "Programmet er fullført, men viktigste inntektskilde etter avslutningen mangler eller er ugyldig."
    return None


POSTREGLER: tuple[tuple[str, Regel], ...] = (
    ("K03", _k03),
    ("K03B", _k03b),
    ("K04", _k04),
    ("K04A", _k04a),
    ("K05", _k05),
    ("K06", _k06),
    ("K07", _k07),
    ("K08", _kode("KJONN", ("1", "2"), "Kjønn")),
    ("K09", _kode("EKTSTAT", ("1", "2", "3", "4", "5"), "Sivilstand")),
    ("K10", _kode("BU18", ("1", "2"), "Svaret om barn under 18 år")),
    ("K11", _k11),
    ("K12", _k12),
    ("K13", _k13),
    ("K14", _dato_regel("REG_DATO", "Søknadsdatoen")),
    ("K15", _dato_regel("VEDTAK_DATO", "Vedtaksdatoen")),
    ("K16", _dato_regel("BEGYNT_DATO", "Datoen deltakeren begynte", ikke_etter_aaret=True)),
    ("K19", _kode("KVP_KOMM", ("1", "2"), "Svaret om program i annen kommune")),
    ("K20", _k20),
    ("K21", _k21),
    ("K26", _kode("KVP_MED_ASTONAD", ("1", "2"), "Svaret om annen støtte i programperioden")),
    ("K27", _k27),
    ("K28", _k28),
    ("K29", _k29),
    ("K30", _k30),
    ("K31", _k31),
    ("K32", _k32),
    ("K36", _kode("STATUS", STATUSKODER, "Status per 31.12.")),
    ("K37", _k37),
    ("K38", _k38),
    ("K39", _k39),
)


def _dubletter(poster: list[Post], aar: int) -> list[Funn]:
    funn: list[Funn] = []
    etter_fnr: dict[tuple[str, str], list[Post]] = defaultdict(list)
    etter_journal: dict[str, list[Post]] = defaultdict(list)
    for p in poster:
        if p["KOMMUNE_NR"] == OSLO:
            continue
        etter_journal[p["PERSON_JOURNALNR"]].append(p)
        if fnr_gyldig(p["PERSON_FODSELSNR"], aar):
            etter_fnr[(p["PERSON_FODSELSNR"], p["STATUS"])].append(p)
    for gruppe in etter_fnr.values():
        if len(gruppe) > 1:
            for p in gruppe:
                andre = ", ".join(q["PERSON_JOURNALNR"].strip() for q in gruppe if q is not p)
                melding = f"Fødselsnummeret fins også i journal {andre} med samme status."
                funn.append(Funn("K05A", melding, p.linje, p["PERSON_JOURNALNR"].strip()))
    for journal, gruppe in etter_journal.items():
        if len(gruppe) > 1:
            for p in gruppe:
                melding = f"Journalnummeret «{journal.strip()}» står i {len(gruppe)} poster."
                funn.append(Funn("K05B", melding, p.linje, journal.strip()))
    return funn


def kontroller(innhold: bytes | str, *, aar: int, region: str, har_deltakere: bool | None = None) -> Rapport:
    """Kontrollerer en hel 11CF-fil for `aar` og `region` (kommunenummer + bydel, 6 sifre, f.eks. «110300»).

    `har_deltakere` er svaret i skjemaet («har deltakere i året»); uten det leses det av filen.
    """
    tekst = innhold.decode(FILKODING) if isinstance(innhold, bytes) else innhold
    rapport = Rapport(aar=aar, region=region)
    if har_deltakere is None:
        har_deltakere = bool(tekst.strip())
    if har_deltakere and len(tekst) == 1:
        rapport.funn.append(Funn("K000", "Skjemaet sier at det er deltakere, men filen er tom."))
        return rapport
    if not har_deltakere:
        if len(tekst) != 1:
            melding = "Skjemaet sier at det ikke er deltakere; filen skal da være ett mellomrom."
            rapport.funn.append(Funn("K000", melding))
        return rapport
    linjer = [(nr, linje.rstrip("\r")) for nr, linje in enumerate(tekst.split("\n"), start=1)]
    linjer = [(nr, linje) for nr, linje in linjer if linje]
    rapport.antall_linjer = len(linjer)
    for nr, linje in linjer:
        if len(linje) != POSTLENGDE or "\t" in linje:
            grunn = "har tabulator" if "\t" in linje else f"er {len(linje)} tegn, ikke {POSTLENGDE}"
            rapport.funn.append(Funn("K001", f"Linjen {grunn}.", nr))
    if rapport.funn:
        return rapport
    poster = [Post.les(linje, nr) for nr, linje in linjer]
    rapport.antall_poster = len(poster)
    dubletter = _dubletter(poster, aar)
    for p in poster:
        journal = p["PERSON_JOURNALNR"].strip()
        for kid, regel in POSTREGLER:
            svar = regel(p, aar, region)
            if svar:
                rapport.funn.append(Funn(kid, svar, p.linje, journal))
    rapport.funn.extend(dubletter)
    rekkefoelge = {k.id: i for i, k in enumerate(KONTROLLER)}
    rapport.funn.sort(key=lambda f: (f.linje or 0, rekkefoelge[f.kontroll]))
    return rapport
