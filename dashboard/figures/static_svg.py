"""A chart's figure dict drawn as SVG on the server, for the page's first view (issue 18).

A citizen's phone on slow 4G waits seconds for plotly (424 KB compressed, ~0.5 s to evaluate on a
slow CPU); a reader without JavaScript never gets it. The first view therefore carries each chart as
a static SVG drawn from the same figure dict plotly draws later: the same bars, lines, markers,
patterns, texts, ticks and legend, without hover or clicks. Plotly's drawing replaces it once it is
there, so what is drawn here only has to be faithful, not identical to the pixel.

Only what the dashboard's figures use is drawn: ``bar`` and ``scatter`` traces on linear or category
axes, subplots by axis domains, paper or data annotations. Anything else (a treemap, dates, shapes,
a figure that fills its room without a height) gives ``None``, and the page shows an empty box of
the chart's height until plotly has drawn, as before.

The SVG is drawn for one width in pixels; ``first_view`` sends a few widths and the page's CSS shows
the one closest to the width of the chart's box, so type stays within ~20 % of plotly's size.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from html import escape

#: Average advance of a character, in ems, of the system sans-serif: enough to reserve room for labels.
CHARACTER_WIDTH = 0.56
DEFAULT_FONT = {"family": "sans-serif", "size": 12, "color": "#444"}
SYMBOL_NAMES = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon", "line-ns")
DASHES = {"solid": "", "dash": "9,6", "dot": "3,4", "dashdot": "9,4,3,4", "longdash": "14,6"}
_TAG = re.compile(r"<[^>]+>")


class Unsupported(Exception):
    """The figure uses something this drawing does not know; plotly alone draws it."""


def to_svg(figure: dict, width: int, key: str = "c") -> str | None:
    """The figure as an SVG ``width`` pixels wide and as high as its layout says, or ``None`` when it
    uses anything not drawn here. ``key`` makes the ids of patterns unique within the page."""
    try:
        return _Chart(figure, width, key).svg()
    except Unsupported:
        return None


# --- text -------------------------------------------------------------------------------------------

def _lines(text) -> list[str]:
    """Plotly's label markup as plain lines: ``<br>`` breaks, other tags dropped."""
    return [_TAG.sub("", part) for part in re.split(r"<br\s*/?>", str(text or ""))]


def text_width(text: str, size: float) -> float:
    return max((len(line) for line in _lines(text)), default=0) * size * CHARACTER_WIDTH


def _text(x: float, y: float, text, size: float, colour: str, anchor: str = "start", baseline: str = "middle",
          rotate: bool = False, bold: bool | None = None) -> str:
    """``baseline``: where ``y`` is in the block of lines (``top``, ``middle`` or ``bottom``)."""
    lines = _lines(text)
    if not any(lines):
        return ""
    bold = ("<b>" in str(text)) if bold is None else bold
    height = size * 1.25
    first = {"top": size * 0.85, "middle": size * 0.35 - height * (len(lines) - 1) / 2,
             "bottom": -height * (len(lines) - 1) - size * 0.2}[baseline]
    spans = "".join(f'<tspan x="{x:.1f}" y="{y + first + i * height:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines))
    weight = ' font-weight="bold"' if bold else ""
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if rotate else ""
    return f'<text font-size="{size:g}" fill="{escape(colour)}" text-anchor="{anchor}"{weight}{turn}>{spans}</text>'


# --- numbers ----------------------------------------------------------------------------------------

def _nice_step(span: float, count: int) -> float:
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 5, 10):  # plotly's steps: rounded up to 1, 2 or 5 of a power of ten
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _number(value: float, decimals: int, separators: str, thousands: bool) -> str:
    decimal_mark, group_mark = (separators + ".,")[:2] if separators else (".", ",")
    text = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    if not thousands:
        whole = whole.replace(",", "")
    text = whole.replace(",", group_mark) + (decimal_mark + fraction if fraction else "")
    return ("−" if value < 0 and text.strip("0.,") else "") + text


