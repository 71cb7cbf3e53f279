"""Brukeradministrasjon for ledere: opprett bruker, gi og ta roller ved egne kontorer, deaktiver.

En leder styrer bare kontorrollene ved kontorene der hun selv er leder. Alt skrives i revisjonsloggen til kontoret.
Passord finnes bare der passordinnlogging er på (demo og utvikling); da gjelder Djangos passordregler
(`AUTH_PASSWORD_VALIDATORS`). I produksjon logger brukerne inn med OpenID Connect, og brukernavnet er NAVident.
"""

from uuid import UUID

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Handling
from kvp.felles.services import logghendelse_registrer

from .models import KONTORROLLER, Bruker, NavKontor, Rolle, Rolletildeling
from .tilgang import glem_tilgang, tilgang_for


def lederkontorer(leder: Bruker) -> QuerySet[NavKontor]:
    """Kontorene der `leder` er leder; IkkeTilgang om det ikke finnes noen."""
    ider = tilgang_for(leder).kontorer_med(Rolle.LEDER)
    if not ider:
        raise IkkeTilgang("Bare ledere kan administrere brukere.")
    return NavKontor.objects.filter(pk__in=ider).order_by("navn")


def _lederkontor(leder: Bruker, kontor_id: UUID | str) -> NavKontor:
    kontor = lederkontorer(leder).filter(pk=kontor_id).first()
    if kontor is None:
        raise IkkeTilgang("Du er ikke leder ved dette kontoret.")
    return kontor


def brukere_ved_kontorene(*, leder: Bruker) -> list[tuple[Bruker, list[Rolletildeling]]]:
    """Brukerne med roller ved lederens kontorer, hver med rollene der (ikke rollene ved andre kontorer)."""
    kontorer = list(lederkontorer(leder).values_list("pk", flat=True))
    tildelinger = (
        Rolletildeling.objects.filter(kontor_id__in=kontorer)
        .select_related("bruker", "kontor")
        .order_by("bruker__last_name", "bruker__first_name", "bruker__username", "kontor__navn", "rolle")
    )
    per_bruker: dict[int, tuple[Bruker, list[Rolletildeling]]] = {}
    for t in tildelinger:
        per_bruker.setdefault(t.bruker_id, (t.bruker, []))[1].append(t)
    return list(per_bruker.values())


def bruker_ved_kontorene(*, leder: Bruker, bruker_id: int) -> Bruker:
    """En bruker med minst én rolle ved lederens kontorer; IkkeFunnet ellers (også når brukeren finnes andre steder)."""
    kontorer = list(lederkontorer(leder).values_list("pk", flat=True))
    bruker = Bruker.objects.filter(pk=bruker_id, rolletildelinger__kontor_id__in=kontorer).distinct().first()
    if bruker is None:
        # Som i tilgangslaget: 403 for den som har en rolle ved et av brukerens kontorer, ellers 404. Lederrollen
        # ved et annet kontor endrer ikke svaret.
        roller_ved = tilgang_for(leder).roller_per_kontor
        if Rolletildeling.objects.filter(bruker_id=bruker_id, kontor_id__in=list(roller_ved)).exists():
            raise IkkeTilgang("Bare en leder ved brukerens kontor kan administrere brukeren.")
        raise IkkeFunnet("Brukeren finnes ikke ved ditt kontor.")
    return bruker


def _sjekk_rolle(rolle: str) -> None:
    if rolle not in KONTORROLLER:
        raise KvpFeil("Velg en av kontorrollene.", felt="rolle", kode="KVP_ROLLE_UKJENT")


@transaction.atomic
def bruker_opprett_av_leder(
    *,
    leder: Bruker,
    brukernavn: str,
    fornavn: str,
    etternavn: str,
    epost: str,
    kontor_id: UUID | str,
    rolle: str,
    passord: str = "",
) -> Bruker:
    """Oppretter en bruker med én rolle ved et av lederens kontorer. Brukernavnet er NAV-identen (f.eks. Z990123)."""
    kontor = _lederkontor(leder, kontor_id)
    _sjekk_rolle(rolle)
    brukernavn = brukernavn.strip()
    if not brukernavn:
        raise KvpFeil("Skriv brukernavnet (NAV-identen).", felt="brukernavn", kode="KVP_BRUKER_FINS")
    if Bruker.objects.filter(username__iexact=brukernavn).exists():
        raise KvpFeil(
            "Brukernavnet finnes allerede. Gi brukeren en rolle ved kontoret ditt i stedet.",
            felt="brukernavn",
            kode="KVP_BRUKER_FINS",
        )
    bruker = Bruker(username=brukernavn, first_name=fornavn.strip(), last_name=etternavn.strip(), email=epost.strip())
    if passord and settings.KVP_PASSORD_INNLOGGING:
        try:
            validate_password(passord, user=bruker)
        except ValidationError as feil:
            raise KvpFeil(" ".join(feil.messages), felt="passord", kode="KVP_BRUKER_PASSORD") from feil
        bruker.set_password(passord)
    else:
        bruker.set_unusable_password()
    bruker.save()
    logghendelse_registrer(
        bruker=leder,
        kontor=kontor,
        handling=Handling.OPPRETT,
        objekt=bruker,
        beskrivelse="Bruker opprettet",
        etter={"brukernavn": brukernavn, "navn": bruker.get_full_name(), "passord": bool(bruker.has_usable_password())},
    )
    Rolletildeling.objects.create(bruker=bruker, rolle=rolle, kontor=kontor)
    _logg_rolle(leder=leder, bruker=bruker, kontor=kontor, rolle=rolle, gitt=True)
    return bruker


