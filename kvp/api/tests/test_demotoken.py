"""`manage.py demodata` (og dermed `make run`) skriver et ledertoken per kontor på en egen linje som begynner med
«API-token» og slutter med tokenet; tokenet virker straks, og en ny kjøring gir nye og tilbakekaller de gamle."""

import io
from typing import Any

from django.core.management import call_command


def _tokener() -> list[str]:
    ut = io.StringIO()
    call_command("demodata", personer=4, stdout=ut)
    linjer = [linje for linje in ut.getvalue().splitlines() if linje.startswith("API-token")]
    return [linje.rsplit(" ", 1)[1] for linje in linjer]


def test_demodata_skriver_ledertokener_som_virker(db: Any, settings: Any, client: Any) -> None:
    settings.KVP_TILLAT_SYNTETISKE_FNR = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    foerste = _tokener()
    assert len(foerste) == 2
    assert all(t.startswith("kvp_") for t in foerste)
    svar = [client.get("/api/v1/saker", headers={"Authorization": f"Bearer {t}"}) for t in foerste]
    assert [s.status_code for s in svar] == [200, 200]
    assert sum(s.json()["antall"] for s in svar) > 0
    andre = _tokener()
    assert set(andre).isdisjoint(foerste)
    assert client.get("/api/v1/saker", headers={"Authorization": f"Bearer {andre[0]}"}).status_code == 200
    assert client.get("/api/v1/saker", headers={"Authorization": f"Bearer {foerste[0]}"}).status_code == 401