@dataclass
class _Axis:
    """One cartesian axis: its letter (``x``/``y``), settings, domain in the paper and data range."""

    letter: str
    spec: dict
    categories: list = field(default_factory=list)
    low: float = math.inf
    high: float = -math.inf
    start: float = 0.0  # pixels of the domain's two ends (for y: start is the bottom)
    end: float = 0.0

    @property
    def is_category(self) -> bool:
        return self.spec.get("type") == "category" or bool(self.categories)

    @property
    def reversed(self) -> bool:
        return self.spec.get("autorange") == "reversed"

    def include(self, value) -> None:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return
        if isinstance(value, (date,)):
            raise Unsupported("dates")
        if isinstance(value, str):
            if self.spec.get("type") not in (None, "category"):
                raise Unsupported("text on a numeric axis")
            if value not in self.categories:
                self.categories.append(value)
            return
        if self.categories:
            raise Unsupported("numbers on a category axis")
        self.low, self.high = min(self.low, float(value)), max(self.high, float(value))

    def position(self, value) -> float:
        if isinstance(value, str):
            value = self.categories.index(value)
        return float(value)

    def settle(self, pad: bool) -> None:
        """The range plotly's autorange would give (near enough), then the ticks."""
        if self.is_category:
            self.low, self.high = -0.5, len(self.categories) - 0.5
        elif isinstance(self.spec.get("range"), (list, tuple)) and len(self.spec["range"]) == 2 and None not in self.spec["range"]:
            self.low, self.high = (float(v) for v in self.spec["range"])
        else:
            if self.low == math.inf:
                self.low, self.high = 0.0, 1.0
            if self.spec.get("rangemode") == "tozero":
                self.low, self.high = min(self.low, 0.0), max(self.high, 0.0)
            if self.high == self.low:
                self.low, self.high = self.low - 1, self.high + 1
            if pad:
                margin = (self.high - self.low) * 0.06
                self.low = self.low if (self.low == 0 and self.spec.get("rangemode") == "tozero") else self.low - margin
                self.high += margin

    def pixel(self, value) -> float:
        fraction = (self.position(value) - self.low) / (self.high - self.low)
        if self.reversed:
            fraction = 1 - fraction
        return self.start + fraction * (self.end - self.start)

    def ticks(self, separators: str) -> list[tuple[float, str]]:
        spec = self.spec
        if spec.get("showticklabels") is False and spec.get("showgrid") is False:
            return []
        if self.is_category:
            wanted = spec.get("tickvals")
            names = [c for c in self.categories if wanted is None or c in wanted]
            return [(self.categories.index(c), str(c)) for c in names]
        if spec.get("tickmode") == "array" or spec.get("tickvals") is not None:
            values = [v for v in spec.get("tickvals", []) if self.low <= v <= self.high]
            step = min((abs(b - a) for a, b in zip(values, values[1:])), default=1)
        else:
            length = abs(self.end - self.start)
            # plotly's own rule (autoTicks): one tick per 80 px across, 40 px up, 5 to 10 of them
            count = int(spec.get("nticks") or min(max(length / (80 if self.letter == "x" else 40), 4), 9) + 1)
            step = float(spec["dtick"]) if isinstance(spec.get("dtick"), (int, float)) else _nice_step(self.high - self.low, count)
            first = math.ceil(self.low / step - 1e-9) * step
            values = [first + i * step for i in range(int((self.high - first) / step + 1e-9) + 1)]
        return [(v, self.label(v, step, separators)) for v in values]

    def label(self, value: float, step: float, separators: str) -> str:
        spec = self.spec
        form = spec.get("tickformat") or ""
        prefix = spec.get("tickprefix") or ""
        if form.endswith("%"):
            digits = int(re.sub(r"\D", "", form) or 0)
            return prefix + _number(value * 100, digits, separators, False) + "%"
        if form.endswith("f"):
            digits = int(re.sub(r"\D", "", form.split(".")[-1]) or 0)
            return prefix + _number(value, digits, separators, "," in form)
        if form:
            raise Unsupported(f"tick format {form}")
        decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
        if decimals and abs(value - round(value)) < step / 1e6:
            decimals = 0  # plotly writes 0, 0.5, 1, 1.5: no trailing zeros
        return prefix + _number(value, decimals, separators, abs(value) >= 10000)


