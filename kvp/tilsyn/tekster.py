"""Tekstene i tilsynsrapporten på bokmål og nynorsk. Nøkkel → (bokmål, nynorsk)."""

from kvp_regler.tilsyn import SJEKKPUNKT_ETTER_KODE, SJEKKPUNKTER

TEKSTER: dict[str, tuple[str, str]] = {
    "tittel": ("Rapport fra tilsyn med kvalifiseringsprogrammet", "Rapport frå tilsyn med kvalifiseringsprogrammet"),
    "kontor": ("NAV-kontor", "Nav-kontor"),
    "tema": ("Tema", "Tema"),
    "periode": ("Saker behandlet", "Saker behandla"),
    "sendt": ("Rapporten er sendt", "Rapporten er send"),
    "innledning": (
        "Statsforvalteren har ført tilsyn med hvordan kontoret gir kvalifiseringsprogram etter sosialtjenesteloven "
        "kapittel 4. Vi har gått gjennom et tilfeldig utvalg av saker og kontrollert dem mot kravene i loven, "
        "forskriften og forvaltningsloven.",
        "Statsforvaltaren har ført tilsyn med korleis kontoret gir kvalifiseringsprogram etter sosialtenestelova "
        "kapittel 4. Vi har gått gjennom eit tilfeldig utval av saker og kontrollert dei mot krava i lova, "
        "forskrifta og forvaltningslova.",
    ),
    "utvalg": ("Utvalget", "Utvalet"),
    "utvalg_tekst": (
        "Sakene ble trukket tilfeldig, for seg for hvert utfall. Trekningen kan gjentas med samme frø: {froe}.",
        "Sakene vart trekte tilfeldig, for seg for kvart utfall. Trekninga kan gjentakast med same frø: {froe}.",
    ),
    "utfall": ("Utfall", "Utfall"),
    "antall": ("Antall saker", "Tal på saker"),
    "AVSLAG": ("Avslag", "Avslag"),
    "I_PROGRAM": ("I program", "I program"),
    "AVSLUTTET": ("Avsluttet", "Avslutta"),
    "resultater": ("Resultater per sjekkpunkt", "Resultat per sjekkpunkt"),
    "sjekkpunkt": ("Sjekkpunkt", "Sjekkpunkt"),
    "hjemmel": ("Hjemmel", "Heimel"),
    "oppfylt": ("Oppfylt", "Oppfylt"),
    "ikke_oppfylt": ("Ikke oppfylt", "Ikkje oppfylt"),
    "ikke_aktuelt": ("Ikke aktuelt", "Ikkje aktuelt"),
    "avvik": ("Avvik", "Avvik"),
    "avvik_tekst": (
        "Et avvik er at et krav i lov eller forskrift ikke er oppfylt.",
        "Eit avvik er at eit krav i lov eller forskrift ikkje er oppfylt.",
    ),
    "merknader": ("Merknader", "Merknader"),
    "merknad_tekst": (
        "En merknad er et forhold som ikke er brudd på et krav, men som kontoret bør forbedre.",
        "Ein merknad er eit forhold som ikkje er brot på eit krav, men som kontoret bør betre.",
    ),
    "ingen_avvik": ("Vi fant ingen avvik.", "Vi fann ingen avvik."),
    "ingen_merknader": ("Vi har ingen merknader.", "Vi har ingen merknader."),
    "oppfoelging": ("Oppfølging", "Oppfølging"),
    "oppfoelging_tekst": (
        "Kontoret skal innen {frist} svare med tiltak som retter hvert avvik. Tilsynet blir lukket når "
        "statsforvalteren har godtatt tiltakene.",
        "Kontoret skal innan {frist} svare med tiltak som rettar kvart avvik. Tilsynet blir lukka når "
        "statsforvaltaren har godteke tiltaka.",
    ),
    "hilsen": ("Med hilsen Statsforvalteren i {fylke}", "Med helsing Statsforvaltaren i {fylke}"),
}

#: Sjekkpunktenes titler på nynorsk (bokmål står i kvp_regler.tilsyn).
SJEKKPUNKT_NYNORSK: dict[str, str] = {
    "SAKSBEHANDLINGSTID": "Vedtak utan ugrunna opphald, og førebels svar når søknaden tok meir enn ein månad",
    "VILKAAR": "Inngangsvilkåra er kartlagde og vurderte, med arbeidsevnevurdering",
    "BEGRUNNELSE": "Kvart vedtak har grunngiving og viser til heimelen",
    "KLAGEADGANG": "Vedtaksbrevet opplyser om klagetilgang, klagefrist og innsyn",
    "FIREOEYNE": "Vedtaket er kontrollert av ein annan enn den som skreiv det (totrinnskontroll)",
    "PLAN_VED_OPPSTART": "Individuelt program på full tid var på plass ved oppstart",
    "OPPSTART": "Programmet vart sett i gang innan fristen til kontoret etter innvilginga",
    "EVALUERINGER": "Programmet seier når det skal evaluerast, og evalueringane er haldne",
    "TILPASSET": "Innhaldet er tilpassa behova og føresetnadene til deltakaren",
}
HJEMMEL_NYNORSK = {
    "forvaltningsloven": "forvaltningslova",
    "sosialtjenesteloven": "sosialtenestelova",
    "forskriften": "forskrifta",
    "kontorets rutine": "rutinen til kontoret",
}
if set(SJEKKPUNKT_NYNORSK) != {s.kode for s in SJEKKPUNKTER}:  # pragma: no cover - fanges ved import
    raise RuntimeError("Hvert sjekkpunkt trenger en tittel på nynorsk.")


def tekst(noekkel: str, maalform: str, **verdier: object) -> str:
    nb, nn = TEKSTER[noekkel]
    return (nn if maalform == "nn" else nb).format(**verdier)


def sjekkpunkt_tittel(kode: str, maalform: str) -> str:
    return SJEKKPUNKT_NYNORSK[kode] if maalform == "nn" else SJEKKPUNKT_ETTER_KODE[kode].tittel


def hjemmel(kode: str, maalform: str) -> str:
    verdi = SJEKKPUNKT_ETTER_KODE[kode].hjemmel
    if maalform == "nn":
        for nb, nn in HJEMMEL_NYNORSK.items():
            verdi = verdi.replace(nb, nn)
    return verdi
