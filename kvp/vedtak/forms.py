"""Skjemaene for vilkårsvurdering, vedtak, retur og oppstart. Reglene ligger i tjenestene, ikke her."""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django import forms

from kvp.felles.forms import DATOFORMATER, Datofelt, KvpForm
from kvp_regler.vilkaar import Vilkaar

from .models import (
    ARBEIDSEVNEVALG,
    HUSSTANDSVALG,
    VURDERINGSVALG,
    KostraSituasjon,
    KostraStatus,
    SosialhjelpFoer,
    Vedtakstype,
)

#: Vilkårene saksbehandleren vurderer med skjønn (ytelsene bare når de ligger over normen).
SKJOENNSFELT = (
    Vilkaar.YTELSER,
    Vilkaar.OPPHOLD_BOPEL,
    Vilkaar.INTRODUKSJONSPROGRAM,
    Vilkaar.BEHOV_FOR_BISTAND,
    Vilkaar.EGNET_PROGRAM,
)


class Beloepfelt(forms.CharField):
    """Kronebeløp skrevet på norsk («1 234,50»), som eksakt Decimal."""

    def clean(self, value: Any) -> Any:
        tekst = super().clean(value)
        if tekst in (None, ""):
            return Decimal(0)
        renset = re.sub(r"[\s\u00a0]", "", str(tekst)).replace(",", ".")
        try:
            beloep = Decimal(renset)
        except InvalidOperation as feil:
            raise forms.ValidationError("Skriv beløpet i kroner, for eksempel 2 500 eller 2500,50.") from feil
        if not beloep.is_finite() or beloep < 0 or beloep >= Decimal("100000000") or -beloep.as_tuple().exponent > 2:  # type: ignore[operator]
            raise forms.ValidationError("Beløpet må være mellom 0 og 99 999 999,99 kroner med høyst to desimaler.")
        return beloep


