"""Et kontor med én sak i hvert utfall (avslag, innvilget, avsluttet), bygget gjennom tjenestene der det går."""

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from kvp.sak.models import Sak, Status
from kvp.tilgang.models import Rolle
from kvp.tilsyn import services
from kvp.vedtak import services as vedtak_tjenester
from kvp.vedtak.models import Vedtakstype
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder


def lag_saker(*, kvp_veileder: Any, beslutter: Any, lag_person: Any) -> dict[str, Sak]:
    avslag = sak_til_vilkaarsvurdering(bruker=kvp_veileder, person=lag_person(fornavn="Avslag"))
    vilkaar_vurder(bruker=kvp_veileder, sak=avslag, arbeidsevne="VARIG_TILPASSET")
    v = vedtak_tjenester.vedtak_opprett(
        bruker=kvp_veileder,
        sak_id=avslag.pk,
        type=Vedtakstype.AVSLAG,
        avslag_vilkaar="ARBEIDSEVNE",
        begrunnelse="Arbeidsevnevurderingen konkluderer med varig tilpasset innsats.",
    )
    vedtak_tjenester.vedtak_send_til_beslutter(bruker=kvp_veileder, vedtak_id=v.pk)
    vedtak_tjenester.vedtak_fatt(bruker=beslutter, vedtak_id=v.pk)

    innvilget = sak_til_vilkaarsvurdering(bruker=kvp_veileder, person=lag_person(fornavn="Innvilget"))
    vilkaar_vurder(bruker=kvp_veileder, sak=innvilget)
    v = innvilgelse_utkast(bruker=kvp_veileder, sak=innvilget)
    vedtak_tjenester.vedtak_send_til_beslutter(bruker=kvp_veileder, vedtak_id=v.pk)
    vedtak_tjenester.vedtak_fatt(bruker=beslutter, vedtak_id=v.pk)

    avsluttet = sak_til_vilkaarsvurdering(bruker=kvp_veileder, person=lag_person(fornavn="Avsluttet"))
    # Et avsluttet program settes direkte (vedtakstjenestene godtar ikke et program som både begynte og sluttet
    # før i dag uten oppmøte og utbetaling); det er ikke dem som testes her.
    i_dag = timezone.localdate()
    Sak.objects.filter(pk=avsluttet.pk).update(
        status=Status.AVSLUTTET,
        vedtak_dato=i_dag - dt.timedelta(days=9),
        begynt_dato=i_dag - dt.timedelta(days=8),
        program_fra_og_med=i_dag - dt.timedelta(days=8),
        program_til_og_med=i_dag + dt.timedelta(days=300),
        avsluttet_dato=i_dag - dt.timedelta(days=1),
    )
    return {
        "avslag": Sak.objects.get(pk=avslag.pk),
        "innvilget": Sak.objects.get(pk=innvilget.pk),
        "avsluttet": Sak.objects.get(pk=avsluttet.pk),
    }


@pytest.fixture
def beslutter_a(lag_bruker: Any, kontor_a: Any) -> Any:
    return lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)


@pytest.fixture
def statsforvalter(lag_bruker: Any) -> Any:
    return lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland")


@pytest.fixture
def statsforvalter_innlandet(lag_bruker: Any) -> Any:
    return lag_bruker(Rolle.STATSFORVALTER, fylke="Innlandet")


@pytest.fixture
def saker(kvp_veileder_a: Any, beslutter_a: Any, lag_person: Any) -> dict[str, Sak]:
    return lag_saker(kvp_veileder=kvp_veileder_a, beslutter=beslutter_a, lag_person=lag_person)


@pytest.fixture
def tilsyn(statsforvalter: Any, kontor_a: Any, saker: Any) -> Any:
    i_dag = timezone.localdate()
    return services.tilsyn_opprett(
        bruker=statsforvalter,
        kontor_id=kontor_a.pk,
        tema="Kvalifiseringsprogrammet 2026",
        periode_fra=i_dag - dt.timedelta(days=60),
        periode_til=i_dag,
    )


@pytest.fixture
def tilsyn_med_utvalg(statsforvalter: Any, tilsyn: Any) -> Any:
    return services.tilsyn_trekk_utvalg(bruker=statsforvalter, tilsyn_id=tilsyn.pk, antall_per_stratum=3, froe=2026)
