"""Learn the names of sports clubs that are ordinary words (الشباب "youth", الوحدة "unity",
العدالة "justice", هجر, حطين) from SaudiNewsNet: a word news writes right after نادي ("club":
نادي الوحدة, لنادي الشباب, ونادي هجر) at least MIN_AFTER_CLUB times is a club's name. A
nationality, a known place (its club is read by marsad/extract/sport_clubs.py's place rules), a
function word, a word no team is named by (نادي الطلبة, نادي الفروسية: never after فريق), a
word that news writes mostly on its own (أحد, ريال, العاصمة: more than MAX_OWN_USES times its
uses after نادي) and a town a club is named after (مانشستر: written after مدينة too; the
place rules of marsad/extract/sport_clubs.py read those) are left out. marsad/extract/club_slots.py
reads the list, and only in a sports report, only where the report itself writes the word in
a club's slot (فريق الوحدة, أمام الشباب, على العدالة).

    python scripts/learn_club_names.py marsad/data/ner_club_names.tsv
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from marsad.arabic.tokenize import token_keys
from marsad.extract.mention_spans import known_places
from marsad.extract.org_names import nationality_keys
from marsad.extract.roles import function_words
from marsad.run.bench import snn_contents

MIN_AFTER_CLUB = 3  # times SaudiNewsNet writes the word right after نادي
MIN_AFTER_TEAM = 2  # ... and right after فريق: a club fields a team (نادي الطلبة does not)
MAX_CITY_SHARE = 0.05  # its uses after مدينة, against after نادي: a town its club is named after (مانشستر)
MAX_OWN_USES = 50  # its uses in all, against its uses after نادي: more is a word first (أحد, ريال, العاصمة)
_CLUB_NOUNS = frozenset({"نادي", "نادى"})
_TEAM_NOUNS = frozenset({"فريق"})
_CITY_NOUNS = frozenset({"مدينه"})
_WORD = re.compile(r"[\u0621-\u064a]+")


def snn_counts() -> tuple[Counter, Counter, Counter, Counter]:
    """(word after نادي, after فريق, after مدينة, word written) over SaudiNewsNet, as written
    with its article and without the clitics before it (لنادي الشباب -> الشباب)."""
    after_club: Counter = Counter()
    after_team: Counter = Counter()
    after_city: Counter = Counter()
    written: Counter = Counter()
    for content in snn_contents():
        keys = [token_keys(w) for w in _WORD.findall(content)]
        names = ["ال" + k[1] if k[2].endswith(("ال", "لل")) else k[0] for k in keys]
        written.update(names)
        for i in range(len(keys) - 1):
            # the bare noun in construct (نادي, لنادي, ونادي), not النادي
            if keys[i][2].endswith("ال") or keys[i + 1][2] not in ("", "ال"):
                continue
            if keys[i][1] in _CLUB_NOUNS:
                after_club[names[i + 1]] += 1
            elif keys[i][1] in _TEAM_NOUNS:
                after_team[names[i + 1]] += 1
            elif keys[i][1] in _CITY_NOUNS:
                after_city[names[i + 1]] += 1
    return after_club, after_team, after_city, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    after_club, after_team, after_city, written = snn_counts()
    places, nationalities, functions = known_places(), nationality_keys(), function_words()
    rows = []
    for word, n in after_club.most_common():
        if n < MIN_AFTER_CLUB:
            break
        bare = word.removeprefix("ال")
        if len(bare) < 3 or word in nationalities or word in functions or (word,) in places or (bare,) in places:
            continue
        if after_team[word] < MIN_AFTER_TEAM or written[word] > MAX_OWN_USES * n \
                or after_city[word] > MAX_CITY_SHARE * n:
            continue
        rows.append(f"{word}\t{n}\t{after_team[word]}\t{written[word]}")
    lines = ["# Sports clubs named by ordinary words, learnt by scripts/learn_club_names.py from",
             "# SaudiNewsNet (its docstring says how): the name as written (match key); its uses",
             "# right after نادي, right after فريق, and in all. Read by marsad/extract/club_slots.py.",
             "word\tafter_club\tafter_team\twritten", *rows]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {args.output}")


if __name__ == "__main__":
    main()
