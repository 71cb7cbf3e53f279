"""`manage.py kostra_11cf --aar 2026 --kommune 3401 [--bydel NN] --ut FIL`: lager KOSTRA 11CF og kontrollerer den.

Avslutningskoden er som i SSBs kontrollprogram: 0 = i orden, 1 = bare advarsler, 2 = feil (eller ugyldige
argumenter).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.statistikk import kostra
from kvp.statistikk.services import sjekk_aar_og_bydel
from kvp.tilgang.models import Kommune

UGYLDIG = 2


def _feil(melding: str) -> NoReturn:
    raise CommandError(melding, returncode=UGYLDIG)


class Command(BaseCommand):
    help = "Lager KOSTRA 11CF (kvalifiseringsstønad) for en kommune og et år, og skriver kontrollrapporten."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def norsk_feil(melding: str) -> NoReturn:
            sys.stderr.write(f"Ugyldige argumenter ({melding}). Bruk: manage.py kostra_11cf --aar ÅÅÅÅ --kommune NNNN "
                             "[--bydel NN] --ut FIL\n")  # fmt: skip
            sys.exit(UGYLDIG)

        parser.error = norsk_feil  # type: ignore[method-assign, assignment]
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--aar", default="", help="rapporteringsåret, f.eks. 2026")
        parser.add_argument("--kommune", default="", help="kommunenummeret, fire sifre")
        parser.add_argument("--bydel", default="", help="bydel (bare Oslo, 01–15)")
        parser.add_argument("--ut", default="", help="filen som skal skrives")

    def handle(self, *args: Any, **opts: Any) -> None:
        aar_tekst, kommune_nr, bydel, ut = (opts[n].strip() for n in ("aar", "kommune", "bydel", "ut"))
        if not (aar_tekst.isascii() and aar_tekst.isdigit() and len(aar_tekst) == 4):
            _feil("Oppgi året med fire sifre: --aar 2026.")
        if not (kommune_nr.isascii() and kommune_nr.isdigit() and len(kommune_nr) == 4):
            _feil("Oppgi kommunenummeret med fire sifre: --kommune 3401.")
        if bydel and not (bydel.isascii() and bydel.isdigit() and len(bydel) == 2):
            _feil("Bydelen skrives med to sifre: --bydel 01.")
        if not ut:
            _feil("Oppgi filen som skal skrives: --ut 11CF.dat.")
        aar = int(aar_tekst)
        try:
            sjekk_aar_og_bydel(kommune_nummer=kommune_nr, aar=aar, bydel=bydel)
        except KvpFeil as feil:
            _feil(feil.melding)
        kommune = Kommune.objects.filter(nummer=kommune_nr).first()
        if kommune is None:
            _feil(f"Kommunen {kommune_nr} finnes ikke i KVP.")
        sti = Path(ut)
        if not sti.parent.is_dir():
            _feil(f"Mappen {sti.parent} finnes ikke.")
        uttrekk = kostra.uttrekk(kommune=kommune_nr, aar=aar, bydel=bydel)
        fil, rapport = uttrekk.kontroller()
        try:
            sti.write_bytes(fil)
        except OSError as e:
            _feil(f"Kunne ikke skrive {sti}: {e.strerror}.")
        logghendelse_registrer(
            bruker=None,
            kontor=kommune.nav_kontor,
            handling="OPPRETT",
            objekt=None,
            objekttype="KOSTRA 11CF-fil",
            beskrivelse=f"KOSTRA 11CF {aar} for {kommune_nr} fra kommandolinjen: {len(uttrekk.poster)} deltakere",
            etter={"sjekksum": kostra.sjekksum(fil), "avslutningskode": rapport.avslutningskode},
        )
        self.stdout.write(
            f"KOSTRA 11CF {aar} for {kommune.navn} ({kommune_nr}{bydel}): {len(uttrekk.poster)} deltakere"
        )
        self.stdout.write(f"Skrevet til {sti} ({len(fil)} byte, SHA-256 {kostra.sjekksum(fil)})")
        self.stdout.write(f"Kontroller kjørt: {rapport.antall_kontroller}")
        for kontroll, funnene in rapport.per_kontroll():
            self.stdout.write(f"\n{kontroll.alvor.tekst} {kontroll.id} {kontroll.tittel} ({len(funnene)})")
            for funn in funnene:
                sted = f"linje {funn.linje}, journal {funn.journalnr}: " if funn.linje else ""
                self.stdout.write(f"  {sted}{funn.melding}")
        oppsummering = {0: "I orden.", 1: "Bare advarsler: filen kan sendes.", 2: "Feil: SSB tar ikke imot filen."}
        self.stdout.write(f"\n{oppsummering[rapport.avslutningskode]}")
        if rapport.avslutningskode:
            sys.exit(rapport.avslutningskode)
