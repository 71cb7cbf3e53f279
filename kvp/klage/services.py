"""Skriving i klagesaker: registrering, formkrav, kontorets vurdering (§ 33), oversendelse, statsforvalterens
avgjørelse (§ 34) og koblingen til det nye vedtaket som iverksetter resultatet.

Hvem som får gjøre hva, håndheves her gjennom `selectors.klage_hent(..., laas=True)`: bare en KVP-veileder ved
sakens kontor behandler klagen i første instans, bare en statsforvalter i kontorets fylke i andre, og deltakeren
klager og gir merknader bare i sin egen sak.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kvp.dokument.kontroll import fil_kontroller
from kvp.dokument.services import les_opplasting
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.hendelser import VedtakFattet
from kvp.felles.maalform import mf
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for
from kvp.vedtak.models import Vedtak, Vedtaksstatus
from kvp_regler import klage as regler

from . import brev as klagebrev
from . import selectors
from .models import (
    FORMKRAV,
    Brevtype,
    Dokumenttype,
    Kanal,
    Klage,
    Klagedokument,
    Klagehendelse,
    Klagestatus,
    Utfall,
)

#: Formkrav som kan rettes etter § 32 tredje ledd (de andre avgjøres av kontoret selv).
KAN_RETTES = ("underskrevet", "vedtak_nevnt", "endring_nevnt")
AAPNE = (
    Klagestatus.REGISTRERT,
    Klagestatus.MANGLER,
    Klagestatus.TIL_VURDERING,
    Klagestatus.OMGJOERES,
    Klagestatus.OVERSENDT,
    Klagestatus.UNDER_BEHANDLING,
    Klagestatus.AVGJORT,
)


def _steg(
    klage: Klage, bruker: Bruker, tekst: str, *, handling: str = "ENDRE", etter: dict[str, Any] | None = None
) -> None:
    klage.save()
    Klagehendelse.objects.create(klage=klage, status=klage.status, tekst=tekst[:200], bruker=bruker)
    logghendelse_registrer(
        bruker=bruker,
        kontor=klage.sak.kontor,
        person=klage.sak.person,
        handling=handling,
        objekt=klage,
        beskrivelse=tekst,
        etter={"status": klage.status, **(etter or {})},
        formaal=f"Klagesak {klage.pk}",
    )


def _krev_status(klage: Klage, *statuser: str) -> None:
    if klage.status not in statuser:
        raise KvpFeil(
            mf(
                f"Klagen har status «{klage.get_status_display().lower()}», og dette kan ikke gjøres nå.",
                f"Klaga har status «{klage.get_status_display().lower()}», og dette kan ikkje gjerast no.",
            ),
            kode="KVP_KLAGE_STATUS",
        )


def _lagre_vedlegg(*, klage: Klage, bruker: Bruker, filer: Iterable[Any], type: str, tekst: str = "") -> None:
    """Vedleggene går gjennom dokumentkontrollen (`kvp.dokument.kontroll`): typen avgjøres av innholdet, størrelsen
    har en grense, og bilder lagres på nytt uten EXIF. Alle filene sjekkes før noe lagres, og lagringen går gjennom
    dokumentlageret (`kvp.dokument.models.dokumentlager`)."""
    kontrollerte = []
    for fil in filer:
        try:
            kontrollerte.append(
                fil_kontroller(innhold=les_opplasting(fil), filnavn=str(getattr(fil, "name", "") or "vedlegg"))
            )
        except KvpFeil as feil:
            feil.felt = "vedlegg"
            raise
    if tekst:
        Klagedokument.objects.create(klage=klage, type=type, tekst=tekst, lastet_opp_av=bruker)
    for k in kontrollerte:
        dokument = Klagedokument(
            klage=klage,
            type=type,
            navn=k.filnavn,
            innholdstype=k.innholdstype,
            stoerrelse=len(k.innhold),
            lastet_opp_av=bruker,
        )
        dokument.fil.save(k.filnavn, ContentFile(k.innhold), save=False)
        dokument.save()


@transaction.atomic
def klage_registrer(
    *,
    bruker: Bruker,
    vedtak_id: UUID,
    tekst: str,
    kanal: str,
    mottatt_dato: dt.date | None = None,
    vedlegg: Iterable[Any] = (),
    i_dag: dt.date | None = None,
) -> Klage:
    """Registrerer en klage på et fattet vedtak: digitalt fra deltakeren selv, eller av en KVP-veileder ved sakens
    kontor (papir, telefon eller oppmøte, med datoen den kom inn). Klagefristen regnes ut (fvl. § 29); en klage som
    kom for sent, registreres likevel og vurderes etter § 31."""
    i_dag = i_dag or timezone.localdate()
    vedtak = Vedtak.objects.select_related("sak__kontor", "sak__person").filter(pk=vedtak_id).first()
    if vedtak is None or vedtak.status != Vedtaksstatus.FATTET or vedtak.vedtak_dato is None:
        raise IkkeFunnet("Fant ikke vedtaket.")
    sak = vedtak.sak
    tilgang = tilgang_for(bruker)
    if kanal == Kanal.DIGITAL:
        if sak.person_id not in tilgang.deltaker_personer:
            raise IkkeFunnet("Fant ikke vedtaket.")
        mottatt_dato = i_dag
    else:
        if sak.kontor_id not in tilgang.kontorer_med(Rolle.KVP_VEILEDER):
            if sak.kontor_id in tilgang.kontorer_med(Rolle.LEDER, Rolle.BESLUTTER):
                raise IkkeTilgang("Bare en KVP-veileder kan registrere en klage.")
            raise IkkeFunnet("Fant ikke vedtaket.")
        if kanal not in Kanal.values:
            raise KvpFeil("Velg hvordan klagen kom inn.", felt="kanal", kode="KVP_VALG")
        if mottatt_dato is None:
            raise KvpFeil("Oppgi datoen klagen kom inn.", felt="mottatt_dato")
        if mottatt_dato > i_dag:
            raise KvpFeil(
                "Datoen klagen kom inn, kan ikke være frem i tid.", felt="mottatt_dato", kode="KVP_DATO_FREMTID"
            )
        if mottatt_dato < vedtak.vedtak_dato:
            raise KvpFeil(
                "Klagen kan ikke ha kommet inn før vedtaket ble fattet.", felt="mottatt_dato", kode="KVP_DATO"
            )
    if not tekst.strip():
        raise KvpFeil(
            mf("Skriv hva du klager på og hvorfor.", "Skriv kva du klagar på og kvifor.")
            if kanal == Kanal.DIGITAL
            else "Skriv hva klagen gjelder (for muntlige klager: notatet fra samtalen).",
            felt="tekst",
        )
    selectors.las_sak(sak.pk)  # to klager på samme vedtak samtidig skal ikke begge bli registrert
    if Klage.objects.filter(vedtak=vedtak, status__in=AAPNE).exists():
        raise KvpFeil(
            mf(
                "Det er allerede en klage på dette vedtaket som behandles.",
                "Det er alt ei klage på dette vedtaket som blir behandla.",
            ),
            kode="KVP_KLAGE_FINS",
        )
    assert mottatt_dato is not None  # noqa: S101 - satt over
    antatt_mottatt = regler.vedtak_antatt_mottatt(vedtak.vedtak_dato)
    frist = regler.klagefrist(antatt_mottatt)
    klage = Klage(
        vedtak=vedtak,
        sak=sak,
        kanal=kanal,
        mottatt_dato=mottatt_dato,
        tekst=tekst.strip(),
        vedtak_mottatt_dato=antatt_mottatt,
        klagefrist=frist,
        for_sent=not regler.klage_i_tide(klage_mottatt=mottatt_dato, frist=frist),
        registrert_av=bruker,
    )
    klage.save()
    _lagre_vedlegg(klage=klage, bruker=bruker, filer=vedlegg, type=Dokumenttype.VEDLEGG)
    _steg(
        klage,
        bruker,
        f"Klage mottatt ({Kanal(kanal).label.lower()})" + (", etter klagefristen" if klage.for_sent else ""),
        handling="OPPRETT",
        etter={"vedtak": str(vedtak.pk), "klagefrist": frist.isoformat(), "for_sent": klage.for_sent},
    )
    return klage


@transaction.atomic
def klage_formkrav_vurder(
    *, bruker: Bruker, klage_id: UUID, formkrav: dict[str, bool], for_sent_vurdering: str = ""
) -> Klage:
    """Formkravene i fvl. §§ 28–32. En klage som kom for sent, krever en vurdering etter § 31 før fristen kan
    regnes som oppfylt. Er alle krav oppfylt, går klagen til kontorets vurdering."""
    klage = selectors.klage_hent(bruker, klage_id, "behandle", laas=True)
    _krev_status(klage, Klagestatus.REGISTRERT, Klagestatus.MANGLER)
    vurdert = {navn: bool(formkrav.get(navn)) for navn, _ in FORMKRAV}
    if klage.for_sent and vurdert["i_tide"] and not for_sent_vurdering.strip():
        raise KvpFeil(
            "Klagen kom etter fristen. Skriv hvorfor den likevel skal behandles (forvaltningsloven § 31).",
            felt="for_sent_vurdering",
            kode="KVP_BEGRUNNELSE",
        )
    klage.formkrav = vurdert
    klage.for_sent_vurdering = for_sent_vurdering.strip() if klage.for_sent else ""
    if all(vurdert.values()):
        klage.status = Klagestatus.TIL_VURDERING
        tekst = "Formkravene er oppfylt"
    else:
        tekst = "Formkravene er vurdert: noe mangler"
    _steg(klage, bruker, tekst, etter={"formkrav": vurdert})
    return klage


@transaction.atomic
def klage_mangler_send(*, bruker: Bruker, klage_id: UUID, i_dag: dt.date | None = None) -> Klage:
    """Fvl. § 32 tredje ledd: brev til klageren om manglene som kan rettes, med en frist."""
    klage = selectors.klage_hent(bruker, klage_id, "behandle", laas=True)
    _krev_status(klage, Klagestatus.REGISTRERT)
    mangler = [n for n in KAN_RETTES if klage.formkrav.get(n) is False]
    if not mangler:
        raise KvpFeil("Vurder formkravene først: ingen mangel som kan rettes er registrert.", kode="KVP_KLAGE_STATUS")
    i_dag = i_dag or timezone.localdate()
    klage.rettefrist = regler.rettefrist(i_dag)
    klage.status = Klagestatus.MANGLER
    klagebrev.lag(klage=klage, type=Brevtype.MANGLER, frist=klage.rettefrist, mangler=mangler)
    _steg(klage, bruker, f"Brev om mangler sendt, frist {klage.rettefrist:%d.%m.%Y}")
    return klage


@transaction.atomic
def klage_avvis(*, bruker: Bruker, klage_id: UUID, begrunnelse: str) -> Klage:
    """Fvl. § 33 annet ledd: kontoret avviser en klage som ikke fyller formkravene, ved vedtak med egen klagerett."""
    klage = selectors.klage_hent(bruker, klage_id, "behandle", laas=True)
    _krev_status(klage, Klagestatus.REGISTRERT, Klagestatus.MANGLER)
    if not klage.formkrav or all(klage.formkrav.values()):
        raise KvpFeil("En klage kan bare avvises når et formkrav ikke er oppfylt.", kode="KVP_KLAGE_STATUS")
    if not begrunnelse.strip():
        raise KvpFeil("Skriv hvorfor klagen avvises.", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    klage.kontor_vurdering = begrunnelse.strip()
    klage.status = Klagestatus.AVVIST
    klage.avsluttet_dato = timezone.localdate()
    klagebrev.lag(klage=klage, type=Brevtype.AVVISNING)
    _steg(klage, bruker, "Klagen er avvist (vedtak med klagerett)")
    return klage


@transaction.atomic
def klage_vurder(
    *, bruker: Bruker, klage_id: UUID, resultat: str, vurdering: str, i_dag: dt.date | None = None
) -> Klage:
    """Fvl. § 33 annet ledd: kontoret prøver saken på nytt. `resultat` er `OMGJOER` (nytt vedtak i den vanlige
    totrinnskontrollen) eller `OVERSEND` (oversendelsesbrev, kopi til deltakeren med frist for merknader, og
    saksdokumentene som én PDF)."""
    klage = selectors.klage_hent(bruker, klage_id, "behandle", laas=True)
    _krev_status(klage, Klagestatus.TIL_VURDERING)
    if not vurdering.strip():
        raise KvpFeil("Skriv kontorets vurdering av klagen.", felt="vurdering", kode="KVP_BEGRUNNELSE")
    klage.kontor_vurdering = vurdering.strip()
    i_dag = i_dag or timezone.localdate()
    if resultat == "OMGJOER":
        klage.status = Klagestatus.OMGJOERES
        _steg(klage, bruker, "Kontoret gir klageren medhold: vedtaket omgjøres")
    elif resultat == "OVERSEND":
        klage.status = Klagestatus.OVERSENDT
        klage.oversendt_dato = i_dag
        klage.kommentarfrist = regler.kommentarfrist(i_dag)
        klagebrev.lag(klage=klage, type=Brevtype.OVERSENDELSE)
        klagebrev.lag(klage=klage, type=Brevtype.KOPI_DELTAKER, frist=klage.kommentarfrist)
        from .saksdokumenter import saksdokumenter_lag  # noqa: PLC0415 - tung import (WeasyPrint-mal)

        klage.saksdokumenter = saksdokumenter_lag(klage)
        _steg(klage, bruker, "Klagen er sendt til statsforvalteren")
    else:
        raise KvpFeil(
            "Velg om vedtaket omgjøres eller klagen sendes til statsforvalteren.", felt="resultat", kode="KVP_VALG"
        )
    return klage


@transaction.atomic
def klage_merknad_legg_til(*, bruker: Bruker, klage_id: UUID, tekst: str, vedlegg: Iterable[Any] = ()) -> Klage:
    """Deltakerens merknader til oversendelsen (fvl. § 33 fjerde ledd), fra deltakeren selv eller registrert av
    kontoret. Kommer de etter at statsforvalteren har avgjort saken, tas de ikke imot."""
    klage = selectors.klage_hent(
        bruker, klage_id, "deltaker" if objekter.ser_side(bruker, "deltaker") else "behandle", laas=True
    )
    _krev_status(klage, Klagestatus.OVERSENDT, Klagestatus.UNDER_BEHANDLING)
    vedlegg = list(vedlegg)
    if not tekst.strip() and not vedlegg:
        raise KvpFeil(
            mf("Skriv merknaden, eller legg ved en fil.", "Skriv merknaden, eller legg ved ei fil."), felt="tekst"
        )
    _lagre_vedlegg(klage=klage, bruker=bruker, filer=vedlegg, type=Dokumenttype.MERKNAD, tekst=tekst.strip())
    _steg(klage, bruker, "Merknad fra deltakeren er mottatt")
    return klage


@transaction.atomic
def klage_ta_under_behandling(*, bruker: Bruker, klage_id: UUID) -> Klage:
    klage = selectors.klage_hent(bruker, klage_id, "statsforvalter", laas=True)
    _krev_status(klage, Klagestatus.OVERSENDT)
    klage.status = Klagestatus.UNDER_BEHANDLING
    klage.statsforvalter_behandler = bruker
    _steg(klage, bruker, "Statsforvalteren har tatt klagen under behandling")
    return klage


@transaction.atomic
def klage_avgjoer(
    *,
    bruker: Bruker,
    klage_id: UUID,
    utfall: str,
    begrunnelse: str,
    nytt_innhold: str = "",
    i_dag: dt.date | None = None,
) -> Klage:
    """Fvl. § 34: statsforvalteren stadfester, endrer, opphever og sender tilbake, eller avviser. Vedtaksbrevet går
    til deltakeren og kontoret på deltakerens målform. Endrer eller opphever statsforvalteren, får kontoret en
    oppgave: iverksette resultatet med et nytt vedtak, som går til utbetalingen som alle andre vedtak."""
    klage = selectors.klage_hent(bruker, klage_id, "statsforvalter", laas=True)
    _krev_status(klage, Klagestatus.OVERSENDT, Klagestatus.UNDER_BEHANDLING)
    if utfall not in Utfall.values:
        raise KvpFeil("Velg utfallet.", felt="utfall", kode="KVP_VALG")
    if not begrunnelse.strip():
        raise KvpFeil("Skriv begrunnelsen for vedtaket.", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    if utfall == Utfall.ENDRET and not nytt_innhold.strip():
        raise KvpFeil("Skriv hva vedtaket endres til.", felt="nytt_innhold", kode="KVP_BEGRUNNELSE")
    klage.utfall = utfall
    klage.utfall_begrunnelse = begrunnelse.strip()
    klage.utfall_nytt_innhold = nytt_innhold.strip() if utfall == Utfall.ENDRET else ""
    klage.statsforvalter_behandler = klage.statsforvalter_behandler or bruker
    klage.avgjort_dato = i_dag or timezone.localdate()
    if utfall in (Utfall.ENDRET, Utfall.OPPHEVET):
        klage.status = Klagestatus.AVGJORT
    else:
        klage.status = Klagestatus.AVSLUTTET
        klage.avsluttet_dato = klage.avgjort_dato
    klagebrev.lag(klage=klage, type=Brevtype.STATSFORVALTER, behandler=bruker)
    _steg(klage, bruker, f"Statsforvalteren har avgjort klagen: {Utfall(utfall).label.lower()}")
    return klage


def klage_knytt_fattet_vedtak(hendelse: VedtakFattet) -> None:
    """Mottar `VedtakFattet` (registrert i `KlageConfig.ready`): det første vedtaket som fattes i en sak der
    kontoret omgjør etter en klage, eller skal iverksette statsforvalterens vedtak, er det nye vedtaket i klagen."""
    for klage in (
        Klage.objects.select_for_update()
        .select_related("sak__kontor", "sak__person")
        .filter(sak_id=hendelse.sak_id, status__in=(Klagestatus.OMGJOERES, Klagestatus.AVGJORT))
    ):
        klage.nytt_vedtak_id = hendelse.vedtak_id
        klage.avsluttet_dato = timezone.localdate()
        if klage.status == Klagestatus.OMGJOERES:
            klage.status = Klagestatus.OMGJORT
            tekst = "Vedtaket er omgjort av kontoret"
        else:
            klage.status = Klagestatus.IVERKSATT
            tekst = "Statsforvalterens vedtak er iverksatt"
        _steg(klage, hendelse.bruker, tekst, etter={"nytt_vedtak": str(hendelse.vedtak_id)})
