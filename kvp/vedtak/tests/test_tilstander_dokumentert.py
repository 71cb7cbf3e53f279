"""`docs/tilstander.md` beskriver de samme overgangene som koden håndhever, begge veier.

Saken: tabellen i dokumentet er lik `OVERGANGER` og `VEDTAKSOVERGANGER` i `kvp.sak.services`. Vedtaket har ingen
tabell i koden; overgangene leses av det tjenestene faktisk gjør når hver handling prøves fra hver tilstand.
"""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from kvp.felles.feil import KvpFeil
from kvp.sak.models import Status
from kvp.sak.services import OVERGANGER, VEDTAKSOVERGANGER
from kvp.tilgang.models import Bruker
from kvp.vedtak import services as vedtak_services
from kvp.vedtak.models import Vedtak, Vedtaksstatus

DOKUMENT = Path(settings.BASE_DIR) / "docs" / "tilstander.md"


def _overganger_i_avsnitt(overskrift: str) -> set[tuple[str, str]]:
    """Radene `| `FRA` | `TIL`, `TIL` | hvem |` i tabellen under overskriften (fram til neste ##)."""
    tekst = DOKUMENT.read_text(encoding="utf-8")
    avsnitt = tekst.split(f"## {overskrift}", 1)[1].split("\n## ", 1)[0]
    par = set()
    for linje in avsnitt.splitlines():
        celler = [c.strip() for c in linje.strip().strip("|").split("|")]
        if not linje.startswith("|") or len(celler) < 2 or not celler[0].startswith("`"):
            continue
        (fra,) = re.findall(r"`([A-Z_]+)`", celler[0])
        par |= {(fra, til) for til in re.findall(r"`([A-Z_]+)`", celler[1])}
    return par


def _som_par(tabell: dict[str, tuple[str, ...]]) -> set[tuple[str, str]]:
    return {(str(fra), str(til)) for fra, tiler in tabell.items() for til in tiler}


def test_sakens_overganger_i_dokumentet_er_lik_kodens():
    dokumentert = _overganger_i_avsnitt("Saken")
    i_koden = _som_par(OVERGANGER) | _som_par(VEDTAKSOVERGANGER)
    assert dokumentert - i_koden == set(), "dokumentert, men ikke i koden"
    assert i_koden - dokumentert == set(), "i koden, men ikke dokumentert"
    assert {s for par in dokumentert for s in par} == set(Status.values)


def _proev_alle_handlinger(vedtak: Vedtak, veileder: Bruker, beslutter: Bruker) -> set[str]:
    """Tilstandene vedtaket kan gå til fra der det står nå (hver handling prøves og rulles tilbake)."""
    handlinger: dict[str, Callable[[], Vedtak]] = {
        "send": lambda: vedtak_services.vedtak_send_til_beslutter(bruker=veileder, vedtak_id=vedtak.pk),
        "returner": lambda: vedtak_services.vedtak_returner(bruker=beslutter, vedtak_id=vedtak.pk, begrunnelse="R."),
        "fatt": lambda: vedtak_services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk),
    }
    fra = Vedtak.objects.get(pk=vedtak.pk).status
    til = set()
    for handling in handlinger.values():
        try:
            with transaction.atomic():
                ny = handling().status
                til.add(ny)
                raise _RullTilbake
        except (_RullTilbake, KvpFeil):
            pass
        assert Vedtak.objects.get(pk=vedtak.pk).status == fra
    return til


class _RullTilbake(Exception):
    pass


@pytest.mark.django_db
def test_vedtakets_overganger_i_dokumentet_er_lik_det_tjenestene_gjoer(utkast, kvp_veileder_a, beslutter_a):
    observert = set()
    stegene: tuple[tuple[str, Callable[[], Vedtak] | None], ...] = (
        (Vedtaksstatus.UTKAST, None),
        (
            Vedtaksstatus.TIL_BESLUTTER,
            lambda: vedtak_services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk),
        ),
        (
            Vedtaksstatus.RETURNERT,
            lambda: vedtak_services.vedtak_returner(bruker=beslutter_a, vedtak_id=utkast.pk, begrunnelse="Rett opp."),
        ),
        (
            Vedtaksstatus.TIL_BESLUTTER,
            lambda: vedtak_services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk),
        ),
        (Vedtaksstatus.FATTET, lambda: vedtak_services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)),
    )
    for fra, steg in stegene:
        if steg is not None:
            steg()
        assert Vedtak.objects.get(pk=utkast.pk).status == fra
        observert |= {(str(fra), str(til)) for til in _proev_alle_handlinger(utkast, kvp_veileder_a, beslutter_a)}
    dokumentert = _overganger_i_avsnitt("Vedtaket")
    assert dokumentert - observert == set(), "dokumentert, men tjenestene gjør det ikke"
    assert observert - dokumentert == set(), "tjenestene gjør det, men det er ikke dokumentert"
