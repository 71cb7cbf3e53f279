"""API-et for andre systemer: /api/v1/ (django-ninja). Skjemaet står på /api/v1/openapi.json.

Hvert kall har et token (`Authorization: Bearer kvp_…`) for en tjenestekonto med én rolle ved ett kontor; kallet
går gjennom de samme selectorene og tjenestene som nettsidene, med tjenestekontoens bruker. Feil er «problem
details» (RFC 9457, `application/problem+json`) med norsk tekst. Se docs/api.md og ADR 0011.
"""

import base64
import binascii
import datetime as dt
import io
import json
import logging
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from ninja import Field, Header, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from kvp.felles.feil import IkkeFunnet, KvpFeil, http_status
from kvp.felles.services import lesing_registrer
from kvp.oppmoete.models import Dagstatus
from kvp.oppmoete.services import oppmoete_registrer
from kvp.person import selectors as person_selectors
from kvp.sak import selectors as sak_selectors
from kvp.statistikk import selectors as statistikk_selectors
from kvp.tilgang.models import Bruker
from kvp.utbetaling import selectors as utbetaling_selectors
from kvp.utbetaling import services as utbetaling_services
from kvp.utbetaling.models import Betalingsresultat, Betalingsstatus, Utbetaling
from kvp_regler import cli

from . import selectors, services
from .grense import kall_tillatt
from .models import Tjenestekonto

logger = logging.getLogger(__name__)

PROBLEM = "application/problem+json"
MAKS_DOKUMENTER = 1000


# ---------------------------------------------------------------------------------------------------------------
# Problem details (RFC 9457)


class Feilfelt(Schema):
    felt: str = Field(description="Hvor i forespørselen feilen er (f.eks. body.registreringer.0.status)")
    melding: str


class Problem(Schema):
    type: str = Field(description="URI som identifiserer feiltypen")
    title: str
    status: int
    detail: str
    instance: str | None = None
    kode: str | None = Field(None, description="KVPs feilkode (docs/feilkoder)")
    felt: str | None = None
    feil: list[Feilfelt] | None = None


TITLER = {
    400: "Ugyldig forespørsel",
    401: "Mangler gyldig token",
    403: "Ingen tilgang",
    404: "Fant ikke",
    405: "Metoden er ikke tillatt",
    409: "Konflikt",
    413: "For stor forespørsel",
    422: "Ugyldig innhold",
    429: "For mange forespørsler",
    500: "Intern feil",
}


