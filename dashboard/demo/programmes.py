"""Generate the demo's illustrative programme and provider layer, reconciled to the euro with CBS.

    python -m dashboard.demo.programmes [OUTPUT_DIR]     (default: data/demo/programmes)

The demo municipality publishes no programme or provider figures, so this writes a plausible
layer: the 20 programmes of the four themes, about 30 fictional providers (some active in
several themes) and, for every stored (year, document), allocations whose sum per taakveld is
exactly CBS's lasten of that taakveld. It is deterministic (fixed seed: same CBS input, same
files), every row is flagged ``illustrative`` and the pages say so. Zero taakvelden get no
allocation; a negative taakveld becomes one correction booked on the municipality itself.
"""
from __future__ import annotations

import csv
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from dashboard.config.paths import DEMO_DIR, THEME_MAPPING_FILE
from dashboard.domain.drilldown import split_exact
from dashboard.domain.iv3 import JAARREKENING
from dashboard.domain.themes import ThemeMapping

SEED = 20260503
OUTPUT_DIR = DEMO_DIR / "programmes"
#: Below this a programme's part of a taakveld goes to one provider (no €3,000 split five ways).
SINGLE_PROVIDER_BELOW = 60_000

# (slug, English name, Dutch name, theme slug, layer, taakvelden, description, Dutch description)
PROGRAMMES = (
    ("wmo-household-help", "Household help", "Hulp bij het huishouden", "vital", "maatwerk", "6.71 6.71a 6.711",
     "Cleaning and household support for residents who cannot manage on their own (Wmo).",
     "Schoonmaak en ondersteuning in het huishouden voor inwoners die dat zelf niet kunnen (Wmo)."),
    ("wmo-support-daytime", "Support and day activities", "Begeleiding en dagbesteding", "vital", "maatwerk",
     "6.71 6.71b 6.71c 6.71d 6.712 6.713 6.714 6.79 6.791",
     "Individual support, day activities and short stay for adults, in kind or as a personal budget (Wmo).",
     "Individuele begeleiding, dagbesteding en kortdurend verblijf voor volwassenen, in natura of als pgb (Wmo)."),
    ("wmo-aids-and-housing", "Aids, housing adaptations and transport", "Hulpmiddelen, woningaanpassingen en vervoer", "vital",
     "maatwerk", "6.6 6.60",
     "Wheelchairs, stair lifts, home adaptations and transport for people with a disability (Wmo).",
     "Rolstoelen, trapliften, woningaanpassingen en vervoer voor mensen met een beperking (Wmo)."),
    ("sheltered-living-shelter", "Sheltered living and shelter", "Beschermd wonen en opvang", "vital", "escalated care",
     "6.81 6.81a 6.81b 6.811 6.812",
     "Sheltered housing for people with psychiatric problems, shelter for homeless people and women's refuge.",
     "Beschermd wonen voor mensen met psychische problemen, maatschappelijke opvang en vrouwenopvang."),
    ("public-health-prevention", "Public health and prevention", "Publieke gezondheid en preventie", "vital", "social base",
     "7.1 6.91",
     "Regional public health service, prevention programmes and Wmo policy and coordination.",
     "Regionale gezondheidsdienst, preventieprogramma's en Wmo-beleid en -coördinatie."),
    ("youth-ambulant-care", "Youth care without accommodation", "Jeugdhulp zonder verblijf", "young", "maatwerk",
     "6.72 6.72a 6.72b 6.72c 6.72d 6.75 6.751 6.752 6.753",
     "Outpatient youth care: support, treatment and day care for children and their families.",
     "Ambulante jeugdhulp: begeleiding, behandeling en dagbehandeling voor kinderen en hun gezin."),
    ("youth-residential-care", "Youth care with accommodation incl. foster care", "Jeugdhulp met verblijf incl. pleegzorg",
     "young", "maatwerk", "6.72 6.73 6.73a 6.73b 6.73c 6.76 6.761 6.762 6.763",
     "Foster care, family homes and residential youth care.",
     "Pleegzorg, gezinshuizen en residentiële jeugdhulp."),
    ("youth-specialist-crisis", "Specialist mental health and crisis care", "Specialistische GGZ en crisiszorg", "young",
     "escalated care", "6.72 6.74 6.74a 6.74b 6.74c 6.75 6.752",
     "Specialist youth mental health care, crisis care and closed youth care (before 2023 and from 2025 booked within the youth care taakvelden).",
     "Specialistische jeugd-GGZ, crisiszorg en gesloten jeugdhulp."),
    ("youth-protection", "Youth protection and probation", "Jeugdbescherming en jeugdreclassering", "young", "escalated care",
     "6.82 6.82a 6.82b 6.821 6.822",
     "Child protection measures and youth probation carried out by a certified institution.",
     "Kinderbeschermingsmaatregelen en jeugdreclassering door een gecertificeerde instelling."),
    ("youth-pgb-policy", "Youth personal budgets and policy", "Pgb jeugd en jeugdbeleid", "young", "maatwerk",
     "6.72 6.75 6.792 6.92",
     "Personal budgets for youth care and the municipality's youth policy and coordination.",
     "Persoonsgebonden budgetten jeugd en het jeugdbeleid en de coördinatie van de gemeente."),
    ("income-support", "Income support (Participatiewet)", "Bijstand (Participatiewet)", "work", "maatwerk", "6.3",
     "Social assistance benefits paid by the municipality under the Participation Act.",
     "Bijstandsuitkeringen die de gemeente betaalt op grond van de Participatiewet."),
    ("special-assistance-poverty", "Special assistance and poverty relief", "Bijzondere bijstand en armoedebestrijding",
     "work", "social base", "6.3",
     "Special assistance, the minimum-income scheme and support for children in poverty.",
     "Bijzondere bijstand, minimaregelingen en ondersteuning van kinderen in armoede."),
    ("debt-counselling", "Debt counselling", "Schuldhulpverlening", "work", "social base", "6.3",
     "Debt counselling, budget coaching and early detection of payment arrears.",
     "Schuldhulpverlening, budgetcoaching en vroegsignalering van betalingsachterstanden."),
    ("sheltered-employment", "Sheltered employment (Wsw and beschut werk)", "Sociale werkvoorziening en beschut werk", "work",
     "maatwerk", "6.4",
     "Sheltered jobs for people who cannot work in a regular job (Wsw and beschut werk).",
     "Beschutte banen voor mensen die niet in een reguliere baan kunnen werken (Wsw en beschut werk)."),
    ("reintegration", "Into work (re-integration)", "Naar werk (re-integratie)", "work", "maatwerk", "6.5",
     "Coaching, training and job placement for people on benefits.",
     "Coaching, scholing en bemiddeling naar werk voor mensen met een uitkering."),
    ("community-work", "Community work and volunteering", "Opbouwwerk en vrijwilligerswerk", "participate", "social base", "6.1",
     "Community centres, community development and support for volunteers.",
     "Buurthuizen, opbouwwerk en ondersteuning van vrijwilligers."),
    ("informal-care-support", "Informal carer support", "Mantelzorgondersteuning", "participate", "social base", "6.1",
     "Advice, respite care and appreciation for informal carers.",
     "Advies, respijtzorg en waardering voor mantelzorgers."),
    ("neighbourhood-teams", "Neighbourhood teams and access", "Wijkteams en toegang", "participate", "social base",
     "6.2 6.21 6.23",
     "Neighbourhood teams: the front door for questions about care, youth, work and income.",
     "Wijkteams: de voordeur voor vragen over zorg, jeugd, werk en inkomen."),
    ("youth-and-family-centre", "Youth and family centre", "Centrum voor Jeugd en Gezin", "participate", "social base",
     "6.1 6.22",
     "Youth health care, parenting support and youth work.",
     "Jeugdgezondheidszorg, opvoedondersteuning en jongerenwerk."),
    ("inclusion-and-integration", "Inclusion and civic integration", "Inclusie en inburgering", "participate", "social base",
     "6.1",
     "Civic integration of newcomers, language courses and an inclusive municipality.",
     "Inburgering van nieuwkomers, taalcursussen en een inclusieve gemeente."),
)

