"""Demodata for klagene: minst én klage i hver tilstand, i begge instanser, på vedtakene fra `vedtak.py` (to nye
vedtak om endring: ett omgjør etter klage, ett iverksetter statsforvalterens vedtak).

Statsforvalteren (stine, Rogaland) får klager som er mottatt, under behandling og avgjort; kontoret (hakon) får
oppgaver i hvert steg, også en klage som kom for sent (§ 31) og en statsforvalteravgjørelse som skal iverksettes.
"""

import datetime as dt
from typing import Any

from kvp.klage import services as klage
from kvp.klage.models import Kanal
from kvp.person.models import Person
from kvp.sak.models import AKTIVE_STATUSER, Sak
from kvp.tilgang.models import Bruker
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype
from kvp.vedtak.services import vedtak_fatt, vedtak_opprett, vedtak_send_til_beslutter

ALLE_JA = dict.fromkeys(("klagerett", "i_tide", "underskrevet", "vedtak_nevnt", "endring_nevnt"), True)


def _vedtak(sak: Sak, type: str) -> Vedtak:
    vedtak: Vedtak = Vedtak.objects.filter(sak=sak, type=type, status=Vedtaksstatus.FATTET).order_by(
        "-fattet_tidspunkt"
    )[0]
    return vedtak


def _registrer(kvp: Bruker, vedtak: Vedtak, tekst: str, i_dag: dt.date, kanal: str = Kanal.PAPIR) -> Any:
    assert vedtak.vedtak_dato is not None  # noqa: S101 - fattet
    # Klokka kan passere midnatt mens demodataene lastes: aldri før vedtaket ble fattet.
    mottatt = max(vedtak.vedtak_dato, i_dag - dt.timedelta(days=2))
    return klage.klage_registrer(bruker=kvp, vedtak_id=vedtak.pk, tekst=tekst, kanal=kanal, mottatt_dato=mottatt)


def _til_vurdering(kvp: Bruker, k: Any, **ekstra: Any) -> Any:
    return klage.klage_formkrav_vurder(bruker=kvp, klage_id=k.pk, formkrav=ALLE_JA, **ekstra)


def _oversend(kvp: Bruker, k: Any) -> Any:
    _til_vurdering(kvp, k)
    return klage.klage_vurder(
        bruker=kvp,
        klage_id=k.pk,
        resultat="OVERSEND",
        vurdering="Vedtaket bygger på opplysningene i saken og er i tråd med retningslinjene. Klagen gir ikke nye "
        "opplysninger som endrer vurderingen.",
    )


def _fatt(kvp: Bruker, beslutter: Bruker, sak: Sak, type: str, **felter: Any) -> Vedtak:
    v = vedtak_opprett(bruker=kvp, sak_id=sak.pk, type=type, **felter)
    vedtak_send_til_beslutter(bruker=kvp, vedtak_id=v.pk)
    return vedtak_fatt(bruker=beslutter, vedtak_id=v.pk)


