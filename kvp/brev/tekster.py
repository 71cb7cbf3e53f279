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
    # Permisjon og avbrudd er fravær fra programmet uten stønad (§ 36 [I]); gjenopptak fortsetter programmet etter
    # det (§§ 30 og 36). Stans på grunn av deltakerens forhold er § 34 (docs/regler/brev-og-forhaandsvarsel.md).
    Vedtakstype.PERMISJON: [
        ("sosialtjenesteloven § 36 (fravær og permisjon)", "sosialtenestelova § 36 (fråvær og permisjon)")
    ],
    Vedtakstype.AVBRUDD: [
        ("sosialtjenesteloven § 36 (fravær og permisjon)", "sosialtenestelova § 36 (fråvær og permisjon)"),
        (
            "forskrift om kvalifiseringsprogram og kvalifiseringsstønad (fravær uten stønad)",
            "forskrift om kvalifiseringsprogram og kvalifiseringsstønad (fråvær utan stønad)",
        ),
    ],
    Vedtakstype.GJENOPPTAK: [
        ("sosialtjenesteloven § 30 (innholdet i programmet)", "sosialtenestelova § 30 (innhaldet i programmet)"),
        ("sosialtjenesteloven § 36 (fravær og permisjon)", "sosialtenestelova § 36 (fråvær og permisjon)"),
    ],
    Vedtakstype.STANS: [("sosialtjenesteloven § 34 (stans)", "sosialtenestelova § 34 (stans)")],
    Vedtakstype.AVSLUTNING: [("sosialtjenesteloven § 32 (varighet)", "sosialtenestelova § 32 (varigheit)")],
    # [I]: kildene sier bare at NAV kan trekke i senere utbetalinger (N3); § 40 som hjemmel er ikke bekreftet.
    Vedtakstype.TILBAKEKREVING: [
        (
            "sosialtjenesteloven § 40 (trekk i framtidige utbetalinger)",
            "sosialtenestelova § 40 (trekk i framtidige utbetalingar)",
        )
    ],
    # Brevene som ikke er vedtak
    "OPPSTART": [
        (
            "sosialtjenesteloven § 31 (iverksetting av programmet)",
            "sosialtenestelova § 31 (iverksetjing av programmet)",
        ),
        ("sosialtjenesteloven § 35 (kvalifiseringsstønad)", "sosialtenestelova § 35 (kvalifiseringsstønad)"),
    ],
    "FORELOEPIG_SVAR": [("forvaltningsloven § 11 a (foreløpig svar)", "forvaltningslova § 11 a (førebels svar)")],
    "FORHAANDSVARSEL_STANS": [
        ("forvaltningsloven § 16 (forhåndsvarsel)", "forvaltningslova § 16 (førehandsvarsel)"),
        ("sosialtjenesteloven § 34 (stans)", "sosialtenestelova § 34 (stans)"),
    ],
    "FORHAANDSVARSEL_AVSLUTNING": [
        ("forvaltningsloven § 16 (forhåndsvarsel)", "forvaltningslova § 16 (førehandsvarsel)"),
        ("sosialtjenesteloven § 32 (varighet)", "sosialtenestelova § 32 (varigheit)"),
    ],
    "FORHAANDSVARSEL_TILBAKEKREVING": [
        ("forvaltningsloven § 16 (forhåndsvarsel)", "forvaltningslova § 16 (førehandsvarsel)"),
        (
            "sosialtjenesteloven § 40 (trekk i framtidige utbetalinger)",
            "sosialtenestelova § 40 (trekk i framtidige utbetalingar)",
        ),
    ],
}

