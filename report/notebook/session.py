"""What a notebook cell calls: the project's own data layer, planner and renderers.

``Session.inputs`` hands a claim's named inputs (tables, parameters, stated values) to the
reader, who may change any of them and call ``Session.assess`` again; named measures are
recomputed from the changed inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from analysis.result import Assessment
from report.data.datasets import LoadedTable, load_tables
from report.ledger.compute import MeasureCache, compute_entry
from report.ledger.entry import Entry
from report.ledger.plan import PlannedClaim
from report.pipeline import Project, open_project
from report.settings import Settings, load_settings

FIGURES_MIME = "application/vnd.claimcheck.figures+json"


@dataclass
class Session:
    """One project opened for interactive use; tables are loaded once, on first use."""

    project: Project
    _tables: dict[str, LoadedTable] = field(default_factory=dict)

    def planned(self, claim_id: str) -> PlannedClaim:
        """The plan of ``claim_id``."""
        for planned in self.project.plan:
            if planned.claim.id == claim_id:
                return planned
        known = ", ".join(p.claim.id for p in self.project.plan)
        raise KeyError(f"no claim {claim_id!r}; the claims are: {known}")

    def _load(self, names: tuple[str, ...]) -> None:
        missing = [n for n in names if n not in self._tables]
        if missing:
            self._tables.update(load_tables(missing, self.project.registry, self.project.settings))

    def inputs(self, claim_id: str) -> dict[str, Any]:
        """The tables and parameters ``claim_id`` reads, by name, for a reader to change."""
        planned = self.planned(claim_id)
        self._load(planned.tables)
        found: dict[str, Any] = {n: self._tables[n].frame.copy() for n in planned.tables}
        found.update({n: self.project.parameters[n].value for n in planned.parameters})
        return found

    def assess(self, claim_id: str, **changed: Any) -> Entry:
        """The ledger entry of ``claim_id``, with any table or parameter replaced by name."""
        planned = self.planned(claim_id)
        self._load(planned.tables)
        unknown = sorted(set(changed) - set(planned.tables) - set(planned.parameters))
        if unknown:
            raise KeyError(f"claim {claim_id!r} reads no input called {unknown}")
        tables = dict(self._tables)
        parameters = dict(self.project.parameters)
        for name, value in changed.items():
            if name in planned.tables:
                if not isinstance(value, pd.DataFrame):
                    raise TypeError(f"{name!r} is a table: pass a DataFrame")
                tables[name] = replace(tables[name], frame=value)
            else:
                parameters[name] = replace(parameters[name], value=float(value))
        cache = MeasureCache(tables, parameters, self.project.registry)
        return compute_entry(planned, tables, self.project.registry, parameters, cache)


def open_session(settings: Settings | None = None) -> Session:
    """The project as a notebook sees it: the same settings a build reads."""
    return Session(open_project(settings or load_settings()))


def figures_of(entry: Entry) -> dict[str, Any]:
    """The claim's figures as ``claims.json`` writes them."""
    from report.render.claims_json import entry_json

    figures: dict[str, Any] = entry_json(entry)["figures"]
    return figures


def figures_bundle(entry: Entry) -> dict[str, Any]:
    """A display bundle: the figures as a table for people and as JSON for tools."""
    rows = [
        {"figure": f.label, "name": f.name, "value": f.value, "unit": f.unit}
        for f in entry.assessment.figures
    ]
    table = pd.DataFrame(rows, columns=["figure", "name", "value", "unit"])
    return {
        FIGURES_MIME: {"claim": entry.claim.id, "figures": figures_of(entry)},
        "text/plain": table.to_string(index=False),
        "text/html": table.to_html(index=False, escape=True),
    }


def show_figures(entry: Entry) -> None:
    """Display ``entry``'s figures (a table, and JSON under :data:`FIGURES_MIME`)."""
    from IPython.display import display

    display(figures_bundle(entry), raw=True)


VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"


def chart_bundle(entry: Entry) -> dict[str, Any] | None:
    """The claim's chart as the report draws it: the static SVG, and the Vega-Lite spec for
    a live view where the notebook's front end can show one (None when it has none)."""
    from report.render.charts.style import apply_config
    from report.render.svg import chart_svg

    drawn = chart_svg(entry)
    if drawn is None:
        return None
    from report.render.charts import chart_for

    altair_chart = chart_for(entry)
    bundle: dict[str, Any] = {"image/svg+xml": drawn.svg, "text/plain": drawn.title}
    if altair_chart is not None:
        bundle[VEGA_LITE_MIME] = apply_config(altair_chart)
    return bundle


def chart(entry: Entry) -> None:
    """Display the claim's chart (nothing for a claim without one); nothing loads from
    the network."""
    from IPython.display import display

    bundle = chart_bundle(entry)
    if bundle is not None:
        display(bundle, raw=True)


def assessment_of(entry: Entry) -> Assessment:
    """The assessment inside a ledger entry (verdict, figures, tables)."""
    return entry.assessment
