"""Ingen intern tekst når en bruker: hver side i demodataene, for hver demoinnlogging, er fri for pålitelighetsmerker,
henvisninger til spesifikasjonen og kildekoden, feltkoder og Python-representasjoner (se `intern_tekst`).

Demodataene lastes én gang (uten PDF-er; brevenes tekst kontrolleres i HTML-en, og PDF-en i `kvp/brev`). Så følger
testen lenkene fra forsiden for hver innlogging med Djangos testklient, innenfor nettstedet. Sider med samme
URL-mønster (UUID-er og tall byttet ut) besøkes høyst `PER_MOENSTER` ganger, så alle slags sider blir sett uten at
testen går gjennom alle 60 personene for hver rolle."""

import io
import re
from collections import Counter, deque
from html.parser import HTMLParser
from typing import Any
from unittest import mock
from urllib.parse import urldefrag, urlparse

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kvp.felles.tests.intern_tekst import intern_tekst, synlig_tekst
from kvp.tilgang.models import Bruker

PER_MOENSTER = 3
#: Lenker som ikke er sider å lese (de endrer tilstand eller er filer som kontrolleres andre steder).
HOPP_OVER = re.compile(r"^/(logg-ut/|static/|media/)")


class _Lenker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lenker: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.lenker.append(href)


def _moenster(sti: str) -> str:
    sti = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>", sti)
    return re.sub(r"\d+", "<n>", sti)


def _kryp(klient: Client) -> tuple[int, list[str]]:
    """Besøker sidene som kan nås fra forsiden; gir antall sider og funnene (med URL). En lenke brukeren får, men som
    svarer med en feil (ingen tilgang, finnes ikke, feil metode), er også et funn: den skal ikke vises."""
    fra: dict[str, str] = {}
    sett: set[str] = set()
    per_moenster: Counter[str] = Counter()
    koe = deque(["/"])
    funn: list[str] = []
    sider = 0
    while koe:
        url = koe.popleft()
        if url in sett:
            continue
        sett.add(url)
        moenster = _moenster(urlparse(url).path) + ("?" if urlparse(url).query else "")
        if per_moenster[moenster] >= PER_MOENSTER:
            continue
        per_moenster[moenster] += 1
        svar = klient.get(url)
        sider += 1
        if svar.status_code >= 400:
            funn.append(f"{url}: død lenke (svarte {svar.status_code}) fra {fra.get(url)}")
            continue
        if svar.status_code in (301, 302):
            koe.append(svar["Location"])
            continue
        if not svar["Content-Type"].startswith("text/html"):
            continue
        html = svar.content.decode()
        funn += [f"{url}: {f}" for f in intern_tekst(synlig_tekst(html))]
        parser = _Lenker()
        parser.feed(html)
        for lenke in parser.lenker:
            href = urldefrag(lenke).url
            deler = urlparse(href)
            if deler.scheme or deler.netloc or not href:
                continue  # utenfor nettstedet (eller bare et anker)
            if href.startswith("?"):
                href = urlparse(url).path + href
            elif not href.startswith("/"):
                href = urlparse(url).path.rsplit("/", 1)[0] + "/" + href
            if not HOPP_OVER.match(href) and href not in sett:
                koe.append(href)
                fra.setdefault(href, url)
    return sider, funn


@pytest.fixture
def demodata(db: Any, settings: Any) -> None:
    settings.KVP_TILLAT_SYNTETISKE_FNR = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with mock.patch("kvp.brev.services.pdf_lag", return_value=b"%PDF-1.7 demo"):
        call_command("demodata", stdout=io.StringIO())


def test_ingen_side_i_demodataene_viser_intern_tekst_for_noen_innlogging(demodata: None) -> None:
    alle_funn: list[str] = []
    sider_per_bruker = {}
    for bruker in Bruker.objects.filter(rolletildelinger__isnull=False).distinct().order_by("username"):
        klient = Client()
        klient.force_login(bruker)
        sider, funn = _kryp(klient)
        if bruker.username in ("lars", "kaare"):  # lederne søker i revisjonsloggen (med POST)
            logg = klient.post(reverse("felles:logg"), {"handling": ""}).content.decode()
            assert "hendelser" in logg
            funn += [f"/logg/ (søk): {f}" for f in intern_tekst(synlig_tekst(logg))]
        sider_per_bruker[bruker.username] = sider
        alle_funn += [f"{bruker.username} {f}" for f in funn]
    # Alle demoinnloggingene er med, og hver ser mer enn forsiden.
    assert {"vera", "hakon", "berit", "lars", "oskar", "olga", "stine", "kjell", "kristin", "kaare", "dina"} <= set(
        sider_per_bruker
    )
    assert not alle_funn, "\n".join(sorted(set(alle_funn)))
    # Statsforvalteren har bare forsiden ennå; alle andre ser mange sider.
    assert min(v for k, v in sider_per_bruker.items() if k != "stine") > 5, sider_per_bruker