def problem(
    request: HttpRequest,
    status: int,
    detalj: str,
    *,
    kode: str | None = None,
    felt: str | None = None,
    feil: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    innhold: dict[str, Any] = {
        "type": f"urn:kvp:problem:{(kode or f'HTTP_{status}').lower()}",
        "title": TITLER.get(status, "Feil"),
        "status": status,
        "detail": detalj,
        "instance": request.path,
    }
    if kode:
        innhold["kode"] = kode
    if felt:
        innhold["felt"] = felt
    if feil is not None:
        innhold["feil"] = feil
    svar = HttpResponse(json.dumps(innhold, ensure_ascii=False), status=status, content_type=PROBLEM)
    for navn, verdi in (headers or {}).items():
        svar[navn] = verdi
    return svar


class ForMangeKall(Exception):
    def __init__(self, sekunder: int) -> None:
        super().__init__("for mange kall")
        self.sekunder = sekunder


_PYDANTIC_NORSK = {
    "missing": "Feltet mangler.",
    "extra_forbidden": "Feltet er ukjent.",
    "uuid_parsing": "Verdien er ikke en gyldig id (UUID).",
    "uuid_type": "Verdien er ikke en gyldig id (UUID).",
    "date_from_datetime_parsing": "Verdien er ikke en gyldig dato (ÅÅÅÅ-MM-DD).",
    "date_parsing": "Verdien er ikke en gyldig dato (ÅÅÅÅ-MM-DD).",
    "date_type": "Verdien er ikke en gyldig dato (ÅÅÅÅ-MM-DD).",
    "int_parsing": "Verdien er ikke et heltall.",
    "int_type": "Verdien er ikke et heltall.",
    "decimal_parsing": "Verdien er ikke et tall.",
    "decimal_type": "Verdien er ikke et tall.",
    "string_type": "Verdien må være tekst.",
    "string_too_long": "Teksten er for lang.",
    "string_too_short": "Teksten er for kort.",
    "literal_error": "Verdien er ikke et av de tillatte valgene.",
    "enum": "Verdien er ikke et av de tillatte valgene.",
    "greater_than_equal": "Verdien er for liten.",
    "greater_than": "Verdien er for liten.",
    "less_than_equal": "Verdien er for stor.",
    "less_than": "Verdien er for stor.",
    "too_long": "Listen har for mange elementer.",
    "too_short": "Listen har for få elementer.",
    "list_type": "Verdien må være en liste.",
    "model_attributes_type": "Verdien må være et objekt.",
    "dict_type": "Verdien må være et objekt.",
    "json_invalid": "Innholdet er ikke gyldig JSON.",
    "decimal_max_places": "Tallet har for mange desimaler.",
    "decimal_max_digits": "Tallet har for mange sifre.",
}


def _norsk(feil: dict[str, Any]) -> dict[str, str]:
    sti = ".".join(str(d) for d in feil.get("loc", ()))
    return {"felt": sti, "melding": _PYDANTIC_NORSK.get(str(feil.get("type", "")), "Verdien er ugyldig.")}


# ---------------------------------------------------------------------------------------------------------------
# Token, grense og revisjonslogg


class Tokenauth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Tjenestekonto | None:
        konto = selectors.tjenestekonto_for_token(token)
        if konto is None:
            return None
        vent = kall_tillatt(str(konto.pk))
        if vent:
            raise ForMangeKall(vent)
        services.api_kall_registrer(konto=konto, metode=request.method or "", sti=request.path)
        return konto


class Api(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Feilsvarene er `application/problem+json` (RFC 9457); ninja skriver `application/json` for alle."""
        skjema = super().get_openapi_schema(*args, **kwargs)
        for sti in skjema.get("paths", {}).values():
            for operasjon in sti.values():
                for kode, svar in operasjon.get("responses", {}).items():
                    innhold = svar.get("content", {})
                    if str(kode).startswith(("4", "5")) and "application/json" in innhold:
                        innhold[PROBLEM] = innhold.pop("application/json")
                    if str(kode) == "429":
                        svar["headers"] = {
                            "Retry-After": {"description": "Sekunder til neste kall", "schema": {"type": "string"}}
                        }
        return skjema


api = Api(
    title="KVP API",
    version="1",
    description=(
        "API for fagsystemer og tiltaksarrangører. Hvert kall krever et token for en tjenestekonto "
        "(Authorization: Bearer …), som en leder lager under «API-tokener». Tokenet har én rolle ved ett kontor, "
        "og ser det samme som en saksbehandler med rollen. Feil er problem details (RFC 9457) på norsk."
    ),
    urls_namespace="api-v1",
    docs_url=None,
    auth=Tokenauth(),
)


def _bruker(request: HttpRequest) -> Bruker:
    konto: Tjenestekonto = request.auth  # type: ignore[attr-defined]
    return konto.bruker


@api.exception_handler(KvpFeil)
def _kvp_feil(request: HttpRequest, feil: KvpFeil) -> HttpResponse:
    if isinstance(feil, services.NoekkelBrukt):
        return problem(request, 422, feil.melding, kode=feil.kode)
    if isinstance(feil, services.NoekkelOpptatt):
        return problem(request, 409, feil.melding, kode=feil.kode)
    return problem(request, http_status(feil), feil.melding, kode=feil.kode, felt=feil.felt)


@api.exception_handler(ValidationError)
def _valideringsfeil(request: HttpRequest, feil: ValidationError) -> HttpResponse:
    return problem(
        request,
        422,
        "Forespørselen har ugyldige verdier. Se listen «feil».",
        kode="KVP_API_UGYLDIG",
        feil=[_norsk(f) for f in feil.errors],
    )


@api.exception_handler(AuthenticationError)
def _ikke_innlogget(request: HttpRequest, feil: AuthenticationError) -> HttpResponse:
    return problem(
        request,
        401,
        "Tokenet mangler, er feil eller er tilbakekalt. Send «Authorization: Bearer <token>».",
        headers={"WWW-Authenticate": 'Bearer realm="kvp"'},
    )


@api.exception_handler(ForMangeKall)
def _for_mange(request: HttpRequest, feil: ForMangeKall) -> HttpResponse:
    return problem(
        request,
        429,
        f"For mange kall med dette tokenet. Vent {feil.sekunder} sekunder.",
        headers={"Retry-After": str(feil.sekunder)},
    )


@api.exception_handler(HttpError)
def _http_feil(request: HttpRequest, feil: HttpError) -> HttpResponse:
    status = feil.status_code
    tekst = {400: "Innholdet kunne ikke leses. Send gyldig JSON.", 405: "Metoden er ikke tillatt her."}
    return problem(request, status, tekst.get(status, TITLER.get(status, "Feil i forespørselen.")))


@api.exception_handler(RequestDataTooBig)
def _for_stor(request: HttpRequest, feil: RequestDataTooBig) -> HttpResponse:
    return problem(request, 413, "Forespørselen er for stor.")


@api.exception_handler(SuspiciousOperation)
def _mistenkelig(request: HttpRequest, feil: SuspiciousOperation) -> HttpResponse:
    return problem(request, 400, "Forespørselen kunne ikke leses.")


@api.exception_handler(Exception)
def _uventet(request: HttpRequest, feil: Exception) -> HttpResponse:
    logger.exception("Uventet feil i API-et: %s", type(feil).__name__)
    return problem(request, 500, "En feil i KVP stoppet forespørselen. Ingenting er lagret. Meld fra om feilen.")


def ikke_funnet(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Adresser under /api/v1/ som ikke finnes (eller har en ugyldig id)."""
    return problem(request, 404, "Adressen finnes ikke i API-et.")


# ---------------------------------------------------------------------------------------------------------------
# Skjemaer


FEILSVAR = frozenset({400, 401, 403, 404, 422, 429})
SKRIVEFEIL = frozenset({400, 401, 403, 404, 409, 413, 422, 429})


class Side(Schema):
    antall: int = Field(description="Antall treff i alt")
    grense: int
    start: int


class PersonKort(Schema):
    id: UUID
    fornavn: str
    etternavn: str
    kommunenummer: str


class Personside(Side):
    personer: list[PersonKort]


class Person(PersonKort):
    foedselsnummer: str
    foedselsdato: dt.date
    kontor: str


class SakKort(Schema):
    id: UUID
    person_id: UUID
    status: str
    mottatt_dato: dt.date
    kontor: str


class Sakside(Side):
    saker: list[SakKort]


class Sak(SakKort):
    status_tekst: str
    program_fra_og_med: dt.date | None
    program_til_og_med: dt.date | None


class Aktivitet(Schema):
    id: UUID
    sak_id: UUID
    type: str
    tilbyder: str
    fra_og_med: dt.date
    til_og_med: dt.date
    status: str


class Aktivitetsside(Side):
    aktiviteter: list[Aktivitet]


class Oppmoeteregistrering(Schema):
    aktivitet_id: UUID
    fra_og_med: dt.date
    til_og_med: dt.date | None = None
    status: Dagstatus = Field(description="Dagstatus, f.eks. DELTATT eller UGYLDIG_FRAVAER")
    timer: Decimal | None = Field(None, ge=0, le=24, decimal_places=2, description="Bare ved ugyldig fravær")
    merknad: str = Field("", max_length=500)


class Oppmoeteinnhold(Schema):
    registreringer: list[Oppmoeteregistrering] = Field(..., min_length=1, max_length=200)


class Oppmoeteresultat(Schema):
    aktivitet_id: UUID
    sak_id: UUID
    dager: int


class Oppmoetesvar(Schema):
    registrert: list[Oppmoeteresultat]


class Runde(Schema):
    id: UUID
    kommunenummer: str
    aar: int
    maaned: int
    utbetalingsdato: dt.date
    status: str
    status_tekst: str
    antall_utbetalinger: int
    sum_netto: Decimal
    betalt: int
    avvist: int
    sendt_paa_nytt: int


class Rundeliste(Side):
    runder: list[Runde]


class Kvitteringsinnhold(Schema):
    innhold_base64: str = Field(..., max_length=8_000_000, description="pain.002-filen fra banken, base64-kodet")


class Kvitteringssvar(Schema):
    kvittering_id: UUID
    betalt: int
    avvist: int
    venter: int
    allerede_lest: bool
    rundestatus: str


class KostraKjoering(Schema):
    id: UUID
    kommunenummer: str
    bydel: str = Field(description="Bydelsnummer (bare Oslo), ellers tom")
    aar: int = Field(description="Året filen gjelder")
    kjoert: dt.datetime
    sjekksum: str = Field(description="SHA-256 av filen (heksadesimalt)")
    antall_poster: int = Field(description="Antall deltakere (poster) i filen")
    avslutningskode: int = Field(description="0 i orden, 1 bare advarsler, 2 feil (som SSBs kontrollprogram)")
    antall_feil: int
    antall_advarsler: int


class KostraKjoeringliste(Side):
    kjoeringer: list[KostraKjoering]


def _side(grense: int, start: int) -> dict[str, int]:
    return {"grense": grense, "start": start}


class Sideparametre(Schema):
    grense: int = Field(50, ge=1, le=500, description="Høyst så mange treff")
    start: int = Field(0, ge=0, le=1_000_000, description="Hopp over så mange treff")


# ---------------------------------------------------------------------------------------------------------------
# Personer og saker


@api.get("/personer", response={200: Personside, FEILSVAR: Problem}, tags=["personer"], summary="Personer i scope")
def personer(
    request: HttpRequest,
    side: Query[Sideparametre],
    navn: str = Query("", max_length=100),  # type: ignore[type-arg]
) -> dict[str, Any]:
    bruker = _bruker(request)
    qs = person_selectors.personer_for_bruker(bruker=bruker, navn=navn.replace("\x00", ""))
    rader = list(qs[side.start : side.start + side.grense])
    lesing_registrer(
        bruker=bruker, personer=((p.pk, p.kontor_id) for p in rader), formaal="API: personliste", objekttype="person"
    )
    return {
        "antall": qs.count(),
        **_side(side.grense, side.start),
        "personer": [
            {"id": p.pk, "fornavn": p.fornavn, "etternavn": p.etternavn, "kommunenummer": p.kommune_id} for p in rader
        ],
    }


@api.get("/personer/{person_id}", response={200: Person, FEILSVAR: Problem}, tags=["personer"], summary="Én person")
def person(request: HttpRequest, person_id: UUID) -> dict[str, Any]:
    p = person_selectors.person_hent(bruker=_bruker(request), person_id=person_id)
    return {
        "id": p.pk,
        "fornavn": p.fornavn,
        "etternavn": p.etternavn,
        "kommunenummer": p.kommune_id,
        "foedselsnummer": p.foedselsnummer,
        "foedselsdato": p.foedselsdato,
        "kontor": p.kontor.navn,
    }


def _sakkort(s: Any) -> dict[str, Any]:
    return {
        "id": s.pk,
        "person_id": s.person_id,
        "status": s.status,
        "mottatt_dato": s.mottatt_dato,
        "kontor": s.kontor.navn,
    }


@api.get("/saker", response={200: Sakside, FEILSVAR: Problem}, tags=["saker"], summary="Saker i scope")
def saker(request: HttpRequest, side: Query[Sideparametre]) -> dict[str, Any]:
    bruker = _bruker(request)
    qs = sak_selectors.saker_for_bruker(bruker=bruker).select_related("kontor").order_by("-mottatt_dato", "id")
    rader = list(qs[side.start : side.start + side.grense])
    lesing_registrer(
        bruker=bruker, personer=((s.person_id, s.kontor_id) for s in rader), formaal="API: saksliste", objekttype="sak"
    )
    return {"antall": qs.count(), **_side(side.grense, side.start), "saker": [_sakkort(s) for s in rader]}


@api.get("/saker/{sak_id}", response={200: Sak, FEILSVAR: Problem}, tags=["saker"], summary="Én sak")
def sak(request: HttpRequest, sak_id: UUID) -> dict[str, Any]:
    s = sak_selectors.sak_hent(bruker=_bruker(request), sak_id=sak_id)
    periode = s.programperiode()
    return {
        **_sakkort(s),
        "status_tekst": s.get_status_display(),
        "program_fra_og_med": periode[0] if periode else None,
        "program_til_og_med": periode[1] if periode else None,
    }


# ---------------------------------------------------------------------------------------------------------------
# Aktiviteter og oppmøte (tiltaksarrangøren)


@api.get(
    "/aktiviteter",
    response={200: Aktivitetsside, FEILSVAR: Problem},
    tags=["oppmøte"],
    summary="Aktivitetene i scope (filtrert på tilbyder)",
)
def aktiviteter(
    request: HttpRequest,
    side: Query[Sideparametre],
    tilbyder: str = Query("", max_length=200),  # type: ignore[type-arg]
) -> dict[str, Any]:
    bruker = _bruker(request)
    qs = selectors.aktiviteter_for_bruker(bruker=bruker, tilbyder=tilbyder.replace("\x00", ""))
    rader = list(qs.select_related("sak")[side.start : side.start + side.grense])
    lesing_registrer(
        bruker=bruker,
        personer=((a.sak.person_id, a.sak.kontor_id) for a in rader),
        formaal="API: aktiviteter",
        objekttype="aktivitet",
    )
    return {
        "antall": qs.count(),
        **_side(side.grense, side.start),
        "aktiviteter": [
            {
                "id": a.pk,
                "sak_id": a.sak_id,
                "type": a.type,
                "tilbyder": a.tilbyder,
                "fra_og_med": a.fra_og_med,
                "til_og_med": a.til_og_med,
                "status": a.status,
            }
            for a in rader
        ],
    }


def _registrer_oppmoete(bruker: Bruker, innhold: Oppmoeteinnhold) -> tuple[int, Any]:
    resultater = []
    with transaction.atomic():
        for i, r in enumerate(innhold.registreringer):
            aktivitet = selectors.aktivitet_for_registrering(bruker=bruker, aktivitet_id=r.aktivitet_id)
            if aktivitet is None:
                raise IkkeFunnet(f"Fant ikke aktiviteten i registrering nr. {i + 1}.")
            til = r.til_og_med or r.fra_og_med
            if r.fra_og_med < aktivitet.fra_og_med or til > aktivitet.til_og_med:
                raise KvpFeil(
                    f"Registrering nr. {i + 1}: datoene er utenfor aktiviteten "
                    f"({aktivitet.fra_og_med:%d.%m.%Y}–{aktivitet.til_og_med:%d.%m.%Y}).",
                    felt=f"registreringer.{i}.fra_og_med",
                    kode="KVP_OPPMOETE_UTENFOR",
                )
            try:
                dager = oppmoete_registrer(
                    bruker=bruker,
                    sak_id=aktivitet.sak_id,
                    fra_og_med=r.fra_og_med,
                    til_og_med=til,
                    status=r.status,
                    timer=r.timer,
                    merknad=r.merknad,
                )
            except KvpFeil as feil:
                feil.melding = f"Registrering nr. {i + 1}: {feil.melding}"
                raise
            resultater.append({"aktivitet_id": str(aktivitet.pk), "sak_id": str(aktivitet.sak_id), "dager": dager})
    return 200, {"registrert": resultater}


@api.post(
    "/oppmoete",
    response={200: Oppmoetesvar, SKRIVEFEIL: Problem},
    tags=["oppmøte"],
    summary="Registrer oppmøte for deltakerne i aktiviteter",
    description=(
        "Alt eller ingenting: feiler én registrering, lagres ingen. Krever `Idempotency-Key`: samme nøkkel og samme "
        "innhold gir samme svar uten ny registrering; samme nøkkel med annet innhold gir 422."
    ),
)
def oppmoete(
    request: HttpRequest,
    innhold: Oppmoeteinnhold,
    idempotency_key: str = Header(..., alias="Idempotency-Key", min_length=1, max_length=100),  # type: ignore[type-arg]
) -> Any:
    bruker = _bruker(request)
    konto: Tjenestekonto = request.auth  # type: ignore[attr-defined]
    _, svar = services.idempotent_utfoer(
        konto=konto,
        noekkel=idempotency_key,
        forespoersel=f"POST {request.path}",
        innhold=innhold.model_dump_json().encode(),
        utfoer=lambda: _registrer_oppmoete(bruker, innhold),
    )
    return svar


# ---------------------------------------------------------------------------------------------------------------
# Utbetalingsrunder og bankkvittering


def _runde(r: Any) -> dict[str, Any]:
    resultater = dict(
        Betalingsresultat.objects.filter(utbetaling__runde=r).values_list("status").annotate(n=Count("id")).order_by()
    )
    return {
        "id": r.pk,
        "kommunenummer": r.kommune_id,
        "aar": r.aar,
        "maaned": r.maaned,
        "utbetalingsdato": r.utbetalingsdato,
        "status": r.status,
        "status_tekst": r.get_status_display(),
        "antall_utbetalinger": Utbetaling.objects.filter(runde=r).count(),
        "sum_netto": getattr(r, "sum_netto", None) or Decimal("0.00"),
        "betalt": resultater.get(Betalingsstatus.BETALT, 0),
        "avvist": resultater.get(Betalingsstatus.AVVIST, 0),
        "sendt_paa_nytt": resultater.get(Betalingsstatus.SENDT_PAA_NYTT, 0),
    }


@api.get("/utbetalingsrunder", response={200: Rundeliste, FEILSVAR: Problem}, tags=["utbetaling"], summary="Rundene")
def runder(request: HttpRequest, side: Query[Sideparametre]) -> dict[str, Any]:
    qs = utbetaling_selectors.runder_for_bruker(bruker=_bruker(request))
    rader = list(qs[side.start : side.start + side.grense])
    return {"antall": qs.count(), **_side(side.grense, side.start), "runder": [_runde(r) for r in rader]}


@api.get(
    "/utbetalingsrunder/{runde_id}", response={200: Runde, FEILSVAR: Problem}, tags=["utbetaling"], summary="Én runde"
)
def runde(request: HttpRequest, runde_id: UUID) -> dict[str, Any]:
    return _runde(utbetaling_selectors.runde_hent(bruker=_bruker(request), runde_id=runde_id))


@api.post(
    "/utbetalingsrunder/{runde_id}/bankkvittering",
    response={200: Kvitteringssvar, SKRIVEFEIL: Problem},
    tags=["utbetaling"],
    summary="Les inn bankens statusrapport (pain.002) for en eksportert runde",
    description=(
        "Godtatte betalinger blir betalt; avviste får bankens årsak og sendes på nytt med neste runde når "
        "kontonummeret er rettet. Samme fil to ganger endrer ingenting (allerede_lest). Krever rollen økonomi."
    ),
)
def bankkvittering(request: HttpRequest, runde_id: UUID, innhold: Kvitteringsinnhold) -> dict[str, Any]:
    try:
        fil = base64.b64decode(innhold.innhold_base64, validate=True)
    except (binascii.Error, ValueError):
        raise KvpFeil("Filen er ikke gyldig base64.", felt="innhold_base64", kode="KVP_KVITTERING_UGYLDIG") from None
    r = utbetaling_services.bankkvittering_les_inn(bruker=_bruker(request), runde_id=runde_id, innhold=fil)
    return {
        "kvittering_id": r.kvittering.pk,
        "betalt": r.betalt,
        "avvist": r.avvist,
        "venter": r.venter,
        "allerede_lest": r.allerede_lest,
        "rundestatus": r.kvittering.runde.status,
    }


# ---------------------------------------------------------------------------------------------------------------
# Beregningen (samme kontrakt som `kvp beregn`)


@api.post(
    "/beregning",
    response={200: Any, frozenset({401, 413, 422, 429}): Problem},
    tags=["beregning"],
    summary="Beregn kvalifiseringsstønad (kontrakten til `kvp beregn`)",
    description=(
        "Ett grunnlagsdokument (objekt) eller en liste med høyst 1000 dokumenter, som i spec/beregning.md § 6. "
        "Svaret er det samme JSON-et som `kvp beregn` skriver; ugyldige grunnlag gir 422 med samme norske melding."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [
                            {"type": "object"},
                            {"type": "array", "items": {"type": "object"}, "maxItems": MAKS_DOKUMENTER},
                        ]
                    }
                }
            },
        }
    },
)
def beregning(request: HttpRequest) -> Any:
    try:
        tekst = request.body.decode("utf-8")
    except UnicodeDecodeError:
        return problem(request, 422, "Innholdet er ikke gyldig UTF-8-tekst.", kode="KVP_BEREGNING")
    if tekst.lstrip().startswith("["):
        try:
            antall = len(json.loads(tekst))
        except (ValueError, RecursionError):
            antall = 0
        if antall > MAKS_DOKUMENTER:
            return problem(request, 413, f"Send høyst {MAKS_DOKUMENTER} dokumenter per kall.", kode="KVP_BEREGNING")
    ut = io.StringIO()
    try:
        cli.beregn(io.StringIO(tekst), ut)
    except cli._Avbryt as feil:
        return problem(request, 422, feil.melding, kode="KVP_BEREGNING")
    return HttpResponse(ut.getvalue(), content_type="application/json")


