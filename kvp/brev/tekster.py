"""Faste tekster i vedtaksbrevene på bokmål (NB) og nynorsk (NN). Malene setter dem sammen med vedtakets innhold.

Nynorsken er skrevet for hånd etter Språkrådets ordlister (lovnavn i bunden form: sosialtenestelova,
forvaltningslova, NAV-lova).
"""

from kvp.vedtak.models import Vedtakstype
from kvp_regler.vilkaar import Vilkaar

TITTEL: dict[str, dict[str, str]] = {
    "NB": {
        Vedtakstype.INNVILGELSE: "Vedtak om kvalifiseringsprogram og kvalifiseringsstønad",
        Vedtakstype.AVSLAG: "Vedtak om avslag på kvalifiseringsprogram",
        Vedtakstype.FORLENGELSE: "Vedtak om forlengelse av kvalifiseringsprogrammet",
        Vedtakstype.ENDRING: "Vedtak om endring av kvalifiseringsprogrammet",
        Vedtakstype.PERMISJON: "Vedtak om permisjon fra kvalifiseringsprogrammet",
        Vedtakstype.AVBRUDD: "Vedtak om midlertidig avbrudd i kvalifiseringsprogrammet",
        Vedtakstype.GJENOPPTAK: "Vedtak om å gjenoppta kvalifiseringsprogrammet",
        Vedtakstype.STANS: "Vedtak om stans av kvalifiseringsprogrammet",
        Vedtakstype.AVSLUTNING: "Vedtak om avslutning av kvalifiseringsprogrammet",
        Vedtakstype.TILBAKEKREVING: "Vedtak om tilbakebetaling av kvalifiseringsstønad",
    },
    "NN": {
        Vedtakstype.INNVILGELSE: "Vedtak om kvalifiseringsprogram og kvalifiseringsstønad",
        Vedtakstype.AVSLAG: "Vedtak om avslag på kvalifiseringsprogram",
        Vedtakstype.FORLENGELSE: "Vedtak om forlenging av kvalifiseringsprogrammet",
        Vedtakstype.ENDRING: "Vedtak om endring av kvalifiseringsprogrammet",
        Vedtakstype.PERMISJON: "Vedtak om permisjon frå kvalifiseringsprogrammet",
        Vedtakstype.AVBRUDD: "Vedtak om mellombels avbrot i kvalifiseringsprogrammet",
        Vedtakstype.GJENOPPTAK: "Vedtak om å ta opp att kvalifiseringsprogrammet",
        Vedtakstype.STANS: "Vedtak om stans av kvalifiseringsprogrammet",
        Vedtakstype.AVSLUTNING: "Vedtak om avslutning av kvalifiseringsprogrammet",
        Vedtakstype.TILBAKEKREVING: "Vedtak om tilbakebetaling av kvalifiseringsstønad",
    },
}

#: Hjemlene for selve vedtaket, per type (bokmål, nynorsk).
HJEMLER: dict[str, list[tuple[str, str]]] = {
    Vedtakstype.INNVILGELSE: [
        ("sosialtjenesteloven § 29 (inngangsvilkårene)", "sosialtenestelova § 29 (inngangsvilkåra)"),
        ("sosialtjenesteloven § 30 (innholdet i programmet)", "sosialtenestelova § 30 (innhaldet i programmet)"),
        ("sosialtjenesteloven § 32 (varighet)", "sosialtenestelova § 32 (varigheit)"),
        ("sosialtjenesteloven § 35 (kvalifiseringsstønad)", "sosialtenestelova § 35 (kvalifiseringsstønad)"),
        (
            "forskrift om kvalifiseringsprogram og kvalifiseringsstønad §§ 1 og 2",
            "forskrift om kvalifiseringsprogram og kvalifiseringsstønad §§ 1 og 2",
        ),
    ],
    Vedtakstype.AVSLAG: [("sosialtjenesteloven § 29 (inngangsvilkårene)", "sosialtenestelova § 29 (inngangsvilkåra)")],
    Vedtakstype.FORLENGELSE: [("sosialtjenesteloven § 32 (varighet)", "sosialtenestelova § 32 (varigheit)")],
    Vedtakstype.ENDRING: [
        ("sosialtjenesteloven § 30 (innholdet i programmet)", "sosialtenestelova § 30 (innhaldet i programmet)")
    ],
    Vedtakstype.PERMISJON: [("sosialtjenesteloven §§ 34 og 36", "sosialtenestelova §§ 34 og 36")],
    Vedtakstype.AVBRUDD: [("sosialtjenesteloven §§ 34 og 36", "sosialtenestelova §§ 34 og 36")],
    Vedtakstype.GJENOPPTAK: [("sosialtjenesteloven §§ 34 og 36", "sosialtenestelova §§ 34 og 36")],
    Vedtakstype.STANS: [("sosialtjenesteloven § 34 (stans)", "sosialtenestelova § 34 (stans)")],
    Vedtakstype.AVSLUTNING: [("sosialtjenesteloven § 32 (varighet)", "sosialtenestelova § 32 (varigheit)")],
    # [I]: kildene sier bare at NAV kan trekke i senere utbetalinger (N3); § 40 som hjemmel er ikke bekreftet.
    Vedtakstype.TILBAKEKREVING: [("sosialtjenesteloven § 40 (tilbakekreving)", "sosialtenestelova § 40 (tilbakekrav)")],
}

VILKAAR_NN: dict[str, str] = {
    Vilkaar.ALDER: "Yrkesaktiv alder (18–67 år)",
    Vilkaar.ARBEIDSEVNE: "Vesentleg nedsett arbeids- og inntektsevne (arbeidsevnevurdering)",
    Vilkaar.YTELSER: "Ingen eller svært avgrensa ytingar til livsopphald",
    Vilkaar.OPPHOLD_BOPEL: "Lovleg opphald og fast bustad i Noreg",
    Vilkaar.INTRODUKSJONSPROGRAM: "Har ikkje rett til introduksjonsprogram",
    Vilkaar.BEHOV_FOR_BISTAND: "Behov for tett og koordinert bistand",
    Vilkaar.EGNET_PROGRAM: "Kontoret kan tilby eit eigna program",
}

VURDERING_NN = {"OPPFYLT": "Oppfylt", "IKKE_OPPFYLT": "Ikkje oppfylt", "MAA_VURDERES": "Må vurderast"}

LINJETYPE = {
    "NB": {"STOENAD": "Kvalifiseringsstønad", "BARNETILLEGG": "Barnetillegg", "FRADRAG": "Fradrag"},
    "NN": {"STOENAD": "Kvalifiseringsstønad", "BARNETILLEGG": "Barnetillegg", "FRADRAG": "Frådrag"},
}