class _Chart:
    def __init__(self, figure: dict, width: int, key: str):
        if not isinstance(figure, dict):
            raise Unsupported("not a figure dict")
        self.layout = figure.get("layout") or {}
        self.data = [trace for trace in figure.get("data") or [] if trace.get("visible", True) is True]
        height = self.layout.get("height")
        if not self.data:
            raise Unsupported("nothing to draw")
        if not isinstance(height, (int, float)) or height <= 0 or self.layout.get("shapes") or self.layout.get("images"):
            raise Unsupported("no fixed height, or shapes")
        self.width, self.height, self.key = float(width), float(height), re.sub(r"[^A-Za-z0-9_-]", "", key)
        font = {**DEFAULT_FONT, **(self.layout.get("font") or {})}
        self.size, self.colour, self.family = float(font["size"]), font["color"], font["family"]
        self.separators = self.layout.get("separators") or ".,"
        self.patterns: dict[tuple, tuple[str, str]] = {}  # (colour, shape, …) → (id, <pattern> markup)
        for trace in self.data:
            if trace.get("type", "scatter") not in ("bar", "scatter"):
                raise Unsupported(trace.get("type"))
        self.axes = self._axes()

    # --- layout ------------------------------------------------------------------------------------

    def _axes(self) -> dict[str, _Axis]:
        axes: dict[str, _Axis] = {}
        for trace in self.data:
            for letter in ("x", "y"):
                name = trace.get(f"{letter}axis", letter)
                spec_name = f"{letter}axis{name[1:]}"
                axis = axes.setdefault(name, _Axis(letter, dict(self.layout.get(spec_name) or {})))
                values = trace.get(letter) or []
                base = trace.get("base")
                for index, value in enumerate(values):
                    if trace.get("type") == "bar" and ((letter == "x") == (trace.get("orientation") == "h")):
                        start = (base[index] if isinstance(base, list) else base) or 0
                        if value is not None:
                            axis.include(start)
                            axis.include(start + value if self.layout.get("barmode") not in ("stack", "relative") else value)
                    else:
                        axis.include(value)
                if trace.get("type") == "bar" and ((letter == "y") == (trace.get("orientation") == "h")) and not axis.categories:
                    unit = _spacing(values)  # bars on a numeric axis: the axis holds each bar whole
                    for value in values:
                        if isinstance(value, (int, float)):
                            axis.include(value - unit / 2)
                            axis.include(value + unit / 2)
        self._stack_ranges(axes)
        for name, axis in axes.items():
            matched = axis.spec.get("matches")
            if matched and matched in axes and not axis.is_category:
                other = axes[matched]
                other.low, other.high = min(other.low, axis.low), max(other.high, axis.high)
        for name, axis in axes.items():
            matched = axis.spec.get("matches")
            if matched and matched in axes:
                axis.low, axis.high = axes[matched].low, axes[matched].high
        has_markers = {t.get(f"{letter}axis", letter) for t in self.data if t.get("type", "scatter") == "scatter" for letter in "xy"}
        for name, axis in axes.items():
            axis.settle(pad=name in has_markers and not axis.is_category)
        return axes

    def _stack_ranges(self, axes: dict[str, _Axis]) -> None:
        """Stacked bars reach the sum of their parts: the value axis covers the sums."""
        if self.layout.get("barmode") not in ("stack", "relative"):
            return
        sums: dict[tuple, list[float]] = {}
        for trace in self.data:
            if trace.get("type") != "bar":
                continue
            horizontal = trace.get("orientation") == "h"
            value_axis = trace.get("xaxis", "x") if horizontal else trace.get("yaxis", "y")
            for where, value in zip(trace.get("y" if horizontal else "x") or [], trace.get("x" if horizontal else "y") or []):
                pair = sums.setdefault((value_axis, where), [0.0, 0.0])
                pair[0 if (value or 0) >= 0 else 1] += value or 0
        for (axis_name, _), (up, down) in sums.items():
            axes[axis_name].include(up)
            axes[axis_name].include(down)

    def _legend_entries(self) -> list[dict]:
        entries = [t for t in self.data if t.get("showlegend", True) is not False and t.get("name")]
        shown = self.layout.get("showlegend")
        if shown is False or (shown is None and len(self.data) < 2) or not entries:
            return []
        if (self.layout.get("legend") or {}).get("orientation") != "h":
            raise Unsupported("a legend beside the chart")
        order = (self.layout.get("legend") or {}).get("traceorder", "")
        return entries[::-1] if "reversed" in order else entries

    def _legend_rows(self, entries: list[dict], size: float, room: float) -> list[list[tuple[dict, float]]]:
        rows: list[list[tuple[dict, float]]] = [[]]
        used = 0.0
        for entry in entries:
            item = 40 + text_width(entry["name"], size) + 14
            if rows[-1] and used + item > room:
                rows.append([])
                used = 0.0
            rows[-1].append((entry, item))
            used += item
        return rows

    def _margins(self, legend_height: float, legend_at_top: bool) -> tuple[float, float, float, float]:
        margin = {"l": 80, "r": 80, "t": 100, "b": 80, **(self.layout.get("margin") or {})}
        left, right, top, bottom = (float(margin[k]) for k in ("l", "r", "t", "b"))
        tick = self._tick_size
        extra_left = extra_bottom = 0.0
        for axis in self.axes.values():
            spec = axis.spec
            shows = spec.get("showticklabels", True) is not False
            if axis.letter == "y" and float((spec.get("domain") or [0])[0]) >= 0 and self._anchor_x(axis) <= 0.01:
                labels = [label for _, label in axis.ticks(self.separators)] if shows else []
                extra_left = max(extra_left, max((text_width(label, tick(axis)) for label in labels), default=0) + (6 if labels else 0)
                                 + (self._title_size * 1.4 if _title(spec) else 0))
            if axis.letter == "x" and self._anchor_y(axis) <= 0.01:
                lines = max((len(_lines(label)) for _, label in axis.ticks(self.separators)), default=0) if shows else 0
                extra_bottom = max(extra_bottom, lines * tick(axis) * 1.25 + (6 if lines else 0) + (self._title_size * 1.5 if _title(spec) else 0))
        bottom += extra_bottom + (0 if legend_at_top else legend_height)
        top = max(top, legend_height + 4) if legend_at_top else top
        # plotly's automargin: room for half a tick label where the top y tick or the last x tick sits at the edge
        top = max(top, max((tick(a) * 0.7 for a in self.axes.values() if a.letter == "y" and float((a.spec.get("domain") or [0, 1])[1]) >= 0.99), default=0))
        right = max(right + self._outside_text_room(), max((text_width(ticks[-1][1], tick(a)) / 2 + 2 for a in self.axes.values()
                                                             if a.letter == "x" and (ticks := a.ticks(self.separators))
                                                             and float((a.spec.get("domain") or [0, 1])[1]) >= 0.99), default=0))
        # like plotly's automargin, labels never take more than 60 % of the width (a longer one is cut instead)
        return left + min(extra_left, self.width * 0.6), right, top, bottom

    @property
    def _title_size(self) -> float:
        """plotly's axis titles: 1.2 times the figure's type size."""
        return round(self.size * 1.2)

    def _outside_text_room(self) -> float:
        """Room on the right for texts written past the longest horizontal bar (plotly grows the margin)."""
        room = 0.0
        for trace in self.data:
            if trace.get("type") == "bar" and trace.get("orientation") == "h" and trace.get("textposition") == "outside":
                size = float((trace.get("textfont") or {}).get("size", self.size))
                room = max(room, max((text_width(t, size) for t in trace.get("text") or []), default=0) * 0.5)
        return room

    def _tick_size(self, axis: _Axis) -> float:
        return float((axis.spec.get("tickfont") or {}).get("size", self.size))

    def _anchor_x(self, axis: _Axis) -> float:
        """Where a y axis stands across the paper: the start of its x axis's domain."""
        anchor = axis.spec.get("anchor") or "x"
        x_spec = self.layout.get(f"xaxis{anchor[1:]}") or {}
        return float((x_spec.get("domain") or [0, 1])[0])

    def _anchor_y(self, axis: _Axis) -> float:
        anchor = axis.spec.get("anchor") or "y"
        y_spec = self.layout.get(f"yaxis{anchor[1:]}") or {}
        return float((y_spec.get("domain") or [0, 1])[0])

    # --- drawing -----------------------------------------------------------------------------------

    def svg(self) -> str:
        legend = self.layout.get("legend") or {}
        legend_size = float((legend.get("font") or {}).get("size", self.size))
        entries = self._legend_entries()
        legend_at_top = float(legend.get("y", -0.1)) >= 0.5 and not (legend.get("yanchor") == "top" and float(legend.get("y", 1)) < 0.9)
        rows = self._legend_rows(entries, legend_size, self.width - 20)
        legend_height = (sum(self._row_height(row, legend_size) for row in rows) + 6) if entries else 0.0
        left, right, top, bottom = self._margins(legend_height, legend_at_top)
        if self.width - left - right < 20 or self.height - top - bottom < 20:
            raise Unsupported("no room to draw")
        self.paper = (left, top, self.width - right, self.height - bottom)
        for name, axis in self.axes.items():
            domain = axis.spec.get("domain") or [0, 1]
            if axis.letter == "x":
                axis.start, axis.end = left + domain[0] * (self.width - right - left), left + domain[1] * (self.width - right - left)
            else:
                span = self.height - bottom - top
                axis.start, axis.end = self.height - bottom - domain[0] * span, self.height - bottom - domain[1] * span
        body = [self._grid(), self._bars(), self._scatters(), self._tick_labels(), self._annotations()]
        if entries:
            legend_top = top - legend_height if legend_at_top else self.height - legend_height
            body.append(self._legend(rows, legend_size, legend_top))
        background = escape(str(self.layout.get("paper_bgcolor", "white")))
        defs = f"<defs>{''.join(markup for _, markup in self.patterns.values())}</defs>" if self.patterns else ""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="static-chart-drawing" viewBox="0 0 {self.width:g} {self.height:g}" '
            f'width="{self.width:g}" height="{self.height:g}" aria-hidden="true" focusable="false" '
            f'font-family="{escape(self.family)}">{defs}<rect width="100%" height="100%" fill="{background}"/>{"".join(body)}</svg>'
        )

    def _grid(self) -> str:
        parts = []
        for axis in self.axes.values():
            spec = axis.spec
            other = self._other(axis)
            ticks = axis.ticks(self.separators)
            if spec.get("showgrid", bool(spec.get("gridcolor"))) is not False and spec.get("gridcolor"):
                for value, _ in ticks:
                    parts.append(self._line(axis, other, axis.pixel(value), spec["gridcolor"], 1))
            if not axis.is_category and spec.get("zeroline", True) is not False and min(axis.low, axis.high) <= 0 <= max(axis.low, axis.high):
                parts.append(self._line(axis, other, axis.pixel(0), spec.get("zerolinecolor", "#444"), float(spec.get("zerolinewidth", 1))))
        return "".join(parts)

    def _other(self, axis: _Axis) -> _Axis:
        anchor = axis.spec.get("anchor") or ("y" if axis.letter == "x" else "x")
        if anchor in self.axes:
            return self.axes[anchor]
        other = _Axis("y" if axis.letter == "x" else "x", {})
        left, top, right, bottom = self.paper
        other.start, other.end = (bottom, top) if axis.letter == "x" else (left, right)
        return other

    @staticmethod
    def _line(axis: _Axis, other: _Axis, at: float, colour: str, width: float) -> str:
        if axis.letter == "x":
            return f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{other.start:.1f}" y2="{other.end:.1f}" stroke="{escape(colour)}" stroke-width="{width:g}"/>'
        return f'<line x1="{other.start:.1f}" x2="{other.end:.1f}" y1="{at:.1f}" y2="{at:.1f}" stroke="{escape(colour)}" stroke-width="{width:g}"/>'

    def _tick_labels(self) -> str:
        parts = []
        for axis in self.axes.values():
            spec = axis.spec
            other = self._other(axis)
            size = self._tick_size(axis)
            colour = (spec.get("tickfont") or {}).get("color", self.colour)
            ticks = axis.ticks(self.separators) if spec.get("showticklabels", True) is not False else []
            for value, label in ticks:
                at = axis.pixel(value)
                if axis.letter == "x":
                    parts.append(_text(at, max(other.start, other.end) + 6, label, size, colour, "middle", "top"))
                else:
                    parts.append(_text(min(other.start, other.end) - 6, at, label, size, colour, "end", "middle"))
            title = _title(spec)
            if title:
                if axis.letter == "x":
                    lines = max((len(_lines(label)) for _, label in ticks), default=0)
                    parts.append(_text((axis.start + axis.end) / 2, max(other.start, other.end) + 8 + lines * size * 1.25, title, self._title_size, self.colour, "middle", "top"))
                else:
                    widest = max((text_width(label, size) for _, label in ticks), default=0)
                    x = min(other.start, other.end) - 10 - widest - self._title_size * 0.6
                    parts.append(_text(x, (axis.start + axis.end) / 2, title, self._title_size, self.colour, "middle", "middle", rotate=True))
        return "".join(parts)

    def _bars(self) -> str:
        bars = [t for t in self.data if t.get("type") == "bar"]
        if not bars:
            return ""
        mode = self.layout.get("barmode", "group")
        gap = float(self.layout.get("bargap", 0.2))
        groups: dict[tuple, list[dict]] = {}
        for trace in bars:
            groups.setdefault((trace.get("xaxis", "x"), trace.get("yaxis", "y"), trace.get("orientation", "v")), []).append(trace)
        parts, texts = [], []
        for (x_name, y_name, orientation), traces in groups.items():
            horizontal = orientation == "h"
            value_axis, place_axis = (self.axes[x_name], self.axes[y_name]) if horizontal else (self.axes[y_name], self.axes[x_name])
            stacks: dict = {}
            grouped = [t for t in traces if "width" not in t] if mode == "group" else []
            unit = 1.0 if place_axis.is_category else _spacing([v for t in traces for v in (t.get("y" if horizontal else "x") or [])])
            for trace in traces:
                slot = float(trace.get("width", 1 - gap)) * unit
                if trace in grouped and len(grouped) > 1:
                    slot, offset = slot / len(grouped), -slot / 2 + grouped.index(trace) * slot / len(grouped)
                else:
                    offset = -slot / 2
                places, values = trace.get("y" if horizontal else "x") or [], trace.get("x" if horizontal else "y") or []
                base = trace.get("base")
                marker = trace.get("marker") or {}
                colours = marker.get("color", "#1f77b4")
                line = marker.get("line") or {}
                text = trace.get("text") if isinstance(trace.get("text"), list) else []
                font = {"size": self.size, **(trace.get("textfont") or {})}
                opacity = f' opacity="{float(trace["opacity"]):g}"' if isinstance(trace.get("opacity"), (int, float)) else ""
                for index, (where, value) in enumerate(zip(places, values)):
                    if value is None:
                        continue
                    start = float((base[index] if isinstance(base, list) else base) or 0)
                    if mode in ("stack", "relative"):
                        key = (where, value >= 0)
                        start = stacks.get(key, 0.0)
                        stacks[key] = start + value
                    end = start + value
                    centre = place_axis.position(where)
                    a, b = sorted((place_axis.pixel(centre + offset), place_axis.pixel(centre + offset + slot)))
                    p, q = sorted((value_axis.pixel(start), value_axis.pixel(end)))
                    x, y, w, h = (p, a, q - p, b - a) if horizontal else (a, p, b - a, q - p)
                    colour = colours[index] if isinstance(colours, list) else colours
                    fill = self._fill(colour, marker.get("pattern"))
                    stroke = f' stroke="{escape(str(line["color"]))}" stroke-width="{float(line.get("width", 1)):g}"' if line.get("color") and line.get("width", 1) else ""
                    parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" fill="{fill}"{stroke}{opacity}/>')
                    label = text[index] if index < len(text) else ""
                    if label:
                        texts.append(self._bar_text(label, trace, horizontal, (x, y, w, h), value, {"color": _contrast(colour), **font}))
        return "".join(parts + texts)

    def _fill(self, colour, pattern: dict | None) -> str:
        colour = escape(str(colour))
        shape = (pattern or {}).get("shape") or ""
        if not shape:
            return colour
        if shape not in ("/", "\\", "x", "."):
            raise Unsupported(f"pattern {shape}")
        foreground = escape(str(pattern.get("fgcolor", "#000")))
        size = float(pattern.get("size", 8))
        solidity = float(pattern.get("solidity", 0.3))
        key = (colour, shape, foreground, size, solidity)
        if key not in self.patterns:
            name = f"p-{self.key}-{int(self.width)}-{len(self.patterns)}"
            stroke = max(1.0, size * solidity / 2.5)
            marks = {
                "/": f'<path d="M0 {size} L{size} 0 M{-size / 2} {size / 2} L{size / 2} {-size / 2} M{size / 2} {size * 1.5} L{size * 1.5} {size / 2}" stroke="{foreground}" stroke-width="{stroke:g}"/>',
                "\\": f'<path d="M0 0 L{size} {size}" stroke="{foreground}" stroke-width="{stroke:g}"/>',
                "x": f'<path d="M0 0 L{size} {size} M0 {size} L{size} 0" stroke="{foreground}" stroke-width="{stroke:g}"/>',
                ".": f'<circle cx="{size / 2}" cy="{size / 2}" r="{max(1.0, size * math.sqrt(solidity) / 2.5):.1f}" fill="{foreground}"/>',
            }[shape]
            self.patterns[key] = (name, f'<pattern id="{name}" patternUnits="userSpaceOnUse" width="{size:g}" height="{size:g}">'
                                        f'<rect width="{size:g}" height="{size:g}" fill="{colour}"/><g opacity="0.7">{marks}</g></pattern>')
        return f"url(#{self.patterns[key][0]})"

    def _bar_text(self, label, trace: dict, horizontal: bool, box: tuple, value: float, font: dict) -> str:
        """A bar's text as plotly places it: inside at the bar's end (or middle), or just past its end."""
        x, y, w, h = box
        size, colour = float(font.get("size", self.size)), str(font.get("color"))
        position = trace.get("textposition", "auto")
        if position == "inside" or (position == "auto" and (w if horizontal else h) > (text_width(label, size) if horizontal else size) + 8):
            if (w < text_width(label, size) + 4) or (h < size):
                return ""
            middle = trace.get("insidetextanchor") == "middle"
            if horizontal:
                at = x + w / 2 if middle else (x + w - 4 if value >= 0 else x + 4)
                return _text(at, y + h / 2, label, size, colour, "middle" if middle else ("end" if value >= 0 else "start"), "middle")
            at = y + h / 2 if middle else (y + 4 if value >= 0 else y + h - 4)
            return _text(x + w / 2, at, label, size, colour, "middle", "middle" if middle else ("top" if value >= 0 else "bottom"))
        colour = str((trace.get("textfont") or {}).get("color", self.colour))
        if horizontal:
            return _text(x + w + 4, y + h / 2, label, size, colour, "start", "middle") if value >= 0 else _text(x - 4, y + h / 2, label, size, colour, "end", "middle")
        return _text(x + w / 2, y - 4, label, size, colour, "middle", "bottom") if value >= 0 else _text(x + w / 2, y + h + 4, label, size, colour, "middle", "top")

    def _scatters(self) -> str:
        parts = []
        previous: list[tuple[float, float]] | None = None
        for trace in self.data:
            if trace.get("type", "scatter") != "scatter":
                continue
            x_axis, y_axis = self.axes[trace.get("xaxis", "x")], self.axes[trace.get("yaxis", "y")]
            points = [(x_axis.pixel(x), y_axis.pixel(y)) if x is not None and y is not None else None
                      for x, y in zip(trace.get("x") or [], trace.get("y") or [])]
            mode = trace.get("mode", "lines+markers")
            line = trace.get("line") or {}
            colour = str(line.get("color") or (trace.get("marker") or {}).get("color") or "#1f77b4")
            drawn = [p for p in points if p is not None]
            fill = trace.get("fill")
            if fill in ("tonexty", "toself") and drawn:
                outline = drawn + (previous[::-1] if fill == "tonexty" and previous else [])
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in outline)
                parts.append(f'<polygon points="{path}" fill="{escape(str(trace.get("fillcolor", colour)))}" stroke="none"/>')
            elif fill not in (None, "none"):
                raise Unsupported(f"fill {fill}")
            previous = drawn
            if "lines" in mode and float(line.get("width", 2)) > 0:
                dash = DASHES.get(line.get("dash") or "solid")
                if dash is None:
                    raise Unsupported("dash")
                dashes = f' stroke-dasharray="{dash}"' if dash else ""
                for run in _runs(points, trace.get("connectgaps", False)):
                    if len(run) > 1:
                        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                        parts.append(f'<polyline points="{path}" fill="none" stroke="{escape(colour)}" stroke-width="{float(line.get("width", 2)):g}"'
                                     f' stroke-linejoin="round"{dashes}/>')
            if "markers" in mode:
                marker = trace.get("marker") or {}
                for x, y in drawn:
                    parts.append(_marker(x, y, marker, colour))
        return "".join(parts)

    def _annotations(self) -> str:
        parts = []
        left, top, right, bottom = self.paper
        for note in self.layout.get("annotations") or []:
            x_ref, y_ref = note.get("xref", "x"), note.get("yref", "y")
            x = left + float(note.get("x", 0)) * (right - left) if x_ref == "paper" else self._data_pixel(x_ref, note.get("x", 0))
            y = bottom - float(note.get("y", 0)) * (bottom - top) if y_ref == "paper" else self._data_pixel(y_ref, note.get("y", 0))
            font = {**{"size": self.size, "color": self.colour}, **(note.get("font") or {})}
            size = float(font["size"])
            anchor = {"left": "start", "center": "middle", "right": "end"}.get(note.get("xanchor", "center"), "middle")
            baseline = {"top": "top", "middle": "middle", "bottom": "bottom"}.get(note.get("yanchor", "middle"), "middle")
            text = re.sub(r"<span[^>]*>(.*?)</span>", r"\1", str(note.get("text", "")))
            if note.get("showarrow", True):  # the text stands ax, ay pixels from its point, a thin line to it
                if note.get("axref", "pixel") != "pixel" or note.get("ayref", "pixel") != "pixel":
                    raise Unsupported("arrows in data coordinates")
                tip_x, tip_y = x, y
                x, y = x + float(note.get("ax", -10)), y + float(note.get("ay", -30))
                baseline = {"top": "top", "bottom": "bottom"}.get(note.get("yanchor"), "middle")
                parts.append(f'<line x1="{tip_x:.1f}" y1="{tip_y:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{escape(str(note.get("arrowcolor", self.colour)))}"'
                             f' stroke-width="{float(note.get("arrowwidth", 1)):g}"/>')
            if note.get("bgcolor"):
                wide, high = text_width(text, size) + 6, len(_lines(text)) * size * 1.25 + 2
                left_edge = {"start": x - 3, "middle": x - wide / 2, "end": x - wide + 3}[anchor]
                top_edge = {"top": y - 1, "middle": y - high / 2, "bottom": y - high + 1}[baseline]
                parts.append(f'<rect x="{left_edge:.1f}" y="{top_edge:.1f}" width="{wide:.1f}" height="{high:.1f}" fill="{escape(str(note["bgcolor"]))}"/>')
            parts.append(_text(x, y, text, size, str(font["color"]), anchor, baseline))
        return "".join(parts)

    def _data_pixel(self, ref: str, value) -> float:
        name = ref.replace(" domain", "")
        if name not in self.axes or " domain" in ref:
            raise Unsupported(f"reference {ref}")
        return self.axes[name].pixel(value)

    @staticmethod
    def _row_height(row: list, size: float) -> float:
        return max(len(_lines(entry["name"])) for entry, _ in row) * size * 1.25 + size * 0.5

    def _legend(self, rows: list, size: float, top: float) -> str:
        parts = []
        y_top = top + 3
        for row in rows:
            height = self._row_height(row, size)
            x, y = 10.0, y_top + height / 2
            for entry, item in row:
                parts.append(self._legend_symbol(entry, x, y))
                parts.append(_text(x + 40, y, entry["name"], size, self.colour, "start", "middle"))
                x += item
            y_top += height
        return "".join(parts)

    def _legend_symbol(self, entry: dict, x: float, y: float) -> str:
        if entry.get("type") == "bar":
            marker = entry.get("marker") or {}
            colour = marker.get("color", "#1f77b4")
            colour = colour[0] if isinstance(colour, list) else colour
            line = marker.get("line") or {}
            stroke = f' stroke="{escape(str(line["color"]))}" stroke-width="{min(float(line.get("width", 1)), 2):g}"' if line.get("color") else ""
            return f'<rect x="{x + 6:.1f}" y="{y - 8:.1f}" width="24" height="16" fill="{self._fill(colour, marker.get("pattern"))}"{stroke}/>'
        parts = []
        line = entry.get("line") or {}
        mode = entry.get("mode", "lines+markers")
        colour = str(line.get("color") or (entry.get("marker") or {}).get("color") or "#1f77b4")
        if entry.get("fill") in ("tonexty", "toself"):
            parts.append(f'<rect x="{x + 4:.1f}" y="{y - 7:.1f}" width="28" height="14" fill="{escape(str(entry.get("fillcolor", colour)))}"/>')
        if "lines" in mode and float(line.get("width", 2)) > 0:
            dash = DASHES.get(line.get("dash") or "solid") or ""
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(f'<line x1="{x:.1f}" x2="{x + 34:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{escape(colour)}" stroke-width="{min(float(line.get("width", 2)), 4):g}"{dashes}/>')
        if "markers" in mode:
            parts.append(_marker(x + 17, y, entry.get("marker") or {}, colour))
        return "".join(parts)


