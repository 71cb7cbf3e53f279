"""Én bit av utbetalingsrunden: hvilke deltakere som ennå ikke er med, og beregningen av dem (stønaden per måned,
etterbetalinger, trekk for tilbakekreving og skattetrekk etter `kvp_regler.oppgjoer`). Kalles med runden låst."""

import uuid
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Exists, Max, OuterRef, Q, Sum

from kvp.felles.feil import KvpFeil
from kvp.felles.idliste import id_liste
from kvp.felles.massekopi import masseinnsett_rader
from kvp.oppmoete.grunnlag import Grunnlagssak, beregn_mange_som_json, beregn_som_json, grunnlag_for_sakrader
from kvp.oppmoete.models import Maanedsattestering
from kvp.sak.models import PROGRAMPERIODEFELT, Sak, programperiode
from kvp_regler.oppgjoer import NULL, gjoer_opp, skattetrekk, skattetrekk_prosent
from kvp_regler.parametere import Parametersett

from ..beregning import kroner, maanedstekst
from ..models import (
    Beregning,
    Beregningsaarsak,
    Mottaker,
    Posttype,
    Rundestatus,
    Tilbakekreving,
    Tilbakekrevingsstatus,
    Utbetaling,
    Utbetalingskorreksjon,
    Utbetalingspost,
    Utbetalingsrunde,
)


def kandidater(runde: Utbetalingsrunde, antall: int, etter: Any = None) -> list[Any]:
    """Sakene i kommunen som har en attestert, ubetalt måned til og med rundens måned, eller en etterbetaling som
    venter, og som ennå ikke er med i runden (høyst `antall`, i fast rekkefølge: sakens id).

    `etter` er den største saken forrige bit tok med: alle kandidater til og med den er da med i runden, så databasen
    trenger bare lete videre derfra (ellers leter hver bit gjennom hele kommunen, og runden blir kvadratisk)."""
    med = Utbetaling.objects.filter(runde=runde).values("sak_id")
    fra = Q() if etter is None else Q(sak_id__gt=etter)
    ordinaer = Utbetalingspost.objects.filter(
        type=Posttype.ORDINAER, sak_id=OuterRef("sak_id"), aar=OuterRef("aar"), maaned=OuterRef("maaned")
    )
    attestert = (
        Maanedsattestering.objects.filter(Q(aar__lt=runde.aar) | Q(aar=runde.aar, maaned__lte=runde.maaned))
        .filter(fra, sak__person__kommune_id=runde.kommune_id)
        .exclude(Exists(ordinaer))
        .exclude(sak_id__in=med)
        .order_by("sak_id")
        .values_list("sak_id", flat=True)
        .distinct()[:antall]
    )
    venter = (
        Utbetalingskorreksjon.objects.filter(
            fra, sak__person__kommune_id=runde.kommune_id, differanse__gt=0, utbetalingspost__isnull=True
        )
        .exclude(sak_id__in=med)
        .order_by("sak_id")
        .values_list("sak_id", flat=True)
        .distinct()[:antall]
    )
    return sorted(set(attestert) | set(venter), key=str)[:antall]


def _navn(sak_id: Any) -> str:
    """Deltakerens navn til en feilmelding (bare når noe er galt: sakene leses ellers som verdier)."""
    return Sak.objects.select_related("person").get(pk=sak_id).person.navn


_BEREGNINGSFELT = ["id", "sak_id", "aar", "maaned", "versjon", "aarsak", "attesteringsversjon", "grunnlag"]
_BEREGNINGSFELT += ["resultat", "total", "regelversjon"]
_POSTFELT = ["utbetaling_id", "sak_id", "type", "aar", "maaned", "beloep", "beregning_id", "korreksjon_id"]
_POSTFELT += ["tilbakekreving_id", "forklaring"]


