"""Laster demodata gjennom tjenestene (idempotent): kontorer, brukere i alle roller, ~60 personer og saker."""

import datetime as dt
import random
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from kvp.api.models import Tjenestekonto
from kvp.api.services import tjenestekonto_opprett, tjenestekonto_tilbakekall
from kvp.demo.deltaker import deltaker_demodata
from kvp.demo.klage import klage_demodata_last
from kvp.demo.oppmoete import plan_og_oppmoete_demodata
from kvp.demo.statistikk import statistikk_demodata
from kvp.demo.tilsyn import tilsyn_demodata
from kvp.demo.utbetaling import utbetaling_demodata
from kvp.demo.vedtak import vedtak_demodata_last
from kvp.person import fnr as fnr_modul
from kvp.person.models import Maalform, Person
from kvp.person.services import barn_legg_til, person_opprett
from kvp.sak.models import Status
from kvp.sak.services import foreloepig_svar_registrer, sak_endre_status, sak_tildel
from kvp.soeknad.models import Kanal, Oppfoelgingsbehov, RettTilYtelser
from kvp.soeknad.services import kartlegging_opprett, moetetid_opprett, soeknad_registrer
from kvp.tilgang.models import Bruker, Kommune, Rolle
from kvp.tilgang.services import bruker_opprett, kommune_opprett, nav_kontor_opprett, rolle_tildel

DEMO_PASSORD = "demo-passord-kvp"
DEMO_TOKEN = "Demo-token (leder)"  # noqa: S105 - navnet på tokenet, ikke tokenet

FORNAVN = [
    "Ola",
    "Kari",
    "Ahmed",
    "Fatima",
    "Jonas",
    "Ingrid",
    "Mohammed",
    "Sofie",
    "Emil",
    "Nora",
    "Ali",
    "Maja",
    "Henrik",
    "Emma",
    "Lukas",
    "Sara",
    "Magnus",
    "Ida",
    "Omar",
    "Thea",
    "Sander",
    "Amina",
    "Kristian",
    "Leah",
]
ETTERNAVN = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Hussein",
    "Berg",
    "Haugen",
    "Hagen",
    "Eriksen",
    "Bakke",
    "Ali",
    "Solberg",
    "Strand",
    "Moen",
    "Tveit",
    "Vik",
]

GATER = ["Storgata", "Kirkeveien", "Sjøveien", "Skoleveien"]
NOTATDELER = ("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse")

BRUKERE = [
    # brukernavn, fornavn, etternavn, rolle, kontor ("R", "K", fylke eller person)
    ("vera", "Vera", "Veileder", Rolle.VEILEDER, "R"),
    ("hakon", "Håkon", "Kvp", Rolle.KVP_VEILEDER, "R"),
    ("janne", "Janne", "Kvp", Rolle.KVP_VEILEDER, "R"),
    ("berit", "Berit", "Beslutter", Rolle.BESLUTTER, "R"),
    ("lars", "Lars", "Leder", Rolle.LEDER, "R"),
    ("oskar", "Oskar", "Økonomi", Rolle.OEKONOMI, "R"),
    ("stine", "Stine", "Statsforvalter", Rolle.STATSFORVALTER, "Rogaland"),
    ("kjell", "Kjell", "Veileder", Rolle.VEILEDER, "K"),
    ("kristin", "Kristin", "Kvp", Rolle.KVP_VEILEDER, "K"),
    ("kaare", "Kåre", "Leder", Rolle.LEDER, "K"),
]

#: Brukere med roller ved to kontorer: hver rolle gjelder bare ved sitt kontor (ADR 0006). Liv leder Randaberg og
#: er økonomi i Kongsvinger (ser Randabergs runder, men kan ikke laste ned filene der); Vilde er veileder i Randaberg
#: og KVP-veileder i Kongsvinger.
BRUKERE_MED_TO_KONTORER = [
    ("liv", "Liv", "Leder", ((Rolle.LEDER, "R"), (Rolle.OEKONOMI, "K"))),
    ("vilde", "Vilde", "Veileder", ((Rolle.VEILEDER, "R"), (Rolle.KVP_VEILEDER, "K"))),
]


