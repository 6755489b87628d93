"""Write the illustrative results layer of the demo (Kampen) to ``data/demo/indicators/*.csv``,
or a generated one for any other municipality.

    python scripts/generate_demo_indicators.py
    python scripts/generate_demo_indicators.py --municipality Zwolle --out DIR [--inhabitants 130000] [--providers DIR/providers.csv]

Deterministic: every number is written out below, chosen to be plausible for a municipality of
about 55,000 inhabitants, and to show every traffic-light status on 22 November 2026 (yearly
values up to 2025, quarterly values up to 2026-Q3, one indicator without recent data). The
figures are ILLUSTRATIVE, not measurements: every indicator is written with ``illustrative=true``
and the pages say so. Programme and provider slugs are those of ``data/demo/programmes/``.

``--municipality NAME`` (another than Kampen) derives a layer from Kampen's: the same indicators,
targets, results chain and stories (with the name in the texts), values moved by a shift per
indicator and a little noise per period, both seeded from the name (same name, same files). Counts
(residents, places, visits) and their targets and tolerances scale with ``--inhabitants`` (Kampen:
about 55,000); percentages stay between 0 and 100, rates per 1,000 stay rates. Programme slugs are
the 20 programmes every generated programme layer has (``dashboard/demo_programmes.py``); a
provider is kept when it is in ``--providers`` (the providers.csv of that municipality's generated
programme layer) and otherwise becomes the municipality itself (``gemeente-<name>``), which every
generated programme layer lists.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "demo" / "indicators"
DEMO_MUNICIPALITY = "Kampen"
DEMO_INHABITANTS = 55_000  # the scale the hand-written figures below are plausible for
#: Units that count people, places or visits: they scale with the number of inhabitants.
COUNT_UNITS = {"residents per year", "places", "visits per quarter"}
YEARS = list(range(2019, 2026))  # yearly values 2019–2025
QUARTERS = [f"{y}-Q{q}" for y in (2023, 2024, 2025, 2026) for q in (1, 2, 3, 4)][:15]  # 2023-Q1 … 2026-Q3
SURVEY = "Kampen residents' survey (Burgerpeiling), yearly sample of about 2,500 residents aged 18+"
RESEARCH = "Municipality of Kampen, research and statistics team"
CBS = "CBS (Statistics Netherlands)"


def steps(first_year: int, *changes: tuple[int, float]) -> dict[int, float]:
    """Targets per year 2019–2026 from (year, value) changes; a target holds until the next change."""
    out, current = {}, None
    changes_by_year = dict(changes)
    for year in range(first_year, 2027):
        current = changes_by_year.get(year, current)
        out[year] = current
    return out


# Each: metadata, targets {year: value or (min, max)}, values {period: value}, notes {period: text}
INDICATORS = [
    # ---- Vital -------------------------------------------------------------------------------
    dict(
        indicator="good-self-rated-health", theme="vital", level="goal", programme="public-health-prevention",
        provider="gezondheidsdienst-delta",
        name="Adults who rate their own health as good or very good",
        name_nl="Volwassenen die hun gezondheid als goed of zeer goed ervaren",
        unit="% of adults", unit_nl="% van de volwassenen", decimals=1, direction="higher is better", tolerance=2,
        frequency="yearly", source=SURVEY, owner=RESEARCH,
        definition="Share of residents aged 18 and over who answer 'good' or 'very good' to 'How would you rate your health in general?'.",
        definition_nl="Aandeel inwoners van 18 jaar en ouder dat 'goed' of 'zeer goed' antwoordt op 'Hoe beoordeelt u over het algemeen uw gezondheid?'.",
        targets=steps(2019, (2019, 75.0), (2023, 76.0)),
        values=dict(zip(YEARS, (76.8, 75.9, 74.2, 74.8, 75.1, 75.6, 75.9))),
        notes={2021: "Survey held during the second lockdown."},
    ),
    dict(
        indicator="wmo-quality-of-life-improved", theme="vital", level="outcome", contributes_to="good-self-rated-health",
        programme="wmo-support-daytime",
        name="Wmo clients who say the support improved their quality of life",
        name_nl="Wmo-cliënten die zeggen dat de ondersteuning hun kwaliteit van leven verbeterde",
        unit="% of respondents", unit_nl="% van de respondenten", decimals=0, direction="higher is better", tolerance=3,
        frequency="yearly", source="Wmo client experience survey (cliëntervaringsonderzoek), all clients with a running service",
        owner="Municipality of Kampen, Wmo team",
        definition="Share of respondents who agree or fully agree with 'Because of the support I received, I have a better quality of life'.",
        definition_nl="Aandeel respondenten dat het (helemaal) eens is met 'Door de ondersteuning die ik krijg heb ik een betere kwaliteit van leven'.",
        targets=steps(2019, (2019, 80.0)),
        values=dict(zip(YEARS, (79, 80, 78, 81, 82, 83, 84))),
    ),
    dict(
        indicator="independent-living-75plus", theme="vital", level="outcome", contributes_to="good-self-rated-health",
        programme="wmo-aids-and-housing",
        name="Residents aged 75 and over who live independently",
        name_nl="Inwoners van 75 jaar en ouder die zelfstandig wonen",
        unit="% of residents 75+", unit_nl="% van de inwoners 75+", decimals=1, direction="higher is better", tolerance=1,
        frequency="yearly", source="CBS StatLine, population by household position (1 January)", owner=CBS,
        definition="Residents aged 75 and over who do not live in an institution (nursing home, care home), as a share of all residents aged 75 and over.",
        definition_nl="Inwoners van 75 jaar en ouder die niet in een instelling (verpleeg- of verzorgingshuis) wonen, als aandeel van alle inwoners van 75 jaar en ouder.",
        targets=steps(2019, (2019, 92.0)),
        values=dict(zip(YEARS, (93.1, 92.8, 92.9, 92.5, 92.2, 91.6, 90.8))),
    ),
    dict(
        indicator="wmo-decision-waiting-time", theme="vital", level="output", contributes_to="wmo-quality-of-life-improved",
        programme="wmo-household-help",
        name="Time from request to Wmo decision",
        name_nl="Doorlooptijd van melding tot Wmo-beschikking",
        unit="weeks", unit_nl="weken", decimals=1, direction="lower is better", tolerance=1,
        frequency="quarterly", source="Municipal case registration (Wmo), requests decided in the quarter",
        owner="Municipality of Kampen, Wmo team",
        definition="Average number of weeks between a resident's request for support and the written decision; the legal term is six weeks.",
        definition_nl="Gemiddeld aantal weken tussen de melding van een inwoner en de beschikking; de wettelijke termijn is zes weken.",
        targets=steps(2023, (2023, 6.0)),
        values=dict(zip(QUARTERS, (5.8, 6.1, 5.6, 5.4, 5.9, 5.7, 5.2, 5.0, 5.3, 5.1, 5.5, 5.4, 5.6, 5.8, 5.7))),
        notes={"2023-Q2": "Backlog after the switch to a new case system."},
    ),
    dict(
        indicator="sheltered-living-move-on", theme="vital", level="output", contributes_to="independent-living-75plus",
        programme="sheltered-living-shelter", provider="kompas-beschermd-wonen",
        name="Residents who moved on from sheltered living to a home of their own",
        name_nl="Inwoners die vanuit beschermd wonen doorstroomden naar een eigen woning",
        unit="residents per year", unit_nl="inwoners per jaar", decimals=0, direction="higher is better", tolerance=3,
        frequency="yearly", source="Regional sheltered-living register (centre municipality Zwolle)",
        owner="Regional office for sheltered living, Zwolle",
        definition="Number of Kampen residents who left sheltered living in the year for a home of their own, with or without ambulant support.",
        definition_nl="Aantal inwoners van Kampen dat in het jaar beschermd wonen verliet voor een eigen woning, met of zonder ambulante begeleiding.",
        targets=steps(2019, (2019, 12.0), (2023, 15.0)),
        values=dict(zip(YEARS[:-1], (14, 12, 11, 15, 17, 16))),  # 2025 missing: stale on 22-11-2026
    ),
    # ---- Young -------------------------------------------------------------------------------
    dict(
        indicator="youth-care-per-1000", theme="young", level="goal",
        name="Young people with youth care",
        name_nl="Jongeren met jeugdhulp",
        unit="per 1,000 young people (0–17)", unit_nl="per 1.000 jongeren (0–17)", decimals=1, direction="lower is better", tolerance=5,
        frequency="yearly", source="CBS Beleidsinformatie Jeugd (youth care statistics)", owner=CBS,
        definition="Young people aged 0 to 17 who received youth care (with or without residence) at any time in the year, per 1,000 residents of that age.",
        definition_nl="Jongeren van 0 tot en met 17 jaar die in het jaar jeugdhulp (met of zonder verblijf) kregen, per 1.000 inwoners van die leeftijd.",
        targets=steps(2019, (2019, 120.0), (2024, 115.0)),
        values=dict(zip(YEARS, (118.4, 116.2, 121.5, 124.8, 126.1, 123.9, 122.7))),
    ),
    dict(
        indicator="youth-care-ended-as-planned", theme="young", level="outcome", contributes_to="youth-care-per-1000",
        programme="youth-ambulant-care",
        name="Youth care trajectories ended as planned",
        name_nl="Jeugdhulptrajecten die volgens plan zijn beëindigd",
        unit="% of ended trajectories", unit_nl="% van de beëindigde trajecten", decimals=1, direction="higher is better", tolerance=5,
        frequency="yearly", source="CBS Beleidsinformatie Jeugd, outcome criteria", owner=CBS,
        definition="Trajectories that ended in the year in agreement between client and provider, as a share of all trajectories that ended.",
        definition_nl="Trajecten die in het jaar in overeenstemming tussen cliënt en aanbieder zijn beëindigd, als aandeel van alle beëindigde trajecten.",
        targets=steps(2019, (2019, 80.0)),
        values=dict(zip(YEARS, (78.2, 79.5, 77.1, 80.3, 81.0, 82.4, 83.1))),
    ),
    dict(
        indicator="youth-residential-per-1000", theme="young", level="outcome", contributes_to="youth-care-per-1000",
        programme="youth-residential-care",
        name="Young people in residential youth care",
        name_nl="Jongeren in jeugdhulp met verblijf",
        unit="per 1,000 young people (0–17)", unit_nl="per 1.000 jongeren (0–17)", decimals=1, direction="lower is better", tolerance=1,
        frequency="yearly", source="CBS Beleidsinformatie Jeugd (youth care statistics)", owner=CBS,
        definition="Young people aged 0 to 17 in foster care, a family home or residential care at any time in the year, per 1,000 residents of that age.",
        definition_nl="Jongeren van 0 tot en met 17 jaar die in het jaar in een pleeggezin, gezinshuis of residentiële instelling verbleven, per 1.000 inwoners van die leeftijd.",
        targets=steps(2019, (2019, 9.0)),
        values=dict(zip(YEARS, (9.8, 10.1, 10.6, 10.2, 9.9, 9.6, 9.4))),
    ),
    dict(
        indicator="youth-care-waiting-time", theme="young", level="output", contributes_to="youth-care-ended-as-planned",
        programme="youth-ambulant-care", provider="jeugdteam-plus",
        name="Waiting time from referral to start of youth care",
        name_nl="Wachttijd van verwijzing tot start van jeugdhulp",
        unit="weeks", unit_nl="weken", decimals=1, direction="lower is better", tolerance=2,
        frequency="quarterly", source="Waiting-list register of the contracted youth care providers (region IJsselland)",
        owner="Regional youth care purchasing office IJsselland",
        definition="Average number of weeks between a referral (by GP or youth team) and the first care contact, for care that started in the quarter.",
        definition_nl="Gemiddeld aantal weken tussen een verwijzing (door huisarts of jeugdteam) en het eerste hulpcontact, voor hulp die in het kwartaal startte.",
        targets=steps(2023, (2023, 8.0)),
        values=dict(zip(QUARTERS, (9.5, 10.2, 11.0, 10.4, 9.8, 9.1, 8.7, 8.9, 9.6, 10.3, 11.2, 11.8, 12.4, 12.9, 13.1))),
        notes={"2025-Q3": "Two ambulant providers stopped taking new clients for six weeks."},
    ),
    dict(
        indicator="youth-protection-caseload", theme="young", level="output", contributes_to="youth-care-per-1000",
        programme="youth-protection", provider="jeugdbescherming-delta",
        name="Children per youth protection worker",
        name_nl="Kinderen per jeugdbeschermer",
        unit="children per worker", unit_nl="kinderen per jeugdbeschermer", decimals=1, direction="target band", tolerance=1,
        frequency="yearly", source="Management report of the certified institution (Jeugdbescherming Delta)",
        owner="Jeugdbescherming Delta",
        definition="Average number of children with a protection order per full-time youth protection worker. Above the band the work is unsafe, below it the contracted capacity is not used.",
        definition_nl="Gemiddeld aantal kinderen met een beschermingsmaatregel per fulltime jeugdbeschermer. Boven de bandbreedte is het werk onveilig, eronder wordt de ingekochte capaciteit niet benut.",
        targets={y: (12.0, 15.0) for y in range(2019, 2027)},
        values=dict(zip(YEARS, (17.2, 16.8, 16.1, 15.4, 15.6, 14.9, 15.8))),
    ),
    # ---- Work --------------------------------------------------------------------------------
    dict(
        indicator="benefit-recipients-per-1000", theme="work", level="goal", programme="income-support",
        name="Residents on social assistance (bijstand)",
        name_nl="Inwoners met een bijstandsuitkering",
        unit="per 1,000 inhabitants aged 18+", unit_nl="per 1.000 inwoners van 18 jaar en ouder", decimals=1, direction="lower is better", tolerance=1.5,
        frequency="yearly", source="CBS, benefits statistics (bijstandsuitkeringenstatistiek), end of year", owner=CBS,
        definition="Residents aged 18 up to the state pension age with a Participation Act benefit on 31 December, per 1,000 residents aged 18 and over.",
        definition_nl="Inwoners van 18 jaar tot de AOW-leeftijd met een bijstandsuitkering (Participatiewet) op 31 december, per 1.000 inwoners van 18 jaar en ouder.",
        targets=steps(2019, (2019, 28.0), (2022, 26.0)),
        values=dict(zip(YEARS, (27.9, 28.8, 27.6, 26.3, 25.9, 26.4, 26.8))),
    ),
    dict(
        indicator="long-term-low-income", theme="work", level="goal", programme="special-assistance-poverty",
        name="Households with a low income for at least four years",
        name_nl="Huishoudens met ten minste vier jaar een laag inkomen",
        unit="% of households", unit_nl="% van de huishoudens", decimals=1, direction="lower is better", tolerance=0.5,
        frequency="yearly", source="CBS, income of households (long-term low income)", owner=CBS,
        definition="Private households whose income has been below the CBS low-income threshold for four consecutive years, as a share of all private households.",
        definition_nl="Particuliere huishoudens met vier jaar achtereen een inkomen onder de lage-inkomensgrens van het CBS, als aandeel van alle particuliere huishoudens.",
        targets=steps(2019, (2019, 3.5)),
        values=dict(zip(YEARS, (3.9, 3.8, 3.6, 3.4, 3.5, 3.3, 3.2))),
    ),
    dict(
        indicator="outflow-to-work", theme="work", level="outcome", contributes_to="benefit-recipients-per-1000",
        programme="reintegration", provider="re-start-coaching",
        name="Outflow from social assistance to paid work",
        name_nl="Uitstroom uit de bijstand naar betaald werk",
        unit="% of recipients per year", unit_nl="% van de uitkeringsgerechtigden per jaar", decimals=1, direction="higher is better", tolerance=2,
        frequency="yearly", source="Municipal benefits administration (Suite), reasons for ending a benefit", owner="Municipality of Kampen, Work and Income department",
        definition="Benefits ended in the year because the recipient found work, as a share of all recipients at the start of the year.",
        definition_nl="Uitkeringen die in het jaar zijn beëindigd omdat de ontvanger werk vond, als aandeel van alle uitkeringsgerechtigden aan het begin van het jaar.",
        targets=steps(2019, (2019, 12.0)),
        values=dict(zip(YEARS, (11.8, 9.4, 10.9, 13.2, 12.1, 10.6, 9.3))),
        notes={2020: "Few vacancies during the pandemic."},
    ),
    dict(
        indicator="debt-counselling-stable", theme="work", level="outcome", contributes_to="long-term-low-income",
        programme="debt-counselling", provider="raadhuis-schuldhulp",
        name="Debt counselling clients with a stable situation after one year",
        name_nl="Schuldhulpcliënten met een stabiele situatie na een jaar",
        unit="% of clients", unit_nl="% van de cliënten", decimals=0, direction="higher is better", tolerance=5,
        frequency="yearly", source="Debt counselling case registration, follow-up call after twelve months", owner="Raadhuis Schuldhulp",
        definition="Clients who, twelve months after the start of counselling, have no new arrears and a fixed monthly budget, as a share of the clients reached for follow-up.",
        definition_nl="Cliënten die twaalf maanden na de start van de schuldhulp geen nieuwe achterstanden hebben en een vast maandbudget, als aandeel van de cliënten die voor de nazorg zijn bereikt.",
        targets=steps(2019, (2019, 65.0)),
        values=dict(zip(YEARS, (61, 63, 66, 64, 68, 70, 72))),
    ),
    dict(
        indicator="debt-first-interview-days", theme="work", level="output", contributes_to="debt-counselling-stable",
        programme="debt-counselling", provider="raadhuis-schuldhulp",
        name="Time from request to first debt counselling interview",
        name_nl="Tijd van aanmelding tot eerste schuldhulpgesprek",
        unit="working days", unit_nl="werkdagen", decimals=0, direction="lower is better", tolerance=5,
        frequency="quarterly", source="Debt counselling case registration", owner="Raadhuis Schuldhulp",
        definition="Average number of working days between a request for debt counselling and the first interview; the legal maximum is four weeks (20 working days).",
        definition_nl="Gemiddeld aantal werkdagen tussen de aanmelding voor schuldhulp en het eerste gesprek; de wettelijke termijn is vier weken (20 werkdagen).",
        targets=steps(2023, (2023, 15.0)),
        values=dict(zip(QUARTERS, (18, 16, 14, 13, 15, 12, 11, 12, 14, 13, 12, 11, 10, 12, 11))),
    ),
    dict(
        indicator="sheltered-work-places-filled", theme="work", level="output", contributes_to="benefit-recipients-per-1000",
        programme="sheltered-employment", provider="werkbedrijf-hanzewerk",
        name="Sheltered work places filled (beschut werk)",
        name_nl="Ingevulde plekken beschut werk",
        unit="places", unit_nl="plekken", decimals=0, direction="higher is better", tolerance=5,
        frequency="yearly", source="Werkbedrijf Hanzewerk, employment register on 31 December", owner="Werkbedrijf Hanzewerk",
        definition="Residents employed in a sheltered work place under the Participation Act on 31 December; the target follows the national task for Kampen.",
        definition_nl="Inwoners met een dienstbetrekking beschut werk (Participatiewet) op 31 december; het doel volgt de landelijke taakstelling voor Kampen.",
        targets={2019: 24.0, 2020: 28.0, 2021: 31.0, 2022: 34.0, 2023: 37.0, 2024: 39.0, 2025: 40.0, 2026: 41.0},
        values=dict(zip(YEARS, (22, 26, 29, 31, 34, 36, 35))),
    ),
    # ---- Participate -------------------------------------------------------------------------
    dict(
        indicator="severe-loneliness", theme="participate", level="goal",
        name="Adults who feel severely lonely",
        name_nl="Volwassenen die zich ernstig eenzaam voelen",
        unit="% of adults", unit_nl="% van de volwassenen", decimals=1, direction="lower is better", tolerance=1,
        frequency="yearly", source=SURVEY + ", De Jong Gierveld loneliness scale", owner=RESEARCH,
        definition="Share of residents aged 18 and over who score 9 or more on the De Jong Gierveld loneliness scale (11 questions).",
        definition_nl="Aandeel inwoners van 18 jaar en ouder met een score van 9 of hoger op de eenzaamheidsschaal van De Jong Gierveld (11 vragen).",
        targets=steps(2019, (2019, 9.5)),
        values=dict(zip(YEARS, (9.4, 10.8, 12.1, 11.3, 10.9, 10.4, 10.1))),
    ),
    dict(
        indicator="overburdened-informal-carers", theme="participate", level="outcome", contributes_to="severe-loneliness",
        programme="informal-care-support", provider="mantelzorgpunt-delta",
        name="Informal carers who feel heavily overburdened",
        name_nl="Mantelzorgers die zich zwaar overbelast voelen",
        unit="% of informal carers", unit_nl="% van de mantelzorgers", decimals=1, direction="lower is better", tolerance=1.5,
        frequency="yearly", source=SURVEY + ", informal carers among respondents", owner=RESEARCH,
        definition="Share of respondents who give unpaid care to someone close for at least three months or eight hours a week, and who feel heavily or extremely overburdened.",
        definition_nl="Aandeel respondenten dat ten minste drie maanden of acht uur per week onbetaald voor een naaste zorgt en zich zwaar of overbelast voelt.",
        targets=steps(2019, (2019, 9.0)),
        values=dict(zip(YEARS, (8.1, 9.6, 11.4, 10.9, 11.8, 12.6, 13.4))),
    ),
    dict(
        indicator="volunteering", theme="participate", level="outcome", contributes_to="severe-loneliness",
        programme="community-work",
        name="Residents who do volunteer work",
        name_nl="Inwoners die vrijwilligerswerk doen",
        unit="% of adults", unit_nl="% van de volwassenen", decimals=1, direction="higher is better", tolerance=2,
        frequency="yearly", source=SURVEY, owner=RESEARCH,
        definition="Share of residents aged 18 and over who did unpaid volunteer work for an organisation in the past twelve months.",
        definition_nl="Aandeel inwoners van 18 jaar en ouder dat in de afgelopen twaalf maanden onbetaald vrijwilligerswerk deed voor een organisatie.",
        targets=steps(2019, (2019, 36.0)),
        values=dict(zip(YEARS, (38.5, 33.1, 31.8, 34.6, 36.2, 37.0, 37.9))),
    ),
    dict(
        indicator="walk-in-centre-visits", theme="participate", level="output", contributes_to="severe-loneliness",
        programme="community-work", provider="hanzehof-welzijn",
        name="Visits to the neighbourhood walk-in centres",
        name_nl="Bezoeken aan de inloophuizen in de wijken",
        unit="visits per quarter", unit_nl="bezoeken per kwartaal", decimals=0, direction="higher is better", tolerance=200,
        frequency="quarterly", source="Visitor registration at the door of the five walk-in centres", owner="Stichting Hanzehof Welzijn",
        definition="Number of visits to the five walk-in centres in the quarter; a resident who comes twice counts twice.",
        definition_nl="Aantal bezoeken aan de vijf inloophuizen in het kwartaal; een inwoner die twee keer komt telt twee keer.",
        targets={2023: 2000.0, 2024: 2200.0, 2025: 2300.0, 2026: 2400.0},
        values=dict(zip(QUARTERS, (2150, 2080, 1720, 2240, 2310, 2260, 1890, 2420, 2480, 2390, 2010, 2560, 2610, 2540, 2180))),
        notes={"2026-Q3": "Two centres closed in July for renovation."},
    ),
    dict(
        indicator="newcomers-in-language-route", theme="participate", level="output", contributes_to="volunteering",
        programme="inclusion-and-integration", provider="taalhuis-de-brug",
        name="Newcomers who start a language and participation route within three months",
        name_nl="Nieuwkomers die binnen drie maanden starten met een taal- en participatieroute",
        unit="% of newcomers", unit_nl="% van de nieuwkomers", decimals=0, direction="higher is better", tolerance=10,
        frequency="yearly", source="Civic integration case registration (Wet inburgering 2021)", owner="Municipality of Kampen, civic integration team",
        definition="Status holders housed in Kampen in the year who started their agreed language and participation route within three months of arrival, as a share of all status holders housed.",
        definition_nl="Statushouders die in het jaar in Kampen zijn gehuisvest en binnen drie maanden na aankomst met hun afgesproken taal- en participatieroute startten, als aandeel van alle gehuisveste statushouders.",
        targets=steps(2022, (2022, 80.0)),
        values={2022: 64, 2023: 72, 2024: 81, 2025: 86},
        notes={2022: "First year of the new civic integration act."},
    ),
]

STORIES = [
    dict(indicator="youth-care-per-1000", date="2022-09-30", voice="municipality", author="Municipality of Kampen, youth policy team",
         title="More young people in care after the pandemic",
         text="School absence and anxiety complaints rose sharply after the school closures. Most of the growth is light ambulant support, referred by GPs."),
    dict(indicator="youth-care-waiting-time", date="2025-10-14", voice="provider", author="Horizon Jeugd-GGZ",
         title="Six practitioners left this year",
         text="Two of our teams lost six practitioners to better-paid jobs elsewhere. We stopped taking new clients for six weeks and now plan intakes by urgency."),
    dict(indicator="youth-care-waiting-time", date="2026-05-20", voice="municipality", author="Alderman for youth, Municipality of Kampen",
         title="Waiting-list agreement with providers",
         text="The municipality and the five largest providers agreed to triage every waiting family within two weeks and to offer support from the youth team while they wait."),
    dict(indicator="youth-care-waiting-time", date="2026-08-30", voice="resident", author="Parent in Brunnepe (shared with permission)",
         title="“We waited four months for help for our son”",
         text="The youth team called every two weeks, which helped, but our son missed most of a school term before his treatment started."),
    dict(indicator="benefit-recipients-per-1000", date="2024-03-12", voice="municipality", author="Municipality of Kampen, Work and Income department",
         title="A distribution centre closed",
         text="The closure of a distribution centre on the industrial estate cost about 140 jobs; around 30 former employees applied for social assistance after their unemployment benefit ended."),
    dict(indicator="outflow-to-work", date="2025-02-18", voice="provider", author="Re-Start Coaching",
         title="Those who remain are further from work",
         text="Most people who could move to work quickly have done so. The group we coach now often combines health problems, debts and little work experience: that takes longer than a year."),
    dict(indicator="overburdened-informal-carers", date="2025-06-03", voice="provider", author="Mantelzorgpunt Delta",
         title="More carers of people with dementia",
         text="Half of the carers who came to us this year care for a partner with dementia, often alone and for more than twenty hours a week."),
    dict(programme="informal-care-support", date="2023-09-01", voice="municipality", author="Municipality of Kampen, Wmo team",
         title="Respite weekends started as a pilot",
         text="Twelve informal carers can now hand over care for a weekend each quarter, with volunteers and a professional on call."),
    dict(indicator="walk-in-centre-visits", date="2026-07-15", voice="provider", author="Stichting Hanzehof Welzijn",
         title="Two centres closed for renovation",
         text="The centres in Brunnepe and Het Onderdijks were closed in July; visitors were welcomed in the other three, but many older visitors do not travel that far."),
    dict(programme="community-work", date="2024-04-22", voice="municipality", author="Municipality of Kampen, social base team",
         title="Walk-in centres open on Sunday afternoons",
         text="Sunday is the loneliest day for many older residents. Since April, two walk-in centres open on Sunday afternoons, run by volunteers."),
    dict(indicator="severe-loneliness", date="2021-03-15", voice="resident", author="Resident aged 81, Kampen centre (shared with permission)",
         title="“The cashier is the only person I talk to”",
         text="Since the day centre closed, the only people I speak to are the cashier at the supermarket and my daughter on the phone."),
    dict(indicator="independent-living-75plus", date="2025-11-05", voice="municipality", author="Municipality of Kampen, housing team",
         title="Fewer adapted homes available",
         text="Almost no new ground-floor homes were built in 2024–2025, so more older residents move to a care home when their stairs become a problem."),
    dict(indicator="sheltered-living-move-on", date="2026-09-10", voice="municipality", author="Regional office for sheltered living, Zwolle",
         title="2025 figures delayed",
         text="The regional register moved to a new system; the 2025 figures for the member municipalities are expected in early 2027."),
]

INDICATOR_COLUMNS = [
    "municipality", "indicator", "name", "name_nl", "theme", "level", "contributes_to", "programme", "provider", "unit", "unit_nl",
    "decimals", "direction", "tolerance", "frequency", "source", "owner", "definition", "definition_nl", "illustrative",
]
STORY_COLUMNS = ["indicator", "programme", "date", "title", "text", "author", "voice", "language"]


def number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def write(name: str, header: list[str], rows: list[list], out: Path | None = None) -> None:
    with open((out or OUT) / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def municipality_slug(name: str) -> str:
    """The provider slug of the municipality itself, as ``dashboard.demo.programmes.municipality_slug`` writes it."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "gemeente-" + re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def _renamed(text, name: str):
    """Kampen's texts for another municipality: its name instead of Kampen's, no Kampen neighbourhoods."""
    if not isinstance(text, str):
        return text
    text = text.replace("The centres in Brunnepe and Het Onderdijks were", "Two centres were").replace("Parent in Brunnepe", "Parent")
    return text.replace("Kampen", name)