class VilkaarsvurderingForm(KvpForm):
    arbeidsevne = forms.ChoiceField(
        label="Utfall av arbeidsevnevurderingen (NAV-loven § 14 a)", choices=ARBEIDSEVNEVALG
    )
    husstand = forms.ChoiceField(label="Husstanden (voksne)", choices=HUSSTANDSVALG)
    ytelser_per_maaned = Beloepfelt(
        label="Ytelser til livsopphold per måned, uten boutgifter (kroner)",
        required=False,
        help_text="Summen av ytelsene søkeren har nå. Barna i husstanden hentes fra personopplysningene.",
    )
    ytelser_beskrivelse = forms.CharField(
        label="Hvilke ytelser", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    sosialhjelp_foer = forms.ChoiceField(
        label="Sosialhjelp de to siste månedene før søknaden", choices=SosialhjelpFoer.choices, required=False
    )
    introduksjonsstoenad_foer = forms.BooleanField(label="Introduksjonsstønad de to siste månedene", required=False)
    tiltakspenger_foer = forms.BooleanField(label="Individstønad/tiltakspenger de to siste månedene", required=False)
    folketrygd_foer = forms.BooleanField(
        label="Livsoppholdsytelse etter folketrygdloven de to siste månedene", required=False
    )
    kvp_annen_kommune = forms.BooleanField(label="Kom fra kvalifiseringsprogram i en annen kommune", required=False)
    kvp_kommunenummer = forms.CharField(
        label="Kommunenummer for den andre kommunen",
        required=False,
        max_length=4,
        help_text="Fire sifre; 9999 om ukjent.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for v in SKJOENNSFELT:
            navn = v.value.lower()
            tittel = "Ytelsene over normen (skjønn)" if v == Vilkaar.YTELSER else v.tittel
            self.fields[f"vurdering_{navn}"] = forms.ChoiceField(
                label=f"{tittel}: vurdering", choices=VURDERINGSVALG, initial="MAA_VURDERES"
            )
            self.fields[f"begrunnelse_{navn}"] = forms.CharField(
                label=f"{tittel}: begrunnelse", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            for f in (f"vurdering_{navn}", f"begrunnelse_{navn}"):
                self.fields[f].error_messages["required"] = "Dette feltet må fylles ut."
                self.fields[f].error_messages["invalid_choice"] = "Velg et av alternativene i listen."

    def skjoennsfelt(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"vurdering_{v.value.lower()}"], self[f"begrunnelse_{v.value.lower()}"]) for v in SKJOENNSFELT]

    def tjenesteargumenter(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "arbeidsevne": d["arbeidsevne"],
            "husstand": d["husstand"],
            "ytelser_per_maaned": d["ytelser_per_maaned"],
            "ytelser_beskrivelse": d["ytelser_beskrivelse"],
            "skjoenn": {
                v.value: {
                    "vurdering": d[f"vurdering_{v.value.lower()}"],
                    "begrunnelse": d[f"begrunnelse_{v.value.lower()}"],
                }
                for v in SKJOENNSFELT
            },
            "sosialhjelp_foer": d["sosialhjelp_foer"],
            "introduksjonsstoenad_foer": d["introduksjonsstoenad_foer"],
            "tiltakspenger_foer": d["tiltakspenger_foer"],
            "folketrygd_foer": d["folketrygd_foer"],
            "kvp_annen_kommune": d["kvp_annen_kommune"],
            "kvp_kommunenummer": d["kvp_kommunenummer"],
        }


class Datoliste(forms.CharField):
    """Datoer, én per linje eller skilt med komma (dd.mm.åååå)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value: Any) -> Any:
        tekst = super().clean(value) or ""
        datoer = []
        for del_ in re.split(r"[\s,;]+", tekst.strip()):
            if not del_:
                continue
            for fmt in DATOFORMATER:
                try:
                    dato = dt.datetime.strptime(del_, fmt).date()  # noqa: DTZ007 - bare en dato
                    break
                except ValueError:
                    continue
            else:
                raise forms.ValidationError(f"«{del_}» er ikke en dato. Skriv datoene som dd.mm.åååå, én per linje.")
            if not Datofelt.FOERSTE <= dato <= Datofelt.SISTE:
                raise forms.ValidationError("Datoen må være mellom 01.01.1900 og 31.12.2999. Sjekk årstallet.")
            datoer.append(dato)
        return datoer


#: Feltene i skjemaet for hver vedtakstype.
FELT_FOR_TYPE: dict[str, tuple[str, ...]] = {
    Vedtakstype.INNVILGELSE: ("fra_og_med", "til_og_med", "innhold", "evalueringsdatoer", "begrunnelse"),
    Vedtakstype.AVSLAG: ("avslag_vilkaar", "begrunnelse"),
    Vedtakstype.FORLENGELSE: ("til_og_med", "saerlige_grunner", "begrunnelse"),
    Vedtakstype.ENDRING: ("fra_og_med", "innhold", "evalueringsdatoer", "begrunnelse"),
    Vedtakstype.PERMISJON: ("fra_og_med", "til_og_med", "begrunnelse"),
    Vedtakstype.AVBRUDD: ("fra_og_med", "til_og_med", "begrunnelse"),
    Vedtakstype.GJENOPPTAK: ("fra_og_med", "begrunnelse"),
    Vedtakstype.STANS: ("fra_og_med", "tilbakedatering_grunn", "kostra_status", "begrunnelse"),
    Vedtakstype.AVSLUTNING: ("fra_og_med", "kostra_status", "kostra_situasjon", "kostra_inntektskilde", "begrunnelse"),
}
PAAKREVD: dict[str, set[str]] = {
    Vedtakstype.INNVILGELSE: {"fra_og_med", "til_og_med", "innhold", "evalueringsdatoer", "begrunnelse"},
    Vedtakstype.FORLENGELSE: {"til_og_med", "begrunnelse"},
    Vedtakstype.ENDRING: {"innhold", "begrunnelse"},
}


class VedtakForm(KvpForm):
    fra_og_med = Datofelt(label="Gjelder fra og med")
    til_og_med = Datofelt(label="Til og med")
    innhold = forms.CharField(label="Innholdet i programmet", widget=forms.Textarea)
    evalueringsdatoer = Datoliste(
        label="Datoer for evaluering", help_text="Én dato per linje (dd.mm.åååå), innenfor programperioden."
    )
    saerlige_grunner = forms.CharField(
        label="Særlige grunner (bare for mer enn to år)", widget=forms.Textarea(attrs={"rows": 3})
    )
    tilbakedatering_grunn = forms.CharField(
        label="Grunn til tilbakedatering (bare når stansen gjelder fra en dato før i dag)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    avslag_vilkaar = forms.ChoiceField(label="Vilkåret som ikke er oppfylt")
    kostra_status = forms.ChoiceField(label="KOSTRA-status ved avslutning", choices=KostraStatus.choices)
    kostra_situasjon = forms.MultipleChoiceField(
        label="Situasjonen rett etter programmet (KOSTRA)",
        choices=KostraSituasjon.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    kostra_inntektskilde = forms.ChoiceField(
        label="Viktigste inntektskilde etter programmet (KOSTRA)", choices=[("", "Velg"), *KostraSituasjon.choices]
    )
    begrunnelse = forms.CharField(
        label="Begrunnelse",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Står i brevet: de faktiske forholdene og hovedhensynene vedtaket bygger på (fvl. §§ 24–25).",
    )

    def __init__(self, *args: Any, type: str, avslagsvalg: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.type = type
        behold = FELT_FOR_TYPE[type]
        for navn in list(self.fields):
            if navn not in behold:
                del self.fields[navn]
        paakrevd = PAAKREVD.get(
            type, set(behold) - {"til_og_med", "kostra_situasjon", "kostra_inntektskilde", "tilbakedatering_grunn"}
        )
        for navn, felt in self.fields.items():
            felt.required = navn in paakrevd
        if "avslag_vilkaar" in self.fields:
            cast(forms.ChoiceField, self.fields["avslag_vilkaar"]).choices = avslagsvalg or []
        if "kostra_status" in self.fields and type == Vedtakstype.STANS:
            cast(forms.ChoiceField, self.fields["kostra_status"]).choices = [
                c for c in KostraStatus.choices if c[0] != KostraStatus.FULLFOERT
            ]
        etiketter: dict[str, dict[str, str]] = {
            Vedtakstype.INNVILGELSE: {
                "fra_og_med": "Programmet starter (fra og med)",
                "til_og_med": "Programmet slutter (til og med)",
            },
            Vedtakstype.FORLENGELSE: {"til_og_med": "Ny sluttdato (til og med)"},
            Vedtakstype.ENDRING: {"fra_og_med": "Endringen gjelder fra", "innhold": "Hva endres i programmet"},
            Vedtakstype.PERMISJON: {"til_og_med": "Forventet til og med"},
            Vedtakstype.AVBRUDD: {"til_og_med": "Forventet til og med"},
            Vedtakstype.STANS: {"fra_og_med": "Programmet stanses fra"},
            Vedtakstype.AVSLUTNING: {"fra_og_med": "Programmet avsluttes (dato)"},
        }
        for navn, tekst in etiketter.get(type, {}).items():
            if navn in self.fields:
                self.fields[navn].label = tekst
        for felt in self.fields.values():
            felt.error_messages["required"] = "Dette feltet må fylles ut."

    def tjenesteargumenter(self) -> dict[str, Any]:
        return {navn: verdi for navn, verdi in self.cleaned_data.items() if navn in self.fields}


class ReturnerForm(KvpForm):
    begrunnelse = forms.CharField(label="Hvorfor returneres vedtaket?", widget=forms.Textarea(attrs={"rows": 3}))


class IverksettForm(KvpForm):
    begynt_dato = Datofelt(label="Programmet begynte (dato)")


class ForhaandsvarselForm(KvpForm):
    gjelder = forms.ChoiceField(
        label="Varselet gjelder",
        choices=[("STANS", "Stans av programmet"), ("AVSLUTNING", "Avslutning mot deltakerens ønske")],
    )
    fra_og_med = Datofelt(label="Vedtaket vil gjelde fra (første dag uten stønad)")
    grunn = forms.CharField(
        label="Hva kontoret vurderer og hvorfor (står i brevet)", widget=forms.Textarea, max_length=2000
    )


class ForhaandsvarselSvarForm(KvpForm):
    svar_dato = Datofelt(label="Svaret kom (dato)")
    svar = forms.CharField(label="Hva deltakeren svarte", widget=forms.Textarea, max_length=2000)