def klage_demodata_last(*, i_dag: dt.date) -> None:
    kvp = Bruker.objects.get(username="hakon")
    beslutter = Bruker.objects.get(username="berit")
    sf = Bruker.objects.get(username="stine")
    dina = Person.objects.get(rolletildeling__bruker__username="dina")
    saker = {
        s.person_id: s
        for s in Sak.objects.filter(kontor__enhetsnummer="1127", vedtak__status=Vedtaksstatus.FATTET)
        .exclude(person=dina)
        .distinct()
    }
    innvilget = sorted(
        (s for s in saker.values() if s.vedtak.filter(type=Vedtakstype.INNVILGELSE, status=Vedtaksstatus.FATTET)),
        key=lambda s: s.person.foedselsnummer,
    )
    avslag = [s for s in saker.values() if s.vedtak.filter(type=Vedtakstype.AVSLAG).exists()]
    permisjon = [s for s in saker.values() if s.vedtak.filter(type=Vedtakstype.PERMISJON).exists()]
    # Bare aktive saker: vedtaksdataene stanser og avslutter noen innvilgede saker, og de kan ikke få vedtak om endring.
    vanlige = [s for s in innvilget if s not in permisjon and s.status in AKTIVE_STATUSER]
    if len(vanlige) < 2 or not avslag or not permisjon:
        return

    # Dina: klage på innvilgelsen som kom lenge etter fristen; formkravene og § 31 venter på kontoret.
    dinas_sak = Sak.objects.filter(person=dina).first()
    if dinas_sak is not None:
        _registrer(
            kvp, _vedtak(dinas_sak, Vedtakstype.INNVILGELSE), "Jeg mener programmet burde ha startet før.", i_dag
        )

    # Avslaget: én klage stadfestet av statsforvalteren, en ny under behandling der.
    sak = avslag[0]
    k = _oversend(
        kvp, _registrer(kvp, _vedtak(sak, Vedtakstype.AVSLAG), "Jeg er uenig i arbeidsevnevurderingen.", i_dag)
    )
    klage.klage_avgjoer(
        bruker=sf,
        klage_id=k.pk,
        utfall="STADFESTET",
        begrunnelse="Arbeidsevnevurderingen er grundig, og vilkåret i sosialtjenesteloven § 29 er ikke oppfylt.",
    )
    k = _oversend(kvp, _registrer(kvp, _vedtak(sak, Vedtakstype.AVSLAG), "Ny legeerklæring vedlagt på papir.", i_dag))
    klage.klage_ta_under_behandling(bruker=sf, klage_id=k.pk)

    # Innvilget, venter på oppstart: én klage avvist etter brev om mangler, en ny som venter på retting.
    sak = vanlige[0]
    vedtak = _vedtak(sak, Vedtakstype.INNVILGELSE)
    k = _registrer(kvp, vedtak, "Klage uten underskrift, mottatt i posten.", i_dag)
    klage.klage_formkrav_vurder(bruker=kvp, klage_id=k.pk, formkrav={**ALLE_JA, "underskrevet": False})
    klage.klage_mangler_send(bruker=kvp, klage_id=k.pk)
    klage.klage_avvis(bruker=kvp, klage_id=k.pk, begrunnelse="Klagen ble ikke underskrevet innen fristen.")
    k = _registrer(kvp, vedtak, "Jeg vil ha flere timer norskkurs.", i_dag, kanal=Kanal.TELEFON)
    klage.klage_formkrav_vurder(bruker=kvp, klage_id=k.pk, formkrav={**ALLE_JA, "endring_nevnt": False})
    klage.klage_mangler_send(bruker=kvp, klage_id=k.pk)

    # I program: kontoret omgjør (nytt vedtak om endring); en ny klage til vurdering, og en på endringen som omgjøres.
    sak = vanlige[1]
    vedtak = _vedtak(sak, Vedtakstype.INNVILGELSE)
    k = _til_vurdering(kvp, _registrer(kvp, vedtak, "Arbeidstreningen passer ikke med helsen min.", i_dag))
    klage.klage_vurder(bruker=kvp, klage_id=k.pk, resultat="OMGJOER", vurdering="Klageren har rett; planen endres.")
    endring = _fatt(
        kvp,
        beslutter,
        sak,
        Vedtakstype.ENDRING,
        innhold="Arbeidstrening i bibliotek (15 timer) i stedet for kantine; norskkurs og jobbsøking som før.",
        begrunnelse="Omgjort etter klage: arbeidstreningen i kantinen passet ikke med deltakerens helse.",
    )
    # Statsforvalteren endrer, og kontoret iverksetter med et nytt vedtak om endring.
    k = _oversend(kvp, _registrer(kvp, vedtak, "Jeg trenger færre timer de første ukene.", i_dag))
    klage.klage_avgjoer(
        bruker=sf,
        klage_id=k.pk,
        utfall="ENDRET",
        begrunnelse="Helseopplysningene tilsier en gradvis opptrapping.",
        nytt_innhold="Programmet trappes opp: 20 timer de fire første ukene, deretter full tid.",
    )
    _fatt(
        kvp,
        beslutter,
        sak,
        Vedtakstype.ENDRING,
        innhold="Opptrapping: 20 timer i uken de fire første ukene, deretter full tid.",
        begrunnelse="Iverksetter statsforvalterens vedtak i klagesaken.",
    )
    _til_vurdering(kvp, _registrer(kvp, vedtak, "Jeg vil også ha bedre reisestøtte.", i_dag, kanal=Kanal.OPPMOETE))
    k = _til_vurdering(kvp, _registrer(kvp, endring, "Biblioteket ligger for langt unna.", i_dag))
    klage.klage_vurder(bruker=kvp, klage_id=k.pk, resultat="OMGJOER", vurdering="Vi finner et tiltak nærmere.")

    # Permisjon: en klage avgjort av statsforvalteren som venter på iverksetting, og en som er mottatt der.
    sak = permisjon[0]
    perm = _vedtak(sak, Vedtakstype.PERMISJON)
    k = _oversend(kvp, _registrer(kvp, perm, "Permisjonen burde vært med stønad.", i_dag))
    klage.klage_avgjoer(
        bruker=sf,
        klage_id=k.pk,
        utfall="OPPHEVET",
        begrunnelse="Saken er ikke godt nok opplyst om stønaden under permisjonen (forvaltningsloven § 17).",
    )
    _oversend(
        kvp, _registrer(kvp, _vedtak(sak, Vedtakstype.INNVILGELSE), "Planen er ikke laget sammen med meg.", i_dag)
    )
