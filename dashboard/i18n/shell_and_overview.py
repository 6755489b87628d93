"""Dutch texts of the page shell, the overview, meeting mode, routing errors and figure descriptions."""

NL = {
    # shell
    "Main navigation": "Hoofdnavigatie",
    "Breadcrumb": "Kruimelpad",
    "Figures: CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0. Amounts in euros; CBS publishes in EUR 1,000.":
        "Cijfers: CBS StatLine, Iv3 (Informatie voor derden), licentie CC BY 4.0. Bedragen in euro's; het CBS publiceert in duizenden euro's.",
    # documents and sources
    "Budget {year} (begroting)": "Begroting {year}",
    "Realised {year} (jaarrekening)": "Jaarrekening {year} (realisatie)",
    "CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0": "CBS StatLine, Iv3 (Informatie voor derden), licentie CC BY 4.0",
    "Definition": "Definitie",
    "All loaded years: begroting and jaarrekening": "Alle geladen jaren: begroting en jaarrekening",
    "Imported": "Geïmporteerd",
    "About this figure": "Over dit cijfer",
    "Source: CBS StatLine, Iv3 {document} {year} of {municipality} (CC BY 4.0), imported {imported}. Amounts in euros; CBS publishes in EUR 1,000.":
        "Bron: CBS StatLine, Iv3 {document} {year} van {municipality} (CC BY 4.0), geïmporteerd {imported}. Bedragen in euro's; het CBS publiceert in duizenden euro's.",
    # not found and routing
    "There is no page at this address.": "Op dit adres staat geen pagina.",
    "Something went wrong while building this page. The problem has been logged.":
        "Er ging iets mis bij het opbouwen van deze pagina. Het probleem is vastgelegd.",
    "We have no figures for this: {detail}.": "Hiervoor hebben we geen cijfers: {detail}.",
    "The year “{value}” is not a year.": "Het jaar “{value}” is geen jaartal.",
    "“{value}” is not a document: choose begroting or jaarrekening.": "“{value}” is geen document: kies begroting of jaarrekening.",
    # overview
    "Social domain {municipality} – {document} {year}": "Sociaal domein {municipality} – {document} {year}",
    "Total municipal spending": "Totale gemeentelijke lasten",
    "Open theme": "Open thema",
    "Choose year and document": "Kies jaar en document",
    "The four themes": "De vier thema's",
    "{largest} is the largest theme with {share} of the social domain; {rest}.":
        "{largest} is het grootste thema met {share} van het sociaal domein; {rest}.",
    "Lasten (spending) per theme as a share of all social-domain lasten; taakvelden are assigned to themes by the mapping in data/theme_mapping.csv. Per inhabitant: lasten divided by CBS's inhabitant count for the year.":
        "Lasten per thema als aandeel van alle lasten in het sociaal domein; taakvelden zijn aan thema's toegewezen volgens data/theme_mapping.csv. Per inwoner: lasten gedeeld door het inwonertal van het CBS voor dat jaar.",
    "Spending per theme in {municipality}, {first}–{last}. Solid lines: budget (begroting); dashed lines with open markers: realised (jaarrekening).":
        "Lasten per thema in {municipality}, {first}–{last}. Doorgetrokken lijnen: begroting; gestreepte lijnen met open punten: jaarrekening (realisatie).",
    "Lasten (spending) per theme for every loaded document. Budget (begroting) and realised (jaarrekening) are separate lines, never joined.":
        "Lasten per thema voor elk geladen document. Begroting en jaarrekening zijn aparte lijnen, nooit aan elkaar getrokken.",
    # meeting mode
    "Presentation": "Presentatie",
    "Slides": "Dia's",
    "First": "Eerste",
    "Previous": "Vorige",
    "Next": "Volgende",
    "Last": "Laatste",
    "Slide {n} of {total}": "Dia {n} van {total}",
    "Full screen": "Volledig scherm",
    "Leave presentation": "Presentatie verlaten",
    "Keys: → or space for next, ← for previous, Home and End for first and last.":
        "Toetsen: → of spatie voor volgende, ← voor vorige, Home en End voor eerste en laatste.",
    "There is no slide “{value}”: choose 1 to {total}.": "Er is geen dia “{value}”: kies 1 tot en met {total}.",
    "Social domain {municipality}": "Sociaal domein {municipality}",
    "{share} of the social domain": "{share} van het sociaal domein",
    "{amount} for the social domain: {share} of all municipal spending, {per} per inhabitant.":
        "{amount} voor het sociaal domein: {share} van alle gemeentelijke lasten, {per} per inwoner.",
    "Change since {kind} {year}": "Verandering sinds {kind} {year}",
    "Spending on {theme} in {municipality}, {first}–{last}: budget (solid line) and realised (dashed line).":
        "Lasten voor {theme} in {municipality}, {first}–{last}: begroting (doorgetrokken lijn) en realisatie (gestreepte lijn).",
    "Figures as of: {document}, imported {imported}. Source: CBS StatLine, Iv3 (CC BY 4.0).":
        "Stand van de cijfers: {document}, geïmporteerd {imported}. Bron: CBS StatLine, Iv3 (CC BY 4.0).",
}

NL.update(
    {
        "Concept": "Concept",
        "These figures are a draft: not yet published on the public site.": "Deze cijfers zijn een concept: nog niet gepubliceerd op de publieke site.",
    }
)

NL["We have no figures for this municipality, year, document or name."] = (
    "Voor deze gemeente, dit jaar, dit document of deze naam hebben we geen cijfers."
)
