from django.apps import AppConfig


class DokumentConfig(AppConfig):
    name = "kvp.dokument"
    label = "dokument"
    verbose_name = "Dokumenter fra deltakeren"
