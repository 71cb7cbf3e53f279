"""Inngangsvilkårene i sosialtjenesteloven § 29 (spec/regler.md § 1.2 og § 8).

Hvert vilkår gir OPPFYLT, IKKE_OPPFYLT eller MAA_VURDERES med hjemmel og en norsk forklaring. Alder og
arbeidsevnevurdering avgjøres automatisk; ytelsene sammenlignes automatisk med den veiledende normen, men er en
skjønnsmessig vurdering når de ligger over; resten er skjønn som krever en skriftlig begrunnelse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from kvp_regler.belop import tall_tekst
from kvp_regler.parametere import STANDARD, ManglendeParameter, Parametersett
from kvp_regler.tid import bursdag
from kvp_regler.vilkaar.varighet import foerste_programdag_for_alder, siste_programdag_for_alder

__all__ = [
    "Arbeidsevne",
    "Husstand",
    "Skjoennsvurdering",
    "UgyldigVurdering",
    "Vilkaar",
    "Vilkaarsgrunnlag",
    "Vilkaarsresultat",
    "Vurdering",
    "alle_oppfylt",
    "veiledende_norm",
    "vurder_alder",
    "vurder_arbeidsevne",
    "vurder_inngangsvilkaar",
    "vurder_skjoenn",
    "vurder_ytelser",
]


class UgyldigVurdering(ValueError):
    """En vurdering som ikke kan brukes (f.eks. skjønn uten begrunnelse). `vilkaar` peker på vilkåret."""

    def __init__(self, vilkaar: str, melding: str) -> None:
        self.vilkaar = vilkaar
        self.melding = melding
        super().__init__(melding)


class Vurdering(StrEnum):
    OPPFYLT = "OPPFYLT"
    IKKE_OPPFYLT = "IKKE_OPPFYLT"
    MAA_VURDERES = "MAA_VURDERES"

    @property
    def tekst(self) -> str:
        return {"OPPFYLT": "Oppfylt", "IKKE_OPPFYLT": "Ikke oppfylt", "MAA_VURDERES": "Må vurderes"}[self.value]


class Vilkaar(StrEnum):
    """Vilkårene, i den rekkefølgen de vises og står i vedtaket."""

    ALDER = "ALDER"
    ARBEIDSEVNE = "ARBEIDSEVNE"
    YTELSER = "YTELSER"
    OPPHOLD_BOPEL = "OPPHOLD_BOPEL"
    INTRODUKSJONSPROGRAM = "INTRODUKSJONSPROGRAM"
    BEHOV_FOR_BISTAND = "BEHOV_FOR_BISTAND"
    EGNET_PROGRAM = "EGNET_PROGRAM"

    @property
    def tittel(self) -> str:
        return _TITLER[self][0]

    @property
    def hjemmel(self) -> str:
        return _TITLER[self][1]

    @property
    def paalitelighet(self) -> str:
        """Kildens pålitelighet (spec/regler.md): V, S eller U."""
        return _TITLER[self][2]


_TITLER: dict[Vilkaar, tuple[str, str, str]] = {
    Vilkaar.ALDER: ("Yrkesaktiv alder (18–67 år)", "sosialtjenesteloven § 29", "V"),
    Vilkaar.ARBEIDSEVNE: (
        "Vesentlig nedsatt arbeids- og inntektsevne (arbeidsevnevurdering)",
        "sosialtjenesteloven § 29, jf. NAV-loven § 14 a",
        "V",
    ),
    Vilkaar.YTELSER: (
        "Ingen eller svært begrensede ytelser til livsopphold",
        "sosialtjenesteloven § 29, jf. rundskriv R35-00 pkt. 4.29.1.7",
        "V",
    ),
    Vilkaar.OPPHOLD_BOPEL: (
        "Lovlig opphold og fast bopel i Norge",
        "sosialtjenesteloven § 29 og forskrift om sosiale tjenester for personer uten fast bopel i Norge",
        "S",
    ),
    Vilkaar.INTRODUKSJONSPROGRAM: (
        "Har ikke rett til introduksjonsprogram",
        "sosialtjenesteloven § 29, jf. integreringsloven (ordlyden er ikke kontrollert)",
        "U",
    ),
    Vilkaar.BEHOV_FOR_BISTAND: (
        "Behov for tett og koordinert bistand",
        "sosialtjenesteloven § 29",
        "V",
    ),
    Vilkaar.EGNET_PROGRAM: (
        "Kontoret kan tilby et egnet program (avslag på dette grunnlaget bare unntaksvis)",
        "sosialtjenesteloven § 29",
        "V",
    ),
}

SKJOENNSVILKAAR = (
    Vilkaar.OPPHOLD_BOPEL,
    Vilkaar.INTRODUKSJONSPROGRAM,
    Vilkaar.BEHOV_FOR_BISTAND,
    Vilkaar.EGNET_PROGRAM,
)


class Arbeidsevne(StrEnum):
    """Utfallet av arbeidsevnevurderingen (NAV-loven § 14 a): NAVs innsatsgrupper, eller ikke vurdert."""

    IKKE_VURDERT = "IKKE_VURDERT"
    STANDARD = "STANDARD"
    SITUASJONSBESTEMT = "SITUASJONSBESTEMT"
    SPESIELT_TILPASSET = "SPESIELT_TILPASSET"
    VARIG_TILPASSET = "VARIG_TILPASSET"

    @property
    def tekst(self) -> str:
        return {
            "IKKE_VURDERT": "arbeidsevnevurdering ikke gjennomført",
            "STANDARD": "standard innsats",
            "SITUASJONSBESTEMT": "situasjonsbestemt innsats",
            "SPESIELT_TILPASSET": "spesielt tilpasset innsats",
            "VARIG_TILPASSET": "varig tilpasset innsats",
        }[self.value]


class Husstand(StrEnum):
    """De voksne i husstanden, slik de veiledende retningslinjene skiller dem."""

    ENSLIG = "ENSLIG"
    EKTEPAR = "EKTEPAR"
    BOFELLESSKAP = "BOFELLESSKAP"

    @property
    def tekst(self) -> str:
        return {"ENSLIG": "enslig", "EKTEPAR": "ektepar/samboere", "BOFELLESSKAP": "person i bofellesskap"}[self.value]


@dataclass(frozen=True, slots=True)
class Skjoennsvurdering:
    """Saksbehandlerens vurdering av et skjønnsvilkår."""

    vurdering: Vurdering
    begrunnelse: str = ""


@dataclass(frozen=True, slots=True)
class Vilkaarsresultat:
    vilkaar: Vilkaar
    vurdering: Vurdering
    forklaring: str
    automatisk: bool
    begrunnelse: str = ""

    @property
    def hjemmel(self) -> str:
        return self.vilkaar.hjemmel

    def som_dict(self) -> dict[str, str | bool]:
        return {
            "vilkaar": self.vilkaar.value,
            "tittel": self.vilkaar.tittel,
            "vurdering": self.vurdering.value,
            "vurdering_tekst": self.vurdering.tekst,
            "hjemmel": self.vilkaar.hjemmel,
            "paalitelighet": self.vilkaar.paalitelighet,
            "forklaring": self.forklaring,
            "automatisk": self.automatisk,
            "begrunnelse": self.begrunnelse,
        }


@dataclass(frozen=True, slots=True)
class Vilkaarsgrunnlag:
    soeknadsdato: date
    foedselsdato: date
    arbeidsevne: Arbeidsevne
    husstand: Husstand
    barn_foedselsdatoer: tuple[date, ...]
    """Barn under 18 år deltakeren forsørger på søknadsdatoen."""
    ytelser_per_maaned: Decimal
    """Ytelser til livsopphold per måned, uten boutgifter (saksbehandleren oppgir dem)."""
    skjoenn: dict[Vilkaar, Skjoennsvurdering]
    """Vurderingen av skjønnsvilkårene, og eventuelt av ytelsene når de ligger over normen."""


def _alder(foedselsdato: date, dato: date) -> int:
    alder = dato.year - foedselsdato.year
    if bursdag(foedselsdato, alder) > dato:
        alder -= 1
    return alder


def vurder_alder(*, foedselsdato: date, soeknadsdato: date, parametere: Parametersett = STANDARD) -> Vilkaarsresultat:
    """Sosialtjenesteloven § 29: yrkesaktiv alder (parameterne `nedre_alder` og `oevre_alder`, i dag 18–67 år).

    Alderen gjelder hele programmet, ikke bare søknadsdatoen (`varighet.vurder_alder_i_programperioden` kontrollerer
    perioden i vedtaket). Her avgjøres bare om et program i det hele tatt kan gis: en søker som fyller 18 etter
    søknadsdatoen avslås ikke for alder (programmet kan begynne på 18-årsdagen), mens en søker som har passert
    måneden hun eller han fyller 67, ikke kan få et program [I] (se docs/regler/vilkaar-og-vedtak.md)."""
    alder = _alder(foedselsdato, soeknadsdato)
    nedre = int(parametere["nedre_alder"].verdi(soeknadsdato))
    oevre = int(parametere["oevre_alder"].verdi(soeknadsdato))
    foerste = foerste_programdag_for_alder(foedselsdato, soeknadsdato, parametere)
    siste = siste_programdag_for_alder(foedselsdato, soeknadsdato, parametere)
    paa = f"Søkeren var {alder} år på søknadsdatoen {soeknadsdato.strftime('%d.%m.%Y')}"
    if soeknadsdato > siste:
        vurdering = Vurdering.IKKE_OPPFYLT
        forklaring = (
            f"{paa}. Programmet kan ikke vare lenger enn ut måneden deltakeren fyller {oevre} år "
            f"({siste.strftime('%d.%m.%Y')}); yrkesaktiv alder er {nedre}–{oevre} år."
        )
    elif soeknadsdato < foerste:
        vurdering = Vurdering.OPPFYLT
        forklaring = (
            f"{paa}, og fyller {nedre} år {foerste.strftime('%d.%m.%Y')}. Programmet kan tidligst begynne da; "
            f"yrkesaktiv alder er {nedre}–{oevre} år."
        )
    else:
        vurdering = Vurdering.OPPFYLT
        forklaring = (
            f"{paa}; yrkesaktiv alder er {nedre}–{oevre} år. Programmet kan vare til og med "
            f"{siste.strftime('%d.%m.%Y')} (ut måneden søkeren fyller {oevre} år)."
        )
    return Vilkaarsresultat(vilkaar=Vilkaar.ALDER, vurdering=vurdering, forklaring=forklaring, automatisk=True)


def vurder_arbeidsevne(*, arbeidsevne: Arbeidsevne) -> Vilkaarsresultat:
    """Sosialtjenesteloven § 29, jf. NAV-loven § 14 a: arbeidsevnevurderingen må konkludere med behov for
    spesielt tilpasset innsats. Varig tilpasset innsats (varig nedsatt til ethvert arbeid) oppfyller ikke vilkåret."""
    if arbeidsevne == Arbeidsevne.SPESIELT_TILPASSET:
        vurdering = Vurdering.OPPFYLT
        forklaring = "Arbeidsevnevurderingen konkluderer med behov for spesielt tilpasset innsats."
    elif arbeidsevne == Arbeidsevne.IKKE_VURDERT:
        vurdering = Vurdering.MAA_VURDERES
        forklaring = "Arbeidsevnevurderingen er ikke gjennomført ennå; vilkåret kan ikke avgjøres før den er det."
    else:
        vurdering = Vurdering.IKKE_OPPFYLT
        forklaring = (
            f"Arbeidsevnevurderingen konkluderer med {arbeidsevne.tekst}; vilkåret krever behov for spesielt "
            "tilpasset innsats."
        )
    return Vilkaarsresultat(vilkaar=Vilkaar.ARBEIDSEVNE, vurdering=vurdering, forklaring=forklaring, automatisk=True)


def _barnenorm(alder: int) -> str | None:
    if alder < 0 or alder >= 18:
        return None
    if alder <= 5:
        return "norm_barn_0_5"
    if alder <= 10:
        return "norm_barn_6_10"
    return "norm_barn_11_17"


def veiledende_norm(
    *, husstand: Husstand, barn_foedselsdatoer: Iterable[date], dato: date, parametere: Parametersett = STANDARD
) -> tuple[Fraction, list[str], date]:
    """Statens veiledende norm for husstanden per måned (uten boutgifter) på `dato`.

    Gir normen, én forklaringslinje per ledd, og datoen den eldste brukte satsen gjaldt fra (for merknad om at
    nyere satser ikke er lagt inn). `ManglendeParameter` når datoen er før første sats."""
    voksen = {
        Husstand.ENSLIG: "norm_enslig",
        Husstand.EKTEPAR: "norm_ektepar",
        Husstand.BOFELLESSKAP: "norm_bofellesskap",
    }
    navn = [voksen[husstand]]
    for fdato in barn_foedselsdatoer:
        barnenavn = _barnenorm(_alder(fdato, dato))
        if barnenavn:
            navn.append(barnenavn)
    total = Fraction(0)
    linjer: list[str] = []
    gyldig_fra = dato
    for n in navn:
        parameter = parametere[n]
        verdi = parameter.verdier[parameter.indeks(dato)]
        total += verdi.verdi
        gyldig_fra = min(gyldig_fra, verdi.gyldig_fra)
        linjer.append(
            f"{parameter.tittel}: {tall_tekst(verdi.verdi)} kr (gjelder fra {verdi.gyldig_fra.strftime('%d.%m.%Y')})"
        )
    return total, linjer, gyldig_fra


def vurder_ytelser(
    *,
    ytelser_per_maaned: Decimal,
    husstand: Husstand,
    barn_foedselsdatoer: Iterable[date],
    soeknadsdato: date,
    skjoenn: Skjoennsvurdering | None = None,
    parametere: Parametersett = STANDARD,
) -> Vilkaarsresultat:
    """Sosialtjenesteloven § 29, jf. rundskriv R35-00 pkt. 4.29.1.7: ytelser på nivå med eller under den
    veiledende normen for husstanden (uten boutgifter) kan anses som svært begrensede. Over normen er det en
    skjønnsmessig vurdering som saksbehandleren må begrunne."""
    if ytelser_per_maaned < 0:
        raise UgyldigVurdering(Vilkaar.YTELSER, "Ytelsene per måned kan ikke være negative.")
    try:
        norm, linjer, gyldig_fra = veiledende_norm(
            husstand=husstand, barn_foedselsdatoer=barn_foedselsdatoer, dato=soeknadsdato, parametere=parametere
        )
    except ManglendeParameter as feil:
        raise UgyldigVurdering(Vilkaar.YTELSER, str(feil)) from feil
    normtekst = tall_tekst(norm)
    forklaring = (
        f"Ytelser til livsopphold: {tall_tekst(ytelser_per_maaned)} kr per måned. Veiledende norm for "
        f"husstanden ({husstand.tekst}): {normtekst} kr per måned ({'; '.join(linjer)})."
    )
    if gyldig_fra.year < soeknadsdato.year:
        forklaring += f" Merk: satsene for {soeknadsdato.year} er ikke lagt inn; de siste kjente satsene er brukt [U]."
    if Fraction(ytelser_per_maaned) <= norm:
        return Vilkaarsresultat(
            vilkaar=Vilkaar.YTELSER,
            vurdering=Vurdering.OPPFYLT,
            forklaring=forklaring + " Ytelsene er på nivå med eller under normen og regnes som svært begrensede.",
            automatisk=True,
        )
    forklaring += " Ytelsene er over normen; om de likevel er svært begrensede, er et skjønn."
    if skjoenn is None or skjoenn.vurdering == Vurdering.MAA_VURDERES:
        return Vilkaarsresultat(
            vilkaar=Vilkaar.YTELSER, vurdering=Vurdering.MAA_VURDERES, forklaring=forklaring, automatisk=True
        )
    resultat = vurder_skjoenn(vilkaar=Vilkaar.YTELSER, skjoenn=skjoenn)
    return Vilkaarsresultat(
        vilkaar=Vilkaar.YTELSER,
        vurdering=resultat.vurdering,
        forklaring=forklaring,
        automatisk=False,
        begrunnelse=resultat.begrunnelse,
    )


def vurder_skjoenn(*, vilkaar: Vilkaar, skjoenn: Skjoennsvurdering | None) -> Vilkaarsresultat:
    """Et skjønnsvilkår i sosialtjenesteloven § 29: saksbehandlerens vurdering med skriftlig begrunnelse
    (forvaltningsloven §§ 24–25). Uten vurdering er vilkåret MAA_VURDERES."""
    if skjoenn is None or skjoenn.vurdering == Vurdering.MAA_VURDERES:
        return Vilkaarsresultat(
            vilkaar=vilkaar,
            vurdering=Vurdering.MAA_VURDERES,
            forklaring="Ikke vurdert ennå.",
            automatisk=False,
            begrunnelse=skjoenn.begrunnelse.strip() if skjoenn else "",
        )
    begrunnelse = skjoenn.begrunnelse.strip()
    if not begrunnelse:
        raise UgyldigVurdering(vilkaar, f"Skriv en begrunnelse for vurderingen av «{vilkaar.tittel}».")
    return Vilkaarsresultat(
        vilkaar=vilkaar,
        vurdering=skjoenn.vurdering,
        forklaring="Saksbehandlerens vurdering.",
        automatisk=False,
        begrunnelse=begrunnelse,
    )


def vurder_inngangsvilkaar(
    grunnlag: Vilkaarsgrunnlag, parametere: Parametersett = STANDARD
) -> tuple[Vilkaarsresultat, ...]:
    """Sosialtjenesteloven § 29: alle inngangsvilkårene, i fast rekkefølge."""
    return (
        vurder_alder(foedselsdato=grunnlag.foedselsdato, soeknadsdato=grunnlag.soeknadsdato, parametere=parametere),
        vurder_arbeidsevne(arbeidsevne=grunnlag.arbeidsevne),
        vurder_ytelser(
            ytelser_per_maaned=grunnlag.ytelser_per_maaned,
            husstand=grunnlag.husstand,
            barn_foedselsdatoer=grunnlag.barn_foedselsdatoer,
            soeknadsdato=grunnlag.soeknadsdato,
            skjoenn=grunnlag.skjoenn.get(Vilkaar.YTELSER),
            parametere=parametere,
        ),
        *(vurder_skjoenn(vilkaar=v, skjoenn=grunnlag.skjoenn.get(v)) for v in SKJOENNSVILKAAR),
    )


def alle_oppfylt(resultater: Iterable[Vilkaarsresultat]) -> bool:
    return all(r.vurdering == Vurdering.OPPFYLT for r in resultater)
