"""The comparison rules: a common rolled-up basis, median/band/rank, nearest neighbours, circulars."""
import numpy as np
import pandas as pd

from dashboard.domain.compare import comparison_code, figures_per, standing
from dashboard.domain.fund import circular_for_year
from dashboard.domain.peers import VARIABLE_COLUMNS, nearest


def test_detail_codes_roll_up_to_the_ten_year_files_parents():
    assert [comparison_code(c) for c in ("6.71a", "6.751", "6.792", "6.60", "6.3", "0.10", "7.1")] == ["6.71", "6.75", "6.79", "6.60", "6.3", "0.10", "7.1"]


def test_rank_counts_from_the_highest_and_the_band_is_the_middle_half():
    s = standing(30.0, [10.0, 20.0, 40.0, 50.0], 25.0)
    assert (s.rank, s.of, s.median, s.q1, s.q3, s.national) == (3, 5, 30.0, 17.5, 42.5, 25.0)
    assert standing(None, [1.0], None).rank is None


def test_the_nearest_neighbour_is_the_one_alike_and_missing_variables_do_not_make_a_pair_closer():
    frame = pd.DataFrame({c: [0.0, 0.1, 5.0, 0.1] for c in VARIABLE_COLUMNS}, index=["A", "B", "C", "D"])
    frame.loc["D", "address_density"] = None
    found = nearest(frame, "A", 3)
    assert [n.municipality for n in found] == ["B", "D", "C"]
    # D lacks one variable: its distance is scaled up to all seven, so it is not made closer than B
    assert found[1].distance >= found[0].distance * 0.95


def test_the_newest_circular_of_a_year_is_used():
    circulars = [("M2023", 2024), ("S2023", 2024), ("M2024", 2024), ("S2024", 2024), ("M2024", 2025)]
    assert circular_for_year(circulars, 2024) == "S2024"
    assert circular_for_year(circulars, 2025) == "M2024"
    assert circular_for_year(circulars, 2023) is None


def test_figures_per_divides_every_pair_once_with_nan_where_the_denominator_is_missing_or_zero():
    frame = pd.DataFrame(
        {"Work": [1000.0, 500.0, 300.0, np.nan], "inhabitants": [10.0, 0.0, np.nan, 5.0], "bijstand": [2.0, 1.0, 3.0, 1.0]},
        index=["A", "B", "C", "D"],
    )
    figures = figures_per(frame, [("Work", "inhabitants"), ("Work", "bijstand"), ("Work", "inhabitants")])
    per_inhabitant, national = figures.of("Work", "inhabitants")
    assert per_inhabitant[0] == 100.0 and np.isnan(per_inhabitant[1:]).all()
    assert national == 1800.0 / 15.0  # the column sums: lasten of all, inhabitants of all
    per_unit, national_unit = figures.of("Work", "bijstand")
    assert per_unit[:3].tolist() == [500.0, 500.0, 100.0] and np.isnan(per_unit[3])
    assert national_unit == 1800.0 / 7.0
    missing, nothing = figures.of("6.3", "inhabitants")
    assert np.isnan(missing).all() and len(missing) == 4 and nothing is None
