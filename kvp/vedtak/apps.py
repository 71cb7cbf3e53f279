from django.apps import AppConfig


class VedtakConfig(AppConfig):
    name = "kvp.vedtak"
    label = "vedtak"
    verbose_name = "Vilkår og vedtak"
