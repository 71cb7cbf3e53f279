"""Bankens statusrapport (pain.002): godtatte betalinger blir betalt, avviste får årsaken på norsk og sendes på nytt
med neste runde når kontonummeret er rettet; ugyldige og ukjente filer avvises med en klar melding."""

from decimal import Decimal
from typing import Any

import pytest
from lxml import etree

from kvp.felles.feil import KvpFeil
from kvp.utbetaling import eksport
from kvp.utbetaling.models import Betalingsresultat, Betalingsstatus, Rundestatus, Utbetaling
from kvp.utbetaling.services import (
    bankkvittering_les_inn,
    kommune_innstillinger_endre,
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    utbetalingsrunde_eksporter,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)

KONTO_KOMMUNE = "86011117947"
KONTO_1 = "12345678903"
KONTO_2 = "15030100007"
KONTO_RETTET = "11112233336"
NS = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"


def pain002(meldings_id: str, transaksjoner: list[tuple[str, str, str]], gruppestatus: str = "PART") -> bytes:
    tx = "".join(
        f"<TxInfAndSts><OrgnlEndToEndId>{ref}</OrgnlEndToEndId><TxSts>{status}</TxSts>"
        + (f"<StsRsnInf><Rsn><Cd>{kode}</Cd></Rsn></StsRsnInf>" if kode else "")
        + "</TxInfAndSts>"
        for ref, status, kode in transaksjoner
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Document xmlns="{NS}"><CstmrPmtStsRpt>'
        "<GrpHdr><MsgId>BANK-1</MsgId><CreDtTm>2025-04-16T08:00:00</CreDtTm></GrpHdr>"
        f"<OrgnlGrpInfAndSts><OrgnlMsgId>{meldings_id}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>"
        f"<GrpSts>{gruppestatus}</GrpSts></OrgnlGrpInfAndSts>"
        f"<OrgnlPmtInfAndSts><OrgnlPmtInfId>{meldings_id}</OrgnlPmtInfId>{tx}</OrgnlPmtInfAndSts>"
        "</CstmrPmtStsRpt></Document>"
    ).encode()


def _runde(oekonomi_a: Any, oekonomi_a2: Any, attester: Any, saker: Any, aar: int, maaned: int) -> Any:
    for sak in saker:
        attester(sak, aar, maaned)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=aar, maaned=maaned)
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    return utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=runde.pk)


@pytest.fixture
def eksportert(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2):
    kommune_innstillinger_endre(
        bruker=oekonomi_a,
        kommune_nummer="1127",
        utbetalingsdag=15,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=50,
        kontonummer=KONTO_KOMMUNE,
    )
    saker = [lag_sak_i_program(fornavn=navn) for navn in ("Åsmund", "Bjørg")]
    for sak, konto in zip(saker, (KONTO_1, KONTO_2), strict=True):
        mottaker_lagre(bruker=oekonomi_a, person_id=sak.person_id, kontonummer=konto, skattetrekk_prosent=Decimal(25))
        mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    return saker, _runde(oekonomi_a, oekonomi_a2, attester, saker, 2025, 3)