# Fictional organisations (slug, name, kind). Any likeness to a real organisation is accidental.
PROVIDERS = (
    ("hanzehof-welzijn", "Stichting Hanzehof Welzijn", "welfare organisation"),
    ("buurtkracht", "Buurtkracht Samen", "welfare organisation"),
    ("mantelzorgpunt-delta", "Mantelzorgpunt Delta", "welfare organisation"),
    ("taalhuis-de-brug", "Taalhuis De Brug", "welfare organisation"),
    ("jong-en-wijs", "Stichting Jong en Wijs", "welfare organisation"),
    ("raadhuis-schuldhulp", "Raadhuis Schuldhulp", "welfare organisation"),
    ("voedselhulp-kogge", "Voedselhulp De Kogge", "welfare organisation"),
    ("thuiszorg-vlonder", "Thuiszorg De Vlonder", "care provider"),
    ("schoon-thuis", "Schoon Thuis Huishoudhulp", "care provider"),
    ("zorgkracht-ijssel", "Zorgkracht aan de IJssel", "care provider"),
    ("dagbesteding-de-werf", "Dagbesteding De Werf", "care provider"),
    ("buitenhof-begeleiding", "Buitenhof Begeleiding", "care provider"),
    ("mobiel-hulpmiddelen", "MobielPlus Hulpmiddelen", "care provider"),
    ("woonaanpassing-noord", "Woonaanpassing Noord", "care provider"),
    ("regiotaxi-delta", "Regiotaxi Delta", "care provider"),
    ("kompas-beschermd-wonen", "Kompas Beschermd Wonen", "care provider"),
    ("veilig-thuis-regio", "Opvang en Veilig Thuis Regio", "care provider"),
    ("gezondheidsdienst-delta", "Gezondheidsdienst Delta", "care provider"),
    ("kinderpraktijk-zon", "Kinderpraktijk De Zon", "care provider"),
    ("jeugdteam-plus", "Jeugdzorg Plus Oost", "care provider"),
    ("gezinshuis-de-linde", "Gezinshuis De Linde", "care provider"),
    ("pleegzorg-oost", "Pleegzorg Oost", "care provider"),
    ("horizon-jeugd-ggz", "Horizon Jeugd-GGZ", "care provider"),
    ("crisisdienst-regio", "Crisisdienst Jeugd Regio", "care provider"),
    ("jeugdbescherming-delta", "Jeugdbescherming Delta", "care provider"),
    ("pgb-budget-holders", "Personal budget holders (paid via SVB)", "care provider"),
    ("werkbedrijf-hanzewerk", "Werkbedrijf Hanzewerk", "social enterprise"),
    ("leerwerk-kampen", "LeerWerk Coöperatie", "social enterprise"),
    ("kringloop-de-zeef", "Kringloop De Zeef", "social enterprise"),
    ("re-start-coaching", "Re-Start Coaching", "social enterprise"),
)

