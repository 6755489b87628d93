"""Where the project's own data files live, so no module guesses relative paths."""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
DEMO_DIR = DATA_DIR / "demo"
ASSETS_DIR = PROJECT_ROOT / "assets"
THEME_MAPPING_FILE = DATA_DIR / "theme_mapping.csv"
SHARED_IV3_DIR = PROJECT_ROOT.parent / "shared" / "data" / "iv3"
NATIONAL_DEMO_DIR = DEMO_DIR / "national"  # what comparison needs for every municipality (derived, credited)