def test_godtatt_blir_betalt_og_avvist_sendes_paa_nytt_etter_rettet_konto(
    eksportert, attester, oekonomi_a, oekonomi_a2
):
    saker, runde = eksportert
    godtatt, avvist = (Utbetaling.objects.get(runde=runde, sak=s) for s in saker)
    fil = pain002(
        eksport.meldings_id(runde),
        [(eksport.ende_til_ende_id(godtatt.pk), "ACSC", ""), (eksport.ende_til_ende_id(avvist.pk), "RJCT", "AC04")],
    )
    resultat = bankkvittering_les_inn(bruker=oekonomi_a, runde_id=runde.pk, innhold=fil)
    assert (resultat.betalt, resultat.avvist, resultat.venter) == (1, 1, 0)
    assert godtatt.betalingsresultat.status == Betalingsstatus.BETALT
    avvist_resultat = Betalingsresultat.objects.get(utbetaling=avvist)
    assert avvist_resultat.status == Betalingsstatus.AVVIST
    assert avvist_resultat.aarsak == "Kontoen er avsluttet."
    runde.refresh_from_db()
    assert runde.status == Rundestatus.BEKREFTET

    # Samme fil igjen: ingenting endres.
    igjen = bankkvittering_les_inn(bruker=oekonomi_a, runde_id=runde.pk, innhold=fil)
    assert igjen.allerede_lest and igjen.kvittering == resultat.kvittering

    # Neste runde uten rettet konto: den avviste betalingen blir liggende.
    neste = _runde(oekonomi_a, oekonomi_a2, attester, [saker[0]], 2025, 4)
    avvist_resultat.refresh_from_db()
    assert avvist_resultat.status == Betalingsstatus.AVVIST and avvist_resultat.ny_runde is None
    assert eksport.ende_til_ende_id(avvist.pk, paa_nytt=True).encode() not in eksport.lag_pain001(neste)

    # Kontoen rettes (fireøyne), og runden etter tar betalingen med til det nye nummeret.
    mottaker_lagre(
        bruker=oekonomi_a, person_id=saker[1].person_id, kontonummer=KONTO_RETTET, skattetrekk_prosent=Decimal(25)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=saker[1].person_id)
    tredje = _runde(oekonomi_a, oekonomi_a2, attester, [saker[0]], 2025, 5)
    avvist_resultat.refresh_from_db()
    assert avvist_resultat.status == Betalingsstatus.SENDT_PAA_NYTT
    assert avvist_resultat.ny_runde == tredje and avvist_resultat.ny_kontonummer == KONTO_RETTET
    dokument = etree.fromstring(eksport.lag_pain001(tredje))
    ns = {"p": eksport.PAIN001_NS}
    paa_nytt = [
        t
        for t in dokument.iterfind(".//p:CdtTrfTxInf", ns)
        if t.findtext("p:PmtId/p:EndToEndId", namespaces=ns) == eksport.ende_til_ende_id(avvist.pk, paa_nytt=True)
    ]
    assert len(paa_nytt) == 1
    assert paa_nytt[0].findtext("p:CdtrAcct/p:Id/p:Othr/p:Id", namespaces=ns) == KONTO_RETTET
    assert Decimal(paa_nytt[0].findtext("p:Amt/p:InstdAmt", namespaces=ns) or "") == avvist.netto

    # Banken godtar betalingen på nytt: den er betalt.
    andre = pain002(
        eksport.meldings_id(tredje),
        [(eksport.ende_til_ende_id(u.pk), "ACSC", "") for u in Utbetaling.objects.filter(runde=tredje, netto__gt=0)]
        + [(eksport.ende_til_ende_id(avvist.pk, paa_nytt=True), "ACSC", "")],
    )
    bankkvittering_les_inn(bruker=oekonomi_a, runde_id=tredje.pk, innhold=andre)
    avvist_resultat.refresh_from_db()
    assert avvist_resultat.status == Betalingsstatus.BETALT


def test_feil_kontonummer_og_hele_filen_avvist(eksportert, oekonomi_a):
    _, runde = eksportert
    ider = [u.pk for u in Utbetaling.objects.filter(runde=runde)]
    fil = pain002(eksport.meldings_id(runde), [(eksport.ende_til_ende_id(ider[0]), "RJCT", "AC01")])
    bankkvittering_les_inn(bruker=oekonomi_a, runde_id=runde.pk, innhold=fil)
    assert Betalingsresultat.objects.get(utbetaling_id=ider[0]).aarsak == "Kontonummeret er feil."
    runde.refresh_from_db()
    assert runde.status == Rundestatus.EKSPORTERT  # den andre betalingen venter fortsatt på svar


@pytest.mark.parametrize(
    ("innhold", "melding"),
    [
        (b"", "Filen er tom"),
        (b"ikke xml", "ikke gyldig XML"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "DTD eller entiteter"),
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>', "ikke en statusrapport"),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt/></Document>',
            "følger ikke formatet",
        ),
    ],
)
def test_ugyldig_fil_avvises_med_klar_melding(eksportert, oekonomi_a, innhold, melding):
    _, runde = eksportert
    with pytest.raises(KvpFeil) as feil:
        bankkvittering_les_inn(bruker=oekonomi_a, runde_id=runde.pk, innhold=innhold)
    assert melding in feil.value.melding
    assert feil.value.kode == "KVP_KVITTERING_UGYLDIG"
    assert not Betalingsresultat.objects.exists()


