"""Dutch texts of the comparison page and the municipality chooser."""

NL = {
    "Compare": "Vergelijk",
    "Municipality": "Gemeente",
    "Choose a municipality": "Kies een gemeente",
    "Compare {municipality}": "Vergelijk {municipality}",
    "Compare {municipality} – {document} {year}": "Vergelijk {municipality} – {document} {year}",
    "Is that a lot? {municipality}'s spending per theme beside similar municipalities, the national figure and what the municipal fund pays.":
        "Is dat veel? De lasten van {municipality} per thema naast vergelijkbare gemeenten, het landelijke cijfer en wat het gemeentefonds uitkeert.",
    "Compare with": "Vergelijk met",
    "Peer group": "Vergelijkingsgroep",
    "Statistical neighbours": "Statistische buren",
    "Same size class": "Zelfde grootteklasse",
    "Same urbanity": "Zelfde stedelijkheid",
    "Same province": "Zelfde provincie",
    "Same youth-care region": "Zelfde jeugdzorgregio",
    "Same labour-market region": "Zelfde arbeidsmarktregio",
    "All municipalities": "Alle gemeenten",
    "“{value}” is not a peer group.": "“{value}” is geen vergelijkingsgroep.",
    "Spending per inhabitant": "Lasten per inwoner",
    "Spending per unit of the target group": "Lasten per eenheid van de doelgroep",
    "Spending": "Lasten",
    "Unit": "Eenheid",
    "Peers' median": "Mediaan vergelijkingsgroep",
    "Peers' middle half": "Middelste helft vergelijkingsgroep",
    "Rank (1 = highest)": "Positie (1 = hoogste)",
    "{rank} of {count}": "{rank} van {count}",
    "gemeentefonds measure": "maatstaf gemeentefonds",
    "{municipality} against {count} peers: {theme} {value} against a median of {median} ({rank}). The band is the middle half of the peers; the diamond is Nederland.":
        "{municipality} tegenover {count} vergelijkbare gemeenten: {theme} {value} tegenover een mediaan van {median} ({rank}). De balk is de middelste helft van de groep; de ruit is Nederland.",
    "What the fund pays beside what is spent": "Wat het gemeentefonds uitkeert naast wat wordt uitgegeven",
    "The fund is not earmarked: a municipality decides itself what it spends. This comparison is an indication, not a rule. A negative difference means the municipality spends more on the theme than the cluster brings in.":
        "Het gemeentefonds is niet geoormerkt: een gemeente bepaalt zelf wat zij uitgeeft. Deze vergelijking is een indicatie, geen norm. Een negatief verschil betekent dat de gemeente meer aan het thema uitgeeft dan het cluster oplevert.",
    "Fund cluster": "Cluster gemeentefonds",
    "Fund pays": "Uitkering",
    "Difference": "Verschil",
    "Difference per inhabitant": "Verschil per inwoner",
    "Peers' median per inhabitant": "Mediaan groep per inwoner",
    "Circular used: {circular} (volumes × weights × payment factor, plus the integration and decentralisation payments of the cluster).":
        "Gebruikte circulaire: {circular} (volumes × gewichten × uitkeringsfactor, plus de integratie- en decentralisatie-uitkeringen van het cluster).",
    "No gemeentefonds circular covers {year}: the fund comparison is available for 2024 and 2025.":
        "Geen circulaire van het gemeentefonds dekt {year}: de vergelijking met het fonds is er voor 2024 en 2025.",
    "The peers": "De vergelijkingsgroep",
    "Show the peers": "Toon de vergelijkingsgroep",
    "The {count} municipalities most alike in population and area (not in spending): seven structural variables standardised as z-scores, Euclidean distance. Smaller distance = more alike.":
        "De {count} gemeenten die het meest lijken qua bevolking en gebied (niet qua uitgaven): zeven structuurkenmerken als z-scores, euclidische afstand. Kleinere afstand = meer gelijk.",
    "{count} municipalities in this group besides {municipality}.": "{count} gemeenten in deze groep naast {municipality}.",
    "Distance": "Afstand",
    "Alike in": "Gelijk in",
    "Differs most in": "Verschilt het meest in",
    "Sources: CBS StatLine, Iv3 (CC BY 4.0); CBS Gebieden in Nederland 2022 (CC BY 4.0); BZK, gemeentefonds circulars. The comparison uses the rolled-up Iv3 task fields of CBS's ten-year file for every municipality.":
        "Bronnen: CBS StatLine, Iv3 (CC BY 4.0); CBS Gebieden in Nederland 2022 (CC BY 4.0); BZK, circulaires gemeentefonds. De vergelijking gebruikt voor elke gemeente de samengevoegde taakvelden van het tienjarenbestand van CBS.",
    "{municipality} spent {first} per inhabitant on {subject} in {first_year} and {last} in {last_year}; the peers' median went from {first_median} to {last_median}.":
        "{municipality} gaf in {first_year} {first} per inwoner uit aan {subject} en in {last_year} {last}; de mediaan van de vergelijkingsgroep ging van {first_median} naar {last_median}.",
    "the social domain": "het sociaal domein",
    "Line for": "Lijn voor",
    "“{value}” is not a theme.": "“{value}” is geen thema.",
    "No figures for {municipality} in these years.": "Geen cijfers voor {municipality} in deze jaren.",
    "{municipality} was formed by a merger: its line starts in {year}, its first year with figures.":
        "{municipality} is ontstaan door een herindeling: de lijn begint in {year}, het eerste jaar met cijfers.",
    "{subject} per inhabitant over the years: {document}": "{subject} per inwoner door de jaren: {document}",
    "Per task field": "Per taakveld",
    "Each theme's task fields against the same peers: per inhabitant and per unit of the task field's own target group (rank 1 = highest).":
        "De taakvelden van elk thema naast dezelfde vergelijkingsgroep: per inwoner en per eenheid van de eigen doelgroep van het taakveld (rang 1 = hoogste).",
    "{theme}: {count} task fields": "{theme}: {count} taakvelden",
    "No task field figures for this theme.": "Geen cijfers per taakveld voor dit thema.",
    "Task field": "Taakveld",
    "Rank": "Rang",
    "Per unit": "Per eenheid",
}
