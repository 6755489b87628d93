"""Dutch texts of the results layer: traffic lights, results chain, indicator pages (issue 4)."""

NL: dict[str, str] = {
    # statuses, trends, levels, directions, frequencies
    "on track": "op koers",
    "at risk": "risico",
    "off track": "uit koers",
    "no data": "geen gegevens",
    "better": "beter",
    "worse": "slechter",
    "unchanged": "gelijk",
    "unknown": "onbekend",
    "Goal": "Doel",
    "Outcome": "Effect",
    "Output": "Prestatie",
    "Goal: the effect in society the theme aims for": "Doel: het maatschappelijk effect waar het thema naar streeft",
    "Outcome: the change for the people a programme reaches": "Effect: de verandering voor de mensen die een programma bereikt",
    "Output: what a programme or provider delivers": "Prestatie: wat een programma of aanbieder levert",
    "Higher is better": "Hoger is beter",
    "Lower is better": "Lager is beter",
    "Best within the target band": "Het best binnen de bandbreedte",
    "yearly": "jaarlijks",
    "quarterly": "per kwartaal",
    "Q{quarter} {year}": "K{quarter} {year}",
    "{count} {status}": "{count} {status}",
    "No indicators yet.": "Nog geen indicatoren.",
    # targets and reasons
    "no target": "geen streefwaarde",
    "at least {value}": "minimaal {value}",
    "at most {value}": "maximaal {value}",
    "between {low} and {high}": "tussen {low} en {high}",
    "any miss is off track": "elke afwijking is uit koers",
    "at risk down to {value}": "risico tot en met {value}",
    "at risk up to {value}": "risico tot en met {value}",
    "at risk from {low} to {high}": "risico van {low} tot {high}",
    "target {target}": "streefwaarde {target}",
    "better than {period} ({value})": "beter dan {period} ({value})",
    "worse than {period} ({value})": "slechter dan {period} ({value})",
    "unchanged since {period} ({value})": "gelijk aan {period} ({value})",
    "trend unknown: no recent value": "ontwikkeling onbekend: geen recente waarde",
    "trend unknown: no value for {period}": "ontwikkeling onbekend: geen waarde voor {period}",
    "No value has been measured yet.": "Er is nog geen waarde gemeten.",
    "No value yet.": "Nog geen waarde.",
    "{period}: {value}; there is no target for this year.": "{period}: {value}; er is geen streefwaarde voor dit jaar.",
    "The last value ({period}: {value}) is older than a {frequency} indicator allows: the figure for {next} is overdue.":
        "De laatste waarde ({period}: {value}) is ouder dan een indicator die {frequency} wordt gemeten toestaat: het cijfer over {next} is te laat.",
    "{period}: {value}. Target {target}: met.": "{period}: {value}. Streefwaarde {target}: gehaald.",
    "{period}: {value}. Target {target}: missed by {missed}, within the tolerance of {tolerance}.":
        "{period}: {value}. Streefwaarde {target}: {missed} ernaast, binnen de marge van {tolerance}.",
    "{period}: {value}. Target {target}: missed by {missed}, more than the tolerance of {tolerance}.":
        "{period}: {value}. Streefwaarde {target}: {missed} ernaast, meer dan de marge van {tolerance}.",
    # results chain
    "Results: does it work?": "Resultaten: werkt het?",
    "Goals are the effect in society the theme aims for; outcomes the change for the people a programme reaches; outputs what programmes and providers deliver.":
        "Doelen zijn het maatschappelijk effect waar het thema naar streeft; effecten de verandering voor de mensen die een programma bereikt; prestaties wat programma's en aanbieders leveren.",
    "Status on {date}, by the documented rule.": "Stand op {date}, volgens de vastgelegde regel.",
    "How the traffic light works": "Hoe het stoplicht werkt",
    "Illustrative": "Illustratief",
    "These indicators are demo figures, not measurements.": "Deze indicatoren zijn voorbeeldcijfers, geen metingen.",
    "Demo figures, not measurements.": "Voorbeeldcijfers, geen metingen.",
    "No indicators have been imported for this theme yet.": "Voor dit thema zijn nog geen indicatoren ingelezen.",
    "Indicators of this theme by status": "Indicatoren van dit thema per stand",
    "Needs attention:": "Vraagt aandacht:",
    "No indicator under this goal is off track or without data.": "Geen indicator onder dit doel is uit koers of zonder gegevens.",
    "Programmes behind this goal ({document}):": "Programma's achter dit doel ({document}):",
    "No programme is linked to this goal yet.": "Er is nog geen programma aan dit doel gekoppeld.",
    "Not linked to a goal": "Niet aan een doel gekoppeld",
    "Programme": "Programma",
    "Provider": "Aanbieder",
    # indicator page
    "{indicator} – indicator": "{indicator} – indicator",
    "Draft": "Concept",
    "Status on {date}": "Stand op {date}",
    "Values and targets": "Waarden en streefwaarden",
    "Measured value": "Gemeten waarde",
    "Target": "Streefwaarde",
    "Target met": "Streefwaarde gehaald",
    "At risk (within the tolerance)": "Risico (binnen de marge)",
    "Story (number as in the list)": "Verhaal (nummer als in de lijst)",
    "{name} from {first} ({first_value}) to {last} ({last_value}), against the target band of each year; the chart marks each period on track, at risk or off track.":
        "{name} van {first} ({first_value}) tot {last} ({last_value}), tegen de streefwaarde van elk jaar; de grafiek toont per periode op koers, risico of uit koers.",
    "A numbered marker shows when the story beside the chart was told.": "Een genummerde markering toont wanneer het verhaal naast de grafiek is verteld.",
    "Numbered markers show when the {count} stories beside the chart were told.": "Genummerde markeringen tonen wanneer de {count} verhalen naast de grafiek zijn verteld.",
    "Period": "Periode",
    "Value": "Waarde",
    "Status": "Stand",
    "Note": "Toelichting",
    "The story behind the numbers": "Het verhaal achter de cijfers",
    "No stories have been told about this indicator yet.": "Over deze indicator zijn nog geen verhalen verteld.",
    "Municipality": "Gemeente",
    "Resident": "Inwoner",
    "About the programme": "Over het programma",
    "About this indicator": "Over deze indicator",
    "Unit": "Eenheid",
    "Direction": "Richting",
    "{year}: {target}; {risk}": "{year}: {target}; {risk}",
    "Measured by": "Gemeten door",
    "How often": "Hoe vaak",
    "{frequency}; a value counts as too old once the next one is more than {months} months overdue":
        "{frequency}; een waarde is te oud zodra de volgende meer dan {months} maanden te laat is",
    "Contributes to": "Draagt bij aan",
    "Served by": "Gevoed door",
    # index and the rule
    "Indicators": "Indicatoren",
    "Indicator": "Indicator",
    "Level": "Niveau",
    "Last value": "Laatste waarde",
    "Trend": "Ontwikkeling",
    "Every status on this dashboard follows from one rule. Each indicator has a target per year (a minimum, a maximum or a band) and a tolerance in its own unit.":
        "Elke stand op dit dashboard volgt uit één regel. Elke indicator heeft per jaar een streefwaarde (een minimum, een maximum of een bandbreedte) en een marge in zijn eigen eenheid.",
    "the last value meets the target of its year (exactly on target counts as met).":
        "de laatste waarde haalt de streefwaarde van dat jaar (precies op de streefwaarde telt als gehaald).",
    "the target is missed by no more than the tolerance (exactly on the tolerance is still at risk).":
        "de streefwaarde wordt gemist met niet meer dan de marge (precies op de marge is nog risico).",
    "the target is missed by more than the tolerance.": "de streefwaarde wordt gemist met meer dan de marge.",
    "there is no value, or the last value is too old: the next value is overdue by more than {yearly} months (yearly figures) or {quarterly} months (quarterly figures).":
        "er is geen waarde, of de laatste waarde is te oud: de volgende waarde is meer dan {yearly} maanden (jaarcijfers) of {quarterly} maanden (kwartaalcijfers) te laat.",
    "The direction decides what 'met' means: for 'higher is better' the value must be at least the target, for 'lower is better' at most the target, for a band between its two ends.":
        "De richting bepaalt wat 'gehaald' betekent: bij 'hoger is beter' moet de waarde minstens de streefwaarde zijn, bij 'lager is beter' hoogstens de streefwaarde, bij een bandbreedte ertussen.",
    "The arrow compares the last value with the period before it. The arrow shows whether the value went up or down; the word says whether that is better or worse for this indicator. In a band, moving closer to the band is better.":
        "De pijl vergelijkt de laatste waarde met de periode ervoor. De pijl toont of de waarde steeg of daalde; het woord zegt of dat voor deze indicator beter of slechter is. Bij een bandbreedte is dichter bij de band beter.",
    # overview cards and API-independent labels
    "Results": "Resultaten",
    "Indicator status on {date}": "Stand van de indicatoren op {date}",
}

NL.update(
    {
        "outdated": "verouderd",
        "the last value is too old to say how things stand: the next value is overdue by more than {yearly} months (yearly figures) or {quarterly} months (quarterly figures).":
            "de laatste waarde is te oud om te zeggen hoe het ervoor staat: de volgende waarde is meer dan {yearly} maanden (jaarcijfers) of {quarterly} maanden (kwartaalcijfers) te laat.",
        "there is no value yet, or no target to judge it against.": "er is nog geen waarde, of geen streefwaarde om die aan te toetsen.",
    }
)