def beregn_bit(runde: Utbetalingsrunde, sak_ider: list[Any], parametere: Parametersett) -> int:
    """Beregner og lagrer sakene i `sak_ider` (en bit): et fast antall spørringer, alt lest som verdier og lagret med
    `masseinnsett_rader` (COPY på PostgreSQL). Gir antall nye utbetalinger."""
    kommune = runde.kommune
    ider = id_liste(sak_ider)
    saker: dict[Any, Grunnlagssak] = {}
    for sak_id, person_id, foedselsdato, modell, *periode in Sak.objects.filter(pk__in=ider).values_list(
        "pk", "person_id", "person__foedselsdato", "person__kommune__beregningsmodell", *PROGRAMPERIODEFELT
    ):
        saker[sak_id] = Grunnlagssak(sak_id, person_id, foedselsdato, modell, programperiode(*periode))
    til_og_med = Q(aar__lt=runde.aar) | Q(aar=runde.aar, maaned__lte=runde.maaned)
    betalt = set(
        Utbetalingspost.objects.filter(type=Posttype.ORDINAER, sak_id__in=ider).values_list("sak_id", "aar", "maaned")
    )
    maaneder: dict[tuple[int, int], list[tuple[Any, int]]] = defaultdict(list)
    for sak_id, aar, maaned, versjon in (
        Maanedsattestering.objects.filter(til_og_med, sak_id__in=ider)
        .order_by("aar", "maaned")
        .values_list("sak_id", "aar", "maaned", "versjon")
    ):
        if (sak_id, aar, maaned) not in betalt:
            maaneder[(aar, maaned)].append((sak_id, versjon))
    tidligere_versjon = {
        (r["sak_id"], r["aar"], r["maaned"]): r["v"]
        for r in Beregning.objects.filter(sak_id__in=ider).values("sak_id", "aar", "maaned").annotate(v=Max("versjon"))
    }
    beregninger: list[tuple[Any, ...]] = []
    # Postene per sak, uten utbetalingen (den får id nedenfor): (sak, type, år, måned, beløp, beregning, korreksjon,
    # tilbakekreving, forklaring).
    poster: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for sak in saker.values():
        if sak.programperiode is None:
            raise KvpFeil(
                f"{_navn(sak.pk)} har en attestert måned, men saken mangler programperiode. Rett saken og simuler "
                "runden på nytt.",
                kode="KVP_RUNDE_SAK_UTEN_PROGRAMPERIODE",
            )
    ordinaer, aarsak = Posttype.ORDINAER.value, Beregningsaarsak.ORDINAER.value
    for (aar, maaned), liste in sorted(maaneder.items()):
        dokumenter = grunnlag_for_sakrader([saker[s] for s, _ in liste], aar, maaned)
        try:
            resultater = beregn_mange_som_json([dokumenter[s] for s, _ in liste], parametere)
        except KvpFeil:
            # Sjeldent: finn deltakeren med det ugyldige grunnlaget, så meldingen kan si hvem det gjelder.
            for sak_id, _ in liste:
                try:
                    beregn_som_json(dokumenter[sak_id], parametere)
                except KvpFeil as feil:
                    raise KvpFeil(
                        f"{_navn(sak_id)}, {maanedstekst(aar, maaned)}: {feil.melding}", kode=feil.kode
                    ) from feil
            raise
        forklaring = f"Kvalifiseringsstønad for {maanedstekst(aar, maaned)}."
        for (sak_id, versjon), resultat in zip(liste, resultater, strict=True):
            total = Decimal(resultat["total"])
            beregning_id = uuid.uuid4()
            beregninger.append(
                (
                    beregning_id,
                    sak_id,
                    aar,
                    maaned,
                    tidligere_versjon.get((sak_id, aar, maaned), 0) + 1,
                    aarsak,
                    versjon,
                    dokumenter[sak_id],
                    resultat,
                    total,
                    resultat["regelversjon"],
                )
            )
            poster[sak_id].append((sak_id, ordinaer, aar, maaned, total, beregning_id, None, None, forklaring))
    for korreksjon_id, sak_id, aar, maaned, differanse, til_beregning_id, forklaring in (
        Utbetalingskorreksjon.objects.filter(sak_id__in=ider, differanse__gt=0, utbetalingspost__isnull=True)
        .order_by("aar", "maaned", "opprettet")
        .values_list("pk", "sak_id", "aar", "maaned", "differanse", "til_beregning_id", "forklaring")
    ):
        poster[sak_id].append(
            (
                sak_id,
                Posttype.ETTERBETALING.value,
                aar,
                maaned,
                differanse,
                til_beregning_id,
                korreksjon_id,
                None,
                forklaring,
            )
        )
    mottakere = {
        person_id: (konto, prosent)
        for person_id, konto, prosent in Mottaker.objects.filter(
            person_id__in=id_liste(s.person_id for s in saker.values())
        ).values_list("person_id", "kontonummer", "skattetrekk_prosent")
    }
    rest: dict[Any, list[tuple[Any, int, int, Decimal]]] = defaultdict(list)
    for tk_id, sak_id, beloep, trukket, k_aar, k_maaned in (
        Tilbakekreving.objects.filter(sak_id__in=ider, status=Tilbakekrevingsstatus.VEDTATT)
        .annotate(trukket=Sum("trekk__beloep"))
        .order_by("vedtatt", "pk")
        .values_list("pk", "sak_id", "beloep", "trukket", "korreksjon__aar", "korreksjon__maaned")
    ):
        rest[sak_id].append((tk_id, k_aar, k_maaned, beloep + (trukket or NULL)))
    utbetalinger: list[tuple[Any, ...]] = []
    alle_poster: list[tuple[Any, ...]] = []
    oppgjort: list[Any] = []
    for sak_id in sak_ider:
        sakens = poster[sak_id]
        if not sakens:
            continue
        konto, prosent = mottakere.get(saker[sak_id].person_id, ("", None))
        aapne = rest[sak_id]
        oppgjoer = gjoer_opp(
            brutto=sum((p[4] for p in sakens), NULL),
            gjenstaaende=[gjenstaar for *_, gjenstaar in aapne],
            maks_trekk_prosent=kommune.maks_trekk_prosent,
            skattetrekk_prosent=skattetrekk_prosent(prosent, runde.utbetalingsdato, parametere),
        )
        for (tk_id, k_aar, k_maaned, gjenstaar), beloep in zip(aapne, oppgjoer.trekk, strict=True):
            if beloep <= 0:
                continue
            sakens.append(
                (
                    sak_id,
                    Posttype.TREKK.value,
                    runde.aar,
                    runde.maaned,
                    -beloep,
                    None,
                    None,
                    tk_id,
                    (
                        f"Trekk for tilbakekreving av for mye utbetalt for "
                        f"{maanedstekst(k_aar, k_maaned)}: {kroner(beloep)} av "
                        f"{kroner(gjenstaar)} som gjenstår (høyst {kommune.maks_trekk_prosent} % av utbetalingen)."
                    )[:500],
                )
            )
            if beloep == gjenstaar:
                oppgjort.append(tk_id)
        utbetaling_id = uuid.uuid4()
        utbetalinger.append(
            (
                utbetaling_id,
                runde.pk,
                sak_id,
                oppgjoer.brutto,
                oppgjoer.sum_trekk,
                oppgjoer.skattetrekk_prosent,
                oppgjoer.skattetrekk,
                oppgjoer.netto,
                konto,
            )
        )
        alle_poster.extend((utbetaling_id, *post) for post in sakens)
    masseinnsett_rader(Beregning, _BEREGNINGSFELT, beregninger)
    masseinnsett_rader(
        Utbetaling,
        ["id", "runde_id", "sak_id", "brutto", "trekk", "skattetrekk_prosent", "skattetrekk", "netto", "kontonummer"],
        utbetalinger,
    )
    masseinnsett_rader(Utbetalingspost, _POSTFELT, alle_poster)
    if oppgjort:
        Tilbakekreving.objects.filter(pk__in=oppgjort).update(status=Tilbakekrevingsstatus.OPPGJORT)
    return len(utbetalinger)