def _logg_rolle(*, leder: Bruker, bruker: Bruker, kontor: NavKontor, rolle: str, gitt: bool) -> None:
    logghendelse_registrer(
        bruker=leder,
        kontor=kontor,
        handling=Handling.ENDRE,
        objekt=bruker,
        beskrivelse=f"Rolle {'gitt' if gitt else 'tatt bort'}: {Rolle(rolle).label} ved {kontor.navn}",
        foer=None if gitt else {"rolle": rolle, "kontor": kontor.navn},
        etter={"rolle": rolle, "kontor": kontor.navn} if gitt else None,
    )


@transaction.atomic
def rolle_gi(*, leder: Bruker, brukernavn: str, rolle: str, kontor_id: UUID | str) -> Rolletildeling:
    """Gir en eksisterende, aktiv bruker en kontorrolle ved et av lederens kontorer."""
    kontor = _lederkontor(leder, kontor_id)
    _sjekk_rolle(rolle)
    bruker = Bruker.objects.select_for_update().filter(username__iexact=brukernavn.strip()).first()
    if bruker is None:
        raise KvpFeil("Fant ingen bruker med det brukernavnet.", felt="brukernavn", kode="KVP_BRUKER_FINS")
    if not bruker.is_active:
        raise KvpFeil("Brukeren er deaktivert.", felt="brukernavn", kode="KVP_BRUKER_DEAKTIVERT")
    tildeling, ny = Rolletildeling.objects.get_or_create(bruker=bruker, rolle=rolle, kontor=kontor)
    if ny:
        glem_tilgang(bruker)
        _logg_rolle(leder=leder, bruker=bruker, kontor=kontor, rolle=rolle, gitt=True)
    return tildeling


@transaction.atomic
def rolle_ta(*, leder: Bruker, bruker_id: int, rolle: str, kontor_id: UUID | str) -> None:
    """Tar en kontorrolle fra en bruker ved et av lederens kontorer. En leder tar ikke sin egen lederrolle."""
    kontor = _lederkontor(leder, kontor_id)
    bruker = bruker_ved_kontorene(leder=leder, bruker_id=bruker_id)
    if bruker.pk == leder.pk and rolle == Rolle.LEDER:
        raise KvpFeil(
            "Du kan ikke ta fra deg din egen lederrolle. Be en annen leder gjøre det.",
            kode="KVP_BRUKER_SEG_SELV",
        )
    slettet, _ = Rolletildeling.objects.filter(bruker=bruker, rolle=rolle, kontor=kontor).delete()
    if not slettet:
        raise IkkeFunnet("Brukeren har ikke den rollen ved kontoret.")
    glem_tilgang(bruker)
    _logg_rolle(leder=leder, bruker=bruker, kontor=kontor, rolle=rolle, gitt=False)


@transaction.atomic
def bruker_deaktiver(*, leder: Bruker, bruker_id: int) -> Bruker:
    """Deaktiverer en bruker som bare har roller ved lederens kontorer. Brukeren logges ut med en gang (Django
    slipper ikke inaktive brukere gjennom, heller ikke med en gammel økt), og rollene står igjen for historikken."""
    bruker = bruker_ved_kontorene(leder=leder, bruker_id=bruker_id)
    if bruker.pk == leder.pk:
        raise KvpFeil("Du kan ikke deaktivere deg selv.", kode="KVP_BRUKER_SEG_SELV")
    egne = set(lederkontorer(leder).values_list("pk", flat=True))
    andre = bruker.rolletildelinger.exclude(kontor_id__in=egne)
    if andre.exists():
        raise IkkeTilgang(
            "Brukeren har roller ved andre kontorer eller andre roller enn kontorroller. Ta bort rollene ved ditt "
            "kontor i stedet, eller be de andre lederne om å deaktivere brukeren."
        )
    Bruker.objects.filter(pk=bruker.pk).update(is_active=False)
    bruker.is_active = False
    for kontor in lederkontorer(leder).filter(pk__in=bruker.rolletildelinger.values("kontor_id")):
        logghendelse_registrer(
            bruker=leder,
            kontor=kontor,
            handling=Handling.ENDRE,
            objekt=bruker,
            beskrivelse="Bruker deaktivert",
            foer={"aktiv": True},
            etter={"aktiv": False},
        )
    return bruker
