from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.utils import timezone

from kvp.felles.forms import Datofelt, KvpForm
from kvp.felles.maalform import mf

from .models import Kanal, Oppfoelgingsbehov, RettTilYtelser

TOM = [("", "Velg")]


class KartleggingForm(KvpForm):
    utdanning = forms.CharField(label="Hvilken utdanning har personen?", widget=forms.Textarea)
    arbeidserfaring = forms.CharField(label="Hvilken arbeidserfaring har personen?", widget=forms.Textarea)
    interesser = forms.CharField(
        label="Hvilke interesser og hobbyer kan overføres til arbeid?",
        help_text="For eksempel: barnepass – kan jobbe i barnehage.",
        widget=forms.Textarea,
        required=False,
    )
    utfordringer = forms.CharField(
        label="Hvilke utfordringer gjør at personen ikke er i arbeid?", widget=forms.Textarea
    )
    rett_til_ytelser = forms.ChoiceField(
        label="Har personen rett til ytelser etter folketrygdloven eller arbeidsmarkedsloven?",
        choices=TOM + RettTilYtelser.choices,
    )
    oppfoelgingsbehov = forms.ChoiceField(
        label="Hvilket oppfølgingsbehov har personen?",
        help_text="KVP er for spesielt tilpasset innsats.",
        choices=TOM + Oppfoelgingsbehov.choices,
    )
    notat_om_personen = forms.CharField(label="Om personen", widget=forms.Textarea)
    notat_historikk = forms.CharField(label="Historikk", widget=forms.Textarea)
    notat_familie = forms.CharField(label="Familie", widget=forms.Textarea)
    notat_erfaring = forms.CharField(label="Erfaring", widget=forms.Textarea)
    notat_utdanning = forms.CharField(label="Utdanning", widget=forms.Textarea)
    notat_kompetanse = forms.CharField(label="Kompetanse", widget=forms.Textarea)

    def kartleggingsfelt(self) -> list[forms.BoundField]:
        return [f for f in self if not f.name.startswith("notat_")]

    def notatfelt(self) -> list[forms.BoundField]:
        return [f for f in self if f.name.startswith("notat_")]


class BookingForm(KvpForm):
    moetetid = forms.ChoiceField(label="Ledig tid hos KVP-veileder (15 minutter)")

    def __init__(self, *args: object, moetetider: Iterable[Any] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        valg = [
            (
                str(m.pk),
                f"{timezone.localtime(m.start):%d.%m.%Y kl. %H:%M} – {m.kvp_veileder.visningsnavn}",
            )
            for m in moetetider
        ]
        cast(forms.ChoiceField, self.fields["moetetid"]).choices = TOM + valg
        self.fields["moetetid"].error_messages["invalid_choice"] = "Tiden er ikke ledig lenger. Velg en annen tid."


class MoetetidForm(KvpForm):
    kvp_veileder = forms.ChoiceField(label="KVP-veileder")
    start = forms.DateTimeField(
        label="Starttid",
        help_text="Skriv som dd.mm.åååå tt:mm. Møtet varer 15 minutter.",
        input_formats=["%d.%m.%Y %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def __init__(self, *args: object, veiledere: Iterable[Any] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kvp_veileder"]).choices = TOM + [
            (str(v.pk), v.visningsnavn) for v in veiledere
        ]
        self.fields["start"].error_messages["invalid"] = "Skriv tidspunktet som dd.mm.åååå tt:mm."


class SoeknadDeltakerForm(KvpForm):
    hva_oensker_du = forms.CharField(
        label="Hva ønsker du å oppnå med kvalifiseringsprogrammet?",
        help_text="Skriv med dine egne ord. For eksempel hvilken jobb du ønsker deg.",
        widget=forms.Textarea,
    )
    hjelp_til = forms.CharField(
        label="Hva trenger du hjelp til for å komme i jobb?",
        help_text="For eksempel helse, bolig, økonomi eller språk.",
        widget=forms.Textarea,
        required=False,
    )
    bekreftet = forms.BooleanField(label="Jeg bekrefter at opplysningene er riktige.", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        f = self.fields
        f["hva_oensker_du"].label = mf(
            "Hva ønsker du å oppnå med kvalifiseringsprogrammet?",
            "Kva ønskjer du å oppnå med kvalifiseringsprogrammet?",
        )
        f["hva_oensker_du"].help_text = mf(
            "Skriv med dine egne ord. For eksempel hvilken jobb du ønsker deg.",
            "Skriv med dine eigne ord. Til dømes kva jobb du ønskjer deg.",
        )
        f["hjelp_til"].label = mf(
            "Hva trenger du hjelp til for å komme i jobb?", "Kva treng du hjelp til for å kome i jobb?"
        )
        f["hjelp_til"].help_text = mf(
            "For eksempel helse, bolig, økonomi eller språk.", "Til dømes helse, bustad, økonomi eller språk."
        )
        f["bekreftet"].label = mf(
            "Jeg bekrefter at opplysningene er riktige.", "Eg stadfestar at opplysningane er rette."
        )


class SoeknadRegistrerForm(KvpForm):
    foedselsnummer = forms.CharField(label="Søkerens fødselsnummer", max_length=13)
    mottatt_dato = Datofelt(label="Mottatt dato")
    kanal = forms.ChoiceField(label="Hvordan kom søknaden inn?", choices=TOM + Kanal.choices)
    merknad = forms.CharField(label="Merknad", widget=forms.Textarea, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kanal"]).choices = TOM + [
            c for c in Kanal.choices if c[0] != Kanal.DIGITAL
        ]


class AvlysForm(KvpForm):
    grunn = forms.CharField(
        label="Hvorfor avlyses møtet?",
        help_text="Grunnen står i revisjonsloggen og vises for veilederen som kartla personen.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grunn"].error_messages["max_length"] = "Grunnen kan være høyst 500 tegn."


class OmbookForm(BookingForm):
    moetetid_label = "Ny tid hos KVP-veileder (15 minutter)"
    grunn = forms.CharField(
        label="Hvorfor flyttes møtet? (valgfritt)", required=False, max_length=500, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["moetetid"].label = self.moetetid_label
        self.fields["grunn"].error_messages["max_length"] = "Grunnen kan være høyst 500 tegn."
