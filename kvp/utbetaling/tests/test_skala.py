"""Runden for hele landet (ADR 0023): ingen spørring per deltaker, lagring med COPY på PostgreSQL (samme rader som
`bulk_create`), kandidatene lest videre fra forrige bit, og filene og lesingene strømmet. Tidene står i
`bench/utbetaling.py` og docs/benchmarks.md, ikke her."""

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from kvp.felles import services as felles_services
from kvp.felles.massekopi import masseinnsett_rader
from kvp.felles.models import Logghendelse
from kvp.utbetaling import eksport
from kvp.utbetaling.models import Beregning, Posttype, Utbetaling, Utbetalingsoppsett, Utbetalingspost, Utbetalingsrunde
from kvp.utbetaling.services import runde_bit, utbetalingsrunde_kjoer

pytestmark = pytest.mark.django_db


def _spoerringer_for_runde(oekonomi: Any, saker: list[Any], attester: Any, maaned: int) -> int:
    for sak in saker:
        attester(sak, 2025, maaned)
    with CaptureQueriesContext(connection) as spoerringer:
        utbetalingsrunde_kjoer(bruker=oekonomi, kommune_nummer="1127", aar=2025, maaned=maaned, bitstoerrelse=1000)
    return len(spoerringer)


def test_antall_spoerringer_er_det_samme_for_2_og_12_deltakere(lag_sak_i_program, attester, oekonomi_a):
    """Én bit med 2 eller 12 deltakere gir like mange spørringer: ingen spørring per deltaker. (Den første runden
    varmer opp hurtigbuffere som innholdstypene, så de to som sammenlignes, går samme vei.)"""
    _spoerringer_for_runde(oekonomi_a, [lag_sak_i_program()], attester, 2)
    faa = _spoerringer_for_runde(oekonomi_a, [lag_sak_i_program() for _ in range(2)], attester, 3)
    mange = _spoerringer_for_runde(oekonomi_a, [lag_sak_i_program() for _ in range(12)], attester, 4)
    assert Utbetaling.objects.filter(runde__maaned=4).count() == 12
    assert faa == mange, (faa, mange)


def test_bitene_tar_alle_deltakerne_en_gang_og_i_fast_rekkefoelge(lag_sak_i_program, attester, oekonomi_a):
    saker = [lag_sak_i_program() for _ in range(7)]
    for sak in saker:
        attester(sak, 2025, 3)
    bitene: list[int] = []
    runde = utbetalingsrunde_kjoer(
        bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3, bitstoerrelse=3, etter_bit=bitene.append
    )
    assert bitene == [3, 3, 1]
    assert runde.ferdig
    assert sorted(Utbetaling.objects.filter(runde=runde).values_list("sak_id", flat=True), key=str) == sorted(
        (s.pk for s in saker), key=str
    )
    # Med `etter` leter kandidatene bare videre fra den største saken forrige bit tok med.
    Utbetalingspost.objects.filter(utbetaling__runde=runde).delete()
    Utbetaling.objects.filter(runde=runde).delete()
    alle = runde_bit.kandidater(runde, 100)
    assert runde_bit.kandidater(runde, 100, etter=alle[2]) == alle[3:]


def test_betalingsfilen_er_gyldig_og_har_alle_betalingene_med_riktig_sum(
    lag_sak_i_program, attester, oekonomi_a, oekonomi_a2
):
    saker = [lag_sak_i_program() for _ in range(5)]
    for sak in saker:
        attester(sak, 2025, 3)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    Utbetalingsoppsett.objects.create(kommune_id="1127", kontonummer="86011117947", endret_av=oekonomi_a)
    runde = Utbetalingsrunde.objects.select_related("kommune").get(pk=runde.pk)
    runde.utbetalingsdato = timezone.localdate() + dt.timedelta(days=7)
    ns = {"p": eksport.PAIN001_NS}
    dokument = etree.fromstring(eksport.lag_pain001(runde))
    beloep = [Decimal(e.text or "") for e in dokument.iterfind(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", ns)]
    netto = sorted(u.netto for u in Utbetaling.objects.filter(runde=runde, netto__gt=0))
    assert sorted(beloep) == netto and len(beloep) == 5
    assert Decimal(dokument.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=ns) or "") == sum(netto)
    assert dokument.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=ns) == "5"
    assert dokument.findtext(".//p:PmtInf/p:NbOfTxs", namespaces=ns) == "5"
    # Sortert på navn, som regnskapsfilen.
    assert Utbetalingspost.objects.filter(utbetaling__runde=runde, type=Posttype.ORDINAER).count() == 5