def utdaterte_saker(runde: Utbetalingsrunde) -> set[Any]:
    """Deltakerne i en simulert runde som må regnes på nytt fordi noe er endret siden de ble beregnet: en måned i
    runden har fått høyere attesteringsversjon (hver endring i grunnlaget øker den, se
    `kvp.oppmoete.services.korreksjon`), en ny måned er attestert, eller en ny etterbetaling venter."""
    med = Utbetaling.objects.filter(runde=runde).values("sak_id")
    gjeldende = {
        (s, a, m): v
        for s, a, m, v in Maanedsattestering.objects.filter(sak_id__in=med, aar__lte=runde.aar).values_list(
            "sak_id", "aar", "maaned", "versjon"
        )
        if (a, m) <= (runde.aar, runde.maaned)
    }
    utdatert: set[Any] = set()
    for s, a, m, v in Utbetalingspost.objects.filter(utbetaling__runde=runde, type=Posttype.ORDINAER).values_list(
        "sak_id", "aar", "maaned", "beregning__attesteringsversjon"
    ):
        if gjeldende.get((s, a, m)) != v:
            utdatert.add(s)
    med_ordinaer = set(
        Utbetalingspost.objects.filter(type=Posttype.ORDINAER, sak_id__in=med).values_list("sak_id", "aar", "maaned")
    )
    utdatert |= {s for (s, a, m) in gjeldende if (s, a, m) not in med_ordinaer}
    utdatert |= set(
        Utbetalingskorreksjon.objects.filter(
            sak_id__in=med, differanse__gt=0, utbetalingspost__isnull=True
        ).values_list("sak_id", flat=True)
    )
    return utdatert


