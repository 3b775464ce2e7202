"""A world map shaded by rating, drawn at build time as SVG from packaged shapes.

Country outlines come from the ``pygal_maps_world`` package (read as data, no network).
Each country with a report is shaded by the share of its assessed areas rated
compliant (partial counts half); the comparison table beside it is the text
alternative.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from importlib import resources

import pycountry
from jinja2 import Environment, PackageLoader

from opsc.model import Corpus, Report

_SVG = "{http://www.w3.org/2000/svg}"
_DECIMALS = re.compile(r"(\d+\.\d)\d+")
#: From no area compliant (red) to every area compliant (green); grey means no report.
SHADES = ("#b2182b", "#d6604d", "#f4a582", "#a6d96a", "#4dac26", "#1a7837")
NO_REPORT = "#d9d9d9"
NOT_ASSESSED = "#8c8c8c"
SCORE = {"compliant": 1.0, "partial": 0.5, "not-compliant": 0.0}


@cache
def country_shapes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(alpha-3 code, path data) of every country outline, coordinates rounded."""
    svg = resources.files("pygal_maps_world").joinpath("worldmap.svg").read_bytes()
    tree = ET.fromstring(svg)
    shapes = []
    for group in tree.iter(f"{_SVG}g"):
        classes = (group.get("class") or "").split()
        if "country" not in classes:
            continue
        record = pycountry.countries.get(alpha_2=classes[0].upper())
        if record is None:
            continue
        paths = tuple(_DECIMALS.sub(r"\1", p.get("d", "")) for p in group.iter(f"{_SVG}path"))
        shapes.append((record.alpha_3, paths))
    return tuple(shapes)


def compliance_share(report: Report) -> float | None:
    """The share of assessed areas rated compliant (partial counts half), or None."""
    scores = [SCORE[a.rating] for a in report.areas if a.rating in SCORE]
    return sum(scores) / len(scores) if scores else None


def shade(share: float | None) -> str:
    """The fill colour of a share; dark grey for reports with nothing assessed."""
    if share is None:
        return NOT_ASSESSED
    return SHADES[min(len(SHADES) - 1, int(share * len(SHADES)))]


def render_map(corpus: Corpus) -> str:
    """The SVG map of the corpus."""
    by_code = {r.meta.iso3: r for r in corpus.reports}
    countries = []
    for code, paths in country_shapes():
        report = by_code.get(code)
        share = compliance_share(report) if report else None
        title = None
        if report:
            percent = "nothing assessed" if share is None else f"{round(share * 100)} % compliant"
            title = f"{report.meta.country}: {percent}"
        countries.append(
            {
                "code": code,
                "paths": paths,
                "fill": shade(share) if report else NO_REPORT,
                "title": title,
            }
        )
    env = Environment(loader=PackageLoader("opsc.site", "templates"), autoescape=True)
    return env.get_template("worldmap.svg.j2").render(
        countries=countries, shades=SHADES, not_assessed=NOT_ASSESSED, no_report=NO_REPORT
    )
