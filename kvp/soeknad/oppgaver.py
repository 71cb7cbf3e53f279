"""Oppgavene fra inntaket i Mine oppgaver (registeret i `kvp.felles.oppgaver`, ADR 0014).

Et booket møte er allerede en oppgave for KVP-veilederen (`kvp.arbeidsflate.oppgaver.moete_oppgaver`). Her står
avlysningene, som når dem de gjelder:

* veilederen som kartla personen, når noen andre avlyste møtet: «book en ny tid» til kartleggingen har et nytt
  booket møte (eller avlysningen er eldre enn `DAGER_AVLYST`);
* KVP-veilederen som hadde møtet, når noen andre avlyste eller flyttet det: til tiden har vært.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from kvp.felles.oppgaver import Oppgave
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

from .models import Moeteavlysning, Moetetid

#: Så mange dager står «møtet ble avlyst, book en ny tid» i Mine oppgaver hvis ingen booker igjen.
DAGER_AVLYST = 14
MAKS = 100


def _tid(start: dt.datetime) -> str:
    lokal = timezone.localtime(start)
    return f"{lokal:%d.%m.%Y} kl. {lokal:%H.%M}"


def avlyste_moeter(bruker: Bruker, i_dag: dt.date) -> list[Oppgave]:
    t = tilgang_for(bruker)
    kontorer = t.kontorer_med(Rolle.VEILEDER, Rolle.KVP_VEILEDER)
    if not kontorer:
        return []
    sone = timezone.get_current_timezone()
    siden = dt.datetime.combine(i_dag - dt.timedelta(days=DAGER_AVLYST), dt.time.min, tzinfo=sone)
    svar: list[Oppgave] = []
    # Til veilederen som kartla: møtet er avlyst av en annen, og ingen har booket en ny tid.
    bookede = Moetetid.objects.filter(kartlegging__isnull=False).values("kartlegging_id")
    avlyste = (
        Moeteavlysning.objects.filter(
            kontor_id__in=kontorer,
            kartlegging__veileder=bruker,
            ny_moetetid__isnull=True,
            tidspunkt__gte=siden,
        )
        .exclude(avlyst_av=bruker)
        .exclude(kartlegging_id__in=bookede)
        .select_related("kartlegging__person", "avlyst_av")
        .order_by("kartlegging_id", "-tidspunkt")
    )
    sett = set()
    for a in avlyste:
        if a.kartlegging_id in sett:
            continue
        sett.add(a.kartlegging_id)
        person = a.kartlegging.person
        svar.append(
            Oppgave(
                type="MOETE_AVLYST",
                typenavn="Møte avlyst",
                tittel=f"Overføringsmøtet {_tid(a.start)} ble avlyst av {a.avlyst_av.visningsnavn}. Book en ny tid.",
                lenke=reverse("soeknad:kartlegging", kwargs={"kartlegging_id": a.kartlegging_id}),
                frist=timezone.localtime(a.tidspunkt).date() + dt.timedelta(days=DAGER_AVLYST),
                nivaa="VARSEL",
                person_id=person.pk,
                person_navn=person.navn,
                kontor_id=a.kontor_id,
            )
        )
    # Til KVP-veilederen som hadde møtet: en annen avlyste eller flyttet det, og tiden har ikke vært ennå.
    kvp_kontorer = t.kontorer_med(Rolle.KVP_VEILEDER)
    fra_i_dag = dt.datetime.combine(i_dag, dt.time.min, tzinfo=sone)
    if kvp_kontorer:
        for a in (
            Moeteavlysning.objects.filter(kontor_id__in=kvp_kontorer, kvp_veileder=bruker, start__gte=fra_i_dag)
            .exclude(avlyst_av=bruker)
            .select_related("kartlegging__person", "avlyst_av", "ny_moetetid")
            .order_by("start")[:MAKS]
        ):
            person = a.kartlegging.person
            lokal = timezone.localtime(a.start).date()
            aar, uke, _ = lokal.isocalendar()
            hva = f"flyttet til {_tid(a.ny_moetetid.start)}" if a.ny_moetetid else "avlyst"
            svar.append(
                Oppgave(
                    type="MOETE_AVLYST",
                    typenavn="Møte avlyst" if a.ny_moetetid is None else "Møte flyttet",
                    tittel=f"Overføringsmøtet {_tid(a.start)} er {hva} av {a.avlyst_av.visningsnavn}",
                    lenke=reverse("soeknad:moetekalender") + f"?uke={aar}-W{uke:02d}",
                    frist=lokal,
                    person_id=person.pk,
                    person_navn=person.navn,
                    kontor_id=a.kontor_id,
                )
            )
    return svar[:MAKS]