#: Titlene på brevene som ikke er vedtaksbrev.
BREVTITTEL: dict[str, dict[str, str]] = {
    "NB": {
        "OPPSTART": "Kvalifiseringsprogrammet ditt har begynt",
        "FORELOEPIG_SVAR": "Foreløpig svar på søknaden din om kvalifiseringsprogram",
        "FORHAANDSVARSEL_STANS": "Forhåndsvarsel om stans av kvalifiseringsprogrammet",
        "FORHAANDSVARSEL_AVSLUTNING": "Forhåndsvarsel om avslutning av kvalifiseringsprogrammet",
        "FORHAANDSVARSEL_TILBAKEKREVING": "Forhåndsvarsel om tilbakebetaling av kvalifiseringsstønad",
    },
    "NN": {
        "OPPSTART": "Kvalifiseringsprogrammet ditt har byrja",
        "FORELOEPIG_SVAR": "Førebels svar på søknaden din om kvalifiseringsprogram",
        "FORHAANDSVARSEL_STANS": "Førehandsvarsel om stans av kvalifiseringsprogrammet",
        "FORHAANDSVARSEL_AVSLUTNING": "Førehandsvarsel om avslutning av kvalifiseringsprogrammet",
        "FORHAANDSVARSEL_TILBAKEKREVING": "Førehandsvarsel om tilbakebetaling av kvalifiseringsstønad",
    },
}

#: Vurderingen av god tro i tilbakekrevingsbrevet, med «du» (verdiene i `kvp.utbetaling.models.Aktsomhet`).
AKTSOMHET: dict[str, dict[str, str]] = {
    "NB": {
        "GOD_TRO": "Du var i god tro og kunne ikke forstå at utbetalingen var feil.",
        "BURDE_FORSTAATT": "Du forsto eller burde ha forstått at utbetalingen var feil.",
        "FEIL_OPPLYSNINGER": "Utbetalingen ble feil fordi opplysninger fra deg var feil eller manglet.",
    },
    "NN": {
        "GOD_TRO": "Du var i god tru og kunne ikkje forstå at utbetalinga var feil.",
        "BURDE_FORSTAATT": "Du forstod eller burde ha forstått at utbetalinga var feil.",
        "FEIL_OPPLYSNINGER": "Utbetalinga vart feil fordi opplysningar frå deg var feil eller mangla.",
    },
}

