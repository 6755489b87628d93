"""A problem is said in English on the command line and in the page's language on the staff pages: the words
around the values are translated, the values (files, columns, cells, codes) never."""
from __future__ import annotations

from dashboard.domain.refusal import Word
from dashboard.i18n import Translator
from dashboard.importers.problems import MAX_REPORTED, Euros, ImportFailed, Problem, report
from dashboard.importers.tables import whole_euros

DUTCH = Translator("nl")


def _refusal(parse, value) -> ValueError:
    try:
        parse(value)
    except ValueError as error:
        return error
    raise AssertionError(f"{value!r} was accepted")


def test_a_cell_s_problem_reads_as_before_in_english_and_in_dutch_on_a_dutch_page():
    problem = Problem.refused("upload/allocations.csv", 5, "amount_eur", _refusal(whole_euros, "1.234,5"))
    assert str(problem) == "upload/allocations.csv:5: amount_eur: '1.234,5': write whole euros without thousands separators or decimals, e.g. 1234567"
    assert problem.text(DUTCH) == ("upload/allocations.csv:5: amount_eur: '1.234,5': schrijf hele euro's zonder scheidingstekens "
                                   "voor duizendtallen en zonder decimalen, bijv. 1234567")


def test_a_workbook_s_sheet_and_row_are_said_in_dutch_and_the_values_stay_data():
    problem = Problem("upload/allocations.csv", 5, "programme", "unknown programme {programme!r}: it is not in {file}",
                      programme="werk-en-inkomen", file="programmes.csv").moved("begroting.xlsx", sheet="allocations")
    assert str(problem) == "begroting.xlsx, sheet allocations, row 5: programme: unknown programme 'werk-en-inkomen': it is not in programmes.csv"
    assert problem.text(DUTCH) == "begroting.xlsx, tabblad allocations, rij 5: programme: onbekend programma 'werk-en-inkomen': het staat niet in programmes.csv"
    whole_sheet = Problem("begroting.xlsx", 0, "-", "the sheet is empty: the first row holds the column names", sheet="providers")
    assert whole_sheet.text(DUTCH) == "begroting.xlsx, tabblad providers: -: het tabblad is leeg: de eerste rij bevat de kolomnamen"


def test_words_of_the_sentence_and_amounts_are_said_the_page_s_way():
    theme = Problem("a.csv", 3, "taakveld", "taakveld {taakveld} belongs to theme {actual}, but programme {programme} is in theme {expected}",
                    taakveld="6.3", actual=Word("Work"), programme="jeugd", expected=Word("Young"))
    assert str(theme) == "a.csv:3: taakveld: taakveld 6.3 belongs to theme Work, but programme jeugd is in theme Young"
    assert theme.reason(DUTCH) == "taakveld 6.3 hoort bij thema Werk, maar programma jeugd valt onder thema Jong"
    split = Problem("t.csv", 2, "total_eur", "the split per theme and year in {file} adds up to {split}, not to the total {total}",
                    file="savings_split.csv", split=Euros(1200000), total=Euros(1500000))
    assert split.reason() == "the split per theme and year in savings_split.csv adds up to €1,200,000, not to the total €1,500,000"
    assert split.reason(DUTCH) == "de verdeling per thema en jaar in savings_split.csv telt op tot € 1.200.000, niet tot het totaal € 1.500.000"


def test_the_count_of_problems_beyond_those_shown_is_said_in_the_page_s_language():
    problems = [Problem("f.csv", line, "year", "{value!r} is not a year", value="twintig") for line in range(2, MAX_REPORTED + 5)]
    english = ImportFailed(problems).report_lines()
    assert len(english) == MAX_REPORTED + 1 and english[0] == "f.csv:2: year: 'twintig' is not a year"
    assert english[-1] == "... and 3 more problems"
    dutch = report(problems, DUTCH)
    assert dutch[0] == "f.csv:2: year: 'twintig' is geen jaar" and dutch[-1] == "... en nog 3 problemen"


def test_a_plain_value_error_is_kept_as_its_text():
    """A ValueError that is no ``Refusal`` (from a library) has no template: its text is shown as it is."""
    problem = Problem.refused("f.csv", 2, "x", ValueError("something {odd}"))
    assert problem.text(DUTCH) == str(problem) == "f.csv:2: x: something {odd}"
