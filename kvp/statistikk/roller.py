"""Hvem som gjør hva i statistikken."""

from kvp.tilgang.models import Rolle

#: Rollene som kjører KOSTRA-rapporteringen for kontorets kommuner.
KOSTRA_ROLLER = (Rolle.LEDER, Rolle.OEKONOMI)
#: Rollene som registrerer KOSTRA-opplysningene i en sak.
OPPLYSNING_ROLLER = (Rolle.KVP_VEILEDER, Rolle.LEDER)
