"""Fremdriften til en jobb som kjører, skrevet rett til databasen (utenfor jobbens egne transaksjoner), så den kan
leses mens jobben går. Hver oppdatering er også et hjerteslag: en jobb uten hjerteslag på lenge regnes som stoppet
(se `services.jobber_gjenoppta`)."""

from uuid import UUID

from django.utils import timezone

from .models import Jobb, Jobbstatus


class JobbOvertatt(Exception):
    """Jobben eies ikke lenger av denne oppgaven (den er tatt opp igjen av en annen arbeidsprosess): stopp."""


class Fremdrift:
    def __init__(self, *, jobb_id: UUID, oppgave_id: str) -> None:
        self.jobb_id = jobb_id
        self.oppgave_id = oppgave_id

    def oppdater(self, *, gjort: int | None = None, totalt: int | None = None, steg: str | None = None) -> None:
        """Lagrer fremdriften med en gang. Kaster `JobbOvertatt` når jobben er tatt over av en annen oppgave.

        Kalles mellom jobbens transaksjoner (etter hver commit), ellers ses fremdriften først når jobben er ferdig."""
        endringer: dict[str, object] = {"hjerteslag": timezone.now()}
        if gjort is not None:
            endringer["gjort"] = gjort
        if totalt is not None:
            endringer["totalt"] = totalt
        if steg is not None:
            endringer["steg"] = steg
        oppdatert = Jobb.objects.filter(pk=self.jobb_id, oppgave_id=self.oppgave_id, status=Jobbstatus.KJOERER).update(
            **endringer
        )
        if not oppdatert:
            raise JobbOvertatt