# Who carries out each programme: (provider, weight, instrument, euros per client or None, first year or None).
# "MUNICIPALITY" is the municipality itself (benefits, own staff, corrections).
MUNICIPALITY = "MUNICIPALITY"
POOLS: dict[str, tuple[tuple[str, float, str, float | None, int | None], ...]] = {
    "wmo-household-help": (
        ("thuiszorg-vlonder", 5, "procurement", 3400, None),
        ("schoon-thuis", 3, "procurement", 3100, None),
        ("zorgkracht-ijssel", 2, "procurement", 3600, 2020),
    ),
    "wmo-support-daytime": (
        ("dagbesteding-de-werf", 4, "procurement", 9500, None),
        ("buitenhof-begeleiding", 3, "procurement", 8200, None),
        ("zorgkracht-ijssel", 2, "procurement", 7800, None),
        ("werkbedrijf-hanzewerk", 1.5, "procurement", 7000, 2019),
    ),
    "wmo-pgb": (("pgb-budget-holders", 1, "pgb", 9800, None),),
    "wmo-aids-and-housing": (
        ("mobiel-hulpmiddelen", 5, "procurement", 1700, None),
        ("woonaanpassing-noord", 3, "procurement", 6500, None),
        ("regiotaxi-delta", 2, "procurement", 900, None),
    ),
    "sheltered-living-shelter": (
        ("kompas-beschermd-wonen", 6, "procurement", 46000, None),
        ("veilig-thuis-regio", 3, "subsidy", 12000, None),
        ("horizon-jeugd-ggz", 1, "procurement", 40000, 2021),
    ),
    "public-health-prevention": (
        ("gezondheidsdienst-delta", 7, "lump sum", None, None),
        ("hanzehof-welzijn", 1.5, "subsidy", None, None),
        (MUNICIPALITY, 1.5, "lump sum", None, None),
    ),
    "youth-ambulant-care": (
        ("kinderpraktijk-zon", 4, "procurement", 5200, None),
        ("jeugdteam-plus", 3, "procurement", 7400, None),
        ("thuiszorg-vlonder", 1.5, "procurement", 4800, 2020),
        ("horizon-jeugd-ggz", 2, "procurement", 8800, None),
    ),
    "youth-pgb": (("pgb-budget-holders", 1, "pgb", 11000, None),),
    "youth-residential-care": (
        ("pleegzorg-oost", 3, "procurement", 21000, None),
        ("gezinshuis-de-linde", 2, "procurement", 62000, None),
        ("jeugdteam-plus", 3, "procurement", 78000, None),
    ),
    "youth-specialist-crisis": (
        ("horizon-jeugd-ggz", 5, "procurement", 24000, None),
        ("crisisdienst-regio", 3, "procurement", 36000, None),
        ("jeugdteam-plus", 2, "procurement", 90000, None),
    ),
    "youth-protection": (
        ("jeugdbescherming-delta", 8, "subsidy", 13500, None),
        ("crisisdienst-regio", 2, "procurement", 20000, None),
    ),
    "youth-policy": ((MUNICIPALITY, 1, "lump sum", None, None),),
    "income-support": ((MUNICIPALITY, 1, "benefit", 16500, None),),
    "special-assistance-poverty": (
        (MUNICIPALITY, 7, "benefit", 650, None),
        ("voedselhulp-kogge", 1.5, "subsidy", 900, None),
        ("jong-en-wijs", 1, "subsidy", 300, 2020),
    ),
    "debt-counselling": (
        ("raadhuis-schuldhulp", 5, "subsidy", 2300, None),
        ("hanzehof-welzijn", 2, "subsidy", 1200, None),
        ("re-start-coaching", 1.5, "procurement", 1800, 2021),
    ),
    "sheltered-employment": (
        ("werkbedrijf-hanzewerk", 8, "lump sum", 27000, None),
        ("kringloop-de-zeef", 1.5, "subsidy", 22000, None),
    ),
    "reintegration": (
        ("re-start-coaching", 3, "procurement", 3200, None),
        ("leerwerk-kampen", 3, "subsidy", 4100, None),
        ("kringloop-de-zeef", 1, "subsidy", 5200, None),
        (MUNICIPALITY, 2, "lump sum", None, None),
    ),
    "community-work": (
        ("hanzehof-welzijn", 5, "subsidy", None, None),
        ("buurtkracht", 3, "subsidy", None, None),
        ("kringloop-de-zeef", 1, "subsidy", None, 2019),
    ),
    "informal-care-support": (
        ("mantelzorgpunt-delta", 5, "subsidy", 420, None),
        ("hanzehof-welzijn", 2, "subsidy", 380, None),
    ),
    "neighbourhood-teams": (
        ("buurtkracht", 4, "subsidy", 900, None),
        (MUNICIPALITY, 4, "lump sum", 1100, None),
        ("hanzehof-welzijn", 2, "subsidy", 950, None),
    ),
    "youth-and-family-centre": (
        ("gezondheidsdienst-delta", 4, "lump sum", 260, None),
        ("jong-en-wijs", 4, "subsidy", 180, None),
    ),
    "inclusion-and-integration": (
        ("taalhuis-de-brug", 4, "subsidy", 2600, None),
        ("leerwerk-kampen", 2, "procurement", 3500, 2022),
        ("buurtkracht", 1.5, "subsidy", None, None),
    ),
}


