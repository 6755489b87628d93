"""Dutch texts of the page shell, the overview, meeting mode, routing errors and figure descriptions."""

NL = {
    # shell
    "Main navigation": "Hoofdnavigatie",
    "Breadcrumb": "Kruimelpad",
    "Figures: CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0. Amounts in euros; CBS publishes in EUR 1,000.":
        "Cijfers: CBS StatLine, Iv3 (Informatie voor derden), licentie CC BY 4.0. Bedragen in euro's; het CBS publiceert in duizenden euro's.",
    # documents and sources
    "Budget {year}": "Begroting {year}",
    "Annual accounts {year}": "Jaarrekening {year}",
    "CBS StatLine, Iv3 (Informatie voor derden), licence CC BY 4.0": "CBS StatLine, Iv3 (Informatie voor derden), licentie CC BY 4.0",
    "Definition": "Definitie",
    "All loaded years: budgets and annual accounts": "Alle geladen jaren: begroting en jaarrekening",
    "Imported": "Geïmporteerd",
    "About this figure": "Bron en toelichting",
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
    "Spending per theme as a share of all social-domain spending; Iv3 task fields are assigned to themes by the mapping in data/theme_mapping.csv. Per inhabitant: spending divided by CBS's inhabitant count for the year.":
        "Lasten per thema als aandeel van alle lasten in het sociaal domein; taakvelden zijn aan thema's toegewezen volgens data/theme_mapping.csv. Per inwoner: lasten gedeeld door het inwonertal van het CBS voor dat jaar.",
    "Spending per theme in {municipality}, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).":
        "Lasten per thema in {municipality}, {first}–{last}. Doorgetrokken lijnen: begroting; gestreepte lijnen met open punten: jaarrekening.",
    "Spending per theme for every loaded document. Budget and realised (annual accounts) are separate lines, never joined.":
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

NL.update(
    {
        "The language “{value}” is not available; this page is shown in Dutch.":
            "De taal “{value}” is niet beschikbaar; deze pagina staat in het Nederlands.",
        "The language “{value}” is not available; this page is shown in English.":
            "De taal “{value}” is niet beschikbaar; deze pagina staat in het Engels.",
    }
)

NL["There are no figures for the {document} {year}. Years with a {document}: {years}."] = (
    "Er zijn geen cijfers voor de {document} {year}. Jaren met een {document}: {years}."
)

NL.update(
    {
        "Loading the page…": "De pagina wordt geladen…",
        "This dashboard shows the figures of the social domain of {municipality} in charts and tables; they need JavaScript, which is switched off in this browser.":
            "Dit dashboard toont de cijfers van het sociaal domein van {municipality} in grafieken en tabellen; daarvoor is JavaScript nodig, en dat staat in deze browser uit.",
        "Every figure is also available as open data:": "Alle cijfers zijn ook te downloaden als open data:",
        "Spending per theme, newest budget (CSV)": "Lasten per thema, nieuwste begroting (CSV)",
        "Spending per theme, every year (CSV)": "Lasten per thema, alle jaren (CSV)",
        "All open-data downloads": "Alle open-data-downloads",
    }
)

NL.update(
    {
        "Meeting mode": "Presentatie",
        "{change} since {kind} {year}": "{change} t.o.v. {kind} {year}",
        "Off track:": "Uit koers:",
        "and {count} more (see the indicator overview)": "en nog {count} (zie het indicatorenoverzicht)",
        "No indicator is off track.": "Geen enkele indicator is uit koers.",
    }
)

NL["There is no {document} {year}; the year is now {nearest}. Press “Show” to see it."] = (
    "Er is geen {document} {year}; het jaar is nu {nearest}. Kies “Toon” om die te zien."
)

NL.update(
    {
        "of municipal spending": "van de totale gemeentelijke lasten",
        "Share of municipal spending": "Aandeel totale lasten",
        "Realised against budget {year}": "Realisatie t.o.v. begroting {year}",
    }
)
NL["of the municipal budget"] = "van de gemeentebegroting"
NL["Share of municipal budget"] = "Aandeel gemeentebegroting"

NL["Printed on {date}"] = "Afgedrukt op {date}"
