"""The demo's illustrative decision round for Kampen: poverty among young people up to 18.

Built from the field (Meerssen broke the taboo on poverty among young people with a yardstick agreed
up front; Kampen set its priorities before the cuts came), but the options, amounts, participants and
scores are made up: the round is marked illustrative and its participants are roles, not people.
It goes through the store's own steps — open, lock, four submissions, close, publish without names.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from dashboard.domain.decision_record import Criterion, Option, Yardstick
from dashboard.store.decisions import close, lock, open_round, publish, rounds, submit

TITLE = "Armoede onder jongeren tot 18 — aanpak 2027"
BUDGET_EUR = 300_000
#: The round's own yardstick, in Dutch like the municipality's texts (the five default criteria, weighted for this round).
CRITERIA = (
    Criterion("Belang", 30, "Hoeveel het uitmaakt voor de jongeren en gezinnen om wie het gaat."),
    Criterion("Urgentie", 20, "Wat er gebeurt als het een jaar wacht."),
    Criterion("Politieke prioriteit", 15, "Hoe dicht het bij het coalitieakkoord ligt."),
    Criterion("Verwacht rendement", 20, "Wat het oplevert voor het geld, op grond van onderzoek of ervaring elders."),
    Criterion("Past bij de leidende principes", 15, "Zorg dichtbij, preventie en eigen regie van inwoners."),
)
STEPS = ("Heel weinig", "Weinig", "Enigszins", "Veel", "Heel veel")
PRINCIPLES = ("Zorg dichtbij", "Preventie", "Eigen regie van inwoners")
OPTIONS = (
    Option("Schoolprogramma 'Armoede bespreekbaar'", 120_000, "Lessen en een vertrouwenspersoon op de scholen, om het taboe te doorbreken."),
    Option("Campagne gebruik regelingen", 60_000, "Gezinnen die recht hebben op toeslagen en het kindpakket actief benaderen."),
    Option("Schuldhulp die naar gezinnen toe gaat", 95_000, "Vroegsignalering met woningcorporaties en outreach door schuldhulpmaatjes."),
    Option("Jeugdfonds Sport & Cultuur uitbreiden", 80_000, "Meer kinderen op sport, muziek of dans, ook tot 18 jaar."),
    Option("Maatjesproject jongeren 16–18", 40_000, "Een vrijwillige coach voor jongeren die dreigen uit te vallen."),
    Option("Verplicht budgetbeheer bij schulden", 70_000, "Gezinnen met schulden verplicht onder budgetbeheer.", conflicts=(2,)),
)
#: (participant, role, scores per option on the five criteria, reason per option)
PARTICIPANTS = (
    ("raadslid (illustratief)", "council", ((5, 4, 5, 3, 5), (4, 4, 4, 5, 4), (5, 5, 4, 4, 4), (4, 3, 4, 3, 4), (3, 3, 3, 3, 4), (2, 3, 2, 3, 1)),
     ("Doorbreekt het taboe, daar begint het.", "Geld ligt op de plank.", "Schulden wachten niet.", "Mooi, maar bestaat al.", "Klein en sympathiek.", "Botst met eigen regie.")),
    ("beleidsmedewerker armoede (illustratief)", "editor", ((4, 3, 4, 3, 5), (5, 4, 4, 5, 4), (5, 5, 3, 5, 4), (4, 3, 3, 3, 4), (3, 3, 2, 3, 4), (3, 4, 2, 3, 1)),
     ("Werkt als scholen meedoen.", "Bewezen effect op het gebruik.", "Vroeg erbij is goedkoper.", "Vraag groeit gestaag.", "Bereik is klein.", "Kost veel uitvoering.")),
    ("partner Jeugdfonds (illustratief)", "council", ((4, 4, 3, 3, 4), (4, 3, 3, 4, 4), (4, 4, 3, 4, 4), (5, 4, 3, 4, 5), (4, 3, 2, 3, 5), (2, 2, 2, 2, 1)),
     ("Scholen zien het als eerste.", "Helpt ons bereik.", "Nodig naast ons werk.", "Wachtlijst tot 18 jaar.", "Past bij wat jongeren vragen.", "Schrikt gezinnen af.")),
    ("inwonersvertegenwoordiger (illustratief)", "council", ((5, 4, 4, 3, 4), (4, 5, 3, 4, 4), (4, 5, 3, 4, 5), (3, 3, 3, 3, 4), (4, 4, 3, 3, 5), (1, 2, 2, 2, 1)),
     ("Kinderen schamen zich nu.", "Veel ouders weten het niet.", "Dichtbij en zonder drempel.", "Leuk, minder dringend.", "Een maatje helpt echt.", "Neemt de regie over.")),
)
DECISION = ("Illustratief: de raad kiest het schoolprogramma, de campagne voor het gebruik van regelingen en de schuldhulp die naar gezinnen "
            "toe gaat (samen € 275.000); verplicht budgetbeheer valt af op eigen regie.")


def load_demo_round(engine: Engine, municipality: str = "Kampen") -> str:
    """Add the illustrative round (once: a store that has it keeps it)."""
    if any(r["illustrative"] for r in rounds(engine, municipality)):
        return "decision round: the illustrative round is already there"
    yardstick = Yardstick(TITLE, "spend", BUDGET_EUR, CRITERIA, STEPS, PRINCIPLES, OPTIONS)
    round_id = open_round(engine, municipality, yardstick, "demo", illustrative=True)
    lock(engine, round_id)
    for name, role, scores, reasons in PARTICIPANTS:
        submit(engine, round_id, name, role, {(o, c): v for o, row in enumerate(scores) for c, v in enumerate(row)}, dict(enumerate(reasons)))
    close(engine, round_id, DECISION)
    publish(engine, round_id, True, names_published=False)
    return f"decision round {round_id}: {TITLE} (illustrative, {len(OPTIONS)} options, {len(PARTICIPANTS)} participants, closed and published)"