def rules(code: str, codes: set[str]) -> list[tuple[str, float, str]]:
    """Which programmes (and which provider pool) a taakveld code of one document is spread over.

    ``codes`` are all codes of the document: a rolled-up youth code (6.72, 6.75) gives a share to
    youth personal budgets only where the document has no separate pgb-youth code (6.792).
    """
    if code in ("6.71a", "6.711"):
        return [("wmo-household-help", 1, "wmo-household-help")]
    if code == "6.71":
        return [("wmo-household-help", 0.42, "wmo-household-help"), ("wmo-support-daytime", 0.58, "wmo-support-daytime")]
    if code in ("6.71b", "6.71c", "6.71d", "6.712", "6.713", "6.714"):
        return [("wmo-support-daytime", 1, "wmo-support-daytime")]
    if code in ("6.79", "6.791"):
        return [("wmo-support-daytime", 1, "wmo-pgb")]
    if code in ("6.6", "6.60"):
        return [("wmo-aids-and-housing", 1, "wmo-aids-and-housing")]
    if code.startswith("6.81"):
        return [("sheltered-living-shelter", 1, "sheltered-living-shelter")]
    if code in ("7.1", "6.91"):
        return [("public-health-prevention", 1, "public-health-prevention")]
    separate_crisis = any(c.startswith("6.74") for c in codes)
    if code == "6.72" and not any(c.startswith("6.73") for c in codes):
        # Before 2023 all youth care was booked on 6.72: residential, crisis and pgb included.
        return [("youth-ambulant-care", 0.50, "youth-ambulant-care"), ("youth-residential-care", 0.24, "youth-residential-care"),
                ("youth-specialist-crisis", 0.13, "youth-specialist-crisis"), ("youth-pgb-policy", 0.13, "youth-pgb")]
    if code in ("6.72", "6.75"):
        targets = [("youth-ambulant-care", 0.86 if "6.792" not in codes else 1.0, "youth-ambulant-care")]
        if "6.792" not in codes:
            targets.append(("youth-pgb-policy", 0.14, "youth-pgb"))
        if code == "6.75" and not separate_crisis:  # from 2025 crisis care has no code of its own
            targets.append(("youth-specialist-crisis", 0.30, "youth-specialist-crisis"))
        return targets
    if code == "6.752" and not separate_crisis:
        return [("youth-ambulant-care", 0.70, "youth-ambulant-care"), ("youth-specialist-crisis", 0.30, "youth-specialist-crisis")]
    if code in ("6.72a", "6.72b") and "6.792" not in codes:  # detailed files before 2025 have no pgb-youth code
        return [("youth-ambulant-care", 0.86, "youth-ambulant-care"), ("youth-pgb-policy", 0.14, "youth-pgb")]
    if code.startswith("6.72") or code.startswith("6.75"):
        return [("youth-ambulant-care", 1, "youth-ambulant-care")]
    if code.startswith("6.73") or code.startswith("6.76"):
        return [("youth-residential-care", 1, "youth-residential-care")]
    if code.startswith("6.74"):
        return [("youth-specialist-crisis", 1, "youth-specialist-crisis")]
    if code.startswith("6.82"):
        return [("youth-protection", 1, "youth-protection")]
    if code == "6.792":
        return [("youth-pgb-policy", 1, "youth-pgb")]
    if code == "6.92":
        return [("youth-pgb-policy", 1, "youth-policy")]
    if code == "6.3":
        return [("income-support", 0.80, "income-support"), ("special-assistance-poverty", 0.13, "special-assistance-poverty"),
                ("debt-counselling", 0.07, "debt-counselling")]
    if code == "6.4":
        return [("sheltered-employment", 1, "sheltered-employment")]
    if code == "6.5":
        return [("reintegration", 1, "reintegration")]
    if code == "6.1":
        family = 0.10 if "6.22" in codes else 0.25
        return [("community-work", 0.35, "community-work"), ("informal-care-support", 0.15, "informal-care-support"),
                ("inclusion-and-integration", 0.25, "inclusion-and-integration"), ("youth-and-family-centre", family, "youth-and-family-centre")]
    if code in ("6.2", "6.21", "6.23"):
        return [("neighbourhood-teams", 1, "neighbourhood-teams")]
    if code == "6.22":
        return [("youth-and-family-centre", 1, "youth-and-family-centre")]
    raise ValueError(f"no demo programme for taakveld {code}: extend demo_programmes.rules")


