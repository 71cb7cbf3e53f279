"""Et nytt vedtaksbrev gir deltakeren et varsel uten personopplysninger (evalueringsdatoene står i vedtaksbrevet)."""

from django.core import mail

from kvp.deltaker.models import Varsel
from kvp.tilgang.models import Rolle
from kvp.vedtak.services import vedtak_fatt, vedtak_send_til_beslutter
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder


def test_vedtaksbrev_gir_varsel_paa_epost(lag_person, kvp_veileder_a, lag_bruker, django_capture_on_commit_callbacks):
    person = lag_person(epost="brev@example.no")
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=person)
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    with django_capture_on_commit_callbacks(execute=True):
        vedtak_fatt(bruker=lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor), vedtak_id=vedtak.pk)
    varsel = Varsel.objects.get(person=person)
    assert (varsel.grunn, varsel.status) == ("BREV", "SENDT")
    assert mail.outbox[-1].to == ["brev@example.no"]
    assert person.fornavn not in mail.outbox[-1].body