#: Avslaget sier til deltakeren hvert vilkår som ikke er oppfylt, med «du».
AVSLAG_GRUNN: dict[str, dict[str, str]] = {
    "NB": {
        Vilkaar.ALDER: "Du er ikke mellom {nedre_alder} og {oevre_alder} år gammel i programperioden.",
        Vilkaar.ARBEIDSEVNE: (
            "Arbeidsevnen din er ikke vesentlig nedsatt slik loven krever. Arbeidsevnevurderingen viser at du "
            "trenger en annen type hjelp enn programmet."
        ),
        Vilkaar.YTELSER: "Du har andre ytelser til livsopphold som er mer enn svært begrensede.",
        Vilkaar.OPPHOLD_BOPEL: "Du har ikke lovlig opphold og fast bosted i Norge.",
        Vilkaar.INTRODUKSJONSPROGRAM: "Du har rett til introduksjonsprogram, og det går foran.",
        Vilkaar.BEHOV_FOR_BISTAND: "Du har ikke behov for den tette og samordnede hjelpen programmet gir.",
        Vilkaar.EGNET_PROGRAM: "Vi kan ikke tilby deg et program som passer for deg nå.",
    },
    "NN": {
        Vilkaar.ALDER: "Du er ikkje mellom {nedre_alder} og {oevre_alder} år gammal i programperioden.",
        Vilkaar.ARBEIDSEVNE: (
            "Arbeidsevna di er ikkje vesentleg nedsett slik lova krev. Arbeidsevnevurderinga viser at du treng "
            "ein annan type hjelp enn programmet."
        ),
        Vilkaar.YTELSER: "Du har andre ytingar til livsopphald som er meir enn svært avgrensa.",
        Vilkaar.OPPHOLD_BOPEL: "Du har ikkje lovleg opphald og fast bustad i Noreg.",
        Vilkaar.INTRODUKSJONSPROGRAM: "Du har rett til introduksjonsprogram, og det går føre.",
        Vilkaar.BEHOV_FOR_BISTAND: "Du har ikkje behov for den tette og samordna hjelpa programmet gir.",
        Vilkaar.EGNET_PROGRAM: "Vi kan ikkje tilby deg eit program som passar for deg no.",
    },
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


# Tekstene for alle brevtypene (innvilgelse til forhåndsvarsel) i én katalog: brevhodet, stønaden per måned og per
# dag med vedlegget, utbetaling, skatt og meldeplikt, avslaget med hvert vilkår, og svarfristen i forhåndsvarselet.
BREVTEKST["NB"].update(
    {
        "saksnummer": "Saksnummer:",
        "telefon": "Telefon:",
        "stoenad_plain": (
            "Du får <strong>{per_maaned}</strong> før skatt for en hel måned i programmet (regnet for {maaned}). "
            "Det er {per_dag} for hver dag du er med i programmet."
        ),
        "under_25": (
            "Du er under {alder} år og får derfor {andel} av full stønad til du fyller {alder} år {dato}. Fra "
            "den dagen får du full stønad."
        ),
        "stoenad_aar": "Full stønad er {aarsbeloep} i året.",
        "utbetaling": "Utbetaling",
        "utbetaling_tekst": (
            "Stønaden blir utbetalt etterskuddsvis etter oppmøtet som er registrert: pengene for en måned kommer "
            "den {dag}. i måneden etter. Er den dagen en lørdag, søndag eller helligdag, kommer pengene bankdagen før."
        ),
        "skatt": "Skatt",
        "skatt_tekst": (
            "Kvalifiseringsstønaden er skattepliktig inntekt. Vi trekker skatt etter skattekortet ditt. Har vi ikke "
            "skattekortet ditt, må vi trekke {prosent} prosent."
        ),
        "meldeplikt": "Du må si fra om endringer",
        "meldeplikt_tekst": (
            "Si fra til oss med en gang hvis situasjonen din endrer seg, for eksempel hvis du begynner å jobbe, får "
            "andre penger å leve av (som dagpenger eller sykepenger), flytter, eller får eller ikke lenger forsørger "
            "barn. Hvis du får for mye utbetalt fordi du ikke har sagt fra, kan vi kreve pengene tilbake."
        ),
        "vedlegg": "Vedlegg: Slik har vi regnet ut stønaden",
        "vedlegg_innledning": "Utregningen gjelder {maaned} med fullt oppmøte.",
        "se_vedlegg": "Du finner hele utregningen i vedlegget til slutt i brevet.",
        "avslag": "Du får ikke kvalifiseringsprogram. Dette er grunnen:",
        "avslag_flere": "Du får ikke kvalifiseringsprogram. Du oppfyller ikke disse vilkårene:",
        "stans": (
            "Kvalifiseringsprogrammet ditt blir stanset fra {fra}. Siste dag du får kvalifiseringsstønad for, er "
            "{siste}."
        ),
        "avslutning": (
            "Kvalifiseringsprogrammet ditt avsluttes fra {fra}. Siste dag du får kvalifiseringsstønad for, er {siste}."
        ),
        "tilbakekreving": (
            "Du har fått utbetalt for mye kvalifiseringsstønad for {maaned}. Du må betale tilbake "
            "<strong>{beloep} kr</strong>."
        ),
        "aktsomhet": "Vi har vurdert om du forsto at utbetalingen var feil: {vurdering} {begrunnelse}",
        "gjeldende_stoenad": "Stønaden din er som før:",
        "oppstart": (
            "Kvalifiseringsprogrammet ditt begynte {begynt}. Du får kvalifiseringsstønad fra samme dag. Programmet "
            "varer til og med {til}."
        ),
        "oppstart_grunnlag": "Vi sender dette brevet fordi programmet har begynt. Det er ikke et nytt vedtak.",
        "foreloepig_svar": (
            "Vi fikk søknaden din om kvalifiseringsprogram {mottatt}. Vi trenger mer tid før vi kan svare deg."
        ),
        "foreloepig_svar_grunn": "Grunnen er: {grunn}",
        "foreloepig_svar_dato": "Vi regner med å svare deg innen {dato}.",
        "forhaandsvarsel_stans": "Vi vurderer å stanse kvalifiseringsprogrammet ditt fra {fra}.",
        "forhaandsvarsel_avslutning": "Vi vurderer å avslutte kvalifiseringsprogrammet ditt fra {fra}.",
        "forhaandsvarsel_siste_dag": "Da blir {siste} siste dag du får kvalifiseringsstønad for.",
        "forhaandsvarsel_tilbakekreving": (
            "Vi vurderer å kreve tilbake <strong>{beloep} kr</strong> i kvalifiseringsstønad som du har fått for "
            "mye for {maaned}."
        ),
        "forhaandsvarsel_grunn": "Grunnen er: {grunn}",
        "svar": "Du kan uttale deg",
        "svar_tekst": (
            "Før vi bestemmer oss, kan du si hva du mener. Svar oss senest <strong>{frist}</strong>. Du kan svare "
            "digitalt ved å logge inn på nav.no og skrive til oss, ringe oss på {telefon}, eller skrive til "
            "{kontor}, {adresse}. Hører vi ikke fra deg innen fristen, avgjør vi saken ut fra opplysningene vi har."
        ),
        "ikke_vedtak": (
            "Dette brevet er ikke et vedtak, og du kan ikke klage på det. Gjør vi et vedtak, får du det i et eget "
            "brev med informasjon om hvordan du klager."
        ),
        "grunnlag": "Dette brevet er sendt etter",
        "gjort_etter": "Vedtaket er gjort etter",
        "klage_tekst": (
            "Du kan klage på vedtaket. Klagefristen er tre uker fra du mottok dette brevet (forvaltningsloven § 29).\n"
            "Send klagen til {kontor}. Kontoret vurderer saken på nytt og kan endre vedtaket selv. Får du ikke "
            "medhold, sender kontoret klagen videre til Statsforvalteren i {fylke}, som avgjør den "
            "(sosialtjenesteloven § 48 og forvaltningsloven §§ 28 og 33).\n"
            "Klagen må være skriftlig. Du kan sende den digitalt ved å logge inn på nav.no og skrive til oss, levere "
            "den på kontoret, eller sende den i posten til {adresse}. Skriv hvilket vedtak du klager på, hva du vil "
            "ha endret og hvorfor. Klager du for sent, kan klagen likevel bli behandlet hvis det er særlige grunner "
            "til det."
        ),
        "kontakt_tekst": "Har du spørsmål, kan du kontakte {saksbehandler} ved {kontor} på telefon {telefon}.",
    }
)
BREVTEKST["NN"].update(
    {
        "saksnummer": "Saksnummer:",
        "telefon": "Telefon:",
        "stoenad_plain": (
            "Du får <strong>{per_maaned}</strong> før skatt for ein heil månad i programmet (rekna for {maaned}). "
            "Det er {per_dag} for kvar dag du er med i programmet."
        ),
        "under_25": (
            "Du er under {alder} år og får difor {andel} av full stønad til du fyller {alder} år {dato}. Frå den "
            "dagen får du full stønad."
        ),
        "stoenad_aar": "Full stønad er {aarsbeloep} i året.",
        "utbetaling": "Utbetaling",
        "utbetaling_tekst": (
            "Stønaden blir utbetalt etterskotsvis etter oppmøtet som er registrert: pengane for ein månad kjem den "
            "{dag}. i månaden etter. Er den dagen ein laurdag, søndag eller heilagdag, kjem pengane bankdagen før."
        ),
        "skatt": "Skatt",
        "skatt_tekst": (
            "Kvalifiseringsstønaden er skattepliktig inntekt. Vi trekkjer skatt etter skattekortet ditt. Har vi ikkje "
            "skattekortet ditt, må vi trekkje {prosent} prosent."
        ),
        "meldeplikt": "Du må seie frå om endringar",
        "meldeplikt_tekst": (
            "Sei frå til oss med ein gong dersom situasjonen din endrar seg, til dømes dersom du byrjar å jobbe, "
            "får andre pengar å leve av (som dagpengar eller sjukepengar), flyttar, eller får eller ikkje lenger "
            "forsørgjer barn. Dersom du får for mykje utbetalt fordi du ikkje har sagt frå, kan vi krevje pengane "
            "tilbake."
        ),
        "vedlegg": "Vedlegg: Slik har vi rekna ut stønaden",
        "vedlegg_innledning": "Utrekninga gjeld {maaned} med fullt oppmøte.",
        "se_vedlegg": "Du finn heile utrekninga i vedlegget til slutt i brevet.",
        "avslag": "Du får ikkje kvalifiseringsprogram. Dette er grunnen:",
        "avslag_flere": "Du får ikkje kvalifiseringsprogram. Du oppfyller ikkje desse vilkåra:",
        "stans": (
            "Kvalifiseringsprogrammet ditt blir stansa frå {fra}. Siste dagen du får kvalifiseringsstønad for, er "
            "{siste}."
        ),
        "avslutning": (
            "Kvalifiseringsprogrammet ditt blir avslutta frå {fra}. Siste dagen du får kvalifiseringsstønad for, er "
            "{siste}."
        ),
        "tilbakekreving": (
            "Du har fått utbetalt for mykje kvalifiseringsstønad for {maaned}. Du må betale attende "
            "<strong>{beloep} kr</strong>."
        ),
        "tilbakekreving_aarsak": "Slik oppstod det: {forklaring}",
        "aktsomhet": "Vi har vurdert om du forstod at utbetalinga var feil: {vurdering} {begrunnelse}",
        "gjeldende_stoenad": "Stønaden din er som før:",
        "oppstart": (
            "Kvalifiseringsprogrammet ditt byrja {begynt}. Du får kvalifiseringsstønad frå same dag. Programmet "
            "varer til og med {til}."
        ),
        "oppstart_grunnlag": "Vi sender dette brevet fordi programmet har byrja. Det er ikkje eit nytt vedtak.",
        "foreloepig_svar": (
            "Vi fekk søknaden din om kvalifiseringsprogram {mottatt}. Vi treng meir tid før vi kan svare deg."
        ),
        "foreloepig_svar_grunn": "Grunnen er: {grunn}",
        "foreloepig_svar_dato": "Vi reknar med å svare deg innan {dato}.",
        "forhaandsvarsel_stans": "Vi vurderer å stanse kvalifiseringsprogrammet ditt frå {fra}.",
        "forhaandsvarsel_avslutning": "Vi vurderer å avslutte kvalifiseringsprogrammet ditt frå {fra}.",
        "forhaandsvarsel_siste_dag": "Då blir {siste} siste dagen du får kvalifiseringsstønad for.",
        "forhaandsvarsel_tilbakekreving": (
            "Vi vurderer å krevje attende <strong>{beloep} kr</strong> i kvalifiseringsstønad som du har fått for "
            "mykje for {maaned}."
        ),
        "forhaandsvarsel_grunn": "Grunnen er: {grunn}",
        "svar": "Du kan uttale deg",
        "svar_tekst": (
            "Før vi avgjer saka, kan du seie kva du meiner. Svar oss seinast <strong>{frist}</strong>. Du kan svare "
            "digitalt ved å logge inn på nav.no og skrive til oss, ringje oss på {telefon}, eller skrive til "
            "{kontor}, {adresse}. Høyrer vi ikkje frå deg innan fristen, avgjer vi saka ut frå opplysningane vi har."
        ),
        "ikke_vedtak": (
            "Dette brevet er ikkje eit vedtak, og du kan ikkje klage på det. Gjer vi eit vedtak, får du det i eit "
            "eige brev med informasjon om korleis du klagar."
        ),
        "grunnlag": "Dette brevet er sendt etter",
        "gjort_etter": "Vedtaket er gjort etter",
        "klage_tekst": (
            "Du kan klage på vedtaket. Klagefristen er tre veker frå du fekk dette brevet (forvaltningslova § 29).\n"
            "Send klaga til {kontor}. Kontoret vurderer saka på nytt og kan endre vedtaket sjølv. Får du ikkje "
            "medhald, sender kontoret klaga vidare til Statsforvaltaren i {fylke}, som avgjer ho "
            "(sosialtenestelova § 48 og forvaltningslova §§ 28 og 33).\n"
            "Klaga må vere skriftleg. Du kan sende ho digitalt ved å logge inn på nav.no og skrive til oss, levere ho "
            "på kontoret, eller sende ho i posten til {adresse}. Skriv kva vedtak du klagar på, kva du vil ha endra "
            "og kvifor. Klagar du for seint, kan klaga likevel bli behandla dersom det er særlege grunnar til det."
        ),
        "kontakt_tekst": "Har du spørsmål, kan du kontakte {saksbehandler} ved {kontor} på telefon {telefon}.",
    }
)
