"""Skjermbilder av hovedskjermene i 1366 px bredde, til docs/skjermbilder/ (lenket fra README.md).

    .venv/bin/python scripts/skjermbilder.py            # alle
    .venv/bin/python scripts/skjermbilder.py sak tavle  # bare bildene med et av ordene i filnavnet
    KVP_SKJERMBILDER_DB=/tmp/demo.sqlite3 .venv/bin/python scripts/skjermbilder.py  # gjenbruk en demobase

Skriptet lager en midlertidig SQLite-database, migrerer den og laster demodataene (`manage.py demodata`), starter
utviklingsserveren på en ledig port og logger inn som demobrukerne i Debians Chromium (samme oppsett som
nettlesertestene, `kvp/felles/tests/nettleser.py`). Bildene tas av hele siden. Når en side ikke svarer 200, skrives
det ut, og skriptet avslutter med feilkode etter de andre bildene.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROT = Path(__file__).resolve().parent.parent
UT = ROT / "docs" / "skjermbilder"
BREDDE, HOEYDE = 1366, 900
DEMO_PASSORD = "demo-passord-kvp"


@dataclass(frozen=True)
class Bilde:
    fil: str  # uten .png
    bruker: str
    sti: str
    beskrivelse: str


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROT, env=env, check=True)  # noqa: S603 - våre egne


def _vent_paa(url: str, sekunder: float = 60) -> None:
    slutt = time.monotonic() + sekunder
    while time.monotonic() < slutt:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - vår egen server på 127.0.0.1
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"Serveren svarte ikke på {url}")


def _bilder() -> list[Bilde]:
    """Hvilke sider som fotograferes, med id-ene fra demodataene (Django er satt opp mot den midlertidige basen)."""
    from django.db.models import Count  # noqa: PLC0415

    from kvp.sak.models import Sak  # noqa: PLC0415
    from kvp.tilgang.models import Rolle, Rolletildeling  # noqa: PLC0415
    from kvp.utbetaling.models import Utbetalingsrunde  # noqa: PLC0415
    from kvp.vedtak.models import Vedtak  # noqa: PLC0415

    dina = Rolletildeling.objects.select_related("person").get(bruker__username="dina", rolle=Rolle.DELTAKER).person
    sak = Sak.objects.filter(person=dina).order_by("-mottatt_dato").first()
    if sak is None:
        raise SystemExit("Demodataene mangler saken til deltakeren Dina.")
    vedtak = Vedtak.objects.filter(sak=sak).order_by("-opprettet").first()
    til_beslutter = Vedtak.objects.filter(status="TIL_BESLUTTER", sak__kontor=sak.kontor).order_by("-opprettet").first()
    runde = (
        Utbetalingsrunde.objects.filter(kommune__nav_kontor=sak.kontor)
        .annotate(n=Count("utbetalinger"))
        .order_by("-aar", "-maaned")
        .first()
    )
    b = [
        Bilde("01-mine-oppgaver", "hakon", "/oppgaver/", "Mine oppgaver (KVP-veileder)"),
        Bilde("02-mine-saker", "hakon", "/oppgaver/saker/", "Mine saker"),
        Bilde("03-tavle", "hakon", "/saker/tavle/", "KVP-tavla"),
        Bilde("04-personer", "hakon", "/personer/", "Personlisten, sorterbar"),
        Bilde("05-person", "hakon", f"/personer/{dina.pk}/", "Personsiden med personalia og historikk"),
        Bilde("05-person-endre", "hakon", f"/personer/{dina.pk}/personalia/", "Endre personalia"),
    ]
    for i, (fane, navn) in enumerate(
        [
            ("sak", "Sak"),
            ("vedtak", "Vedtak"),
            ("plan", "Plan"),
            ("oppmoete", "Oppmøte"),
            ("dokumenter", "Dokumenter"),
            ("klage", "Klager"),
            ("meldinger", "Meldinger"),
        ]
    ):
        b.append(Bilde(f"06-sak-{i}-{fane}", "hakon", f"/saker/{sak.pk}/?fane={fane}", f"Saksbildet, fanen {navn}"))
    b.append(Bilde("06-sak-9-utbetaling", "lars", f"/saker/{sak.pk}/?fane=utbetaling", "Saksbildet, fanen Utbetaling"))
    b.append(Bilde("07-vilkaar-og-vedtak", "hakon", f"/vedtak/sak/{sak.pk}/", "Vilkår og vedtak"))
    if vedtak is not None:
        b.append(Bilde("08-vedtak", "hakon", f"/vedtak/{vedtak.pk}/", "Vedtaket"))
    b.append(Bilde("08-beslutterkoe", "berit", "/vedtak/beslutter/", "Beslutterens kø"))
    if til_beslutter is not None:
        b.append(Bilde("08-vedtak-til-beslutter", "berit", f"/vedtak/{til_beslutter.pk}/", "Vedtak til beslutter"))
    b += [
        Bilde("09-plan", "hakon", f"/plan/{sak.pk}/", "Programplanen"),
        Bilde("10-oppmoete", "hakon", f"/oppmoete/{sak.pk}/", "Oppmøtekalenderen"),
        Bilde("11-utbetaling", "oskar", "/utbetaling/", "Utbetalingsrundene (økonomi)"),
    ]
    if runde is not None:
        b.append(Bilde("12-utbetalingsrunde", "oskar", f"/utbetaling/runder/{runde.pk}/", "Én utbetalingsrunde"))
    b += [
        Bilde("13-kostra", "lars", "/statistikk/kostra/", "KOSTRA 11CF"),
        Bilde("14-statistikk-kontor", "lars", "/statistikk/kontor/", "Kontorets statistikk"),
        Bilde("15-statistikk-fylke", "stine", "/statistikk/fylke/", "Fylkets statistikk (statsforvalteren)"),
        Bilde("16-min-side", "dina", "/min-side/", "Min side (deltakeren)"),
        Bilde("17-min-plan", "dina", "/meg/plan/", "Min plan og mitt oppmøte (deltakeren)"),
        Bilde("18-mine-utbetalinger", "dina", "/meg/utbetalinger/", "Mine utbetalinger (deltakeren)"),
    ]
    return b


def _ta_bilder(base: str, bilder: list[Bilde]) -> list[str]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    sys.path.insert(0, str(ROT))
    from kvp.felles.tests.nettleser import ARGS, CHROMIUM, UTENFOR_HUSET  # noqa: PLC0415

    feil: list[str] = []
    UT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        nettleser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        sider: dict[str, Any] = {}

        def side_for(brukernavn: str) -> Any:
            if brukernavn not in sider:
                kontekst = nettleser.new_context(locale="nb-NO", viewport={"width": BREDDE, "height": HOEYDE})
                kontekst.route(UTENFOR_HUSET, lambda route: route.abort())
                page = kontekst.new_page()
                page.goto(f"{base}/logg-inn/")
                page.get_by_label("Brukernavn").fill(brukernavn)
                page.get_by_label("Passord").fill(DEMO_PASSORD)
                page.get_by_role("button", name="Logg inn").click()
                page.wait_for_load_state("networkidle")
                sider[brukernavn] = page
            return sider[brukernavn]

        for bilde in bilder:
            page = side_for(bilde.bruker)
            svar = page.goto(base + bilde.sti)
            page.wait_for_load_state("networkidle")
            status = svar.status if svar is not None else 0
            if status != 200:
                feil.append(f"{bilde.fil}: {bilde.sti} svarte {status} for {bilde.bruker}")
            page.screenshot(path=str(UT / f"{bilde.fil}.png"), full_page=True)
            print(f"  {bilde.fil}.png  {bilde.beskrivelse}  ({bilde.bruker}, {status})")
        nettleser.close()
    return feil


def main(filtre: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="kvp-skjermbilder-") as mappe:
        # Med KVP_SKJERMBILDER_DB gjenbrukes (eller lages) en demobase utenfor den midlertidige mappen.
        fil = Path(os.environ.get("KVP_SKJERMBILDER_DB") or f"{mappe}/demo.sqlite3")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": f"sqlite:///{fil}"}
        os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")})
        if not fil.exists():
            print("Migrerer og laster demodata …")
            _manage(env, "migrate", "--no-input", "-v", "0")
            _manage(env, "demodata")
        sys.path.insert(0, str(ROT))
        import django  # noqa: PLC0415

        django.setup()
        bilder = [b for b in _bilder() if not filtre or any(f in b.fil for f in filtre)]
        port = _ledig_port()
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _vent_paa(f"{base}/logg-inn/")
            print(f"Tar {len(bilder)} bilder til {UT.relative_to(ROT)}/ …")
            feil = _ta_bilder(base, bilder)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for f in feil:
        print(f"FEIL: {f}", file=sys.stderr)
    return 1 if feil else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
