"""Dutch texts of the drill-down pages (theme → programme → provider)."""

NL: dict[str, str] = {
    # Vocabulary from the data (layers, instruments, kinds of provider)
    "social base": "sociale basis",
    "maatwerk": "maatwerk",
    "escalated care": "geëscaleerde zorg",
    "not allocated to a programme": "niet toegerekend aan een programma",
    "Not allocated to a programme": "Niet toegerekend aan een programma",
    "Not allocated": "Niet toegerekend",
    "subsidy": "subsidie",
    "procurement": "inkoop",
    "lump sum": "lumpsum",
    "pgb": "pgb",
    "benefit": "uitkering",
    "welfare organisation": "welzijnsorganisatie",
    "care provider": "zorgaanbieder",
    "social enterprise": "sociale onderneming",
    "municipality": "gemeente",
    # Page titles and headings
    "{theme}: programmes and providers": "{theme}: programma's en aanbieders",
    "{theme}: programmes and providers – {document} {year}": "{theme}: programma's en aanbieders – {document} {year}",
    "{programme} – {document} {year}": "{programme} – {document} {year}",
    "{provider} – {document} {year}": "{provider} – {document} {year}",
    "Programmes": "Programma's",
    "Providers": "Aanbieders",
    "Programmes ranked by amount": "Programma's naar bedrag",
    "Programmes: budget and realised {year}": "Programma's: begroting en realisatie {year}",
    "Providers ranked by amount": "Aanbieders naar bedrag",
    "Providers: budget and realised {year}": "Aanbieders: begroting en realisatie {year}",
    "From theme to programme to provider": "Van thema naar programma naar aanbieder",
    "Social base, tailored support and escalated care over the years ({document})": "Sociale basis, maatwerk en geëscaleerde zorg door de jaren heen ({document})",
    "Funding instruments": "Financierings\u00advormen",  # a soft hyphen: the column fits at 1280 px
    "Funding instrument": "Financierings\u00advorm",
    "Programmes over the years": "Programma's door de jaren heen",
    "The programme over the years": "Het programma door de jaren heen",
    "How this adds up to the CBS figures": "Zo telt het op tot de CBS-cijfers",
    "Where the money is booked (Iv3 task fields)": "Waar het geld geboekt is (Iv3-taakvelden)",
    "Amount per programme": "Bedrag per programma",
    "Paid per year": "Betaald per jaar",
    # Key figures and table headers
    "Theme total (CBS)": "Totaal thema (CBS)",
    "Share of the social domain": "Aandeel in het sociaal domein",
    "Allocated to programmes": "Toegerekend aan programma's",
    "Budget {year}": "Begroting {year}",
    "Realised {year}": "Realisatie {year}",
    "Variance (realised − budget)": "Verschil (realisatie − begroting)",
    "Variance": "Verschil",
    "not yet available": "nog niet beschikbaar",
    "not published yet": "nog niet gepubliceerd",
    "The programme figures of this document are not published yet.": "De programmacijfers van dit document zijn nog niet gepubliceerd.",
    "Other lines (grey)": "Overige lijnen (grijs)",
    "Below the dark zero line: corrections": "Onder de donkere nullijn: correcties",
    "In colour: {name}; the other lines are grey, named when you point at them and in the table.":
        "In kleur: {name}; de andere lijnen zijn grijs, met hun naam bij aanwijzen en in de tabel.",
    "The newest published programme figures:": "De nieuwste gepubliceerde programmacijfers:",
    "over budget": "meer dan begroot",
    "under budget": "minder dan begroot",
    "on budget": "volgens begroting",
    "Layer": "Laag",
    "Share of theme": "Aandeel in thema",
    "Share of {theme}": "Aandeel in {theme}",
    "Share of programme": "Aandeel in programma",
    "Share of the task field": "Aandeel in het taakveld",
    "Share": "Aandeel",
    "Clients": "Cliënten",
    "Cost per client": "Kosten per cliënt",
    "Kind": "Soort",
    "Iv3 task fields": "Iv3-taakvelden",
    "Chamber of Commerce (KvK)": "KvK-nummer",
    "Paid in total": "Totaal betaald",
    "Themes": "Thema's",
    "Total": "Totaal",
    "Total = CBS theme figure": "Totaal = CBS-cijfer van het thema",
    "Task field (Iv3)": "Taakveld (Iv3)",
    "CBS spending": "Lasten volgens CBS",
    "CBS spending on the task field": "Lasten van het taakveld volgens CBS",
    "This programme": "Dit programma",
    "Programme total": "Totaal programma",
    "Programmes of {theme}": "Programma's van {theme}",
    "Providers of this programme": "Aanbieders van dit programma",
    "Show the figures per task field": "Toon de cijfers per taakveld",
    # Captions and summary sentences
    "Programmes ranked by amount in the {document} {year}. Budget and realised compare the budget and the annual accounts of {year}.":
        "Programma's naar bedrag in de {document} {year}. Begroting en realisatie vergelijken de begroting en jaarrekening van {year}.",
    "Providers ranked by amount in the {document} {year}.": "Aanbieders naar bedrag in de {document} {year}.",
    "What the municipality pays this provider for in the {document} {year}, per programme.":
        "Waarvoor de gemeente deze aanbieder betaalt in de {document} {year}, per programma.",
    "{name} is the largest programme with {amount} ({share} of the theme).": "{name} is het grootste programma met {amount} ({share} van het thema).",
    "Solid bars: budget; hatched bars: realised.": "Volle balken: begroting; gearceerde balken: realisatie.",
    "Each tile is a provider within a programme; its size is the amount. {count} providers carry out the programmes of {theme}.":
        "Elk vlak is een aanbieder binnen een programma; de grootte is het bedrag. {count} aanbieders voeren de programma's van {theme} uit.",
    "Negative corrections ({amount}) cannot be drawn as tiles; they are in the table.":
        "Negatieve correcties ({amount}) kunnen geen vlak zijn; ze staan in de tabel.",
    "The move to the front: how {theme} is split over the layers. {document} {last}: {last_parts}. {document} {first}: {first_parts}.":
        "De beweging naar voren: zo is {theme} verdeeld over de lagen. {document} {last}: {last_parts}. {document} {first}: {first_parts}.",
    "Most of the money goes through {instrument} ({share}).": "Het meeste geld gaat via {instrument} ({share}).",
    "Amount per programme in {municipality}, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).":
        "Bedrag per programma in {municipality}, {first}–{last}. Doorgetrokken lijnen: begroting; gestreepte lijnen met open punten: jaarrekening.",
    "The programme total and its largest providers, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).":
        "Het programmatotaal en de grootste aanbieders, {first}–{last}. Doorgetrokken lijnen: begroting; gestreepte lijnen met open punten: jaarrekening.",
    "What {municipality} pays {name} per theme, {first}–{last}. Solid lines: budget; dashed lines with open markers: realised (annual accounts).":
        "Wat {municipality} {name} per thema betaalt, {first}–{last}. Doorgetrokken lijnen: begroting; gestreepte lijnen met open punten: jaarrekening.",
    "The programmes account for {allocated} of the CBS total of {total}; {rest} is not allocated to a programme.":
        "De programma's verklaren {allocated} van het CBS-totaal van {total}; {rest} is niet aan een programma toegerekend.",
    "{name} receives the most: {amount} ({share} of the programme).": "{name} ontvangt het meest: {amount} ({share} van het programma).",
    "{name} is paid for {count} programmes; the largest is {programme} with {amount}.":
        "{name} wordt betaald voor {count} programma's; het grootste is {programme} met {amount}.",
    "A negative amount is a correction: CBS reports a negative figure for a task field, booked on the municipality itself.":
        "Een negatief bedrag is een correctie: CBS meldt een negatief bedrag op een taakveld, geboekt op de gemeente zelf.",
    "A task field can be shared by several programmes; the theme page shows how all of them add up to CBS.":
        "Een taakveld kan door meer programma's gedeeld worden; de themapagina laat zien hoe ze samen optellen tot CBS.",
    # Notices and empty states
    "Illustrative": "Illustratief",
    "Draft": "Concept",
    "The programmes, providers and amounts below the theme total are generated for this demo. They add up exactly to the CBS figures, which are real.":
        "De programma's, aanbieders en bedragen onder het themacijfer zijn voor deze demo gegenereerd. Ze tellen precies op tot de CBS-cijfers, en die zijn echt.",
    "These programme figures are a draft and not yet published.": "Deze programmacijfers zijn een concept en nog niet gepubliceerd.",
    "No programme figures have been imported for this document; the whole CBS amount is shown as not allocated to a programme.":
        "Voor dit document zijn geen programmacijfers ingelezen; het hele CBS-bedrag staat als niet toegerekend aan een programma.",
    "No programme figures for this document.": "Geen programmacijfers voor dit document.",
    "No programme figures for this programme.": "Geen cijfers voor dit programma.",
    "No programme figures for this provider.": "Geen cijfers voor deze aanbieder.",
    "No programme figures for this theme.": "Geen programmacijfers voor dit thema.",
    "This provider receives nothing in this document.": "Deze aanbieder ontvangt niets in dit document.",
    "There is no programme “{value}” to come from.": "Er is geen programma “{value}” om vandaan te komen.",
    "This page does not know the parameter “{name}”.": "Deze pagina kent de parameter “{name}” niet.",
    "Theme totals: CBS StatLine, Iv3 {document} {year} of {municipality} (CC BY 4.0). Amounts in euros.":
        "Themacijfers: CBS StatLine, Iv3 {document} {year} van {municipality} (CC BY 4.0). Bedragen in euro's.",
    "Programmes, providers and their amounts: illustrative, generated for the demo and reconciled to the CBS figures.":
        "Programma's, aanbieders en hun bedragen: illustratief, gegenereerd voor de demo en sluitend gemaakt op de CBS-cijfers.",
    "Programmes, providers and their amounts: the municipality's own figures.":
        "Programma's, aanbieders en hun bedragen: eigen cijfers van de gemeente.",
    "Programme": "Programma",
    "Provider": "Aanbieder",
}

#: Dutch words that come from the data (document kinds, layers), in English.
EN: dict[str, str] = {
    "begroting": "budget",
    "jaarrekening": "annual accounts",
    "maatwerk": "tailored support",
}