#: Brevtypene issue 11 pkt. 9 krever, og som demodataene har minst ett av.
BREVTYPER = {
    "INNVILGELSE",
    "AVSLAG",
    "OPPSTART",
    "ENDRING",
    "STANS",
    "AVSLUTNING",
    "PERMISJON",
    "TILBAKEKREVING",
    "FORELOEPIG_SVAR",
    "FORHAANDSVARSEL",
}


def test_hvert_brev_i_demodataene_er_fritt_for_intern_tekst_paa_begge_maalformer(demodata: None) -> None:
    """Hvert brev i demodataene, slik det ble sendt (siden deltakeren og saksbehandleren ser) og laget på nytt på
    bokmål og nynorsk, er fritt for intern tekst; demodataene har hver brevtype."""
    from kvp.brev.models import Brev
    from kvp.brev.services import brev_html_paa

    klient = Client()
    klient.force_login(Bruker.objects.get(username="hakon"))
    funn: list[str] = []
    typer = set()
    for brev in Brev.objects.select_related("vedtak", "forhaandsvarsel", "sak__kontor"):
        type_ = brev.vedtak.type if brev.vedtak else brev.type
        typer.add(type_)
        if brev.sak.kontor.enhetsnummer == "1127":
            side = klient.get(reverse("brev:vis_brev", args=[brev.pk]))
            assert side.status_code == 200
            funn += [f"{type_} (sendt): {f}" for f in intern_tekst(synlig_tekst(side.content.decode()))]
        for maalform in ("NB", "NN"):
            html = brev_html_paa(brev, maalform=maalform)
            assert f'lang="{maalform.lower()}"' in html
            funn += [f"{type_} ({maalform}): {f}" for f in intern_tekst(synlig_tekst(html))]
    assert typer >= BREVTYPER, BREVTYPER - typer
    assert not funn, "\n".join(sorted(set(funn)))


def _feilmeldinger() -> list[tuple[str, str]]:
    """Teksten i hver `KvpFeil(...)` og `ValidationError(...)` i kvp (f-strenger med `{…}` for verdiene)."""
    import ast
    from pathlib import Path

    meldinger = []
    for fil in Path(__file__).parents[2].rglob("*.py"):
        if "tests" in fil.parts or "migrations" in fil.parts:
            continue
        for node in ast.walk(ast.parse(fil.read_text())):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            navn = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if navn not in ("KvpFeil", "ValidationError"):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                meldinger.append((f"{fil.name}:{node.lineno}", arg.value))
            elif isinstance(arg, ast.JoinedStr):
                deler = [v.value if isinstance(v, ast.Constant) else "{…}" for v in arg.values]
                meldinger.append((f"{fil.name}:{node.lineno}", "".join(str(d) for d in deler)))
    return meldinger


def test_ingen_feilmelding_har_intern_tekst() -> None:
    meldinger = _feilmeldinger()
    assert len(meldinger) > 50  # alle tjenestene er med
    funn = [f"{sted}: {f}" for sted, tekst in meldinger for f in intern_tekst(tekst)]
    assert not funn, "\n".join(funn)


def test_brukertekst_vasker_forklaringene_og_antakelsen_vises_bare_for_saksbehandleren() -> None:
    from django.template import Context, Template

    from kvp.felles.brukertekst import antakelser_for_regel, for_deltaker, uten_interne_merker

    forklaring = "Ytelsene er under normen [V]. Merk: satsene for 2026 er ikke lagt inn; de siste kjente er brukt [U]."
    assert uten_interne_merker("sosialtjenesteloven § 29 (ordlyden er ikke kontrollert) [U]") == (
        "sosialtjenesteloven § 29"
    )
    assert uten_interne_merker("Antallet er ikke bekreftet (spec/regler.md § 1.7 [U]).") == (
        "Antallet er ikke bekreftet."
    )
    assert for_deltaker(forklaring) == "Ytelsene er under normen."
    assert antakelser_for_regel(forklaring, "K") == [
        "regelen er kjent, men ikke kontrollert mot lovteksten",
        "Merk: satsene for 2026 er ikke lagt inn; de siste kjente er brukt",
    ]
    mal = Template('{% load kvp %}{% antakelse "loven sier ikke hvor mange" "kommunens innstilling" %}')
    saksbehandler = mal.render(Context({"kvp_meny": {"deltaker": False}}))
    assert "Antakelse: loven sier ikke hvor mange, kilde: kommunens innstilling" in saksbehandler
    assert mal.render(Context({"kvp_meny": {"deltaker": True}})).strip() == ""
