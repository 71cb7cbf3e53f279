"""Søk på navn: antall ord i søket gir ikke en eksplosjon av LIKE-er, og alle ordene må treffe."""

from kvp.person.selectors import personer_for_bruker


def test_navnesoek_vokser_ikke_med_antall_ord(veileder_a, lag_person):
    lag_person(fornavn="Kari", etternavn="Nordmann")
    # Bare SQL-en bygges (ikke kjøres): med den gamle koden doblet den seg for hvert ord (12 ord: 4 096 LIKE).
    sql = str(personer_for_bruker(bruker=veileder_a, navn=" ".join(["a"] * 12)).query)
    assert sql.upper().count("LIKE") <= 10  # høyst fem ord, to felt hver


def test_navnesoek_krever_at_alle_ordene_treffer(veileder_a, lag_person):
    lag_person(fornavn="Kari", etternavn="Nordmann")
    assert [p.fornavn for p in personer_for_bruker(bruker=veileder_a, navn="kari nord")] == ["Kari"]
    assert list(personer_for_bruker(bruker=veileder_a, navn="kari hansen")) == []
