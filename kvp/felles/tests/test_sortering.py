"""Sorterbare tabeller: sorteringen på serveren, lenkene som bytter retning, og aria-sort på den sorterte kolonnen."""

from django.http import QueryDict
from django.urls import reverse

from kvp.felles.sortering import sortering_fra

KOLONNER = {"navn": ("etternavn", "fornavn"), "dato": ("-mottatt",)}


def test_standard_og_ukjent_kolonne_gir_standardsorteringen():
    for get in ("", "sorter=finnesikke&retning=synkende", "sorter=navn&retning=tull"):
        s = sortering_fra(QueryDict(get), KOLONNER, "navn")
        assert (s.kolonne, s.synkende, s.order_by) == ("navn", False, ["etternavn", "fornavn", "pk"])


def test_synkende_snur_hvert_felt_og_lenken_bytter_retning():
    s = sortering_fra(QueryDict("status=AAPEN&sorter=dato&retning=synkende&side=3"), KOLONNER, "navn")
    assert s.order_by == ["mottatt", "pk"]
    assert s.aria_sort("dato") == "descending" and s.aria_sort("navn") == ""
    assert s.lenke("dato") == "?status=AAPEN&sorter=dato&retning=stigende"
    assert s.lenke("navn") == "?status=AAPEN&sorter=navn&retning=stigende"
    assert s.parametre == "status=AAPEN&sorter=dato&retning=synkende"


def test_personlisten_sorteres_paa_serveren_med_aria_sort(client, lag_person, veileder_a):
    lag_person(fornavn="Anne", etternavn="Berg")
    lag_person(fornavn="Ola", etternavn="Aas")
    client.force_login(veileder_a)
    url = reverse("person:liste")
    stigende = client.get(url).content.decode()
    assert stigende.index("Aas, Ola") < stigende.index("Berg, Anne")
    assert 'aria-sort="ascending"' in stigende and "sorter=navn&amp;retning=synkende" in stigende
    synkende = client.get(url + "?sorter=navn&retning=synkende").content.decode()
    assert synkende.index("Berg, Anne") < synkende.index("Aas, Ola")
    assert 'aria-sort="descending"' in synkende


def test_mine_saker_sorteres_etter_person(client, lag_sak_i_program, kvp_veileder_a):
    lag_sak_i_program(fornavn="Anne", etternavn="Berg")
    lag_sak_i_program(fornavn="Ola", etternavn="Aas")
    client.force_login(kvp_veileder_a)
    url = reverse("arbeidsflate:mine_saker")
    standard = client.get(url).content.decode()
    assert standard.count("aria-sort=") == 1 and 'aria-sort="descending"' in standard  # nyeste først
    for retning, foerst, sist in (("stigende", "Ola Aas", "Anne Berg"), ("synkende", "Anne Berg", "Ola Aas")):
        tekst = client.get(f"{url}?sorter=person&retning={retning}").content.decode()
        assert tekst.index(foerst) < tekst.index(sist), retning
        assert 'data-color="success">I program<' in tekst