def utdaterte_utbetalinger_fjern(runde: Utbetalingsrunde) -> int:
    """En ny simulering av en simulert runde regner deltakerne med endret grunnlag på nytt (`utdaterte_saker`):
    utbetalingene og postene deres fjernes (ingenting i en simulert runde er betalt), og tilbakekrevinger som
    runden gjorde oppgjort for dem, blir åpne igjen. Beregningene står igjen som historikk (de er uforanderlige); den
    nye beregningen av måneden får neste versjon. Gir antall fjernet."""
    if runde.status != Rundestatus.SIMULERT:
        raise KvpFeil("Bare en simulert runde kan simuleres på nytt.", kode="KVP_RUNDE_LAAST")
    saker = utdaterte_saker(runde)
    if not saker:
        return 0
    poster = Utbetalingspost.objects.filter(utbetaling__runde=runde, utbetaling__sak_id__in=saker)
    Tilbakekreving.objects.filter(
        pk__in=poster.filter(tilbakekreving__isnull=False).values("tilbakekreving_id"),
        status=Tilbakekrevingsstatus.OPPGJORT,
    ).update(status=Tilbakekrevingsstatus.VEDTATT)
    poster.delete()
    antall, _ = Utbetaling.objects.filter(runde=runde, sak_id__in=saker).delete()
    if runde.ferdig:
        runde.ferdig = False
        runde.save(update_fields=["ferdig"])
    return antall


def mottakere_oppdater(runde: Utbetalingsrunde, parametere: Parametersett) -> None:
    """En simulert runde får med seg kontonummer og skattekort som er registrert etter simuleringen."""
    endret = []
    for u in (
        Utbetaling.objects.filter(runde=runde)
        .select_related("sak__person__utbetalingsmottaker")
        .iterator(chunk_size=2000)
    ):
        mottaker = getattr(u.sak.person, "utbetalingsmottaker", None)
        prosent = skattetrekk_prosent(
            mottaker.skattetrekk_prosent if mottaker else None, runde.utbetalingsdato, parametere
        )
        konto = mottaker.kontonummer if mottaker else ""
        if (u.skattetrekk_prosent, u.kontonummer) != (prosent, konto):
            u.skattetrekk_prosent, u.kontonummer = prosent, konto
            u.skattetrekk = skattetrekk(u.brutto - u.trekk, prosent)
            u.netto = u.brutto - u.trekk - u.skattetrekk
            endret.append(u)
    Utbetaling.objects.bulk_update(
        endret, ["skattetrekk_prosent", "kontonummer", "skattetrekk", "netto"], batch_size=2000
    )
