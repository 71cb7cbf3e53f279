"""Alle skjemaene i appen, sendt tomme og med søppel: feilene står i feiloppsummeringen øverst med lenker til feltene,
på norsk, uten Djangos engelske standardtekster og uten rå feltnavn (issue 15 punkt 8).

URL-ene og objektene kommer fra den genererte URL-testen, så et nytt skjema blir med automatisk.
"""

import re
from typing import Any

import pytest
from django.conf import settings

from kvp.felles.tests import test_url_tilgang
from kvp.felles.tests.test_url_tilgang import API_NS, URLER, _url
from kvp.tilgang.models import Rolle

#: Ett objekt av hver type (fixturen fra den genererte URL-testen).
objekter = test_url_tilgang.objekter

#: Djangos standardtekster på engelsk (og begynnelsen av dem): ingen av dem skal nå en bruker.
ENGELSK = (
    "This field is required",
    "Enter a valid",
    "Select a valid choice",
    "Ensure this value",
    "Ensure that there are no more",
    "Enter a whole number",
    "Enter a number",
    "is not one of the available choices",
    "This field cannot be",
    "already exists",
    "Please correct",
    "The submitted file is empty",
    "No file was submitted",
)
#: URL-er som ikke er skjemaer å fylle ut (utlogging ville logget testbrukeren ut midt i testen).
UTENFOR = {"tilgang:logg_ut"}
SOEPPEL = "x" * 400 + " <b>&" + "é" * 10


def _skjemaer(svar: Any) -> list[Any]:
    """Skjemaene i malkonteksten til svaret (Django gir en liste av kontekster når maler inkluderer maler)."""
    ctx = getattr(svar, "context", None)
    if ctx is None:
        return []
    kontekster = ctx if isinstance(ctx, list) else [ctx]
    funnet: dict[int, object] = {}
    for c in kontekster:
        for v in c.flatten().values():
            if hasattr(v, "fields") and hasattr(v, "errors") and hasattr(v, "add_prefix"):
                funnet[id(v)] = v
    return list(funnet.values())


def _sjekk_side(url: str, svar: Any) -> list[str]:
    """Funnene på én side med skjemafeil."""
    funn: list[str] = []
    tekst = svar.content.decode()
    for engelsk in ENGELSK:
        if engelsk.lower() in tekst.lower():
            funn.append(f"{url}: engelsk standardtekst «{engelsk}»")
    for form in _skjemaer(svar):
        if not form.errors:
            continue
        if not any(f'id="{form[n].id_for_label}"' in tekst for n in form.fields):
            continue  # skjemaet vises ikke i sakens tilstand (f.eks. returner et fattet vedtak): ingen feil å vise
        if "aksel-error-summary" not in tekst:
            funn.append(f"{url}: feil i {type(form).__name__} uten feiloppsummering")
            continue
        oppsummering = tekst.split("aksel-error-summary", 1)[1].split("</section>", 1)[0]
        for navn in form.errors:
            if navn == "__all__":
                continue
            felt = form.fields[navn]
            if not felt.label:
                funn.append(f"{url}: {type(form).__name__}.{navn} mangler ledetekst (rått feltnavn)")
            if f"#{form[navn].id_for_label}" not in oppsummering:
                funn.append(f"{url}: {type(form).__name__}.{navn} lenkes ikke fra feiloppsummeringen")
            if re.search(rf">\s*{re.escape(navn)}\s*:", oppsummering) and "_" in navn:
                funn.append(f"{url}: rått feltnavn {navn} i feiloppsummeringen")
    return funn


@pytest.mark.django_db
def test_alle_skjemaene_sendt_tomme_og_med_soeppel_gir_norsk_feiloppsummering(client, objekter, lag_bruker, kontor_a):
    assert settings.LANGUAGE_CODE == "nb"
    ansatt = lag_bruker(
        Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.BESLUTTER, Rolle.LEDER, Rolle.OEKONOMI, kontor=kontor_a
    )
    deltaker = lag_bruker(Rolle.DELTAKER, person=_person(objekter))
    funn: list[str] = []
    sider_med_feil = 0
    for bruker in (ansatt, deltaker):
        client.force_login(bruker)
        for navn, params in URLER:
            if navn.startswith(API_NS) or navn in UTENFOR:
                continue
            url = _url(navn, params, objekter)
            skjema = client.get(url)
            felter: dict[str, str] = {}
            for v in _skjemaer(skjema) if skjema.status_code == 200 else ():
                felter.update(dict.fromkeys((v.add_prefix(f) for f in v.fields), SOEPPEL))
            for data in ({}, felter):
                svar = client.post(url, data)
                assert svar.status_code < 500, f"{url} svarte {svar.status_code}"
                if svar.status_code == 400 and svar.get("Content-Type", "").startswith("text/html"):
                    sider_med_feil += 1
                    funn += _sjekk_side(url, svar)
    assert sider_med_feil >= 20  # testen nådde skjemaene
    assert not funn, "\n".join(sorted(set(funn)))


def _person(objekter: dict[str, Any]) -> Any:
    from kvp.person.models import Person

    return Person.objects.get(pk=objekter["person_id"])