def _spacing(values: list) -> float:
    """The smallest distance between bar positions on a numeric axis: plotly's width of a bar's slot."""
    numbers = sorted({float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)})
    return min((b - a for a, b in zip(numbers, numbers[1:])), default=1.0)


def _contrast(colour) -> str:
    """Text inside a bar: white on a dark bar, near-black on a light one (as plotly chooses)."""
    text = str(colour)
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        return "#1a1a1a"
    r, g, b = (int(text[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.55 else "#1a1a1a"


def _title(spec: dict) -> str:
    title = spec.get("title")
    return str((title.get("text") if isinstance(title, dict) else title) or "")


def _runs(points: list, connect: bool) -> list[list[tuple[float, float]]]:
    """A line's stretches between missing values (one stretch when gaps are connected)."""
    runs: list[list] = [[]]
    for point in points:
        if point is None:
            if not connect and runs[-1]:
                runs.append([])
            continue
        runs[-1].append(point)
    return [run for run in runs if run]


def _marker(x: float, y: float, marker: dict, colour: str) -> str:
    symbol = str(marker.get("symbol", "circle"))
    open_ = symbol.endswith("-open")
    name = symbol.removesuffix("-open")
    if name not in SYMBOL_NAMES:
        raise Unsupported(f"symbol {symbol}")
    size = float(marker.get("size", 6))
    fill_colour = marker.get("color") if isinstance(marker.get("color"), str) else colour
    line = marker.get("line") or {}
    stroke_width = float(line.get("width", 2 if open_ else 0))
    stroke_colour = line.get("color") or fill_colour
    fill = "none" if open_ or name == "line-ns" else escape(str(fill_colour))
    if name == "line-ns":
        stroke_width = stroke_width or 1
    stroke = f' stroke="{escape(str(stroke_colour if not open_ else (line.get("color") or fill_colour)))}" stroke-width="{stroke_width:g}"' if stroke_width else ""
    r = size / 2
    if name == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"{stroke}/>'
    shapes = {
        "square": [(-r, -r), (r, -r), (r, r), (-r, r)],
        "diamond": [(0, -r * 1.3), (r * 1.3, 0), (0, r * 1.3), (-r * 1.3, 0)],
        "triangle-up": [(0, -r * 1.15), (r * 1.15, r * 0.75), (-r * 1.15, r * 0.75)],
        "hexagon": [(r * math.cos(a), r * math.sin(a)) for a in (math.pi / 6 + i * math.pi / 3 for i in range(6))],
        "star": [((r if i % 2 == 0 else r * 0.45) * math.sin(i * math.pi / 5), -(r if i % 2 == 0 else r * 0.45) * math.cos(i * math.pi / 5)) for i in range(10)],
    }
    if name in shapes:
        points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in shapes[name])
        return f'<polygon points="{points}" fill="{fill}"{stroke}/>'
    paths = {
        "cross": f"M{x - r:.1f} {y:.1f}H{x + r:.1f}M{x:.1f} {y - r:.1f}V{y + r:.1f}",
        "x": f"M{x - r:.1f} {y - r:.1f}L{x + r:.1f} {y + r:.1f}M{x - r:.1f} {y + r:.1f}L{x + r:.1f} {y - r:.1f}",
        "line-ns": f"M{x:.1f} {y - r:.1f}V{y + r:.1f}",
    }
    width = stroke_width or max(2.0, size / 4)
    return f'<path d="{paths[name]}" fill="none" stroke="{escape(str(stroke_colour))}" stroke-width="{width:g}"/>'
