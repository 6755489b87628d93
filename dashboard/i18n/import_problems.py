"""Dutch texts of the import problems (``importers.problems.Problem``, ``domain.refusal.Refusal``): what the
upload and edit pages show when a file breaks a rule. Names, cells and codes in the values stay as written;
large numbers are written without separators (a comma would read as a decimal comma)."""

NL = {
    # where: a workbook's sheet and row (a CSV file is file:line)
    "{file}, sheet {sheet}, row {row}: {column}: {reason}": "{file}, tabblad {sheet}, rij {row}: {column}: {reason}",
    "{file}, sheet {sheet}: {column}: {reason}": "{file}, tabblad {sheet}: {column}: {reason}",
    # reading a file
    "the file is {size:,} bytes, above the limit of {limit:,} bytes (DASHBOARD_MAX_IMPORT_BYTES): split it by year, or raise the limit":
        "het bestand is {size} bytes, boven de grens van {limit} bytes (DASHBOARD_MAX_IMPORT_BYTES): splits het per jaar, of verhoog de grens",
    "the file is {size:,} bytes, above the limit of {limit:,} bytes (DASHBOARD_MAX_IMPORT_BYTES)":
        "het bestand is {size} bytes, boven de grens van {limit} bytes (DASHBOARD_MAX_IMPORT_BYTES)",
    "the workbook unpacks to {size:,} bytes, above the limit of {limit:,} bytes (DASHBOARD_MAX_IMPORT_BYTES)":
        "uitgepakt is de werkmap {size} bytes, boven de grens van {limit} bytes (DASHBOARD_MAX_IMPORT_BYTES)",
    "cannot read the file: {reason}": "het bestand kan niet worden gelezen: {reason}",
    "cannot read the file": "het bestand kan niet worden gelezen",
    "the file is empty": "het bestand is leeg",
    "columns must be separated by {expected} ({delimiter!r}) but found {found}":
        "kolommen moeten gescheiden zijn door {expected} ({delimiter!r}), maar het bestand gebruikt {found}",
    "columns must be separated by {expected} ({delimiter!r})": "kolommen moeten gescheiden zijn door {expected} ({delimiter!r})",
    "semicolons": "puntkomma's",
    "commas": "komma's",
    "tabs": "tabs",
    "|s": "|-tekens",
    "required column is missing from the header": "deze verplichte kolom ontbreekt in de kopregel",
    "expected {expected} columns, found {found}": "{expected} kolommen verwacht, {found} gevonden",
    "contains the control character U+{code:04X}; remove it": "bevat het stuurteken U+{code:04X}; haal het weg",
    "the file has a header but no data rows": "het bestand heeft een kopregel maar geen regels met gegevens",
    "is not a directory": "is geen map",
    "no project files found; expected some of: {expected}": "geen projectbestanden gevonden; verwacht een of meer van: {expected}",
    "missing: {file_set} needs this file too": "ontbreekt: de bestandsset {file_set} heeft dit bestand ook nodig",
    # an Excel workbook
    "cannot be read as an Excel .xlsx workbook ({error})": "kan niet worden gelezen als Excel-werkmap .xlsx ({error})",
    "is not an Excel .xlsx workbook (save it as 'Excel Workbook (.xlsx)')": "is geen Excel-werkmap .xlsx (sla het op als 'Excel-werkmap (.xlsx)')",
    "missing: {file_set} needs a sheet {name!r} too": "ontbreekt: de bestandsset {file_set} heeft ook een tabblad {name!r} nodig",
    "the sheet is empty: the first row holds the column names": "het tabblad is leeg: de eerste rij bevat de kolomnamen",
    # a cell
    "this value is required": "deze waarde is verplicht",
    "{key} appears twice (first on line {first})": "{key} staat er twee keer in (eerst op regel {first})",
    "{key!r} appears twice": "{key!r} staat er twee keer in",
    "is {count} characters long; at most {length} are allowed": "is {count} tekens lang; hoogstens {length} zijn toegestaan",
    "longer than {length} characters": "langer dan {length} tekens",
    "a name must be one line, without tabs or line breaks": "een naam moet op één regel staan, zonder tabs of regeleinden",
    "{value!r} is not a slug (lowercase letters, digits and single hyphens, e.g. 'youth-care')":
        "{value!r} is geen slug (kleine letters, cijfers en enkele koppeltekens, bijv. 'youth-care')",
    "{value!r}: write whole euros without thousands separators or decimals, e.g. 1234567":
        "{value!r}: schrijf hele euro's zonder scheidingstekens voor duizendtallen en zonder decimalen, bijv. 1234567",
    "{value!r} is not an amount in whole euros": "{value!r} is geen bedrag in hele euro's",
    "{value!r}: a count cannot be negative": "{value!r}: een aantal kan niet negatief zijn",
    "{value!r} is not a whole number": "{value!r} is geen heel getal",
    "{value!r} is more than accepted ({ceiling:,}); check the column": "{value!r} is meer dan toegestaan ({ceiling}); controleer de kolom",
    "{value!r} is not a year": "{value!r} is geen jaar",
    "{value!r}: use a decimal point, not a comma (e.g. 12.5)": "{value!r}: gebruik een decimale punt, geen komma (bijv. 12.5)",
    "{value!r} is not a date in the form YYYY-MM-DD": "{value!r} is geen datum in de vorm JJJJ-MM-DD",
    "{value!r} is not one of: {options}": "{value!r} is niet een van: {options}",
    "{value!r} is not true or false": "{value!r} is niet true of false",
    "{value!r} is not a number": "{value!r} is geen getal",
    "{value!r} is not written as a number in these files: ASCII digits with a decimal point, without exponent, underscores, plus sign or other digits (e.g. 1234.5)":
        "{value!r} is niet geschreven als getal zoals in deze bestanden: gewone cijfers met een decimale punt, "
        "zonder exponent, liggende streepjes, plusteken of andere cijfers (bijv. 1234.5)",
    "{value!r} uses a decimal comma or thousands separator; write amounts in EUR 1,000 with a decimal point and no separators, e.g. 1234.5":
        "{value!r} heeft een decimale komma of scheidingsteken voor duizendtallen; schrijf bedragen in duizenden euro's "
        "met een decimale punt en zonder scheidingstekens, bijv. 1234.5",
    "{value!r} is ambiguous: a thousands separator or a decimal point? CBS writes amounts in EUR 1,000 with a decimal point and one decimal, e.g. 1234.0":
        "{value!r} is dubbelzinnig: een scheidingsteken voor duizendtallen of een decimale punt? Het CBS schrijft bedragen "
        "in duizenden euro's met een decimale punt en één decimaal, bijv. 1234.0",
    "{value!r} has more decimals than whole euros (EUR 1,000 with at most 3 decimals)":
        "{value!r} heeft meer decimalen dan hele euro's (duizenden euro's met hoogstens 3 decimalen)",
    "{value!r} is beyond the largest amount accepted, EUR {ceiling:,} (either sign); no taakveld comes near it: check the unit and the decimal point":
        "{value!r} is groter dan het grootste toegestane bedrag, EUR {ceiling} (positief of negatief); geen taakveld komt daarbij "
        "in de buurt: controleer de eenheid en de decimale punt",
    "{value!r}: the number of {what} cannot be negative": "{value!r}: het aantal {what} kan niet negatief zijn",
    "{value!r} is not a whole number of {what}": "{value!r} is geen heel aantal {what}",
    "{value!r} is more {what} than accepted ({ceiling:,}); check the column": "{value!r} is meer {what} dan toegestaan ({ceiling}); controleer de kolom",
    "{value!r} is not a period: write a year (2025) or a quarter (2025-Q3)": "{value!r} is geen periode: schrijf een jaar (2025) of een kwartaal (2025-Q3)",
    "{value!r}: a tolerance cannot be negative": "{value!r}: een marge kan niet negatief zijn",
    "{value!r}: show at most 4 decimals": "{value!r}: toon hoogstens 4 decimalen",
    "{value!r} is not an Iv3 taakveld code such as 6.71a or 6.3": "{value!r} is geen Iv3-taakveldcode zoals 6.71a of 6.3",
    "{value!r} is not a Chamber of Commerce (KvK) number of 8 digits": "{value!r} is geen KvK-nummer van 8 cijfers",
    # references between the files and to the store
    "unknown programme {programme!r}: it is not in {file}": "onbekend programma {programme!r}: het staat niet in {file}",
    "unknown provider {provider!r}: it is not in {file}": "onbekende aanbieder {provider!r}: die staat niet in {file}",
    "unknown programme {programme!r}: it is neither in {file} nor in the store": "onbekend programma {programme!r}: het staat niet in {file} en ook niet in het dashboard",
    "unknown provider {provider!r}: it is neither in {file} nor in the store": "onbekende aanbieder {provider!r}: die staat niet in {file} en ook niet in het dashboard",
    "unknown indicator {indicator!r}: it is not in {file}": "onbekende indicator {indicator!r}: die staat niet in {file}",
    "unknown indicator {indicator!r}: {municipality} has no such indicator (import its indicators first)":
        "onbekende indicator {indicator!r}: {municipality} heeft die indicator niet (importeer eerst de indicatoren)",
    "unknown measure {measure!r}: it is not in {file}": "onbekende maatregel {measure!r}: die staat niet in {file}",
    "unknown municipality {municipality!r}: import its CBS Iv3 figures first": "onbekende gemeente {municipality!r}: importeer eerst de CBS Iv3-cijfers ervan",
    "there are no CBS Iv3 figures for {municipality} {document} {year}: import them first":
        "er zijn geen CBS Iv3-cijfers van {municipality} {document} {year}: importeer die eerst",
    "taakveld {taakveld} is not in the CBS figures of {municipality} {document} {year}":
        "taakveld {taakveld} staat niet in de CBS-cijfers van {municipality} {document} {year}",
    "taakveld {taakveld} belongs to theme {actual}, but programme {programme} is in theme {expected}":
        "taakveld {taakveld} hoort bij thema {actual}, maar programma {programme} valt onder thema {expected}",
    "none (outside the social domain)": "geen (buiten het sociaal domein)",
    "no {what}: an import holds one municipality's layer and needs at least one row":
        "geen {what}: een import bevat de gegevens van één gemeente en heeft minstens één rij nodig",
    "{municipality!r}: one import holds one municipality's layer, and line {first_line} says {first!r}":
        "{municipality!r}: een import bevat de gegevens van één gemeente, en regel {first_line} noemt {first!r}",
    "savings target": "taakstelling",
    "ambitions": "ambities",
    # the results layer
    "an {level} can only contribute to a higher level (output → outcome or goal, outcome → goal), not to the {parent_level} {parent!r}":
        "een {level} kan alleen bijdragen aan een hoger niveau (output → outcome of goal, outcome → goal), niet aan de {parent_level} {parent!r}",
    "a {level} can only contribute to a higher level (output → outcome or goal, outcome → goal), not to the {parent_level} {parent!r}":
        "een {level} kan alleen bijdragen aan een hoger niveau (output → outcome of goal, outcome → goal), niet aan de {parent_level} {parent!r}",
    "{parent!r} is in theme {parent_theme}, this indicator in {theme}": "{parent!r} valt onder thema {parent_theme}, deze indicator onder {theme}",
    "programme {programme!r} is in theme {programme_theme}, this indicator in {theme}":
        "programma {programme!r} valt onder thema {programme_theme}, deze indicator onder {theme}",
    "{indicator} is '{direction}': higher is better needs a minimum and no maximum":
        "{indicator} is '{direction}': bij hoger is beter hoort een minimum en geen maximum",
    "{indicator} is '{direction}': lower is better needs a maximum and no minimum":
        "{indicator} is '{direction}': bij lager is beter hoort een maximum en geen minimum",
    "{indicator} is '{direction}': a target band needs both a minimum and a maximum, minimum not above maximum":
        "{indicator} is '{direction}': een bandbreedte heeft een minimum en een maximum nodig, het minimum niet boven het maximum",
    "{indicator} has no target in {file}": "{indicator} heeft geen streefwaarde in {file}",
    "{indicator} is measured {frequency}: write the period like {example}, not {period}":
        "{indicator} wordt {frequency} gemeten: schrijf de periode als {example}, niet {period}",
    "{indicator} has no target for {year} or earlier in {file}": "{indicator} heeft geen streefwaarde voor {year} of eerder in {file}",
    "fill in exactly one of indicator and programme": "vul precies één van indicator en programma in",
    "{number:g} is outside 0–100, and {indicator} is in {unit!r}": "{number:g} ligt buiten 0–100, en {indicator} is in {unit!r}",
    "{municipality} has no results layer yet; upload it first": "{municipality} heeft nog geen resultatenlaag; upload die eerst",
    "that row does not exist (any more)": "die rij bestaat niet (meer)",
    # the savings target
    "one savings target per import: a municipality has one target at a time": "één taakstelling per import: een gemeente heeft één taakstelling tegelijk",
    "the period ends ({end}) before it starts ({start})": "de periode eindigt ({end}) voordat hij begint ({start})",
    "a savings target is a positive amount of euros": "een taakstelling is een positief bedrag in euro's",
    "{year} is outside the target's period {start}–{end}": "{year} ligt buiten de periode van de taakstelling, {start}–{end}",
    "the split per theme and year in {file} adds up to {split}, not to the total {total}":
        "de verdeling per thema en jaar in {file} telt op tot {split}, niet tot het totaal {total}",
    "programme {programme!r} is in theme {programme_theme}, this measure in {theme}":
        "programma {programme!r} valt onder thema {programme_theme}, deze maatregel onder {theme}",
    # the CBS Iv3 files (command line)
    "{value!r} is not a document; use begroting or jaarrekening": "{value!r} is geen document; gebruik begroting of jaarrekening",
    "the file has a {other} column, so it needs this one too": "het bestand heeft een kolom {other}, dus deze is ook nodig",
    "this file has its own Jaar and Document columns: import it without --year and --document":
        "dit bestand heeft eigen kolommen Jaar en Document: importeer het zonder --year en --document",
    "this file has no Jaar and Document columns: give --year and --document": "dit bestand heeft geen kolommen Jaar en Document: geef --year en --document op",
    "{year} is not a plausible budget year": "{year} is geen aannemelijk begrotingsjaar",
    "the municipality name is empty": "de naam van de gemeente is leeg",
    "{value!r} does not start with an Iv3 taakveld code such as '6.71a'": "{value!r} begint niet met een Iv3-taakveldcode zoals '6.71a'",
    "every amount in the file is 0 or empty: there is nothing to import": "elk bedrag in het bestand is 0 of leeg: er is niets te importeren",
    # the gemeentefonds circulars and the classes of municipalities (command line)
    "{value!r} is not a number with a decimal comma and thousands point (e.g. 1.275,67)": "{value!r} is geen getal met een decimale komma en duizendtallenpunt (bijv. 1.275,67)",
    "{value!r} is not a number with a decimal point (e.g. 1.457)": "{value!r} is geen getal met een decimale punt (bijv. 1.457)",
    "the column appears twice with different values": "de kolom staat er twee keer in, met verschillende waarden",
    "not a folder: give the folder with the GF_*.csv files": "geen map: geef de map met de GF_*.csv-bestanden",
    "no GF_<circular>_<year>_Volumina.csv files in this folder": "geen GF_<circulaire>_<jaar>_Volumina.csv-bestanden in deze map",
    "the file is missing: a circular needs Volumina, Gewichten and SIUDU": "het bestand ontbreekt: een circulaire heeft Volumina, Gewichten en SIUDU nodig",
    "no payment factor for {circular} {year}": "geen uitkeringsfactor voor {circular} {year}",
    "{name!r} is in one file of circular {circular} {year} but not in this one": "{name!r} staat in een ander bestand van circulaire {circular} {year}, maar niet in dit",
    "{name!r} does not join to the Iv3 municipalities in the store (import its Iv3 figures first, or add the spelling to data/municipality_names.csv)":
        "{name!r} hoort bij geen van de Iv3-gemeenten in het dashboard (importeer eerst de Iv3-cijfers ervan, of voeg de schrijfwijze toe aan data/municipality_names.csv)",
    "{name!r} is the same municipality as line {first}": "{name!r} is dezelfde gemeente als op regel {first}",
    "{value!r} is not a class; use one of {allowed} (or leave it empty)": "{value!r} is geen klasse; gebruik een van {allowed} (of laat het leeg)",
    "not a regions or classes file: expected the header of CBS Gebieden in Nederland (gm_code;gemeentenaam;…), gemeenteklassen (Gemeenten, Provincie, Gemeentegrootte, Stedelijkheid) or the fund classes (Gemeenten, Centrumfunctie, Sociale structuur)":
        "geen bestand met regio's of klassen: verwacht de kopregel van CBS Gebieden in Nederland (gm_code;gemeentenaam;…), "
        "gemeenteklassen (Gemeenten, Provincie, Gemeentegrootte, Stedelijkheid) of de klassen van het fonds (Gemeenten, Centrumfunctie, Sociale structuur)",
    "a second file of {kind} (the first is {first}): give one": "een tweede bestand van {kind} (het eerste is {first}): geef er één",
}
