"""Sletting av en person etter begjæring (art. 17): lederen ser om det går, og hvorfor ikke."""

from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kvp.felles.forms import KvpForm, skjema_svar
from kvp.felles.services import lesing_registrer
from kvp.tilgang.tilgang import bruker_fra

from . import services


class SlettForm(KvpForm):
    begrunnelse = forms.CharField(
        label="Begrunnelse",
        max_length=200,
        help_text="For eksempel «Begjæring om sletting fra personen, mottatt 01.03.2026». Står i revisjonsloggen.",
    )


@require_http_methods(["GET", "POST"])
def person_slett(request: HttpRequest, person_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    person = services.person_for_sletting(bruker=bruker, person_id=person_id)
    form = SlettForm(request.POST or None)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.person_slett(bruker=bruker, person_id=person.pk, begrunnelse=d["begrunnelse"])
        messages.success(request, "Personopplysningene er slettet. Slettingen står i revisjonsloggen.")
        return redirect("person:liste")

    def vis(status: int = 200) -> HttpResponse:
        lesing_registrer(
            bruker=bruker,
            personer=[(person.pk, person.kontor_id)],
            formaal="Vurdere sletting",
            objekttype="person",
            objekt_id=str(person.pk),
        )
        vurdering = services.sletting_vurder(person=person, i_dag=timezone.localdate())
        return render(
            request,
            "personvern/person_slett.html",
            {"person": person, "vurdering": vurdering, "form": form},
            status=status,
        )

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()
