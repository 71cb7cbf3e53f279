"""En tjenestekonto (API-token) har en kontorrolle, men er ingen person: den står aldri blant KVP-veilederne en sak
kan tildeles, eller blant dem som kan godkjenne en utbetalingsrunde."""

from kvp.tilgang.models import Rolle
from kvp.tilgang.selectors import kvp_veiledere_for_bruker, kvp_veiledere_for_kontor
from kvp.utbetaling.models import Utbetalingsrunde
from kvp.utbetaling.selectors import kan_godkjenne_runden
from kvp.utbetaling.tests.objekter import url_objekter


def test_tjenestekontoer_er_ikke_saksbehandlere(lag_token, lag_bruker, kontor_a, kvp_veileder_a, leder_a):
    konto, _ = lag_token(kontor=kontor_a, rolle=Rolle.KVP_VEILEDER)
    assert konto.bruker.er_tjenestekonto
    assert not kvp_veileder_a.er_tjenestekonto
    for liste in (
        kvp_veiledere_for_kontor(bruker=leder_a, kontor_id=kontor_a.pk),
        kvp_veiledere_for_bruker(bruker=leder_a, side="tavle"),
    ):
        assert kvp_veileder_a in liste
        assert konto.bruker not in liste


def test_tjenestekonto_med_oekonomirollen_kan_ikke_godkjenne_runden(lag_token, lag_bruker, lag_sak_i_program, kontor_a):
    runde = Utbetalingsrunde.objects.select_related("kommune").get(pk=url_objekter(sak=lag_sak_i_program())["runde_id"])
    assert runde.kommune.nav_kontor_id == kontor_a.pk
    konto, _ = lag_token(kontor=kontor_a, rolle=Rolle.OEKONOMI)
    oekonom = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a)
    godkjennere = kan_godkjenne_runden(runde=runde)
    assert oekonom in godkjennere
    assert konto.bruker not in godkjennere
