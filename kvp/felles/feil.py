"""Forventede feil fra tjenestene: stabil kode, norsk melding og feltet meldingen hører til.

`FEILKODER` er katalogen over alle koder (én betydning hver, med kategori og norsk beskrivelse), og
`HTTP_STATUS` er den ene oversettelsen fra kategori til HTTP-status: ikke funnet 404, ikke tilgang 403, ugyldig 400.
Mellomvaren (`middleware.KvpFeilMiddleware`) og skjemahjelperen (`forms.skjema_svar`) bruker begge `kategori`.
En test leter etter `kode="..."` i kildekoden og feiler på koder som ikke står her.
"""

from enum import StrEnum
from typing import NamedTuple


class KvpFeil(Exception):
    """En forventet feil som brukeren skal få forklart. `felt` er skjemafeltet (None = hele skjemaet)."""

    kode = "KVP_FEIL"

    def __init__(self, melding: str, *, felt: str | None = None, kode: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.felt = felt
        if kode:
            self.kode = kode


class IkkeFunnet(KvpFeil):
    """Objektet finnes ikke, eller brukeren har ikke tilgang til det (vi sier aldri hvilket)."""

    kode = "KVP_IKKE_FUNNET"


class IkkeTilgang(KvpFeil):
    """Brukeren mangler rollen handlingen krever."""

    kode = "KVP_IKKE_TILGANG"


class Kategori(StrEnum):
    IKKE_FUNNET = "IKKE_FUNNET"
    IKKE_TILGANG = "IKKE_TILGANG"
    UGYLDIG = "UGYLDIG"


#: Den ene oversettelsen fra feilkategori til HTTP-status.
HTTP_STATUS: dict[Kategori, int] = {Kategori.IKKE_FUNNET: 404, Kategori.IKKE_TILGANG: 403, Kategori.UGYLDIG: 400}


class Feilkode(NamedTuple):
    kategori: Kategori
    beskrivelse: str


def _u(beskrivelse: str) -> Feilkode:
    return Feilkode(Kategori.UGYLDIG, beskrivelse)


#: Alle feilkoder i systemet, hver med én betydning.
FEILKODER: dict[str, Feilkode] = {
    "KVP_FEIL": _u("Forventet feil uten egen kode."),
    "KVP_IKKE_FUNNET": Feilkode(Kategori.IKKE_FUNNET, "Objektet finnes ikke, eller brukeren har ikke tilgang til det."),
    "KVP_IKKE_TILGANG": Feilkode(Kategori.IKKE_TILGANG, "Brukeren mangler rollen handlingen krever."),
    # Felles
    "KVP_DATO": _u("Til og med (eller slutten) er før fra og med (eller starten)."),
    "KVP_DATO_FREMTID": _u("Datoen kan ikke være frem i tid."),
    "KVP_DATO_GAMMEL": _u("Datoen er for langt tilbake i tid."),
    "KVP_DATO_MAANED": _u("Datoen er ikke i måneden som registreres."),
    "KVP_PERIODE_LENGDE": _u("Perioden er lengre enn det som kan registreres om gangen."),
    "KVP_VALG": _u("Et påkrevd valg mangler eller er ikke i listen."),
    "KVP_BEGRUNNELSE": _u("En påkrevd begrunnelse mangler."),
    "KVP_FIREOEYNE": _u("Fireøyneprinsippet: den som foreslo eller forberedte, kan ikke også godkjenne."),
    "KVP_BEREGNING": _u("Stønaden kan ikke beregnes med disse grunnlagene."),
    "KVP_INGEN_PROGRAMPERIODE": _u("Saken (eller deltakerens sak) har ingen programperiode ennå."),
    "KVP_UGYLDIG_MAANED": _u("Måneden er ugyldig."),
    # Tilgang og kontorer
    "KVP_BRUKER_FINS": _u("Brukernavnet er tatt."),
    "KVP_BRUKER_PASSORD": _u("Passordet oppfyller ikke kravene (Djangos passordregler)."),
    "KVP_BRUKER_SEG_SELV": _u("En leder kan ikke deaktivere seg selv eller ta fra seg sin egen lederrolle."),
    "KVP_BRUKER_DEAKTIVERT": _u("Brukeren er deaktivert og kan ikke få nye roller."),
    "KVP_INNLOGGING_UKJENT": Feilkode(
        Kategori.IKKE_TILGANG, "Innloggingen pekte ikke på én aktiv KVP-bruker med roller; ingen bruker opprettes."
    ),
    "KVP_INNLOGGING_NIVAA": Feilkode(
        Kategori.IKKE_TILGANG, "Innloggingen har lavere sikkerhetsnivå (acr/amr) enn en av brukerens roller krever."
    ),
    "KVP_KOMMUNENUMMER": _u("Kommunenummeret er ikke fire sifre."),
    "KVP_KOMMUNE_TATT": _u("Kommunen betjenes allerede av et annet kontor."),
    "KVP_KONTOR_FINS": _u("Enhetsnummeret finnes allerede."),
    "KVP_KONTOR_FRIST": _u("Varselet må komme før fristen."),
    "KVP_ROLLE_SCOPE": _u("Rollen mangler kontor, fylke eller person den skal knyttes til."),
    "KVP_ROLLE_UKJENT": _u("Ukjent rolle."),
    # Person
    "KVP_FNR_UGYLDIG": _u("Fødselsnummeret eller D-nummeret er ugyldig."),
    "KVP_PERSON_SOEK_INGEN": _u("Søket på fødselsnummer fant ingen person ved brukerens kontor."),
    "KVP_PERSON_FINS": _u("Det finnes allerede en person med fødselsnummeret."),
    "KVP_PERSON_OVERFOERING": _u("Fødselsnummeret kan ikke registreres her; en overføringsforespørsel er logget."),
    "KVP_SLETTING_NEKTET": _u("Personopplysningene kan ikke slettes nå (åpen sak, arkivplikt eller bokføringsplikt)."),
    "KVP_PERSON_NAVN": _u("Fornavn eller etternavn mangler."),
    "KVP_POSTNUMMER": _u("Postnummeret er ikke fire sifre."),
    "KVP_BARN_NAVN": _u("Barnets fornavn mangler."),
    "KVP_FORSOERGET_FOER_FOEDSEL": _u("Forsørgerperioden starter før barnet er født."),
    "KVP_FORSOERGET_SLUTTER_ALLEREDE": _u("Forsørgerperioden slutter allerede på eller før den nye datoen."),
    "KVP_KOMMUNE_IKKE_BETJENT": _u("Brukerens kontor betjener ikke personens kommune."),
    # Inntak
    "KVP_KARTLEGGING_MANGLER": _u("En påkrevd del av kartleggingen mangler."),
    "KVP_NOTAT": _u("En påkrevd del av overføringsnotatet mangler."),
    "KVP_MOETE_BOOKET": _u("Kartleggingen har allerede et booket møte."),
    "KVP_MOETE_FINS": _u("Veilederen har allerede denne møtetiden."),
    "KVP_MOETE_FORTID": _u("Møtetiden er ikke frem i tid."),
    "KVP_MOETE_KVARTER": _u("Møtetiden starter ikke på et kvarter."),
    "KVP_MOETE_OPPTATT": _u("Møtetiden er ikke ledig lenger."),
    "KVP_MOETE_VEILEDER": _u("Veilederen er ikke en KVP-veileder ved kontoret."),
    "KVP_SOEKNAD_AAPEN": _u("Personen har allerede en åpen søknad eller et pågående program."),
    "KVP_SOEKNAD_BEKREFT": _u("Søkeren har ikke bekreftet opplysningene."),
    "KVP_SOEKNAD_MANGLER": _u("Søknaden mangler hva søkeren ønsker å oppnå."),
    # Sak
    "KVP_SAK_LUKKET": _u("Saken er lukket (ikke lenger under behandling)."),
    "KVP_SAK_STATUS": _u("Saken har ikke statusen handlingen krever."),
    "KVP_STATUS_OVERGANG": _u("Saken kan ikke gå fra sin status til den valgte."),
    "KVP_TILDEL": _u("Saken kan bare tildeles en KVP-veileder ved sakens kontor."),
    "KVP_SENDT_FOER_MOTTATT": _u("Det foreløpige svaret er sendt før søknaden kom inn."),
    "KVP_SVARDATO_FOER_SENDT": _u("Forventet svar er ikke etter datoen det foreløpige svaret ble sendt."),
    # Vedtak
    "KVP_AAPENT_VEDTAK": _u("Saken har allerede et vedtak under arbeid."),
    "KVP_AVSLAG": _u("Avslaget mangler et vilkår som er vurdert som ikke oppfylt."),
    "KVP_AVSLAG_UTEN_GRUNN": _u("Avslag uten noe inngangsvilkår vurdert som ikke oppfylt."),
    "KVP_FORHAANDSVARSEL": _u(
        "Forhåndsvarselet (fvl. § 16) mangler, er allerede besvart, eller svaret og svarfristen er ikke kommet."
    ),
    "KVP_FORHAANDSVARSEL_SVARDATO": _u(
        "Svaret på forhåndsvarselet er datert før varselet ble sendt, eller fram i tid."
    ),
    "KVP_FORHAANDSVARSEL_SVAR": _u("Svaret på forhåndsvarselet mangler tekst eller har ugyldig dato."),
    "KVP_AKTSOMHET": _u("Vurderingen av om deltakeren var i god tro (aktsomhet) mangler før tilbakekrevingen."),
    "KVP_LAAST": _u("Vilkårsvurderingen er låst mens et vedtak ligger hos beslutter."),
    "KVP_VEDTAKSTYPE": _u("Vedtakstypen passer ikke med sakens status."),
    "KVP_VEDTAKSTYPE_UKJENT": _u("Vedtakstypen er ukjent."),
    "KVP_VEDTAK_FATTET": _u("Vedtaket er fattet og kan ikke endres."),
    "KVP_VEDTAK_HOS_BESLUTTER": _u("Vedtaket ligger hos beslutter og kan ikke endres nå."),
    "KVP_VEDTAK_STATUS": _u("Vedtaket har ikke statusen handlingen krever."),
    "KVP_VILKAAR": _u("Vilkårsvurderingen er ugyldig."),
    "KVP_VILKAAR_IKKE_OPPFYLT": _u("Programmet kan ikke innvilges før alle inngangsvilkårene er oppfylt."),
    "KVP_VILKAAR_MANGLER": _u("Inngangsvilkårene er ikke vurdert."),
    "KVP_TIDLIGERE_KOMMUNE": _u("Kommunenummeret for kommunen personen hadde KVP i, mangler eller er ikke fire sifre."),
    # Plan
    "KVP_PLAN_ARBEID": _u("Lønnet arbeid i planen er over grensen per uke."),
    "KVP_PLAN_DOBBEL": _u("Aktiviteten eller evalueringen finnes allerede i planen."),
    "KVP_PLAN_FELT": _u("Feltet kan ikke endres."),
    "KVP_PLAN_OVERLAPP": _u("Overlappende aktiviteter gir for mange timer i en uke."),
    "KVP_PLAN_STATUS": _u("Ugyldig aktivitetsstatus."),
    "KVP_PLAN_TIMER": _u("Timer per uke er utenfor det tillatte."),
    "KVP_PLAN_TYPE": _u("Ugyldig aktivitetstype."),
    "KVP_PLAN_UTENFOR": _u("Aktiviteten eller evalueringen er utenfor programperioden."),
    # Oppmøte
    "KVP_ARBEID_DOBBEL": _u("Arbeidet er allerede registrert for perioden."),
    "KVP_ARBEID_OVERLAPP": _u("Overlappende lønnet arbeid gir til sammen flere timer i en uke enn grensen."),
    "KVP_ARBEID_TIMER": _u("Timer per uke i lønnet arbeid er over grensen, eller ikke mer enn 0."),
    "KVP_ATTESTERT": _u("Måneden er allerede attestert; endringer må være korreksjoner."),
    "KVP_ATTESTER_FOR_TIDLIG": _u("Måneden er ikke over og kan ikke attesteres ennå."),
    "KVP_EGENMELDING_LENGDE": _u("Egenmeldingen gjelder flere virkedager enn tillatt."),
    "KVP_OPPMOETE_DOKUMENTASJON": _u("Dokumentasjonen er ikke et av valgene i listen."),
    "KVP_OPPMOETE_DOKUMENTASJON_STATUS": _u("Dokumentasjon er oppgitt for en annen status enn gyldig fravær."),
    "KVP_OPPMOETE_FERIE": _u("Ferien går ut over det kommunen gir med stønad."),
    "KVP_OPPMOETE_HELG": _u("Oppmøte registreres bare på virkedager."),
    "KVP_OPPMOETE_HELLIGDAG": _u("Dagene er helligdager, så det er ikke noe oppmøte eller fravær å registrere."),
    "KVP_OPPMOETE_IKKE_HELLIGDAG": _u("Statusen helligdag er valgt for en dag som ikke er en helligdag."),
    "KVP_OPPMOETE_REGISTRERT": _u("Dagen er allerede registrert."),
    "KVP_OPPMOETE_STATUS": _u("Ugyldig oppmøtestatus."),
    "KVP_OPPMOETE_TIMER": _u("Timer ugyldig fravær er utenfor det tillatte (mer enn 0, høyst én programdag)."),
    "KVP_OPPMOETE_TIMER_STATUS": _u("Timer er oppgitt for en annen status enn ugyldig fravær."),
    "KVP_OPPMOETE_UTENFOR": _u("Datoen eller perioden er utenfor programperioden."),
    "KVP_YTELSE_DOBBEL": _u("Ytelsen er allerede registrert for perioden."),
    "KVP_YTELSE_SATS": _u("Dagsatsen er ugyldig."),
    "KVP_YTELSE_TYPE": _u("Ugyldig ytelsestype."),
    "KVP_REGISTRERINGSTYPE": _u("Ukjent type registrering (verken arbeid eller annen ytelse)."),
    # Utbetaling
    "KVP_MANGLER_KOMMUNEKONTO": _u("Kommunens konto for utbetalingene er ikke registrert."),
    "KVP_MANGLER_KONTO": _u("Deltakere i runden mangler kontonummer."),
    "KVP_KONTO_ER_KOMMUNENS": _u("Deltakerens kontonummer er det samme som kommunens konto for utbetalingene."),
    "KVP_UTBETALINGSDATO_PASSERT": _u(
        "Utbetalingsdatoen er passert; betalingsfilen kan ikke ha en dato tilbake i tid."
    ),
    "KVP_RUNDE_LAAST": _u("Utbetalingsrunden er allerede godkjent eller eksportert."),
    "KVP_RUNDE_STOPPET": _u("Utbetalingsrunden kom ikke videre."),
    "KVP_RUNDE_STATUS": _u("Utbetalingsrunden har ikke statusen handlingen krever."),
    "KVP_RUNDE_UFERDIG": _u("Utbetalingsrunden er ikke ferdig beregnet."),
    "KVP_RUNDE_FORKASTET": _u("Utbetalingsrunden ble forkastet mens handlingen ventet."),
    "KVP_RUNDE_KAN_IKKE_FORKASTES": _u("Utbetalingsrunden kan ikke forkastes (godkjent, eller korrigert siden)."),
    "KVP_UTBETALING_KOLLISJON": _u("En annen utbetalingsoperasjon for samme kommune kolliderte med denne."),
    "KVP_KONTO_INGEN_ENDRING": _u("Det er ikke noe nytt kontonummer som venter på godkjenning."),
    "KVP_RUNDE_SAK_UTEN_PROGRAMPERIODE": _u("En sak i runden har attestert oppmøte, men mangler programperiode."),
    # API
    "KVP_API_UGYLDIG": _u("Forespørselen til API-et har verdier som ikke følger skjemaet."),
    "KVP_IDEMPOTENS_ANNET_INNHOLD": _u("Idempotensnøkkelen er brukt før med et annet innhold."),
    "KVP_IDEMPOTENS_OPPTATT": _u("En forespørsel med samme idempotensnøkkel behandles samtidig."),
    "KVP_KVITTERING_UGYLDIG": _u("Bankens kvittering (pain.002) er ikke en gyldig statusrapport for runden."),
    "KVP_TILBAKEKREVING_STATUS": _u("Tilbakekrevingen har ikke statusen handlingen krever."),
    # Tilsyn og rettleiing (kvp.tilsyn)
    "KVP_TILSYN_STATUS": _u("Tilsynet har ikke statusen handlingen krever."),
    "KVP_TILSYN_TOMT_UTVALG": _u("Kontoret har ingen saker i perioden å trekke utvalget fra."),
    "KVP_TILSYN_UVURDERT": _u("Rapporten kan ikke sendes før alle kontrollpunktene er vurdert."),
    "KVP_TILSYN_TILTAK": _u("Kontoret må svare med tiltak på hvert avvik."),
    "KVP_TILSYN_SJEKKPUNKT": _u("Sjekkpunktet finnes ikke i sjekklisten, eller vurderingen er ugyldig for det."),
    # Deltakerens KVP (kvp.dokument, kvp.deltaker)
    "KVP_DOKUMENT_UGYLDIG": _u("Filen er ikke en PDF, JPEG eller PNG som lar seg åpne."),
    "KVP_DOKUMENT_FOR_STOR": _u("Filen er større enn KVP_DOKUMENT_MAKS_BYTE."),
    "KVP_AKTIVERING_EPOST": _u("Personen har ingen e-postadresse å sende aktiveringslenken til."),
    "KVP_AKTIVERING_PASSORD": _u("Passordet som velges ved aktivering, er for kort."),
    "KVP_MELDING_TOM": _u("Meldingen er tom eller for lang."),
    "KVP_PLAN_ENDRET": _u("Planen deltakeren godtar, er tom eller endret siden den ble vist."),
    "KVP_RETTLEIING_LENKE": _u("En lenke til regelverket er ikke en gyldig nettadresse."),
    # Klage
    "KVP_KLAGE_STATUS": _u("Klagen har ikke statusen handlingen krever."),
    "KVP_KLAGE_FINS": _u("Det er allerede en klage under behandling på vedtaket."),
    # Bakgrunnsjobber
    "KVP_JOBB_UKJENT": _u("Jobbtypen er ikke registrert (lenger); jobben avsluttes som feilet."),
    # Overføringsmøter: avlysning og flytting
    "KVP_MOETE_GRUNN": _u("Grunnen til avlysningen eller flyttingen mangler eller er for lang."),
    "KVP_MOETE_IKKE_BOOKET": _u("Kartleggingen har ikke noe booket møte å avlyse eller flytte."),
    "KVP_MOETE_HAR_VAERT": _u("Møtet har allerede vært og kan ikke avlyses eller flyttes."),
    "KVP_MOETE_SAMME": _u("Den nye møtetiden er den samme som den gamle."),
    # Personalia
    "KVP_PERSON_FELT": _u("Feltet kan ikke endres som personalia (kontonummeret går gjennom fireøyneprinsippet)."),
    "KVP_PERSONALIA": _u("Adressen, telefonen, e-posten eller målformen er ugyldig."),
    # Oppmøte: sletting
    "KVP_OPPMOETE_SLETT_GRUNN": _u("Grunnen til at oppmøtet slettes, mangler."),
    "KVP_OPPMOETE_INGEN": _u("Det er ingen registreringer å slette i perioden."),
}


def kategori(feil: KvpFeil) -> Kategori:
    """Feilens kategori: klassen (IkkeFunnet, IkkeTilgang) først, ellers kodens kategori i katalogen."""
    if isinstance(feil, IkkeFunnet):
        return Kategori.IKKE_FUNNET
    if isinstance(feil, IkkeTilgang):
        return Kategori.IKKE_TILGANG
    kode = FEILKODER.get(feil.kode)
    return kode.kategori if kode is not None else Kategori.UGYLDIG


def http_status(feil: KvpFeil) -> int:
    """HTTP-statusen for feilen (404, 403 eller 400)."""
    return HTTP_STATUS[kategori(feil)]
