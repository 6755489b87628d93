"""The taakveld → theme mapping in data/theme_mapping.csv, on both Iv3 classifications (to 2024, from 2025).

Expected themes are written out here from the issue's text, code by code, so the data file is
checked against the specification rather than against itself.
"""
import pytest

from dashboard.domain.themes import ThemeMapping, is_social_domain_code, unmapped_social_codes

# Every social-domain code of the classification used up to 2024 (as in the CBS 2023/2024 files).
UP_TO_2024 = {
    "6.1": "Participate",
    "6.2": "Participate",
    "6.3": "Work",
    "6.4": "Work",
    "6.5": "Work",
    "6.6": "Vital",
    "6.71": "Vital", "6.71a": "Vital", "6.71b": "Vital", "6.71c": "Vital", "6.71d": "Vital",
    "6.72": "Young", "6.72a": "Young", "6.72b": "Young", "6.72c": "Young", "6.72d": "Young",
    "6.73": "Young", "6.73a": "Young", "6.73b": "Young", "6.73c": "Young",
    "6.74": "Young", "6.74a": "Young", "6.74b": "Young", "6.74c": "Young",
    "6.81": "Vital", "6.81a": "Vital", "6.81b": "Vital",
    "6.82": "Young", "6.82a": "Young", "6.82b": "Young",
    "7.1": "Vital",
}

# Every social-domain code of the classification from 2025 (as in the CBS 2025 file).
FROM_2025 = {
    "6.1": "Participate",
    "6.21": "Participate", "6.22": "Participate", "6.23": "Participate",
    "6.3": "Work",
    "6.4": "Work",
    "6.5": "Work",
    "6.60": "Vital",
    "6.711": "Vital", "6.712": "Vital", "6.713": "Vital", "6.714": "Vital",
    "6.751": "Young", "6.752": "Young", "6.753": "Young",
    "6.761": "Young", "6.762": "Young", "6.763": "Young",
    "6.791": "Vital",
    "6.792": "Young",
    "6.811": "Vital", "6.812": "Vital",
    "6.821": "Young", "6.822": "Young",
    "6.91": "Vital",
    "6.92": "Young",
    "7.1": "Vital",
}

# Rolled-up parents as the ten-year file gives them.
ROLLED_UP = {"6.71": "Vital", "6.75": "Young", "6.76": "Young", "6.79": "Vital", "6.81": "Vital", "6.82": "Young"}


@pytest.mark.parametrize("code,theme", sorted(UP_TO_2024.items()))
def test_classification_up_to_2024(mapping, code, theme):
    assert mapping.theme_of(code) == theme


@pytest.mark.parametrize("code,theme", sorted(FROM_2025.items()))
def test_classification_from_2025(mapping, code, theme):
    assert mapping.theme_of(code) == theme


@pytest.mark.parametrize("code,theme", sorted(ROLLED_UP.items()))
def test_rolled_up_parents(mapping, code, theme):
    assert mapping.theme_of(code) == theme


def test_longest_prefix_wins_for_pgb(mapping):
    # 6.79 is both pgbs together (Vital); 6.791 (Wmo) stays Vital but 6.792 (Jeugd) is Young.
    assert mapping.theme_of("6.79") == "Vital"
    assert mapping.theme_of("6.791") == "Vital"
    assert mapping.theme_of("6.792") == "Young"


def test_longest_prefix_wins_regardless_of_file_order():
    shuffled = ThemeMapping.from_pairs([("6.792", "Young"), ("6.6", "Vital"), ("6.79", "Vital"), ("6.7", "Participate")])
    assert shuffled.theme_of("6.792") == "Young"
    assert shuffled.theme_of("6.79") == "Vital"
    assert shuffled.theme_of("6.791") == "Vital"
    assert shuffled.theme_of("6.72") == "Participate"  # only the short prefix covers it
    assert shuffled.theme_of("6.60") == "Vital"  # 6.60 (from 2025) falls under 6.6


@pytest.mark.parametrize("code", ["0.1", "0.10", "0.11", "1.1", "2.1", "5.1", "7.2", "7.3", "7.4", "7.5", "8.1", "8.3"])
def test_codes_outside_the_social_domain_have_no_theme(mapping, code):
    assert not is_social_domain_code(code)
    assert mapping.theme_of(code) is None


def test_unmapped_social_codes_are_reported(mapping):
    codes = ["6.1", "6.93", "6.7", "7.1", "7.2", "0.1", "6.8"]
    assert unmapped_social_codes(codes, mapping) == ["6.7", "6.8", "6.93"]


def test_the_mapping_covers_every_social_code_in_the_cbs_files(mapping, shared_iv3):
    import csv

    for file_name in ("2023_begroting.csv", "2024_begroting.csv", "2025_begroting.csv", "iv3_2017_2026_lasten.csv"):
        with open(shared_iv3 / file_name, encoding="utf-8", newline="") as handle:
            codes = {row["Taakveld"].split()[0] for row in csv.DictReader(handle, delimiter=";")}
        assert unmapped_social_codes(codes, mapping) == [], file_name


def test_mapping_file_rejects_unknown_theme_and_conflicting_prefix(tmp_path):
    with pytest.raises(ValueError, match="unknown theme"):
        ThemeMapping.from_pairs([("6.1", "Healthy")])
    with pytest.raises(ValueError, match="both"):
        ThemeMapping.from_pairs([("6.1", "Participate"), ("6.1", "Work")])


def test_mapping_file_saved_by_a_spreadsheet_with_bom_is_read(tmp_path):
    path = tmp_path / "mapping.csv"
    path.write_bytes("\ufeffprefix,theme,note\n6.1,Participate,x\n6.792,Young,pgb\n".encode("utf-8"))
    assert ThemeMapping.from_csv(path).theme_of("6.792") == "Young"
