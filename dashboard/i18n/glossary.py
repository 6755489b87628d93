"""Dutch texts of the glossary page (the terms themselves are in data/glossary.csv)."""

NL = {
    "Glossary": "Begrippenlijst",
    "The terms used on this dashboard, in plain words.": "De begrippen op dit dashboard, in gewone woorden.",
}

NL.update(
    {
        "Spending": "Uitgaven",
        "on the": "van het",
        "social domain": "sociaal domein",
        "in four themes, from the": "in vier thema's, uit de",
        "figures that {municipality} reports to": "cijfers die {municipality} levert aan het",
        "Choose a": "Kies een",
        "budget": "begroting",
        "or": "of",
        "annual accounts": "jaarrekening",
    }
)