def test_kvittering_for_annen_fil_eller_ukjent_betaling_avvises(eksportert, oekonomi_a):
    _, runde = eksportert
    with pytest.raises(KvpFeil, match="gjelder betalingsfilen KVP-annen"):
        bankkvittering_les_inn(bruker=oekonomi_a, runde_id=runde.pk, innhold=pain002("KVP-annen", []))
    ukjent = pain002(eksport.meldings_id(runde), [("ffffffffffffffffffffffffffffffff", "ACSC", "")])
    with pytest.raises(KvpFeil, match="ikke er i rundens betalingsfil"):
        bankkvittering_les_inn(bruker=oekonomi_a, runde_id=runde.pk, innhold=ukjent)
    assert not Betalingsresultat.objects.exists()


def test_kvitteringssiden_for_oekonomi(client, eksportert, oekonomi_a, leder_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    saker, runde = eksportert
    side = f"/utbetaling/runder/{runde.pk}/kvittering/"
    client.force_login(leder_a)
    assert client.get(side).status_code == 403  # bare økonomi; lederen ser runden, så 403 (tilgangslaget)
    client.force_login(oekonomi_a)
    assert client.get(side).status_code == 200
    svar = client.post(side, {"fil": SimpleUploadedFile("kvittering.xml", b"<ikke xml", "text/xml")})
    assert svar.status_code == 400
    assert "Filen er ikke gyldig XML" in svar.content.decode()
    godtatt, avvist = (Utbetaling.objects.get(runde=runde, sak=s) for s in saker)
    fil = pain002(
        eksport.meldings_id(runde),
        [(eksport.ende_til_ende_id(godtatt.pk), "ACSC", ""), (eksport.ende_til_ende_id(avvist.pk), "RJCT", "AC01")],
    )
    svar = client.post(side, {"fil": SimpleUploadedFile("kvittering.xml", fil, "text/xml")}, follow=True)
    tekst = svar.content.decode()
    assert "1 betalt, 1 avvist" in tekst
    assert "Kontonummeret er feil." in tekst
    assert "Avvist av banken" in tekst


def test_kvittering_med_api_for_oekonomitoken(client, eksportert, lag_bruker, kontor_a, kontor_b):
    import base64

    from kvp.api.services import tjenestekonto_opprett
    from kvp.tilgang.models import Rolle

    _, runde = eksportert
    leder = lag_bruker(Rolle.LEDER, kontor=kontor_a)
    _, token = tjenestekonto_opprett(bruker=leder, kontor_id=kontor_a.pk, navn="Økonomisystemet", rolle=Rolle.OEKONOMI)
    fil = pain002(eksport.meldings_id(runde), [], gruppestatus="ACSC")
    sti = f"/api/v1/utbetalingsrunder/{runde.pk}/bankkvittering"
    svar = client.post(
        sti,
        {"innhold_base64": base64.b64encode(fil).decode()},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert svar.status_code == 200, svar.content
    assert svar.json()["betalt"] == 2 and svar.json()["rundestatus"] == "BEKREFTET"
    status = client.get(f"/api/v1/utbetalingsrunder/{runde.pk}", headers={"Authorization": f"Bearer {token}"})
    assert status.json()["betalt"] == 2
    leder_b = lag_bruker(Rolle.LEDER, kontor=kontor_b)
    _, token_b = tjenestekonto_opprett(bruker=leder_b, kontor_id=kontor_b.pk, navn="B", rolle=Rolle.OEKONOMI)
    svar = client.post(
        sti,
        {"innhold_base64": base64.b64encode(fil).decode()},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_b}"},
    )
    assert svar.status_code == 404
    assert svar["Content-Type"].startswith("application/problem+json")
    svar = client.post(
        sti,
        {"innhold_base64": "ikke base64!"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert svar.status_code == 400
