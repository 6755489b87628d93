"""Dutch texts of the public transparency mode: drafts ("concept"), small-number suppression, "about this figure"."""

NL = {
    "These indicator figures are a draft: not yet published on the public site.":
        "Deze indicatorcijfers zijn een concept: nog niet gepubliceerd op de publieke site.",
    "These programme figures are a draft: not yet published on the public site.":
        "Deze programmacijfers zijn een concept: nog niet gepubliceerd op de publieke site.",
    "The indicator statuses on the cards are a draft: not yet published on the public site.":
        "De indicatorstatussen op de kaarten zijn een concept: nog niet gepubliceerd op de publieke site.",
    "< {threshold}": "< {threshold}",
    "not published": "niet gepubliceerd",
    "To protect privacy, client counts below {threshold} are shown as “< {threshold}”, and the cost per client is not shown (–) where its count is not published, because the amount divided by it would give the count back.":
        "Om de privacy te beschermen staan aantallen cliënten onder {threshold} als “< {threshold}”, en ontbreken de kosten per cliënt (–) waar het aantal niet gepubliceerd is, omdat het bedrag gedeeld door die kosten het aantal zou verraden.",
    "A total is “not published” where it would reveal a suppressed count by subtraction.":
        "Een totaal is “niet gepubliceerd” waar het door aftrekken een afgeschermd aantal zou verraden.",
    "There are no published programme figures for this document; the whole CBS amount is shown as not allocated to a programme.":
        "Voor dit document zijn geen gepubliceerde programmacijfers; het hele CBS-bedrag staat als niet toegerekend aan een programma.",
    "Yes: generated demo figures, not the municipality's own.": "Ja: gegenereerde democijfers, niet die van de gemeente zelf.",
    "Yes: generated demo figures, not measurements.": "Ja: gegenereerde democijfers, geen metingen.",
    "Indicators of {theme}": "Indicatoren van {theme}",
    "Each indicator's definition is on its own page; the status follows the documented traffic-light rule.":
        "De definitie van elke indicator staat op zijn eigen pagina; de status volgt de beschreven stoplichtregel.",
    "Results layer (indicators, targets, values and stories)": "Resultatenlaag (indicatoren, doelen, waarden en verhalen)",
    "The programme's total amount and that of its {count} largest providers (summed over all loaded documents) for every document with programme figures.":
        "Het totaalbedrag van het programma en dat van zijn {count} grootste aanbieders (opgeteld over alle ingelezen documenten), voor elk document met programmacijfers.",
    "Per Iv3 task field: the programme's allocations beside the CBS spending on the whole task field.":
        "Per Iv3-taakveld: de toewijzingen van het programma naast de CBS-lasten van het hele taakveld.",
    "What each provider receives within the programme, summed over task fields; clients as counted by the provider; cost per client = amount / clients; budget and realised compare the budget and the annual accounts of the year.":
        "Wat elke aanbieder binnen het programma ontvangt, opgeteld over de taakvelden; cliënten zoals de aanbieder ze telt; kosten per cliënt = bedrag / cliënten; begroting en realisatie vergelijken de begroting en jaarrekening van het jaar.",
    "What the municipality pays this provider per theme, for every loaded document with programme figures.":
        "Wat de gemeente deze aanbieder per thema betaalt, voor elk ingelezen document met programmacijfers.",
    "What the municipality pays this provider per programme, summed over task fields and funding instruments; share = of the programme's amount; cost per client = amount / clients.":
        "Wat de gemeente deze aanbieder per programma betaalt, opgeteld over taakvelden en financieringsvormen; aandeel = van het programmabedrag; kosten per cliënt = bedrag / cliënten.",
    "The amount each programme of the theme receives in this document, summed over its providers, task fields and funding instruments.":
        "Het bedrag dat elk programma van het thema in dit document ontvangt, opgeteld over aanbieders, taakvelden en financieringsvormen.",
    "The amount of each provider within each programme of the theme; the share is of the CBS theme figure.":
        "Het bedrag van elke aanbieder binnen elk programma van het thema; het aandeel is van het CBS-themacijfer.",
    "Per year: the theme's amount in programmes of each layer (social base, tailored support, escalated care) and what is not allocated, as a share of the CBS theme figure.":
        "Per jaar: het bedrag van het thema in programma's van elke laag (sociale basis, maatwerk, escalatiezorg) en wat niet is toegerekend, als aandeel van het CBS-themacijfer.",
    "The theme's allocated amount per funding instrument (subsidy, procurement, lump sum, pgb, benefit); the part not allocated to a programme has no instrument.":
        "Het toegerekende bedrag van het thema per financieringsvorm (subsidie, inkoop, lumpsum, pgb, uitkering); het deel dat niet aan een programma is toegerekend heeft geen financieringsvorm.",
    "The amount per programme of the theme for every loaded document with programme figures.":
        "Het bedrag per programma van het thema voor elk ingelezen document met programmacijfers.",
    "Per Iv3 task field of the theme: CBS spending, the sum of the programme allocations, and the remainder not allocated to a programme.":
        "Per Iv3-taakveld van het thema: CBS-lasten, de som van de programmatoewijzingen en de rest die niet aan een programma is toegerekend.",
    "Programmes of the theme ranked by amount, with the remainder of the CBS theme figure that is not allocated to a programme; budget and realised compare the budget and the annual accounts of the year.":
        "Programma's van het thema op volgorde van bedrag, met de rest van het CBS-themacijfer die niet aan een programma is toegerekend; begroting en realisatie vergelijken de begroting en jaarrekening van het jaar.",
}