def derive(municipality: str, inhabitants: int | None = None, providers: set[str] | None = None) -> tuple[list[dict], list[dict]]:
    """Indicators and stories of ``municipality``, derived from Kampen's (see the module docstring)."""
    if municipality == DEMO_MUNICIPALITY:
        return INDICATORS, STORIES
    rng = random.Random(f"demo-indicators:{municipality}")
    scale = (inhabitants or DEMO_INHABITANTS) / DEMO_INHABITANTS
    own = municipality_slug(municipality)
    indicators = []
    for base in INDICATORS:
        i = {k: _renamed(v, municipality) for k, v in base.items() if k not in ("targets", "values", "notes")}
        i["notes"] = {p: _renamed(n, municipality) for p, n in base.get("notes", {}).items()}
        if base.get("provider") is not None and base["provider"] not in (providers or set()):
            i["provider"] = own
        factor = scale if base["unit"] in COUNT_UNITS else 1.0
        digits = base["decimals"]
        tolerance = base["tolerance"] * factor
        if factor != 1.0:
            i["tolerance"] = float(max(1, round(tolerance)))
        percent = base["unit"].startswith("%")

        def fit(value: float, digits=digits, percent=percent) -> float | int:
            value = min(max(value, 0.0), 100.0) if percent else max(value, 0.0)
            value = round(value, digits)
            return int(value) if digits == 0 else value

        def scaled(target):
            return tuple(fit(t * factor) for t in target) if isinstance(target, tuple) else (None if target is None else fit(target * factor))

        i["targets"] = {year: scaled(target) for year, target in base["targets"].items()}
        shift = rng.uniform(-1.5, 1.5) * tolerance  # this municipality does better or worse than Kampen, steadily
        i["values"] = {p: fit(v * factor + shift + rng.gauss(0, 0.3 * tolerance)) for p, v in base["values"].items()}
        indicators.append(i)
    stories = [{k: _renamed(v, municipality) for k, v in story.items()} for story in STORIES]
    return indicators, stories