# ---------------------------------------------------------------------------------------------------------------
# KOSTRA 11CF: kjøringene og filene


def _kjoering(k: Any) -> dict[str, Any]:
    return {
        "id": k.pk,
        "kommunenummer": k.kommune_id,
        "bydel": k.bydel,
        "aar": k.aar,
        "kjoert": k.kjoert,
        "sjekksum": k.sjekksum,
        "antall_poster": k.antall_poster,
        "avslutningskode": k.avslutningskode,
        "antall_feil": sum(f["alvor"] in ("FATAL", "FEIL") for f in k.funn),
        "antall_advarsler": sum(f["alvor"] == "ADVARSEL" for f in k.funn),
    }


@api.get(
    "/kostra/kjoeringer",
    response={200: KostraKjoeringliste, FEILSVAR: Problem},
    tags=["kostra"],
    summary="KOSTRA 11CF-kjøringene for kommunene i scope",
    description="Nyeste først. Krever rollen leder eller økonomi ved kontoret som betjener kommunen.",
)
def kostra_kjoeringer(
    request: HttpRequest,
    side: Query[Sideparametre],
    aar: int | None = Query(None, ge=2000, le=2100),  # type: ignore[type-arg]
) -> dict[str, Any]:
    qs = statistikk_selectors.kjoeringer_qs(bruker=_bruker(request), aar=aar)
    rader = list(qs[side.start : side.start + side.grense])
    return {"antall": qs.count(), **_side(side.grense, side.start), "kjoeringer": [_kjoering(k) for k in rader]}


