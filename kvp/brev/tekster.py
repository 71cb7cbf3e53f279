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
    Vilkaar.ALDER: "Yrkesaktiv alder ({nedre_alder}–{oevre_alder} år)",
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

#: Tekstkatalogen for vedtaksbrevet (`brev/vedtaksbrev.html`), én per målform med de samme nøklene. Malen henter
#: tekstene med `{% tekst "nøkkel" navn=verdi %}`; `{navn}` fylles inn med verdiene (escapet). Tekstene er HTML.
BREVTEKST: dict[str, dict[str, str]] = {
    "NB": {
        "utkast": "Utkast – vedtaket er ikke fattet ennå.",
        "dato": "Dato:",
        "dato_ikke_satt": "(settes når vedtaket fattes)",
        "vedtak": "Vedtak",
        "innvilgelse": (
            "Du får kvalifiseringsprogram fra {fra} til og med {til}.\n"
            "Du får kvalifiseringsstønad fra den dagen programmet begynner."
        ),
        "innhold": "Innholdet i programmet",
        "full_tid": "Programmet er på full tid ({timer} timer i uken) og gjelder hele året.",
        "evaluering": "Evaluering",
        "evaluering_datoer": "Vi evaluerer programmet sammen med deg:",
        "stoenaden": "Kvalifiseringsstønaden",
        "stoenad_aar": "Full stønad er {aarsbeloep} i året",
        "under_25": "(to tredjedeler av full sats fordi du er under {alder} år)",
        "stoenad_maaned": (
            "For en hel måned med fullt oppmøte, regnet for {maaned}, får du <strong>{total}</strong> før skatt."
        ),
        "stoenad_skatt": "Stønaden er skattepliktig og blir utbetalt etterskuddsvis etter registrert oppmøte.",
        "utregning": "Slik er beløpet regnet ut:",
        "linje": "Linje",
        "periode": "Periode",
        "dager": "Dager",
        "beloep": "Beløp",
        "sum_maaned": "Sum for måneden",
        "fravaer": "Fravær",
        "forbehold": (
            "Fravær uten gyldig grunn gir trekk i stønaden: stønaden blir redusert tilsvarende for den tiden du er "
            "borte uten gyldig grunn. Dette forbeholdet er en del av vedtaket. Et trekk for ugyldig fravær er derfor "
            "en gjennomføring av dette vedtaket og ikke et nytt vedtak. Ved sykdom beholder du stønaden når du "
            "leverer egenmelding eller legeerklæring."
        ),
        "avslag": "Du får ikke kvalifiseringsprogram. Vilkåret «{vilkaar}» er ikke oppfylt.",
        "forlengelse": "Kvalifiseringsprogrammet ditt blir forlenget til og med {til}.",
        "saerlige_grunner": (
            "Programmet varer da mer enn to år. Det er gjort unntak fordi det foreligger særlige grunner: {grunner}"
        ),
        "endring": "Kvalifiseringsprogrammet ditt blir endret",
        "fra": "fra {fra}",
        "til_og_med": "til og med {til}",
        "nye_evalueringer": "Nye datoer for evaluering:",
        "permisjon": "Du får permisjon fra kvalifiseringsprogrammet fra {fra}",
        "permisjon_stoenad": "Du får ikke kvalifiseringsstønad i permisjonen.",
        "avbrudd": "Kvalifiseringsprogrammet ditt blir midlertidig avbrutt fra {fra}",
        "avbrudd_stoenad": "Du får ikke kvalifiseringsstønad mens programmet er avbrutt.",
        "gjenopptak": (
            "Du begynner i kvalifiseringsprogrammet igjen fra {fra}. Kvalifiseringsstønaden begynner igjen fra samme "
            "dag."
        ),
        "stans": "Kvalifiseringsprogrammet ditt blir stanset fra {fra}. Kvalifiseringsstønaden stanser fra samme dag.",
        "avslutning": "Kvalifiseringsprogrammet ditt avsluttes {fra}. Kvalifiseringsstønaden stanser fra samme dag.",
        "tilbakekreving": (
            "Du har fått utbetalt for mye kvalifiseringsstønad for {maaned}.{aar}. Du må betale tilbake "
            "<strong>{beloep} kr</strong>."
        ),
        "tilbakekreving_trekk": (
            "Beløpet blir trukket i de neste utbetalingene av stønaden, med høyst {prosent} prosent av hver "
            "utbetaling, til alt er betalt tilbake. Du trenger ikke gjøre noe selv."
        ),
        "tilbakekreving_aarsak": "Slik oppsto det: {forklaring}",
        "begrunnelse": "Begrunnelse",
        "vilkaarsvurdering": "Vurderingen av vilkårene",
        "vilkaar": "Vilkår",
        "vurdering": "Vurdering",
        "hjemmel": "Hjemmel",
        "gjort_etter": "Vedtaket er gjort etter",
        "begrunnelse_fvl": "Begrunnelsen følger forvaltningsloven §§ 24 og 25.",
        "klage": "Du kan klage",
        "klage_tekst": (
            "Du kan klage på vedtaket. Klagefristen er tre uker fra du mottok dette brevet (forvaltningsloven § 29).\n"
            "Send klagen til {kontor}. Kontoret vurderer saken på nytt og kan endre vedtaket selv. Får du ikke "
            "medhold, sender kontoret klagen videre til Statsforvalteren i {fylke}, som avgjør den "
            "(sosialtjenesteloven § 48 og forvaltningsloven §§ 28 og 33).\n"
            "Klagen må være skriftlig og underskrevet. Skriv hvilket vedtak du klager på, hva du vil ha endret og "
            "hvorfor. Klager du for sent, kan klagen likevel bli behandlet hvis det er særlige grunner til det."
        ),
        "innsyn": "Innsyn",
        "innsyn_tekst": (
            "Du har rett til å se dokumentene i saken din (forvaltningsloven §§ 18 og 19). Ta kontakt med oss hvis "
            "du vil se dem."
        ),
        "kontakt": "Kontakt",
        "kontakt_tekst": "Har du spørsmål, kan du kontakte {saksbehandler} ved {kontor}.",
        "hilsen": "Med vennlig hilsen",
        "saksbehandler": "saksbehandler",
        "beslutter": "beslutter",
    },
    "NN": {
        "utkast": "Utkast – vedtaket er ikkje gjort enno.",
        "dato": "Dato:",
        "dato_ikke_satt": "(blir sett når vedtaket er gjort)",
        "vedtak": "Vedtak",
        "innvilgelse": (
            "Du får kvalifiseringsprogram frå {fra} til og med {til}.\n"
            "Du får kvalifiseringsstønad frå den dagen programmet byrjar."
        ),
        "innhold": "Innhaldet i programmet",
        "full_tid": "Programmet er på full tid ({timer} timar i veka) og gjeld heile året.",
        "evaluering": "Evaluering",
        "evaluering_datoer": "Vi evaluerer programmet saman med deg:",
        "stoenaden": "Kvalifiseringsstønaden",
        "stoenad_aar": "Full stønad er {aarsbeloep} i året",
        "under_25": "(to tredjedelar av full sats fordi du er under {alder} år)",
        "stoenad_maaned": (
            "For ein heil månad med fullt oppmøte, rekna for {maaned_tall}, får du <strong>{total}</strong> før skatt."
        ),
        "stoenad_skatt": "Stønaden er skattepliktig og blir utbetalt etterskotsvis etter registrert oppmøte.",
        "utregning": "Slik er beløpet rekna ut (forklaringa til kvar linje kjem frå utrekninga og står på bokmål):",
        "linje": "Linje",
        "periode": "Periode",
        "dager": "Dagar",
        "beloep": "Beløp",
        "sum_maaned": "Sum for månaden",
        "fravaer": "Fråvær",
        "forbehold": (
            "Fråvær utan gyldig grunn gir trekk i stønaden: stønaden blir redusert tilsvarande for den tida du er "
            "borte utan gyldig grunn. Dette atterhaldet er ein del av vedtaket. Eit trekk for ugyldig fråvær er "
            "difor ei gjennomføring av dette vedtaket og ikkje eit nytt vedtak. Ved sjukdom beheld du stønaden når "
            "du leverer eigenmelding eller legeerklæring."
        ),
        "avslag": "Du får ikkje kvalifiseringsprogram. Vilkåret «{vilkaar}» er ikkje oppfylt.",
        "forlengelse": "Kvalifiseringsprogrammet ditt blir forlengt til og med {til}.",
        "saerlige_grunner": (
            "Programmet varer då meir enn to år. Det er gjort unntak fordi det ligg føre særlege grunnar: {grunner}"
        ),
        "endring": "Kvalifiseringsprogrammet ditt blir endra",
        "fra": "frå {fra}",
        "til_og_med": "til og med {til}",
        "nye_evalueringer": "Nye datoar for evaluering:",
        "permisjon": "Du får permisjon frå kvalifiseringsprogrammet frå {fra}",
        "permisjon_stoenad": "Du får ikkje kvalifiseringsstønad i permisjonen.",
        "avbrudd": "Kvalifiseringsprogrammet ditt blir mellombels avbrote frå {fra}",
        "avbrudd_stoenad": "Du får ikkje kvalifiseringsstønad medan programmet er avbrote.",
        "gjenopptak": (
            "Du byrjar i kvalifiseringsprogrammet att frå {fra}. Kvalifiseringsstønaden byrjar att frå same dag."
        ),
        "stans": "Kvalifiseringsprogrammet ditt blir stansa frå {fra}. Kvalifiseringsstønaden stansar frå same dag.",
        "avslutning": "Kvalifiseringsprogrammet ditt blir avslutta {fra}. Kvalifiseringsstønaden stansar frå same dag.",
        "tilbakekreving": (
            "Du har fått utbetalt for mykje kvalifiseringsstønad for {maaned}.{aar}. Du må betale attende "
            "<strong>{beloep} kr</strong>."
        ),
        "tilbakekreving_trekk": (
            "Beløpet blir trekt i dei neste utbetalingane av stønaden, med høgst {prosent} prosent av kvar "
            "utbetaling, til alt er betalt attende. Du treng ikkje gjere noko sjølv."
        ),
        "tilbakekreving_aarsak": "Slik oppstod det (på bokmål frå utrekninga): {forklaring}",
        "begrunnelse": "Grunngiving",
        "vilkaarsvurdering": "Vurderinga av vilkåra",
        "vilkaar": "Vilkår",
        "vurdering": "Vurdering",
        "hjemmel": "Heimel",
        "gjort_etter": "Vedtaket er gjort etter",
        "begrunnelse_fvl": "Grunngivinga følgjer forvaltningslova §§ 24 og 25.",
        "klage": "Du kan klage",
        "klage_tekst": (
            "Du kan klage på vedtaket. Klagefristen er tre veker frå du fekk dette brevet (forvaltningslova § 29).\n"
            "Send klaga til {kontor}. Kontoret vurderer saka på nytt og kan endre vedtaket sjølv. Får du ikkje "
            "medhald, sender kontoret klaga vidare til Statsforvaltaren i {fylke}, som avgjer ho "
            "(sosialtenestelova § 48 og forvaltningslova §§ 28 og 33).\n"
            "Klaga må vere skriftleg og underskriven. Skriv kva vedtak du klagar på, kva du vil ha endra og kvifor. "
            "Klagar du for seint, kan klaga likevel bli behandla dersom det er særlege grunnar til det."
        ),
        "innsyn": "Innsyn",
        "innsyn_tekst": (
            "Du har rett til å sjå dokumenta i saka di (forvaltningslova §§ 18 og 19). Ta kontakt med oss dersom du "
            "vil sjå dei."
        ),
        "kontakt": "Kontakt",
        "kontakt_tekst": "Har du spørsmål, kan du kontakte {saksbehandler} ved {kontor}.",
        "hilsen": "Med venleg helsing",
        "saksbehandler": "saksbehandlar",
        "beslutter": "avgjerdstakar",
    },
}
