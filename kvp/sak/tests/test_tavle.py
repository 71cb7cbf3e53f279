import datetime as dt
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kvp.felles.models import Logghendelse
from kvp.person.models import Person
from kvp.sak.models import Sak, Status
from kvp.sak.selectors import saker_for_tavle
from kvp.sak.services import sak_endre_status, sak_tildel
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Bruker
from kvp_regler.vilkaar.frister import foreloepig_svar_frist


def lag_saker(
    antall: int, *, lag_person: Callable[..., Person], bruker: Bruker, i_dag: dt.date, start: int = 0
) -> list[Sak]:
    saker = []
    for n in range(start, start + antall):
        person = lag_person(fornavn=f"Person{n}")
        saker.append(
            soeknad_registrer(
                bruker=bruker,
                person=person,
                mottatt_dato=i_dag - dt.timedelta(days=n % 30),
                kanal=Kanal.PAPIR,
            )[1]
        )
    return saker


def test_tavla_har_kolonner_per_status_ikke_tildelte_foerst_og_frister(lag_person, kvp_veileder_a, i_dag):
    gammel, ny, tildelt, aev = lag_saker(4, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag)
    sak_tildel(bruker=kvp_veileder_a, sak_id=tildelt.pk, saksbehandler=kvp_veileder_a)
    sak_endre_status(bruker=kvp_veileder_a, sak_id=aev.pk, status=Status.ARBEIDSEVNEVURDERING)
    kolonner = saker_for_tavle(bruker=kvp_veileder_a, i_dag=i_dag + dt.timedelta(days=20))
    assert [k.status for k in kolonner] == [
        Status.SOEKNAD_REGISTRERT,
        Status.ARBEIDSEVNEVURDERING,
        Status.VILKAARSVURDERING,
    ]
    foerste = kolonner[0]
    assert [k.sak for k in foerste.kort] == [ny, gammel, tildelt]  # ikke tildelte først, eldste først
    assert [k.dager for k in foerste.kort] == [21, 20, 22]
    assert [k.frist for k in foerste.kort] == ["OVERSKREDET", "VARSEL", "OVERSKREDET"]
    assert kolonner[1].antall == 1
    assert kolonner[2].kort == []


def test_tavla_filtrerer_paa_saksbehandler_og_ikke_tildelte(lag_person, kvp_veileder_a, i_dag):
    a, b = lag_saker(2, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag)
    sak_tildel(bruker=kvp_veileder_a, sak_id=a.pk, saksbehandler=kvp_veileder_a)
    mine = saker_for_tavle(bruker=kvp_veileder_a, saksbehandler=str(kvp_veileder_a.pk))
    assert [k.sak for k in mine[0].kort] == [a]
    ingen = saker_for_tavle(bruker=kvp_veileder_a, saksbehandler="ingen")
    assert [k.sak for k in ingen[0].kort] == [b]


def test_tavla_viser_ikke_andre_kontorers_saker(lag_person, kvp_veileder_a, kvp_veileder_b, i_dag):
    lag_saker(3, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag)
    assert sum(k.antall for k in saker_for_tavle(bruker=kvp_veileder_b)) == 0


def test_tavla_viser_foreloepig_svar_varsel_fra_fristen_som_mine_oppgaver(lag_person, kvp_veileder_a, i_dag):
    """Tavla og Mine oppgaver bruker samme frist (parameteren `foreloepig_svar_maaneder`, fvl. § 11 a): en søknad
    mottatt den 1. i en måned med 31 dager har frist 31 dager etter; dagen før er kortet ennå uten varsel."""
    mottatt = i_dag.replace(day=1)
    while mottatt.month not in (1, 3, 5, 7, 8, 10, 12):
        mottatt = (mottatt - dt.timedelta(days=1)).replace(day=1)
    (_sak,) = lag_saker(1, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=mottatt)
    frist = foreloepig_svar_frist(mottatt)
    assert (frist - mottatt).days == 31
    kort = saker_for_tavle(bruker=kvp_veileder_a, i_dag=frist)[0].kort[0]
    assert kort.mangler_foreloepig_svar is True
    kort = saker_for_tavle(bruker=kvp_veileder_a, i_dag=frist - dt.timedelta(days=1))[0].kort[0]
    assert kort.mangler_foreloepig_svar is False


