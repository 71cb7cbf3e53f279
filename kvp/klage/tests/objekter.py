"""Objekter til den genererte URL-testen (kvp/felles/tests/test_url_tilgang.py): en klage på papir med vedlegg og
brev om mangler, ikke sendt til statsforvalteren."""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kvp.dokument.tests import filer
from kvp.klage import services
from kvp.klage.models import Kanal

PDF = filer.pdf()


def klage_url_objekt(*, bruker: Any, vedtak: Any) -> dict[str, Any]:
    klage = services.klage_registrer(
        bruker=bruker,
        vedtak_id=vedtak.pk,
        tekst="Klage på papir.",
        kanal=Kanal.PAPIR,
        mottatt_dato=timezone.localdate(),
        vedlegg=[SimpleUploadedFile("klage.pdf", PDF)],
    )
    services.klage_formkrav_vurder(
        bruker=bruker,
        klage_id=klage.pk,
        formkrav={
            "klagerett": True,
            "i_tide": True,
            "underskrevet": False,
            "vedtak_nevnt": True,
            "endring_nevnt": True,
        },
    )
    services.klage_mangler_send(bruker=bruker, klage_id=klage.pk)
    return {
        "klage_id": klage.pk,
        "dokument_id": klage.dokumenter.get().pk,
        "klagebrev_id": klage.brev.get().pk,
    }
