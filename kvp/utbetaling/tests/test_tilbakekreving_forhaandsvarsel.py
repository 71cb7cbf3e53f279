"""Tilbakekreving (issue 11 pkt. 10): vurderingen av god tro (aktsomhet) og hjemmelen registreres når den foreslås,
deltakeren får forhåndsvarsel (forvaltningsloven § 16) med svarfrist, og vedtaket nektes til svaret er registrert
eller fristen er ute. Brevene sier det samme på bokmål og nynorsk."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from kvp.felles.feil import KvpFeil
from kvp.person.models import Maalform
from kvp.utbetaling.models import Tilbakekreving, Tilbakekrevingsstatus
from kvp.utbetaling.services import tilbakekreving_foreslaa, tilbakekreving_vedta
from kvp.utbetaling.tests.test_korreksjon import kjoer
from kvp.vedtak.models import Forhaandsvarsel
from kvp.vedtak.selectors import forhaandsvarsler_med_utloept_frist
from kvp.vedtak.services import forhaandsvarsel_svar_registrer


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", strip_tags(html)).replace("\u00a0", " ")


@pytest.fixture
def tilbakekreving_for(lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a):
    def lag(maalform: str = Maalform.BOKMAAL) -> Tilbakekreving:
        sak = lag_sak_i_program(maalform=maalform)
        attester(sak, 2025, 3)
        kjoer(oekonomi_a, 2025, 3)
        registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
        attester(sak, 2025, 4)
        kjoer(oekonomi_a, 2025, 4)
        return Tilbakekreving.objects.get(sak=sak)

    return lag


def test_forslaget_krever_vurdering_av_god_tro(tilbakekreving_for, oekonomi_a):
    tk = tilbakekreving_for()
    with pytest.raises(KvpFeil, match="god tro") as feil:
        tilbakekreving_foreslaa(
            bruker=oekonomi_a, tilbakekreving_id=tk.pk, begrunnelse="Fravær.", aktsomhet="", aktsomhet_begrunnelse=""
        )
    assert (feil.value.kode, feil.value.felt) == ("KVP_AKTSOMHET", "aktsomhet")
    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.BEREGNET and not Forhaandsvarsel.objects.exists()


@pytest.mark.parametrize(
    ("maalform", "varsel_setning", "aktsomhet_setning"),
    [
        (
            Maalform.BOKMAAL,
            "Vi vurderer å kreve tilbake {beloep} kr i kvalifiseringsstønad som du har fått for mye for mars 2025.",
            "Du forsto eller burde ha forstått at utbetalingen var feil.",
        ),
        (
            Maalform.NYNORSK,
            "Vi vurderer å krevje attende {beloep} kr i kvalifiseringsstønad som du har fått for mykje for mars 2025.",
            "Du forstod eller burde ha forstått at utbetalinga var feil.",
        ),
    ],
)
def test_tilbakekreving_vedtas_foerst_etter_svar_paa_forhaandsvarselet(
    tilbakekreving_for, oekonomi_a, oekonomi_a2, maalform, varsel_setning, aktsomhet_setning
):
    tk = tilbakekreving_for(maalform)
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær 12. mars.",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet ble registrert og meldt deltakeren samme dag.",
    )
    tk.refresh_from_db()
    assert tk.hjemmel.startswith("sosialtjenesteloven § 40")
    varsel = tk.forhaandsvarsel
    assert varsel is not None and varsel.gjelder == "TILBAKEKREVING"
    beloep = f"{tk.beloep:.2f}".replace(".", ",")
    varselbrev = _tekst(varsel.brev.html)
    assert varsel_setning.format(beloep=beloep) in varselbrev
    assert f"{varsel.svarfrist:%d.%m.%Y}" in varselbrev

    with pytest.raises(KvpFeil, match="forvaltningsloven § 16") as feil:
        tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    assert feil.value.kode == "KVP_FORHAANDSVARSEL"
    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.FORESLAATT and tk.vedtak is None

    # Fristen går ut uten svar: oppgaven vises for økonomi, og vedtaket kan fattes.
    i_dag = timezone.localdate()
    Forhaandsvarsel.objects.filter(pk=varsel.pk).update(svarfrist=i_dag - dt.timedelta(days=1))
    assert [v.pk for v in forhaandsvarsler_med_utloept_frist(bruker=oekonomi_a)] == [varsel.pk]
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.VEDTATT
    assert forhaandsvarsler_med_utloept_frist(bruker=oekonomi_a) == []
    assert tk.vedtak is not None
    vedtaksbrev = _tekst(tk.vedtak.brev.html)
    assert aktsomhet_setning in vedtaksbrev
    assert "Fraværet ble registrert og meldt deltakeren samme dag." in vedtaksbrev
    assert "§ 40 (trekk i framtidige utbetaling" in vedtaksbrev


def test_svaret_kan_registreres_av_oekonomi_og_aapner_for_vedtaket(tilbakekreving_for, oekonomi_a, oekonomi_a2):
    tk = tilbakekreving_for()
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær.",
        aktsomhet="GOD_TRO",
        aktsomhet_begrunnelse="Deltakeren kunne ikke vite om feilen.",
    )
    tk.refresh_from_db()
    forhaandsvarsel_svar_registrer(
        bruker=oekonomi_a2,
        forhaandsvarsel_id=tk.forhaandsvarsel_id,
        svar="Jeg ber om at beløpet ikke kreves tilbake.",
        svar_dato=timezone.localdate(),
    )
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=False)
    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.AVSLAATT
    assert tk.forhaandsvarsel.avgjort == timezone.localdate()


def test_et_forslag_uten_forhaandsvarsel_kan_foreslaas_paa_nytt_men_ikke_vedtas(
    tilbakekreving_for, oekonomi_a, oekonomi_a2
):
    """Et forslag fra før forhåndsvarselet fantes (ingen varsel, ingen vurdering av god tro) blir ikke stående fast."""
    tk = tilbakekreving_for()
    Tilbakekreving.objects.filter(pk=tk.pk).update(
        status=Tilbakekrevingsstatus.FORESLAATT, foreslaatt_av=oekonomi_a, begrunnelse="Gammelt forslag."
    )
    with pytest.raises(KvpFeil, match="Foreslå den på nytt"):
        tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær.",
        aktsomhet="FEIL_OPPLYSNINGER",
        aktsomhet_begrunnelse="Meldte ikke fra om fraværet.",
    )
    tk.refresh_from_db()
    assert tk.forhaandsvarsel is not None and tk.aktsomhet == "FEIL_OPPLYSNINGER"