def test_tavla_har_konstant_antall_sporringer(client, lag_person, kvp_veileder_a, i_dag, settings):
    """10 og 200 saker (flere enn det som vises per kolonne) gir nøyaktig like mange spørringer."""
    settings.KVP_TAVLE_MAKS_PER_KOLONNE = 50
    client.force_login(kvp_veileder_a)
    url = reverse("sak:tavle")
    saker = lag_saker(10, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag)
    for s in saker[:3]:
        sak_tildel(bruker=kvp_veileder_a, sak_id=s.pk, saksbehandler=kvp_veileder_a)
    with CaptureQueriesContext(connection) as ti:
        assert client.get(url).status_code == 200
    flere = lag_saker(190, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag, start=10)
    for s in flere[::3]:
        sak_tildel(bruker=kvp_veileder_a, sak_id=s.pk, saksbehandler=kvp_veileder_a)
    for s in flere[::4]:
        sak_endre_status(bruker=kvp_veileder_a, sak_id=s.pk, status=Status.ARBEIDSEVNEVURDERING)
    with CaptureQueriesContext(connection) as to_hundre:
        svar = client.get(url)
    assert svar.status_code == 200
    assert "og 102 saker til" in svar.content.decode()

    # Revisjonsloggen får én rad per person på tavla i én INSERT (SQLite deler den i biter à 999 parametre).
    def uten_logg(fanget: CaptureQueriesContext) -> list[str]:
        return [
            q["sql"] for q in fanget.captured_queries if not q["sql"].startswith('INSERT INTO "felles_logghendelse"')
        ]

    assert len(uten_logg(ti)) == len(uten_logg(to_hundre)), uten_logg(to_hundre)
    # Ni for tavla og fristene, én for rettleiingene (kvp.tilsyn), én for forhåndsvarslene og én for uleste meldinger
    # i toppfeltet (kvp.deltaker).
    assert len(uten_logg(to_hundre)) <= 12
    felter = len([f for f in Logghendelse._meta.concrete_fields if not f.primary_key])
    rader = Logghendelse.objects.filter(objekttype="KVP-tavla").count()
    vist = 200 - 102
    assert rader == 10 + vist
    innsettinger = len(to_hundre) - len(uten_logg(to_hundre))
    assert innsettinger == -(-vist // connection.ops.bulk_batch_size([None] * felter, [None] * vist))


def test_saksbildet_viser_saksbehandlingstid_og_foreloepig_svar_bare_mens_soeknaden_behandles(
    client, kvp_veileder_a, lag_person, i_dag
):
    import datetime as dt

    from django.urls import reverse

    from kvp.sak.models import Sak
    from kvp.soeknad.models import Kanal
    from kvp.soeknad.services import soeknad_registrer

    _, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=lag_person(), mottatt_dato=i_dag - dt.timedelta(days=40), kanal=Kanal.PAPIR
    )
    client.force_login(kvp_veileder_a)
    under_behandling = client.get(reverse("sak:detalj", args=[sak.pk])).content.decode()
    assert "frist 21 dager" in under_behandling and "Registrer foreløpig svar" in under_behandling

    Sak.objects.filter(pk=sak.pk).update(status=Status.I_PROGRAM, vedtak_dato=i_dag - dt.timedelta(days=10))
    i_program = client.get(reverse("sak:detalj", args=[sak.pk])).content.decode()
    assert "frist 21 dager" not in i_program and "Registrer foreløpig svar" not in i_program
    assert f"(vedtak {(i_dag - dt.timedelta(days=10)):%d.%m.%Y})" in i_program
