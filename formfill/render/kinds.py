"""The registry of flow element kinds on the render side: for each kind name, how it is built,
placed on the page and measured when it must share a page with a roster table above it.

The names are those of :data:`formfill.layout.kinds.ELEMENT_KINDS` (model and bindings); a test
checks that both registries hold every kind of the template model. The flow compiler dispatches
every element through :data:`FLOW_KINDS`; most kinds are built by a builder and placed where the
page has room (:func:`placed`, :func:`measured`), a few keep the page state themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from formfill.render import elements as e
from formfill.render.context import Builder, Context
from formfill.render.photos import photos
from formfill.render.signatures import signatures
from formfill.render.tables import fixed_table

if TYPE_CHECKING:
    from formfill.render.flow import FlowCompiler

YPath = tuple[Any, ...]
Build = Callable[[Context, Any, YPath], Builder]
# (compiler, element, its YAML path, its index in the template) -> None
Place = Callable[["FlowCompiler", Any, YPath, int], None]
# (compiler, element, its YAML path) -> the height it needs on the page of a roster table above it;
# None: it need not share that page (nor does anything after it); inf: it is itself a roster table.
Height = Callable[["FlowCompiler", Any, YPath], float | None]


def placed(flow: FlowCompiler, el: Any, ypath: YPath, index: int) -> None:
    """Its space before, its builder's height where the page has room (else on a new page), its space after."""
    flow.place_element(el, ypath)


def measured(flow: FlowCompiler, el: Any, ypath: YPath) -> float:
    """Its builder's height plus its spaces before and after."""
    return flow.element_height(el, ypath)


@dataclass(frozen=True)
class FlowKind:
    build: Build | None  # None: nothing to draw (page break, spacer)
    place: Place = placed
    height: Height = measured


def _new_page(flow: FlowCompiler, el: Any, ypath: YPath, index: int) -> None:
    flow.new_page()


def _page_ends(flow: FlowCompiler, el: Any, ypath: YPath) -> None:
    return None


def _skip(flow: FlowCompiler, el: Any, ypath: YPath, index: int) -> None:
    flow.y -= el.height


def _spacer_height(flow: FlowCompiler, el: Any, ypath: YPath) -> float:
    return el.height


def _place_table(flow: FlowCompiler, el: Any, ypath: YPath, index: int) -> None:
    if el.rows_from is None:
        flow.place_element(el, ypath)
    else:
        flow.place_roster(el, ypath, index)


def _table_height(flow: FlowCompiler, el: Any, ypath: YPath) -> float:
    return math.inf if el.rows_from is not None else flow.element_height(el, ypath)


def _place_footnotes(flow: FlowCompiler, el: Any, ypath: YPath, index: int) -> None:
    flow.place_footnotes(el, ypath)


def _footnotes_height(flow: FlowCompiler, el: Any, ypath: YPath) -> float | None:
    """Notes at the bottom share the page; notes that flow on may go to the next one."""
    return flow.element_height(el, ypath) if el.at_bottom else None


FLOW_KINDS: dict[str, FlowKind] = {
    "basis": FlowKind(e.basis),
    "national_header": FlowKind(e.national_header),
    "title": FlowKind(e.title),
    "line": FlowKind(e.line),
    "row": FlowKind(e.row),
    "paragraph": FlowKind(e.paragraph),
    "place_date": FlowKind(e.place_date),
    "table": FlowKind(fixed_table, _place_table, _table_height),  # roster tables: placed by the compiler
    "signatures": FlowKind(signatures),
    "footnotes": FlowKind(e.footnotes, _place_footnotes, _footnotes_height),
    "page_break": FlowKind(None, _new_page, _page_ends),
    "spacer": FlowKind(None, _skip, _spacer_height),
    "photos": FlowKind(photos),
    "columns": FlowKind(e.columns),
}