def write_layer(out: Path, municipality: str = DEMO_MUNICIPALITY, inhabitants: int | None = None, providers: set[str] | None = None) -> str:
    """Write the four files of ``municipality``'s results layer to ``out``; returns a one-line summary."""
    out.mkdir(parents=True, exist_ok=True)
    indicators, stories = derive(municipality, inhabitants, providers)
    write("indicators.csv", INDICATOR_COLUMNS, [
        [municipality] + [number(i[c]) if c in ("tolerance",) else i.get(c, "") for c in INDICATOR_COLUMNS[1:-1]] + ["true"] for i in indicators
    ], out)
    targets = []
    for i in indicators:
        for year, target in sorted(i["targets"].items()):
            if isinstance(target, tuple):
                low, high = target
            elif i["direction"] == "higher is better":
                low, high = target, None
            else:
                low, high = None, target
            targets.append([i["indicator"], year, "" if low is None else number(low), "" if high is None else number(high)])
    write("indicator_targets.csv", ["indicator", "year", "minimum", "maximum"], targets, out)
    values = [
        [i["indicator"], period, number(value), i.get("notes", {}).get(period, "")]
        for i in indicators for period, value in i["values"].items()
    ]
    write("indicator_values.csv", ["indicator", "period", "value", "note"], values, out)
    write("stories.csv", STORY_COLUMNS, [[s.get(c, "en" if c == "language" else "") for c in STORY_COLUMNS] for s in stories], out)
    return f"wrote {len(indicators)} indicators, {len(targets)} targets, {len(values)} values, {len(stories)} stories of {municipality} to {out}"


def read_providers(path: Path) -> set[str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["provider"] for row in csv.DictReader(handle, delimiter=";")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipality", default=DEMO_MUNICIPALITY, help="CBS name (default: Kampen, the hand-written demo)")
    parser.add_argument("--out", type=Path, help="output directory (default for Kampen: data/demo/indicators)")
    parser.add_argument("--inhabitants", type=int, help="scales counts, their targets and tolerances (default: 55,000)")
    parser.add_argument("--providers", type=Path, help="providers.csv of the municipality's programme layer: providers to keep")
    args = parser.parse_args([] if argv is None else argv)
    if args.out is None and args.municipality != DEMO_MUNICIPALITY:
        parser.error("give --out DIR for a municipality other than Kampen (data/demo/indicators holds Kampen's layer)")
    providers = read_providers(args.providers) if args.providers else None
    print(write_layer(args.out or OUT, args.municipality, args.inhabitants, providers))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