@dataclass(frozen=True)
class Allocation:
    municipality: str
    year: int
    document: str
    programme: str
    provider: str
    taakveld: str
    instrument: str
    amount_eur: int
    clients: int | None


def municipality_slug(name: str) -> str:
    """``Stein (L.)`` → ``gemeente-stein-l``, ``Súdwest-Fryslân`` → ``gemeente-sudwest-fryslan``: a valid slug for any CBS name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "gemeente-" + re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def _rng(*parts) -> random.Random:
    """One reproducible random stream per purpose, so changing one document never reshuffles another."""
    return random.Random(":".join(str(p) for p in (SEED, *parts)))


def _pool_weights(pool: str, year: int, kind: str) -> list[tuple[str, float, str, float | None]]:
    members = []
    for provider, weight, instrument, unit_cost, since in POOLS[pool]:
        if since is not None and year < since:
            continue
        drift = _rng(pool, provider, year).uniform(0.75, 1.25)  # the same in budget and accounts of a year
        execution = _rng(pool, provider, year, kind).uniform(0.9, 1.1) if kind == JAARREKENING else 1.0
        members.append((provider, weight * drift * execution, instrument, unit_cost))
    return members


def allocate_document(municipality: str, year: int, kind: str, cbs: pd.DataFrame, mapping: ThemeMapping) -> list[Allocation]:
    """Allocations of one document whose sum per taakveld equals CBS's lasten exactly."""
    own = municipality_slug(municipality)
    social = cbs[[mapping.theme_of(c) is not None for c in cbs["code"]]]
    codes = set(social["code"])
    result: list[Allocation] = []
    for code, lasten in social[["code", "lasten_eur"]].itertuples(index=False):
        if pd.isna(lasten) or int(lasten) == 0:
            continue  # nothing to allocate
        lasten = int(lasten)
        targets = rules(code, codes)
        if lasten < 0:  # a correction: one allocation on the municipality itself, never spread
            result.append(Allocation(municipality, year, kind, targets[0][0], own, code, "lump sum", lasten, None))
            continue
        jitter = _rng("programmes", code, year)
        parts = split_exact(lasten, [w * jitter.uniform(0.9, 1.1) for _, w, _ in targets])
        for (programme, _w, pool), part in zip(targets, parts):
            if part == 0:
                continue
            members = _pool_weights(pool, year, kind)
            if part < SINGLE_PROVIDER_BELOW:
                members = members[:1]
            pieces = split_exact(part, [m[1] for m in members])
            for (provider, _weight, instrument, unit_cost), piece in zip(members, pieces):
                if piece == 0:
                    continue
                clients = None
                if unit_cost is not None:
                    noise = _rng("clients", programme, provider, code, year, kind).uniform(0.9, 1.1)
                    clients = max(1, round(piece / unit_cost * noise))
                result.append(
                    Allocation(municipality, year, kind, programme, own if provider == MUNICIPALITY else provider, code, instrument, piece, clients)
                )
    return result


