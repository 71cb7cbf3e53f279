"""De vendrede statiske filene: ingen adresser utenfor huset (CSP-en tillater bare 'self')."""

import re
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "static" / "felles" / "vendor"


def test_aksel_css_henter_skrifttypene_fra_egne_statiske_filer():
    css = next(VENDOR.glob("aksel-ds-css-*.min.css")).read_text(encoding="utf-8")
    adresser = re.findall(r"url\(([^)]+)\)", css)
    fonter = [a.strip("\"'") for a in adresser if ".woff2" in a]

    assert len(fonter) >= 8
    assert not [a for a in adresser if re.match(r"[\"']?(https?:)?//", a)], "CSS-en peker ut av huset"
    for adresse in fonter:
        assert (VENDOR / adresse).is_file(), f"mangler {adresse}"
