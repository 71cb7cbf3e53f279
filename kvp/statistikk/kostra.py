"""KOSTRA 11CF: fra registrerte data til filens poster (reglene står i docs/regler/kostra-11cf.md).

Én post per sak der deltakeren var i program en dag i året og bor i kommunen. Alt leses med et fast antall
spørringer, uansett hvor mange deltakere kommunen har; reglene selv er rene funksjoner i `kvp_regler.kostra`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Q, Sum

from kvp.person.models import Forsoergerperiode
from kvp.sak.models import Sak
from kvp.utbetaling.models import Posttype, Rundestatus, Utbetalingspost
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype
from kvp_regler.kostra import Rapport, kontroller, lag_fil
from kvp_regler.kostra import utledning as u
from kvp_regler.kostra.oppsett import MAANEDSFELT, SITUASJONSFELT, STOETTEFELT
from kvp_regler.kostra.skriver import Verdi

from .models import KostraOpplysninger

IKKE_BETALT = (Rundestatus.SIMULERT,)


@dataclass
class Uttrekk:
    aar: int
    kommune: str
    bydel: str
    poster: list[dict[str, Verdi]] = field(default_factory=list)
    saker: list[UUID] = field(default_factory=list)
    kontorer: list[UUID] = field(default_factory=list)
    personer: list[UUID] = field(default_factory=list)

    @property
    def region(self) -> str:
        return self.kommune + (self.bydel or "00")

    def fil(self) -> bytes:
        return lag_fil(self.poster)

    def kontroller(self) -> tuple[bytes, Rapport]:
        fil = self.fil()
        return fil, kontroller(fil, aar=self.aar, region=self.region, har_deltakere=bool(self.poster))


def sjekksum(fil: bytes) -> str:
    return hashlib.sha256(fil).hexdigest()


def _saker(kommune: str, aar: int) -> list[Sak]:
    start, slutt = dt.date(aar, 1, 1), dt.date(aar, 12, 31)
    return list(
        Sak.objects.filter(person__kommune_id=kommune, begynt_dato__isnull=False, begynt_dato__lte=slutt)
        .filter(Q(avsluttet_dato__isnull=True) | Q(avsluttet_dato__gte=start))
        .select_related("person", "vilkaarsvurdering", "saksbehandler")
        .order_by("begynt_dato", "id")
    )


def _barn(saker: list[Sak]) -> dict[UUID, list[u.BarnIHusstanden]]:
    perioder: dict[UUID, dict[UUID, list[tuple[dt.date, dt.date | None]]]] = defaultdict(lambda: defaultdict(list))
    foedt: dict[UUID, dt.date] = {}
    for p in Forsoergerperiode.objects.filter(barn__forelder_id__in={s.person_id for s in saker}).values_list(
        "barn__forelder_id", "barn_id", "barn__foedselsdato", "fra_og_med", "til_og_med"
    ):
        forelder, barn, fdato, fra, til = p
        foedt[barn] = fdato
        perioder[forelder][barn].append((fra, til))
    return {
        forelder: [u.BarnIHusstanden(foedt[b], tuple(pp)) for b, pp in barna.items()]
        for forelder, barna in perioder.items()
    }


def _avslutninger(saker: list[Sak]) -> dict[UUID, Vedtak]:
    """Det siste fattede vedtaket med KOSTRA-status (avslutning eller stans) per sak."""
    ut: dict[UUID, Vedtak] = {}
    for v in (
        Vedtak.objects.filter(sak_id__in=[s.pk for s in saker if s.avsluttet_dato], status=Vedtaksstatus.FATTET)
        .exclude(kostra_status="")
        .order_by("fattet_tidspunkt")
        .only("sak_id", "kostra_status", "kostra_situasjon", "kostra_inntektskilde")
    ):
        ut[v.sak_id] = v
    return ut


def _permisjon_ved_aarsslutt(saker: list[Sak], aar: int) -> set[UUID]:
    """Saker med et fattet vedtak om permisjon eller midlertidig avbrudd som gjelder 31.12., og ingen gjenopptak
    mellom starten på det og 31.12."""
    dag = dt.date(aar, 12, 31)
    aktuelle = [s.pk for s in saker if not s.avsluttet_dato or s.avsluttet_dato > dag]
    pauser: dict[UUID, dt.date] = {}
    gjenopptak: dict[UUID, list[dt.date]] = defaultdict(list)
    for sak_id, typ, fra, til in Vedtak.objects.filter(
        sak_id__in=aktuelle,
        status=Vedtaksstatus.FATTET,
        type__in=(Vedtakstype.PERMISJON, Vedtakstype.AVBRUDD, Vedtakstype.GJENOPPTAK),
        fra_og_med__lte=dag,
    ).values_list("sak_id", "type", "fra_og_med", "til_og_med"):
        if typ == Vedtakstype.GJENOPPTAK:
            gjenopptak[sak_id].append(fra)
        elif til is None or til >= dag:
            pauser[sak_id] = max(fra, pauser.get(sak_id, fra))
    return {s for s, fra in pauser.items() if not any(fra < g <= dag for g in gjenopptak[s])}


def _maaneder_og_beloep(saker: list[Sak], aar: int) -> tuple[dict[UUID, set[int]], dict[UUID, Decimal]]:
    """Stønadspostene (ordinære og etterbetalinger) for månedene i året, i runder som er godkjent eller senere."""
    maaneder: dict[UUID, set[int]] = defaultdict(set)
    beloep: dict[UUID, Decimal] = defaultdict(Decimal)
    for sak_id, maaned, sum_ in (
        Utbetalingspost.objects.filter(
            sak_id__in=[s.pk for s in saker], aar=aar, type__in=(Posttype.ORDINAER, Posttype.ETTERBETALING)
        )
        .exclude(utbetaling__runde__status__in=IKKE_BETALT)
        .values_list("sak_id", "maaned")
        .annotate(sum=Sum("beloep"))
        .values_list("sak_id", "maaned", "sum")
    ):
        if sum_ and sum_ > 0:
            maaneder[sak_id].add(maaned)
        beloep[sak_id] += sum_ or Decimal(0)
    return maaneder, beloep


def _opplysninger(saker: list[Sak], aar: int) -> dict[UUID, KostraOpplysninger]:
    """Årets opplysninger; mangler de, brukes sivilstanden fra siste år før (annen støtte gjelder bare året)."""
    ut: dict[UUID, KostraOpplysninger] = {}
    for o in KostraOpplysninger.objects.filter(sak_id__in=[s.pk for s in saker], aar__lte=aar).order_by("aar"):
        ut[o.sak_id] = o
    return ut


def _i_biter(saker: list[Sak], stoerrelse: int = 2000) -> list[list[Sak]]:
    return [saker[i : i + stoerrelse] for i in range(0, len(saker), stoerrelse)] or [[]]


def uttrekk(*, kommune: str, aar: int, bydel: str = "") -> Uttrekk:
    """Postene i 11CF for `kommune` og `aar` (rapporteres i januar året etter)."""
    resultat = Uttrekk(aar=aar, kommune=kommune, bydel=bydel)
    alle = _saker(kommune, aar)
    journalnumre = u.unike_journalnumre(s.pk.hex for s in alle)
    aarsslutt = dt.date(aar, 12, 31)
    nr = 0
    for saker in _i_biter(alle):
        barn = _barn(saker)
        avslutninger = _avslutninger(saker)
        permisjon = _permisjon_ved_aarsslutt(saker, aar)
        maaneder, utbetalt = _maaneder_og_beloep(saker, aar)
        opplysninger = _opplysninger(saker, aar)
        for sak in saker:
            post = _post(
                sak=sak,
                aar=aar,
                kommune=kommune,
                bydel=bydel,
                journalnr=journalnumre[nr],
                barn=barn.get(sak.person_id, []),
                avslutning=avslutninger.get(sak.pk),
                permisjon=sak.pk in permisjon,
                maaneder=maaneder.get(sak.pk, set()),
                utbetalt=utbetalt.get(sak.pk),
                opplysninger=opplysninger.get(sak.pk),
                aarsslutt=aarsslutt,
            )
            nr += 1
            resultat.poster.append(post)
            resultat.saker.append(sak.pk)
            resultat.kontorer.append(sak.kontor_id)
            resultat.personer.append(sak.person_id)
    return resultat


def _post(
    *,
    sak: Sak,
    aar: int,
    kommune: str,
    bydel: str,
    journalnr: str,
    barn: list[u.BarnIHusstanden],
    avslutning: Vedtak | None,
    permisjon: bool,
    maaneder: set[int],
    utbetalt: Decimal | None,
    opplysninger: KostraOpplysninger | None,
    aarsslutt: dt.date,
) -> dict[str, Verdi]:
    person = sak.person
    vv: Any = getattr(sak, "vilkaarsvurdering", None)
    status = u.status_per_aarsslutt(
        aar=aar,
        avsluttet=sak.avsluttet_dato,
        avslutningsstatus=avslutning.kostra_status if avslutning else "",
        permisjon_ved_aarsslutt=permisjon,
    )
    telledag = min(aarsslutt, sak.avsluttet_dato) if sak.avsluttet_dato else aarsslutt
    antall = u.antall_barn(barn, telledag)
    post: dict[str, Verdi] = {
        "KOMMUNE_NR": kommune,
        "VERSION": f"{aar % 100:02d}",
        "BYDELSNR": bydel,
        "FODSELSDATO": person.foedselsdato,
        "PERSON_JOURNALNR": journalnr,
        "PERSON_FODSELSNR": person.foedselsnummer,
        "KJONN": u.kjoenn(person.foedselsnummer),
        "EKTSTAT": opplysninger.sivilstand if opplysninger else "",
        "BU18": "1" if antall else "2",
        "ANTBU18": antall or None,
        "REG_DATO": vv.soeknadsdato if vv else sak.mottatt_dato,
        "VEDTAK_DATO": sak.vedtak_dato,
        "BEGYNT_DATO": sak.begynt_dato,
        "STATUS": status,
        "SAKSBEHANDLER": sak.saksbehandler.get_username()[:10] if sak.saksbehandler else "",
    }
    if vv is not None:
        annen, kommunenr = vv.kvp_annen_kommune, vv.kvp_kommunenummer
    elif opplysninger is not None and opplysninger.kvp_annen_kommune is not None:
        annen, kommunenr = opplysninger.kvp_annen_kommune, opplysninger.kvp_kommunenummer
    else:
        annen, kommunenr = None, ""
    if annen is not None:
        post["KVP_KOMM"] = "1" if annen else "2"
        if annen:
            post["KOMMNR_KVP_KOMM"] = kommunenr or "9999"
    if vv is not None:
        if vv.sosialhjelp_foer:
            post["YTELSE_SOSHJELP"] = True
            post["YTELSE_TYPE_SOSHJ"] = vv.sosialhjelp_foer
        post["YTELSE_INTRO"] = vv.introduksjonsstoenad_foer
        post["YTELSE_TILTAKSPENGER"] = vv.tiltakspenger_foer
        post["YTELSE_FOLKETRYGDL"] = vv.folketrygd_foer
    if opplysninger is not None and opplysninger.aar == aar:
        valgt = set(opplysninger.annen_stoette)
        post["KVP_MED_ASTONAD"] = "1" if valgt else "2"
        for navn, kode in STOETTEFELT:
            post[navn] = kode in valgt
    for (navn, _kode), maaned in zip(MAANEDSFELT, range(1, 13), strict=True):
        post[navn] = maaned in maaneder
    if utbetalt is not None:
        post["KVP_STONAD"] = u.hele_kroner(utbetalt)
    if status in ("3", "4", "5", "7"):
        post["AVSL_DATO"] = sak.avsluttet_dato
    if avslutning is not None and status in ("3", "4", "5", "7"):
        situasjon = set(avslutning.kostra_situasjon or [])
        for navn, kode in SITUASJONSFELT:
            post[navn] = kode in situasjon
        post["AVSL_VIKTIGSTE_INNTEKT"] = avslutning.kostra_inntektskilde
    return post


def uttrekk_personer(*, kommune: str, aar: int) -> list[tuple[UUID, UUID]]:
    """(person, kontor) for deltakerne i filen, til revisjonsloggen."""
    return [(s.person_id, s.kontor_id) for s in _saker(kommune, aar)]