class Command(BaseCommand):
    help = "Laster demodata (gjør ingenting om de finnes fra før) og skriver ut én demoinnlogging per rolle."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--personer", type=int, default=60)

    def handle(self, *args: Any, **opts: Any) -> None:
        if getattr(settings, "KVP_PRODUKSJON", False):
            raise CommandError("Demodata lastes aldri med produksjonsinnstillingene (config.settings.prod).")
        if not settings.KVP_TILLAT_SYNTETISKE_FNR:
            raise CommandError("Demodata bruker syntetiske fødselsnumre og lastes bare når det er tillatt.")
        if Bruker.objects.filter(username="vera").exists():
            self.stdout.write("Demodata finnes allerede.")
        else:
            # Én dato for hele lastingen: alle datoer i demoen regnes fra den, også om klokka passerer midnatt.
            self._last(opts["personer"], i_dag=timezone.localdate())
            self.stdout.write(self.style.SUCCESS("Demodata lastet."))
        self.stdout.write(f"\nDemoinnlogginger (passord for alle: {DEMO_PASSORD}):")
        navn = {
            "R": "NAV Randaberg-Kvitsøy",
            "K": "NAV Kongsvinger",
            "Rogaland": "Statsforvalteren i Rogaland",
        }
        for brukernavn, _fornavn, _etternavn, rolle, scope in [
            *BRUKERE,
            ("dina", "", "", Rolle.DELTAKER, ""),
        ]:
            sted = navn.get(scope, "i program: plan, oppmøte, utbetalinger og brev på Min side")
            self.stdout.write(f"  {Rolle(rolle).label:<30} {brukernavn:<9} {sted}")
        for brukernavn, _fornavn, _etternavn, roller in BRUKERE_MED_TO_KONTORER:
            tekst = " og ".join(f"{Rolle(rolle).label} ved {navn[scope]}" for rolle, scope in roller)
            self.stdout.write(f"  {'To kontorer':<30} {brukernavn:<9} {tekst}")
        self._api_tokener()

    @transaction.atomic
    def _api_tokener(self) -> None:
        """Et nytt demotoken for lederrollen ved hvert kontor (det forrige tilbakekalles): API-et virker straks."""
        self.stdout.write("\nDemotokener for API-et /api/v1/ (lederrollen; nye ved hver kjøring):")
        for brukernavn in ("lars", "kaare"):
            leder = Bruker.objects.get(username=brukernavn)
            kontor = leder.rolletildelinger.get(rolle=Rolle.LEDER).kontor
            if kontor is None:
                continue
            for gammel in Tjenestekonto.objects.filter(kontor=kontor, navn=DEMO_TOKEN, tilbakekalt__isnull=True):
                tjenestekonto_tilbakekall(bruker=leder, konto_id=gammel.pk)
            _, token = tjenestekonto_opprett(bruker=leder, kontor_id=kontor.pk, navn=DEMO_TOKEN, rolle=Rolle.LEDER)
            self.stdout.write(f"API-token {kontor.navn} (leder): {token}")

    @transaction.atomic
    def _last(self, antall_personer: int, *, i_dag: dt.date) -> None:
        rng = random.Random(2025)
        randaberg = nav_kontor_opprett(
            enhetsnummer="1127",
            navn="NAV Randaberg-Kvitsøy",
            fylke="Rogaland",
            kommuner=[("1127", "Randaberg"), ("1144", "Kvitsøy")],
            adresse="Postboks 40",
            postnummer="4096",
            poststed="Randaberg",
            telefon="51 41 41 00",
        )
        kongsvinger = nav_kontor_opprett(
            enhetsnummer="3401",
            navn="NAV Kongsvinger",
            fylke="Innlandet",
            kommuner=[("3401", "Kongsvinger")],
            adresse="Postboks 300",
            postnummer="2201",
            poststed="Kongsvinger",
            telefon="62 88 20 00",
            frist_varsel_dager=10,
            frist_overskredet_dager=18,
        )
        kommune_opprett(nummer="1103", navn="Stavanger")
        kontor = {"R": randaberg, "K": kongsvinger}
        brukere: dict[str, Bruker] = {}
        for brukernavn, fornavn, etternavn, rolle, scope in BRUKERE:
            b = bruker_opprett(brukernavn=brukernavn, fornavn=fornavn, etternavn=etternavn, passord=DEMO_PASSORD)
            if rolle == Rolle.STATSFORVALTER:
                rolle_tildel(bruker=b, rolle=rolle, fylke=scope)
            else:
                rolle_tildel(bruker=b, rolle=rolle, kontor=kontor[scope])
            brukere[brukernavn] = b
        for brukernavn, fornavn, etternavn, roller in BRUKERE_MED_TO_KONTORER:
            b = bruker_opprett(brukernavn=brukernavn, fornavn=fornavn, etternavn=etternavn, passord=DEMO_PASSORD)
            for rolle, scope in roller:
                rolle_tildel(bruker=b, rolle=rolle, kontor=kontor[scope])
        # Veiledere trenger også å kunne registrere personer på begge kontorene i demoen via egne roller.
        kommuner = [Kommune.objects.get(nummer=n) for n in ("1127", "1127", "1127", "1144", "3401", "3401")]
        personer: list[Person] = []
        individ = 100
        while len(personer) < antall_personer:
            # Minst 19 år og ti dager gammel i dag, så alle er over 18 år på enhver søknadsdato demoen bruker
            # (søknader kan registreres inntil ett år tilbake); under 64 år, så alle er under 67 gjennom programmet.
            alder_dager = rng.randint(19 * 366 + 10, 64 * 365)
            foedselsdato = i_dag - dt.timedelta(days=alder_dager)
            individ += 7
            fnr = fnr_modul.lag_syntetisk(foedselsdato, individ)
            if fnr is None or Person.objects.filter(foedselsnummer=fnr).exists():
                continue
            kommune = kommuner[len(personer) % len(kommuner)]
            veileder = brukere["vera"] if kommune.nav_kontor_id == randaberg.pk else brukere["kjell"]
            person = person_opprett(
                bruker=veileder,
                foedselsnummer=fnr,
                # Den første personen er deltakeren Dina, som har sin egen innlogging.
                fornavn=rng.choice(FORNAVN) if personer else "Dina",
                etternavn=rng.choice(ETTERNAVN) if personer else "Deltaker",
                kommune=kommune,
                adresse=f"{rng.choice(GATER)} {rng.randint(1, 80)}",
                postnummer="4070" if kommune.nummer == "1127" else "4180" if kommune.nummer == "1144" else "2211",
                poststed=kommune.navn.upper(),
                maalform=Maalform.NYNORSK if rng.random() < 0.15 else Maalform.BOKMAAL,
                telefon=f"9{rng.randint(1000000, 9999999)}",
            )
            if rng.random() < 0.4:
                for _ in range(rng.randint(1, 3)):
                    barn_fdato = i_dag - dt.timedelta(days=rng.randint(100, 17 * 365))
                    barn_fdato = max(barn_fdato, foedselsdato + dt.timedelta(days=18 * 365))
                    if barn_fdato > i_dag:
                        continue
                    barn_legg_til(
                        bruker=veileder,
                        person=person,
                        fornavn=rng.choice(FORNAVN),
                        foedselsdato=barn_fdato,
                        forsoerget_fra_og_med=barn_fdato,
                    )
            personer.append(person)
        # Ledige møtetider de neste virkedagene hos KVP-veilederne.
        tz = timezone.get_current_timezone()
        dag = i_dag
        dager = 0
        while dager < 5:
            dag += dt.timedelta(days=1)
            if dag.weekday() >= 5:
                continue
            dager += 1
            for brukernavn, kl in (("hakon", 9), ("janne", 13), ("kristin", 10)):
                for kvarter in range(4):
                    moetetid_opprett(
                        bruker=brukere[brukernavn],
                        kvp_veileder=brukere[brukernavn],
                        start=dt.datetime.combine(dag, dt.time(kl, kvarter * 15), tzinfo=tz),
                    )
        # Kartlegginger for noen, og saker i alle tilstander for de fleste.
        statuser = (
            [Status.SOEKNAD_REGISTRERT] * 4
            + [Status.ARBEIDSEVNEVURDERING] * 3
            + [Status.VILKAARSVURDERING] * 2
            + [Status.TRUKKET]
        )
        deltaker_person = personer[0]
        for nr, person in enumerate(personer[1:], start=1):
            kvp = brukere["hakon"] if person.kontor_id == randaberg.pk else brukere["kristin"]
            veileder = brukere["vera"] if person.kontor_id == randaberg.pk else brukere["kjell"]
            if nr % 3 == 0:
                kartlegging_opprett(
                    bruker=veileder,
                    person=person,
                    utdanning="Grunnskole, påbegynt videregående (restaurant- og matfag).",
                    arbeidserfaring="Sommerjobb i butikk, ett år som assistent i barnehage.",
                    interesser="Matlaging og barnepass.",
                    utfordringer="Lite arbeidserfaring, periodevis angst.",
                    rett_til_ytelser=RettTilYtelser.NEI,
                    oppfoelgingsbehov=Oppfoelgingsbehov.SPESIELT_TILPASSET,
                    notat=dict.fromkeys(NOTATDELER, "Se kartleggingen."),
                )
            if nr % 5 == 4:
                continue  # noen personer har ingen søknad
            mottatt = i_dag - dt.timedelta(days=rng.randint(0, 45))
            _, sak = soeknad_registrer(
                bruker=kvp,
                person=person,
                mottatt_dato=mottatt,
                kanal=rng.choice([Kanal.PAPIR, Kanal.EPOST, Kanal.SAMARBEIDSPARTNER]),
            )
            status = statuser[nr % len(statuser)]
            if nr % 4 != 0:
                tildelt = kvp if nr % 2 else (brukere["janne"] if person.kontor_id == randaberg.pk else kvp)
                sak_tildel(bruker=kvp, sak_id=sak.pk, saksbehandler=tildelt)
            sti = {
                Status.SOEKNAD_REGISTRERT: [],
                Status.ARBEIDSEVNEVURDERING: [Status.ARBEIDSEVNEVURDERING],
                Status.VILKAARSVURDERING: [Status.ARBEIDSEVNEVURDERING, Status.VILKAARSVURDERING],
                Status.TRUKKET: [Status.TRUKKET],
            }[status]
            for s in sti:
                sak_endre_status(bruker=kvp, sak_id=sak.pk, status=s)
            if (i_dag - mottatt).days > 30 and status != Status.TRUKKET and nr % 2:
                foreloepig_svar_registrer(
                    bruker=kvp,
                    sak_id=sak.pk,
                    sendt_dato=mottatt + dt.timedelta(days=25),
                    forventet_svar_dato=mottatt + dt.timedelta(days=60),
                    begrunnelse="Venter på arbeidsevnevurdering.",
                )
        dina = bruker_opprett(brukernavn="dina", fornavn="Dina", etternavn="Deltaker", passord=DEMO_PASSORD)
        rolle_tildel(bruker=dina, rolle=Rolle.DELTAKER, person=deltaker_person)
        # Rekkefølgen teller: vedtaket setter Dina i program, så får hun plan og oppmøte, så betales månedene.
        vedtak_demodata_last(i_dag=i_dag)
        plan_og_oppmoete_demodata(kvp_veileder=brukere["hakon"], deltaker_person=deltaker_person, i_dag=i_dag)
        utbetaling_demodata(brukere=brukere, deltaker_person=deltaker_person, passord=DEMO_PASSORD, i_dag=i_dag)
        tilsyn_demodata(brukere=brukere, i_dag=i_dag)
        klage_demodata_last(i_dag=i_dag)
        statistikk_demodata(brukere=brukere, i_dag=i_dag)
        deltaker_demodata(kvp_veileder=brukere["hakon"], dina=dina, deltaker_person=deltaker_person)
