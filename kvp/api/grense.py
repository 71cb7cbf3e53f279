"""Grense for antall kall per token (fast tidsvindu i Djangos cache). Over grensen: 429 med Retry-After."""

import time

from django.conf import settings
from django.core.cache import cache


def kall_tillatt(noekkel: str) -> int:
    """0 når kallet er innenfor grensen; ellers sekundene til neste vindu (Retry-After)."""
    antall, sekunder = settings.KVP_API_GRENSE
    naa = time.time()
    vindu = int(naa // sekunder)
    cachenoekkel = f"kvp-api-grense:{noekkel}:{vindu}"
    if cache.add(cachenoekkel, 1, timeout=sekunder + 1):
        brukt = 1
    else:
        try:
            brukt = cache.incr(cachenoekkel)
        except ValueError:  # vinduet gikk ut mellom add og incr
            cache.add(cachenoekkel, 1, timeout=sekunder + 1)
            brukt = 1
    if brukt <= antall:
        return 0
    return max(1, int((vindu + 1) * sekunder - naa) + 1)
