"""Innlogging med OpenID Connect (Authlib): ansatte gjennom Entra ID, deltakere gjennom ID-porten.

Oppsettet står i `settings.KVP_OIDC` (én oppføring per innloggingstjeneste, verdiene fra miljøet i prod.py; se
docs/drift.md og ADR 0007). Appen

* henter endepunktene og nøklene fra tjenestens `/.well-known/openid-configuration` (discovery),
* sjekker ID-tokenet (signatur, utsteder, mottaker, utløp, nonce) med Authlib,
* finner en *eksisterende* KVP-bruker fra en stabil påstand (ansatte: `NAVident` = brukernavnet; deltakere: `pid` =
  fødselsnummeret til personen i deltakerrollen). Ukjente brukere avvises; roller opprettes aldri herfra,
* krever sikkerhetsnivå per rolle (`settings.KVP_INNLOGGING_KRAV`): `acr` må være ett av de godtatte nivåene, og
  `amr` må inneholde alle de påkrevde metodene (for eksempel `mfa`),
* lagrer `acr`/`amr` i økten og i revisjonsloggen.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.db.models import Q

from kvp.felles.feil import IkkeTilgang

from .models import Bruker, Rolle, Rolletildeling
from .tilgang import tilgang_for

#: Nøkkelen i økten der innloggingsmåten og sikkerhetsnivået står.
OEKT_NOEKKEL = "kvp_innlogging"
#: ID-tokenet fra innloggingen (til id_token_hint ved utlogging hos tjenesten).
ID_TOKEN_NOEKKEL = "kvp_oidc_id_token"  # noqa: S105 - navnet på en nøkkel i økten, ingen hemmelighet
#: Utloggingen hos tjenesten som gjenstår etter at økten i KVP er avsluttet (i den nye, anonyme økten).
UTLOGGING_NOEKKEL = "kvp_oidc_utlogging"

UKJENT_BRUKER = (
    "Du er ikke registrert som bruker i KVP. Kontakt lederen ved NAV-kontoret ditt for å få tilgang. "
    "Har du fått tilgang nylig, kan det ta litt tid før den virker."
)


@dataclass(frozen=True)
class Innloggingstjeneste:
    """Én OpenID Connect-tjeneste slik innstillingene beskriver den."""

    navn: str
    tekst: str
    discovery: str
    client_id: str
    client_secret: str
    scope: str
    brukerpaastand: str
    slaa_opp: str  # "brukernavn" (ansatte) eller "foedselsnummer" (deltakere)
    acr_values: str = ""


def tjenester() -> list[Innloggingstjeneste]:
    """Tjenestene som er satt opp (de uten discovery-adresse eller klient-id er av)."""
    ut = []
    for navn, oppsett in getattr(settings, "KVP_OIDC", {}).items():
        if not oppsett.get("discovery") or not oppsett.get("client_id"):
            continue
        ut.append(
            Innloggingstjeneste(
                navn=navn,
                tekst=oppsett.get("tekst", navn),
                discovery=oppsett["discovery"],
                client_id=oppsett["client_id"],
                client_secret=oppsett.get("client_secret", ""),
                scope=oppsett.get("scope", "openid"),
                brukerpaastand=oppsett["brukerpaastand"],
                slaa_opp=oppsett["slaa_opp"],
                acr_values=oppsett.get("acr_values", ""),
            )
        )
    return ut


def tjeneste(navn: str) -> Innloggingstjeneste | None:
    return next((t for t in tjenester() if t.navn == navn), None)


def klient(t: Innloggingstjeneste) -> Any:
    """En Authlib-klient for tjenesten. Metadataene (endepunkter, nøkler) hentes fra discovery ved første bruk."""
    oauth = OAuth()
    oauth.register(
        name=t.navn,
        client_id=t.client_id,
        client_secret=t.client_secret,
        server_metadata_url=t.discovery,
        client_kwargs={"scope": t.scope, "code_challenge_method": "S256", "timeout": 10},
    )
    return oauth.create_client(t.navn)


def _som_liste(verdi: Any) -> list[str]:
    if verdi is None:
        return []
    if isinstance(verdi, str):
        return [verdi]
    return [str(v) for v in verdi]


def bruker_fra_paastander(t: Innloggingstjeneste, paastander: Mapping[str, Any]) -> Bruker:
    """Den eksisterende, aktive KVP-brukeren påstandene peker på; IkkeTilgang med en norsk melding ellers."""
    verdi = paastander.get(t.brukerpaastand)
    if not isinstance(verdi, str) or not verdi.strip():
        raise IkkeTilgang(UKJENT_BRUKER, kode="KVP_INNLOGGING_UKJENT")
    verdi = verdi.strip()
    if t.slaa_opp == "brukernavn":
        treff = list(Bruker.objects.filter(username__iexact=verdi))
    elif t.slaa_opp == "foedselsnummer":
        treff = list(
            Bruker.objects.filter(
                Q(rolletildelinger__rolle=Rolle.DELTAKER, rolletildelinger__person__foedselsnummer=verdi)
            ).distinct()
        )
    else:  # pragma: no cover - en feil i innstillingene, fanges av testene av innstillingene
        raise ValueError(f"Ukjent oppslag {t.slaa_opp!r}")
    if len(treff) != 1:
        raise IkkeTilgang(UKJENT_BRUKER, kode="KVP_INNLOGGING_UKJENT")
    bruker = treff[0]
    if not bruker.is_active:
        raise IkkeTilgang(
            "Brukeren din er deaktivert i KVP. Kontakt lederen ved NAV-kontoret ditt.", kode="KVP_INNLOGGING_UKJENT"
        )
    if not Rolletildeling.objects.filter(bruker=bruker).exists():
        raise IkkeTilgang(UKJENT_BRUKER, kode="KVP_INNLOGGING_UKJENT")
    return bruker


def manglende_nivaa(roller: Iterable[str], acr: str | None, amr: Iterable[str]) -> list[str]:
    """Rollene (visningsnavn) der innloggingen ikke har nivået `KVP_INNLOGGING_KRAV` krever."""
    krav: dict[str, dict[str, list[str]]] = getattr(settings, "KVP_INNLOGGING_KRAV", {})
    metoder = set(amr)
    mangler = []
    for rolle in sorted(set(roller)):
        k = krav.get(rolle)
        if not k:
            continue
        acr_godtatt = k.get("acr")
        amr_paakrevd = set(k.get("amr", []))
        if (acr_godtatt and acr not in acr_godtatt) or not amr_paakrevd <= metoder:
            mangler.append(Rolle(rolle).label)
    return mangler


def sjekk_nivaa(bruker: Bruker, acr: str | None, amr: Iterable[str]) -> None:
    mangler = manglende_nivaa(tilgang_for(bruker).roller, acr, amr)
    if mangler:
        raise IkkeTilgang(
            "Innloggingen din har ikke høyt nok sikkerhetsnivå for rollen "
            + ", ".join(mangler)
            + ". Logg inn på nytt med tofaktor (ansatte) eller BankID, Buypass eller Commfides (deltakere).",
            kode="KVP_INNLOGGING_NIVAA",
        )


def nivaa_fra_paastander(paastander: Mapping[str, Any]) -> tuple[str | None, list[str]]:
    acr = paastander.get("acr")
    return (str(acr) if acr is not None else None), _som_liste(paastander.get("amr"))
