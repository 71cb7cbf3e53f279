"""Volumdata for statistikken og KOSTRA: mange år og mange kontorer, lagt inn med bulk_create.

Tjenestene ville brukt timer på hundre tusen deltakerår, og riktigheten deres dekkes av testene; her fylles tabellene
direkte, med de samme feltene tjenestene ville satt (sak, søknad, vilkårsvurdering, avslutningsvedtak, barn,
utbetalinger og KOSTRA-opplysninger). Alt er deterministisk for samme froe og samme dag.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from kvp.person import fnr as fnr_modul
from kvp.person.models import Barn, Forsoergerperiode, Person
from kvp.sak.models import Sak, Status
from kvp.soeknad.models import Kanal, Soeknad
from kvp.statistikk.models import AnnenStoette, KostraOpplysninger, Sivilstand
from kvp.tilgang.models import Bruker, Kommune, NavKontor, Rolle, Rolletildeling
from kvp.tilgang.services import nav_kontor_opprett
from kvp.utbetaling.models import Posttype, Rundestatus, Utbetaling, Utbetalingspost, Utbetalingsrunde
from kvp.vedtak.models import KostraSituasjon, Vedtak, Vedtaksstatus, Vedtakstype, Vilkaarsvurdering

#: Kontorene (ett per kommune), ti i Rogaland og ti i Vestland; ingen av dem er i demodataene.
KONTORER: list[tuple[str, str, str]] = [
    ("1101", "Eigersund", "Rogaland"),
    ("1106", "Haugesund", "Rogaland"),
    ("1108", "Sandnes", "Rogaland"),
    ("1111", "Sokndal", "Rogaland"),
    ("1112", "Lund", "Rogaland"),
    ("1114", "Bjerkreim", "Rogaland"),
    ("1119", "Hå", "Rogaland"),
    ("1120", "Klepp", "Rogaland"),
    ("1121", "Time", "Rogaland"),
    ("1122", "Gjesdal", "Rogaland"),
    ("4601", "Bergen", "Vestland"),
    ("4602", "Kinn", "Vestland"),
    ("4611", "Etne", "Vestland"),
    ("4612", "Sveio", "Vestland"),
    ("4613", "Bømlo", "Vestland"),
    ("4614", "Stord", "Vestland"),
    ("4615", "Fitjar", "Vestland"),
    ("4616", "Tysnes", "Vestland"),
    ("4617", "Kvinnherad", "Vestland"),
    ("4618", "Ullensvang", "Vestland"),
]
BIT = 5000
MAANEDSBELOEP = Decimal("21000.00")  # omtrent to G delt på tolv; eksempeldata, ikke en sats


@dataclass
class Resultat:
    kontorer: int = 0
    saker: int = 0
    deltakeraar: int = 0
    utbetalinger: int = 0


def _maaneder(fra: dt.date, til: dt.date) -> Iterable[tuple[int, int]]:
    aar, mnd = fra.year, fra.month
    while (aar, mnd) <= (til.year, til.month):
        yield aar, mnd
        aar, mnd = (aar + 1, 1) if mnd == 12 else (aar, mnd + 1)


def _lag(modell: type[models.Model], rader: list[Any]) -> None:
    modell.objects.bulk_create(rader, batch_size=BIT)  # type: ignore[attr-defined]
    rader.clear()


@transaction.atomic
def statistikkdata_lag(*, antall_aar: int = 10, antall_kontorer: int = 20, per_kontor_per_aar: int = 330,
                       i_dag: dt.date | None = None, froe: int = 2026) -> Resultat:  # fmt: skip
    """Saker for `antall_kontorer` kontorer med oppstarter gjennom `antall_aar` år fram til i dag."""
    i_dag = i_dag or timezone.localdate()
    rng = random.Random(froe)
    res = Resultat()
    forste = dt.date(i_dag.year - antall_aar + 1, 1, 1)
    brukte_fnr = set(Person.objects.values_list("foedselsnummer", flat=True))
    individ = 0
    kommuner_etter_kontor: dict[Any, str] = {}
    beslutter_for: dict[Any, Bruker] = {}
    veileder_for: dict[Any, Bruker] = {}
    for nummer, navn, fylke in KONTORER[:antall_kontorer]:
        if NavKontor.objects.filter(enhetsnummer=nummer).exists() or Kommune.objects.filter(nummer=nummer).exists():
            continue
        kontor = nav_kontor_opprett(enhetsnummer=nummer, navn=f"NAV {navn}", fylke=fylke, kommuner=[(nummer, navn)])
        veileder = Bruker.objects.create(username=f"kvp{nummer}", first_name="KVP", last_name=navn)
        beslutter = Bruker.objects.create(username=f"best{nummer}", first_name="Beslutter", last_name=navn)
        Rolletildeling.objects.create(bruker=veileder, rolle=Rolle.KVP_VEILEDER, kontor=kontor)
        Rolletildeling.objects.create(bruker=beslutter, rolle=Rolle.BESLUTTER, kontor=kontor)
        kommuner_etter_kontor[kontor.pk] = nummer
        veileder_for[kontor.pk] = veileder
        beslutter_for[kontor.pk] = beslutter
        res.kontorer += 1
    personer: list[Person] = []
    soeknader: list[Soeknad] = []
    saker: list[Sak] = []
    vilkaar: list[Vilkaarsvurdering] = []
    vedtak: list[Vedtak] = []
    barn: list[Barn] = []
    perioder: list[Forsoergerperiode] = []
    opplysninger: list[KostraOpplysninger] = []
    betalinger: list[tuple[Sak, int, int]] = []
    naa = timezone.now()
    situasjoner = list(KostraSituasjon.values)
    for kontor_id, kommune in kommuner_etter_kontor.items():
        veileder, beslutter = veileder_for[kontor_id], beslutter_for[kontor_id]
        for _ in range(antall_aar * per_kontor_per_aar):
            begynt = forste + dt.timedelta(days=rng.randint(0, (i_dag - forste).days))
            alder = min(max(int(rng.gauss(30, 9)), 19), 60)
            foedt = begynt - dt.timedelta(days=alder * 365 + rng.randint(20, 340))
            while True:
                individ += 1
                fnr = fnr_modul.lag_syntetisk(foedt, individ % 499 + 1)
                if fnr is not None and fnr not in brukte_fnr:
                    brukte_fnr.add(fnr)
                    break
                if individ % 499 == 0:
                    foedt += dt.timedelta(days=1)
            person = Person(
                foedselsnummer=fnr,
                foedselsdato=foedt,
                fornavn="Deltaker",
                etternavn=f"Nr {len(brukte_fnr)}",
                kommune_id=kommune,
                kontor_id=kontor_id,
            )
            personer.append(person)
            mottatt = begynt - dt.timedelta(days=rng.randint(25, 80))
            vedtatt = mottatt + dt.timedelta(days=rng.randint(7, 35))
            soeknad = Soeknad(
                person=person, kontor_id=kontor_id, mottatt_dato=mottatt, kanal=Kanal.PAPIR, registrert_av=veileder
            )
            soeknader.append(soeknad)
            varighet = rng.choice([4, 6, 9, 12, 12, 12, 15, 18, 24, 24, 30])
            slutt = begynt + dt.timedelta(days=varighet * 30)
            avsluttet = slutt if slutt < i_dag else None
            sak = Sak(
                soeknad=soeknad,
                person=person,
                kontor_id=kontor_id,
                status=Status.AVSLUTTET if avsluttet else Status.I_PROGRAM,
                saksbehandler=veileder,
                mottatt_dato=mottatt,
                vedtak_dato=vedtatt,
                begynt_dato=begynt,
                program_fra_og_med=begynt,
                program_til_og_med=slutt,
                avsluttet_dato=avsluttet,
            )
            saker.append(sak)
            annen = rng.random() < 0.05
            vilkaar.append(
                Vilkaarsvurdering(
                    sak=sak,
                    soeknadsdato=mottatt,
                    arbeidsevne="SPESIELT_TILPASSET",
                    husstand="ENSLIG",
                    ytelser_per_maaned=Decimal(0),
                    sosialhjelp_foer=rng.choice(["", "2", "2", "3"]),
                    introduksjonsstoenad_foer=rng.random() < 0.1,
                    kvp_annen_kommune=annen,
                    kvp_kommunenummer=rng.choice(["0301", "4601", "5001"]) if annen else "",
                    vurdert_av=veileder,
                    alle_oppfylt=True,
                )
            )
            if avsluttet:
                status = rng.choice(["3", "3", "3", "4", "5", "7"])
                vedtak.append(
                    Vedtak(
                        sak=sak,
                        type=Vedtakstype.AVSLUTNING,
                        status=Vedtaksstatus.FATTET,
                        fra_og_med=avsluttet,
                        kostra_status=status,
                        kostra_situasjon=rng.sample(situasjoner, rng.randint(1, 2)) if status in ("3", "7") else [],
                        kostra_inntektskilde=rng.choice(situasjoner) if status in ("3", "7") else "",
                        opprettet_av=veileder,
                        beslutter=beslutter,
                        vedtak_dato=avsluttet,
                        fattet_tidspunkt=naa,
                    )
                )
            if rng.random() < 0.4:
                for _ in range(rng.randint(1, 3)):
                    b_foedt = foedt + dt.timedelta(days=rng.randint(20 * 365, max(20 * 365, (begynt - foedt).days)))
                    b = Barn(forelder=person, fornavn="Barn", foedselsdato=b_foedt)
                    barn.append(b)
                    perioder.append(Forsoergerperiode(barn=b, fra_og_med=b_foedt))
            sivilstand = rng.choice([Sivilstand.UGIFT] * 5 + [Sivilstand.SAMBOER, Sivilstand.GIFT, Sivilstand.SKILT])
            siste_dag = min(avsluttet or i_dag, i_dag)
            for aar in range(begynt.year, siste_dag.year + 1):
                stoette = [AnnenStoette.SOSIALHJELP_SUPPLEMENT] if rng.random() < 0.2 else []
                opplysninger.append(
                    KostraOpplysninger(
                        sak=sak, aar=aar, sivilstand=sivilstand, annen_stoette=stoette, registrert_av=veileder
                    )
                )
                if aar >= forste.year:
                    res.deltakeraar += 1
            forrige_maaned = i_dag.replace(day=1) - dt.timedelta(days=1)
            for aar, mnd in _maaneder(begynt, min(siste_dag, forrige_maaned)):
                betalinger.append((sak, aar, mnd))
            res.saker += 1
        # Lagre kontor for kontor, så minnet holder seg lite.
        _lag(Person, personer)
        _lag(Soeknad, soeknader)
        _lag(Sak, saker)
        _lag(Vilkaarsvurdering, vilkaar)
        _lag(Vedtak, vedtak)
        _lag(Barn, barn)
        _lag(Forsoergerperiode, perioder)
        _lag(KostraOpplysninger, opplysninger)
        res.utbetalinger += _betal(kommune, betalinger)
        betalinger.clear()
    return res


def _betal(kommune: str, betalinger: list[tuple[Sak, int, int]]) -> int:
    runder: dict[tuple[int, int], Utbetalingsrunde] = {}
    for _, aar, mnd in betalinger:
        if (aar, mnd) not in runder:
            dato = (dt.date(aar, mnd, 1) + dt.timedelta(days=32)).replace(day=15)
            runder[(aar, mnd)] = Utbetalingsrunde(
                kommune_id=kommune,
                aar=aar,
                maaned=mnd,
                utbetalingsdato=dato,
                status=Rundestatus.BEKREFTET,
                ferdig=True,
            )
    Utbetalingsrunde.objects.bulk_create(list(runder.values()), batch_size=BIT)
    utbetalinger: list[Utbetaling] = []
    poster: list[Utbetalingspost] = []
    for sak, aar, mnd in betalinger:
        u = Utbetaling(
            runde=runder[(aar, mnd)],
            sak=sak,
            brutto=MAANEDSBELOEP,
            trekk=Decimal(0),
            skattetrekk=Decimal(0),
            netto=MAANEDSBELOEP,
        )
        utbetalinger.append(u)
        poster.append(
            Utbetalingspost(
                utbetaling=u, sak=sak, type=Posttype.ORDINAER, aar=aar, maaned=mnd, beloep=MAANEDSBELOEP,
                forklaring="Stønad",
            )
        )  # fmt: skip
    antall = len(utbetalinger)
    _lag(Utbetaling, utbetalinger)
    _lag(Utbetalingspost, poster)
    return antall
