"""The cost-effectiveness charts: labels of programmes on the 0 % line no longer fall on one another,
and the trend has one line per programme in each panel, told apart by dash and marker too."""

from __future__ import annotations

from itertools import combinations

from dashboard.figures.savings import CHAR_PX, LABEL_HEIGHT_PX, PLOT_PX, cost_effect_figure, cost_trend_figure, label_offsets


def _boxes(figure: dict):
    """Each label's box in the plot's pixels, as the label rule assumes the plot to be."""
    width, height = PLOT_PX
    x_top, y_top = figure["layout"]["xaxis"]["range"][1], figure["layout"]["yaxis"]["range"][1]
    for a in figure["layout"]["annotations"]:
        px, py = a["x"] / x_top * width, (1 - a["y"] / y_top) * height + a["ay"]
        extent = len(a["text"]) * CHAR_PX
        left = {"center": px - extent / 2, "left": px, "right": px - extent}[a["xanchor"]]
        yield (left, py - LABEL_HEIGHT_PX / 2, left + extent, py + LABEL_HEIGHT_PX / 2)


def test_labels_of_programmes_on_target_do_not_share_a_position():
    names = ["Werkcafé", "Re-integration", "Income support", "Debt counselling"]
    figure = cost_effect_figure(names, [2100, 2300, 2200, 9000], [0, 0, 0, 0.2], ["on track"] * 3 + ["off track"], ("x", "y"), "en")
    boxes = list(_boxes(figure))
    assert len(boxes) == 4
    positions = {(a["x"], a["y"], a["ay"]) for a in figure["layout"]["annotations"]}
    assert len(positions) == 4
    for a, b in combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    assert figure["layout"]["margin"]["t"] >= -min(a["ay"] for a in figure["layout"]["annotations"])  # the highest label fits
    assert all(0 <= box[0] and box[2] <= PLOT_PX[0] for box in boxes)  # none leaves the plot sideways


def test_points_far_apart_keep_their_label_just_above():
    assert label_offsets([2000, 5000], [0, 0.5], ["A (on track)", "B"]) == [(-20, "center"), (-20, "center")]
    assert label_offsets([2000, 5000], [0, 0.5], ["A", "Income support (at risk)"])[1] == (-20, "right")  # ends at its marker
    assert label_offsets([10, 5000], [0, 0.5], ["A (on track)", "B"])[0] == (-20, "left")  # beside the y axis: starts at its marker
    assert label_offsets([], [], []) == []


def test_the_trend_has_both_panels_per_programme_with_distinct_dashes():
    figure = cost_trend_figure([("A", [2022, 2023], [1000, 1100], [0.1, None]), ("B", [2022, 2023], [None, 900], [0, 0])], ("€", "%"), "nl")
    assert [(t["name"], t.get("yaxis", "y")) for t in figure["data"]] == [("A", "y"), ("A", "y2"), ("B", "y"), ("B", "y2")]
    assert figure["data"][0]["line"]["dash"] != figure["data"][2]["line"]["dash"]
    assert figure["data"][0]["marker"]["symbol"] != figure["data"][2]["marker"]["symbol"]
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["€", "%"]  # panel titles, written across