@api.get(
    "/kostra/kjoeringer/{kjoering_id}",
    response={200: KostraKjoering, FEILSVAR: Problem},
    tags=["kostra"],
    summary="Én KOSTRA 11CF-kjøring",
)
def kostra_kjoering(request: HttpRequest, kjoering_id: UUID) -> dict[str, Any]:
    return _kjoering(statistikk_selectors.kjoering_hent(bruker=_bruker(request), kjoering_id=kjoering_id, krev=False))


@api.get(
    "/kostra/kjoeringer/{kjoering_id}/fil",
    response={FEILSVAR: Problem},
    tags=["kostra"],
    summary="Filen til SSB (11CF) slik den ble laget i kjøringen",
    description=(
        "Filen er ISO-8859-1 med 152 tegn per post og linjeskift etter hver post, nøyaktig de bytene som ble "
        "kontrollert og lagret (sjekksummen står i X-Sjekksum-SHA256). Filen har fødselsnumre: hver nedlasting "
        "logges som en lesing per deltaker."
    ),
    openapi_extra={
        "responses": {
            "200": {
                "description": "11CF-filen",
                "content": {"text/plain": {"schema": {"type": "string"}}},
                "headers": {
                    "X-Sjekksum-SHA256": {"description": "SHA-256 av filen", "schema": {"type": "string"}},
                    "Content-Disposition": {"description": "Filnavnet", "schema": {"type": "string"}},
                },
            }
        }
    },
)
def kostra_fil(request: HttpRequest, kjoering_id: UUID) -> HttpResponse:
    k = statistikk_selectors.kjoering_fil(bruker=_bruker(request), kjoering_id=kjoering_id, krev=False)
    fil = bytes(k.fil)
    svar = HttpResponse(fil, content_type="text/plain; charset=iso-8859-1")
    svar["Content-Disposition"] = f'attachment; filename="11CF_{k.aar}_{k.kommune_id}{k.bydel}.dat"'
    svar["X-Sjekksum-SHA256"] = k.sjekksum
    return svar