def generate(amounts: pd.DataFrame, municipality: str, mapping: ThemeMapping) -> list[Allocation]:
    """Allocations for every (year, document) in ``amounts`` (the repository's frame of one municipality)."""
    result: list[Allocation] = []
    for (year, kind), part in amounts.groupby(["year", "kind"], sort=True):
        result.extend(allocate_document(municipality, int(year), kind, part.sort_values("code"), mapping))
    return result


def write_files(out: Path, allocations: list[Allocation], municipality: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    own = municipality_slug(municipality)
    used = {a.provider for a in allocations}
    with open(out / "programmes.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["programme", "name", "name_nl", "theme", "layer", "taakvelden", "description", "description_nl", "illustrative"])
        for row in PROGRAMMES:
            writer.writerow([*row, "true"])
    with open(out / "providers.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["provider", "name", "kind", "kvk", "illustrative"])
        writer.writerow([own, f"Gemeente {municipality}", "municipality", "", "true"])
        for slug, name, kind in PROVIDERS:
            if slug in used:
                writer.writerow([slug, name, kind, "", "true"])
    with open(out / "allocations.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["municipality", "year", "document", "programme", "provider", "taakveld", "instrument", "amount_eur", "clients", "illustrative"])
        for a in sorted(allocations, key=lambda a: (a.year, a.document, a.programme, a.taakveld, a.provider)):
            writer.writerow([a.municipality, a.year, a.document, a.programme, a.provider, a.taakveld, a.instrument, a.amount_eur,
                             "" if a.clients is None else a.clients, "true"])


def demo_amounts(engine: Engine, municipality: str) -> pd.DataFrame:
    from dashboard.store.repository import Repository

    return Repository(engine).amounts(municipality)


def main(argv: list[str] | None = None) -> int:
    """Load the demo CBS files into a throw-away store, generate and write the CSV files."""
    import tempfile

    from dashboard.config.settings import Settings
    from dashboard.demo.load import load_demo
    from dashboard.store.database import open_engine

    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else OUTPUT_DIR
    municipality = Settings().municipality
    mapping = ThemeMapping.from_csv(THEME_MAPPING_FILE)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(f"sqlite:///{tmp}/generate.sqlite")
        load_demo(engine, programmes=False, national=False)
        allocations = generate(demo_amounts(engine, municipality), municipality, mapping)
        engine.dispose()
    write_files(out, allocations, municipality)
    providers = len({a.provider for a in allocations})
    print(f"wrote {out}: {len(PROGRAMMES)} programmes, {providers} providers, {len(allocations)} allocations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
