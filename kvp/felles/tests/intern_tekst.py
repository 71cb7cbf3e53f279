"""Finner intern tekst i det en bruker ser: pålitelighetsmerker, spesifikasjons- og filhenvisninger, feltkoder og
Python-representasjoner. Brukes av testene for sidene, brevene og feilmeldingene."""

import re
from html.parser import HTMLParser

#: Mønstrene, hvert med et navn som sier hva som ble funnet.
FORBUDT: list[tuple[str, re.Pattern[str]]] = [
    ("pålitelighetsmerke", re.compile(r"\[[USIVCDK]\]")),
    ("ukontrollert ordlyd", re.compile(r"ordlyden er ikke kontrollert", re.IGNORECASE)),
    ("spesifikasjonshenvisning", re.compile(r"spec/|regler\.md|docs/")),
    ("filhenvisning", re.compile(r"\w\.(py|yaml|yml)\b")),
    ("feltkode", re.compile(r"\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b|\bMaaned\w*|\bmaaned_\w+|\b\w+_dato\b")),
    ("Python-ordbok", re.compile(r"\{'|\{\"\w+\":")),
    ("Python-objekt", re.compile(r"<[A-Z]\w+[: ]|object at 0x|\bDecimal\(|\bdatetime\.date\(|\bUUID\(")),
    ("None", re.compile(r"\bNone\b")),
]

#: Attributtene som leses opp eller vises.
SYNLIGE_ATTRIBUTTER = {"title", "alt", "aria-label", "placeholder", "aria-description"}


class _Synlig(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.deler: list[str] = []
        self._skjult = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skjult += 1
        for navn, verdi in attrs:
            if navn in SYNLIGE_ATTRIBUTTER and verdi:
                self.deler.append(verdi)
        if tag == "input" and dict(attrs).get("type") in ("submit", "button"):
            self.deler.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skjult:
            self._skjult -= 1

    def handle_data(self, data: str) -> None:
        if not self._skjult:
            self.deler.append(data)


def synlig_tekst(html: str) -> str:
    """Teksten en bruker ser eller hører (tekstnoder og de synlige attributtene), med mellomrom normalisert."""
    parser = _Synlig()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.deler))


def intern_tekst(tekst: str) -> list[str]:
    """Hvert funn som «navn: …utdrag…»."""
    funn = []
    for navn, moenster in FORBUDT:
        for m in moenster.finditer(tekst):
            funn.append(f"{navn}: …{tekst[max(0, m.start() - 60) : m.end() + 60]}…")
    return funn
