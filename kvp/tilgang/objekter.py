"""Tilgangslaget: hvem får gjøre hva med hvilket objekt (ADR 0006).

Hver høyere app registrerer objekttypene sine i `AppConfig.ready()` med `registrer`: modellen, stien fra objektet
til kontoret det hører til, og hvilke roller som får gjøre hvilken handling. Her står den ene generiske
implementasjonen (`hent`, `synlige`, `kan`, `kontorer`) og ett inngangspunkt per objekttype (`person`, `sak`, …).
Laget importerer ingen høyere app; det kjenner modellene bare gjennom registeret.

Regelen er den samme for alle typer: en bruker får gjøre en handling med et objekt når hen har en av handlingens
roller **ved objektets kontor** (statsforvalter og deltaker har egne scope, se `Objekttype`). Ellers:

* objektet finnes ikke, eller brukeren kan ikke lese det: `IkkeFunnet` (404, ingen lekkasje om hva som finnes);
* en annen handling enn lesing er ikke lov, og brukeren har en rolle ved objektets kontor eller ser objektet:
  `IkkeTilgang` (403); uten noen rolle ved kontoret: `IkkeFunnet` (404).

Svaret avhenger bare av rollene ved objektets kontor: en bruker med roller ved flere kontorer får for hvert objekt
det samme som en bruker med bare rollene ved objektets kontor. Listene (`synlige(..., krev=True)`) gir 403 til den
som ikke har listens roller noe sted.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from uuid import UUID

from django.db import models
from django.db.models import Q

from kvp.felles.feil import IkkeFunnet, IkkeTilgang

from .models import Bruker, NavKontor, Rolle
from .tilgang import Tilgang, tilgang_for


class Handling(StrEnum):
    LES = "LES"
    SKRIV = "SKRIV"
    #: Vilkårsvurdering, vedtaksutkast og iverksetting av en sak (saksbehandlerens vedtaksarbeid).
    BEHANDLE = "BEHANDLE"
    BESLUTT = "BESLUTT"
    ATTESTER = "ATTESTER"
    GODKJENN = "GODKJENN"
    EKSPORTER = "EKSPORTER"


@dataclass(frozen=True)
class Objekttype:
    """Én objekttype i registeret.

    * `kontorsti`: oppslaget fra objektet til kontorets id (`kontor_id`, `sak__kontor_id`,
      `kommune__nav_kontor_id`).
    * `roller`: handling → rollene (ved objektets kontor) som får gjøre den. `Rolle.STATSFORVALTER` og
      `Rolle.DELTAKER` i en handling gjelder bare med `statsforvaltersti` og `personsti`.
    * `statsforvaltersti`: (fylket til kontoret, vilkåret for at statsforvalteren ser objektet) for
      statsforvalterens scope. Vilkåret er et boolsk felt («sendt til statsforvalteren»), et `Q`-uttrykk (klagen har
      en status statsforvalteren ser) eller `None` (alt i fylket, som tilsynene).
    * `kontorvilkaar`: et `Q`-uttrykk objektet i tillegg må oppfylle for at kontorrollene skal se det (tilsynet
      først når rapporten er sendt). Et objekt som ikke oppfyller det, finnes ikke for kontoret (404).
    * `personsti`: personen objektet gjelder, for deltakerens scope (bare egen person).
    * `oppslag`: feltet id-en slås opp i (`pk` om ikke annet er sagt).
    * `fylkesti`: for objekter til alle kontorene i et fylke (kontorstien er tom, som rettleiingene): fylket. Da ser
      kontorrollene objektet når fylket er fylket til et av kontorene deres.
    * `eiersti`: brukeren som eier objektet (startet jobben); eieren får alltid lese det, uansett roller.
    """

    navn: str
    modell: type[models.Model]
    kontorsti: str
    roller: Mapping[Handling, frozenset[str]]
    ikke_funnet: str
    statsforvaltersti: tuple[str, str | Q | None] | None = None
    personsti: str | None = None
    oppslag: str = "pk"
    relatert: tuple[str, ...] = field(default=())
    kontorvilkaar: Q | None = None
    eiersti: str | None = None
    fylkesti: str | None = None


_REGISTER: dict[str, Objekttype] = {}


def registrer(
    navn: str,
    *,
    modell: type[models.Model],
    kontorsti: str,
    roller: Mapping[Handling, Iterable[str]],
    ikke_funnet: str,
    statsforvaltersti: tuple[str, str | Q | None] | None = None,
    personsti: str | None = None,
    oppslag: str = "pk",
    relatert: Iterable[str] = (),
    kontorvilkaar: Q | None = None,
    eiersti: str | None = None,
    fylkesti: str | None = None,
) -> Objekttype:
    """Registrerer en objekttype (kalles i `AppConfig.ready()`). Samme navn to ganger er en programfeil, med mindre
    registreringen er lik (Django kan kalle `ready()` mer enn én gang i tester)."""
    ny = Objekttype(
        navn=navn,
        modell=modell,
        kontorsti=kontorsti,
        roller={Handling(h): frozenset(str(r) for r in rr) for h, rr in roller.items()},
        ikke_funnet=ikke_funnet,
        statsforvaltersti=statsforvaltersti,
        personsti=personsti,
        oppslag=oppslag,
        relatert=tuple(relatert),
        kontorvilkaar=kontorvilkaar,
        eiersti=eiersti,
        fylkesti=fylkesti,
    )
    if Handling.LES not in ny.roller:
        raise ValueError(f"Objekttypen {navn} må si hvem som får lese den.")
    gammel = _REGISTER.get(navn)
    if gammel is not None and gammel != ny:
        raise ValueError(f"Objekttypen {navn} er allerede registrert med andre regler.")
    _REGISTER[navn] = ny
    return ny


def objekttype(navn: str) -> Objekttype:
    try:
        return _REGISTER[navn]
    except KeyError:
        raise LookupError(f"Objekttypen {navn} er ikke registrert (mangler registrer() i AppConfig.ready()?)") from None


def registrerte() -> dict[str, Objekttype]:
    """Hele registeret (til tester og dokumentasjonen av hvem som får gjøre hva)."""
    return dict(_REGISTER)


def _roller(ot: Objekttype, handling: Handling) -> frozenset[str]:
    roller = ot.roller.get(handling)
    if roller is None:
        raise LookupError(f"Objekttypen {ot.navn} har ingen regel for handlingen {handling}.")
    return roller


def _scope(t: Tilgang, ot: Objekttype, handling: Handling, bruker: Any = None) -> Q:
    """Objektene av typen som `t` får gjøre `handling` med, som et Q-uttrykk (tomt om ingen)."""
    roller = _roller(ot, handling)
    kontorer = t.kontorer_med(*roller)
    scope = Q(**{f"{ot.kontorsti}__in": kontorer}) if kontorer else Q(pk__in=[])
    if kontorer and ot.fylkesti:
        fylker = NavKontor.objects.filter(pk__in=kontorer).values("fylke")
        scope |= Q(**{f"{ot.kontorsti}__isnull": True, f"{ot.fylkesti}__in": fylker})
    if kontorer and ot.kontorvilkaar is not None:
        scope &= ot.kontorvilkaar
    if Rolle.STATSFORVALTER in roller and ot.statsforvaltersti and t.statsforvalter_fylker:
        fylke, vilkaar = ot.statsforvaltersti
        sf = Q(**{f"{fylke}__in": sorted(t.statsforvalter_fylker)})
        if isinstance(vilkaar, Q):
            sf &= vilkaar
        elif vilkaar is not None:
            sf &= Q(**{vilkaar: True})
        scope |= sf
    if Rolle.DELTAKER in roller and ot.personsti and t.deltaker_personer:
        scope |= Q(**{f"{ot.personsti}__in": sorted(t.deltaker_personer, key=str)})
    if ot.eiersti and handling == Handling.LES and isinstance(bruker, Bruker) and bruker.is_authenticated:
        scope |= Q(**{ot.eiersti: bruker.pk})
    return scope


def _har_noen_rolle(t: Tilgang, ot: Objekttype, handling: Handling) -> bool:
    roller = _roller(ot, handling)
    return bool(
        (ot.eiersti and handling == Handling.LES)
        or t.kontorer_med(*roller)
        or (Rolle.STATSFORVALTER in roller and ot.statsforvaltersti and t.statsforvalter_fylker)
        or (Rolle.DELTAKER in roller and ot.personsti and t.deltaker_personer)
    )


def synlige(
    bruker: Bruker, navn: str, handling: Handling = Handling.LES, *, krev: bool = False
) -> "models.QuerySet[Any]":
    """Alle objekter av typen `navn` som brukeren får gjøre `handling` med (til lister). Tomt om ingen; med `krev`
    `IkkeTilgang` når brukeren ikke har handlingens roller noe sted (siden er ikke for hen)."""
    ot = objekttype(navn)
    t = tilgang_for(bruker)
    if krev and not _har_noen_rolle(t, ot, handling):
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    qs: models.QuerySet[Any] = ot.modell._default_manager.filter(_scope(t, ot, handling, bruker))
    return qs


def kontorer(bruker: Bruker, navn: str, handling: Handling, *, krev: bool = False) -> list[UUID]:
    """Kontorene der brukeren får gjøre `handling` med typen (til kontorlister som tavla og valglister, aldri til
    ett objekt). Med `krev` `IkkeTilgang` når det ikke er noen."""
    ot = objekttype(navn)
    svar = tilgang_for(bruker).kontorer_med(*_roller(ot, handling))
    if krev and not svar:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    return svar


def hent(
    bruker: Bruker,
    navn: str,
    objekt_id: Any,
    handling: Handling,
    *,
    laas: bool = False,
    laas_ogsaa: tuple[str, ...] = (),
    relatert: Iterable[str] | None = None,
    queryset: "models.QuerySet[Any] | None" = None,
) -> Any:
    """Objektet av typen `navn` med id `objekt_id`, når brukeren får gjøre `handling` med det; ellers `IkkeFunnet`
    eller `IkkeTilgang` (se modulteksten).

    `laas` låser raden (`select_for_update(of=("self", *laas_ogsaa))`) til transaksjonen er ferdig; tilgangen
    sjekkes i samme spørring, så et objekt brukeren ikke får røre, blir aldri returnert. `relatert` er
    `select_related` (standard: typens egne), `queryset` et utgangspunkt med egne filtre eller annoteringer.
    """
    ot = objekttype(navn)
    t = tilgang_for(bruker)
    if _har_noen_rolle(t, ot, handling):
        qs: models.QuerySet[Any] = queryset if queryset is not None else ot.modell._default_manager.all()
        relatert = ot.relatert if relatert is None else tuple(relatert)
        if relatert:
            qs = qs.select_related(*relatert)
        if laas:
            qs = qs.select_for_update(of=("self", *laas_ogsaa))
        objekt = qs.filter(_scope(t, ot, handling, bruker), **{ot.oppslag: objekt_id}).first()
        if objekt is not None:
            return objekt
    # Nektet. Lesing: objektet finnes ikke for brukeren (404). Andre handlinger: 403 for den som har en rolle ved
    # objektets kontor eller ser objektet, ellers 404. Svaret avhenger bare av rollene ved objektets kontor, aldri av
    # roller ved andre kontorer.
    if handling != Handling.LES:
        alle = ot.modell._default_manager.filter(**{ot.oppslag: objekt_id})
        kjent = alle if ot.kontorvilkaar is None else alle.filter(ot.kontorvilkaar)
        kontor_id = kjent.values_list(ot.kontorsti, flat=True).first()
        if kontor_id is not None and kontor_id in t.roller_per_kontor:
            raise IkkeTilgang("Du har ikke tilgang til dette.")
        if _har_noen_rolle(t, ot, Handling.LES) and alle.filter(_scope(t, ot, Handling.LES, bruker)).exists():
            raise IkkeTilgang("Du har ikke tilgang til dette.")
    raise IkkeFunnet(ot.ikke_funnet)


def _kontor_id(objekt: Any, sti: str) -> Any:
    verdi = objekt
    deler = sti.split("__")
    for i, del_ in enumerate(deler):
        if verdi is None:
            return None
        if i == len(deler) - 1 and del_.endswith("_id"):
            return getattr(verdi, del_)
        verdi = getattr(verdi, del_)
    return getattr(verdi, "pk", verdi)


def kan(bruker: Bruker, navn: str, objekt: Any, handling: Handling) -> bool:
    """Får brukeren gjøre `handling` med `objekt` (som allerede er hentet gjennom laget)? Til knapper og skjemaer
    på en side; tjenesten sjekker uansett selv med `hent`. Bare kontorrollene teller her."""
    ot = objekttype(navn)
    kontor = _kontor_id(objekt, ot.kontorsti)
    kontorer = tilgang_for(bruker).kontorer_med(*_roller(ot, handling))
    if kontor is None and ot.fylkesti and kontorer:  # til alle kontorene i fylket
        fylke = _kontor_id(objekt, ot.fylkesti)
        return NavKontor.objects.filter(pk__in=kontorer, fylke=fylke).exists()
    if kontor is None or kontor not in kontorer:
        return False
    if ot.kontorvilkaar is None:
        return True
    return bool(ot.modell._default_manager.filter(ot.kontorvilkaar, pk=objekt.pk).exists())


# Ett inngangspunkt per objekttype. Typene registreres av appene som eier modellene (se ADR 0006).


def person(bruker: Bruker, person_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    return hent(bruker, "person", person_id, handling, laas=laas, **kw)


def sak(bruker: Bruker, sak_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    return hent(bruker, "sak", sak_id, handling, laas=laas, **kw)


def vedtak(bruker: Bruker, vedtak_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    return hent(bruker, "vedtak", vedtak_id, handling, laas=laas, **kw)


def brev(bruker: Bruker, brev_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    return hent(bruker, "brev", brev_id, handling, laas=laas, **kw)


def plan(bruker: Bruker, sak_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    """Saken, sett fra programplanen (planen adresseres med sakens id)."""
    return hent(bruker, "plan", sak_id, handling, laas=laas, **kw)


def oppmoete(bruker: Bruker, sak_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    """Saken, sett fra oppmøtet (oppmøtet adresseres med sakens id)."""
    return hent(bruker, "oppmoete", sak_id, handling, laas=laas, **kw)


def utbetalingsrunde(
    bruker: Bruker, runde_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any
) -> Any:
    return hent(bruker, "utbetalingsrunde", runde_id, handling, laas=laas, **kw)


def tilbakekreving(
    bruker: Bruker, tilbakekreving_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any
) -> Any:
    return hent(bruker, "tilbakekreving", tilbakekreving_id, handling, laas=laas, **kw)


def klage(bruker: Bruker, klage_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    return hent(bruker, "klage", klage_id, handling, laas=laas, **kw)


def tilsyn(bruker: Bruker, tilsyn_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any) -> Any:
    return hent(bruker, "tilsyn", tilsyn_id, handling, laas=laas, **kw)


def rettleiing(
    bruker: Bruker, rettleiing_id: Any, handling: Handling = Handling.LES, *, laas: bool = False, **kw: Any
) -> Any:
    return hent(bruker, "rettleiing", rettleiing_id, handling, laas=laas, **kw)


def jobb(bruker: Bruker, jobb_id: Any, handling: Handling = Handling.LES, **kw: Any) -> Any:
    """En bakgrunnsjobb: den som startet den, og lederne ved kontoret den hører til, ser den (andre får 404)."""
    return hent(bruker, "jobb", jobb_id, handling, **kw)


# Sider uten objekt (menyen, registreringsskjemaer, kontorlister). En side registreres med rollene som får bruke den;
# svaret regnes alltid per kontor: siden brukes for ett kontor om gangen, og bare kontorene der brukeren har en av
# sidens roller, kan velges. Menyen viser en side når det finnes minst ett slikt kontor (eller, for
# `Rolle.STATSFORVALTER` og `Rolle.DELTAKER`, et fylke eller en egen person).


@dataclass(frozen=True)
class Side:
    navn: str
    roller: frozenset[str]


_SIDER: dict[str, Side] = {}


def registrer_side(navn: str, *, roller: Iterable[str]) -> Side:
    """Registrerer en side uten objekt (kalles i `AppConfig.ready()`), med rollene som får bruke den."""
    ny = Side(navn=navn, roller=frozenset(str(r) for r in roller))
    if not ny.roller:
        raise ValueError(f"Siden {navn} må si hvem som får bruke den.")
    gammel = _SIDER.get(navn)
    if gammel is not None and gammel != ny:
        raise ValueError(f"Siden {navn} er allerede registrert med andre roller.")
    _SIDER[navn] = ny
    return ny


def side(navn: str) -> Side:
    try:
        return _SIDER[navn]
    except KeyError:
        raise LookupError(f"Siden {navn} er ikke registrert (mangler registrer_side() i AppConfig.ready()?)") from None


def registrerte_sider() -> dict[str, Side]:
    return dict(_SIDER)


def side_kontorer(bruker: Bruker | Any, navn: str) -> list[UUID]:
    """Kontorene der brukeren får bruke siden (ordnet, så valglister blir stabile)."""
    return sorted(tilgang_for(bruker).kontorer_med(*side(navn).roller), key=str)


def ser_side(bruker: Bruker | Any, navn: str) -> bool:
    """Skal siden vises i menyen for brukeren?"""
    s = side(navn)
    t = tilgang_for(bruker)
    return bool(
        t.kontorer_med(*s.roller)
        or (Rolle.STATSFORVALTER in s.roller and t.statsforvalter_fylker)
        or (Rolle.DELTAKER in s.roller and t.deltaker_personer)
    )


def meny(bruker: Bruker | Any) -> dict[str, bool]:
    """Alle registrerte sider, med om brukeren skal se dem (til menyen)."""
    return {navn: ser_side(bruker, navn) for navn in _SIDER}


def krev_side(bruker: Bruker | Any, navn: str) -> None:
    """`IkkeTilgang` når brukeren ikke får bruke siden noe sted."""
    if not ser_side(bruker, navn):
        raise IkkeTilgang("Du har ikke tilgang til dette.")


def side_kontor(bruker: Bruker | Any, navn: str, valgt: Any = None) -> UUID | None:
    """Kontoret siden skal brukes for.

    * Brukeren har ikke sidens roller ved noe kontor: `IkkeTilgang`.
    * `valgt` (kontorets id fra skjemaet eller lenken) er et av brukerens kontorer for siden: det kontoret.
      Et annet eller ugyldig kontor: `IkkeTilgang` (rollen ved et annet kontor teller aldri).
    * Ingenting valgt og bare ett kontor: det kontoret. Flere kontorer: `None` (visningen lar brukeren velge).
    """
    kontorer = side_kontorer(bruker, navn)
    if not kontorer:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    if valgt not in (None, ""):
        try:
            kontor_id = valgt if isinstance(valgt, UUID) else UUID(str(valgt))
        except ValueError:
            raise IkkeTilgang("Du har ikke tilgang til dette kontoret.") from None
        if kontor_id not in kontorer:
            raise IkkeTilgang("Du har ikke tilgang til dette kontoret.")
        return kontor_id
    return kontorer[0] if len(kontorer) == 1 else None