def test_lesingene_skrives_i_biter_og_hver_person_en_gang(monkeypatch, lag_person, oekonomi_a, kontor_a):
    monkeypatch.setattr(felles_services, "LESINGER_PER_INSERT", 2)
    personer = [lag_person() for _ in range(5)]
    par = [(p.pk, kontor_a.pk) for p in personer] + [(personer[0].pk, kontor_a.pk)]
    with CaptureQueriesContext(connection) as spoerringer:
        antall = felles_services.lesing_registrer(
            bruker=oekonomi_a, personer=iter(par), formaal="Test", objekttype="betalingsfil"
        )
    assert antall == 5
    lagret = Logghendelse.objects.filter(objekttype="betalingsfil")
    assert sorted(lagret.values_list("person_id", flat=True), key=str) == sorted((p.pk for p in personer), key=str)
    assert {(h.handling, h.bruker_id, h.brukernavn, h.kontor_id, h.formaal) for h in lagret} == {
        ("LES", oekonomi_a.pk, oekonomi_a.username, kontor_a.pk, "Test")
    }
    assert all(h.tidspunkt is not None and h.foer is None and h.beskrivelse == "" for h in lagret)
    # PostgreSQL: én COPY (som ikke går gjennom Djangos markør); ellers én INSERT per `LESINGER_PER_INSERT`.
    inserts = sum(1 for q in spoerringer if q["sql"].startswith("INSERT"))
    assert inserts == (0 if connection.vendor == "postgresql" else 3)


def test_masseinnsett_rader_gir_de_samme_radene_som_bulk_create(lag_sak_i_program, oekonomi_a):
    """Rader gitt som verdier: felt som ikke er gitt, får standardverdien, `auto_now_add` og en ny UUID, som med
    `bulk_create`; JSON gjøres om som i Django; et brudd på en regel blir `IntegrityError` (også med COPY)."""
    sak = lag_sak_i_program()
    dokument = {"tekst": 'med "anførselstegn", \\ og æøå\ttab', "tall": [1, "0.10"]}
    felt = ["sak_id", "aar", "maaned", "versjon", "aarsak", "attesteringsversjon", "grunnlag", "resultat", "total"]
    felt += ["regelversjon"]
    rad = [sak.pk, 2025, 3, 1, "ORDINAER", 1, dokument, {"total": "1.05"}, Decimal("1.05"), "v1"]
    assert masseinnsett_rader(Beregning, felt, iter([rad, [*rad[:3], 2, *rad[4:]]])) == 2
    lagret = list(Beregning.objects.filter(sak=sak).order_by("versjon"))
    assert [b.versjon for b in lagret] == [1, 2]
    assert lagret[0].grunnlag == dokument and lagret[0].resultat == {"total": "1.05"}
    assert lagret[0].total == Decimal("1.05") and lagret[0].opprettet is not None
    assert lagret[0].pk != lagret[1].pk
    with pytest.raises(IntegrityError), transaction.atomic():
        masseinnsett_rader(Beregning, felt, [rad])
    assert Beregning.objects.filter(sak=sak).count() == 2


@pytest.mark.parametrize(
    "tekst",
    ["Ola Nordmann", "Å & <b> \"x\" 'y' \r\t\n z ]]>", "a\x7fb\x85\u2028", "a\x0bb", "ugyldig\ufffe"],
)
def test_betalingene_skrives_som_lxml_ville_skrevet_dem(tekst):
    """Betalingene i pain.001 skrives som ferdig tekst: byte for byte det lxml skriver for det samme elementet
    (escaping og innrykk), og tekst lxml nekter (kontrolltegn), nektes også her."""

    def med_lxml() -> str:
        ut = io.BytesIO()
        with (
            etree.xmlfile(ut, encoding="UTF-8") as fil,
            fil.element(f"{{{eksport.PAIN001_NS}}}Document", nsmap={None: eksport.PAIN001_NS}),
        ):
            fil.flush()
            ut.seek(0)
            ut.truncate()
            eksport._skriv(fil, eksport.transaksjon("ABC123", "1234.50", tekst, "12345678903", tekst), 3)
            fil.flush()
            return ut.getvalue().decode()

    try:
        forventet = med_lxml()
    except ValueError:
        with pytest.raises(ValueError):
            eksport.transaksjon_xml("ABC123", "1234.50", tekst, "12345678903", tekst)
        return
    assert eksport.transaksjon_xml("ABC123", "1234.50", tekst, "12345678903", tekst) == forventet
