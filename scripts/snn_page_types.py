"""How many SaudiNewsNet articles cleaning calls non-articles (every one of them is an article).

The first `--limit` articles of the corpus (zip and file order, as `marsad bench` reads them),
cleaned twice: as sent, with their titles, addresses and outlets (JSON records), and as bare
text dumps (the content alone: no title, no address), the shape the private real-page sets
may take. Prints the counts called non-articles and the page types given.

    python scripts/snn_page_types.py [--limit 3000] [--show 5]
"""

from __future__ import annotations

import argparse
from collections import Counter

from marsad.clean import clean_pages
from marsad.ingest import make_page
from marsad.run.bench import DEFAULT_CORPUS, load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--show", type=int, default=0, help="print the first N bare pages called non-articles")
    args = parser.parse_args()
    sent = load_corpus(DEFAULT_CORPUS, args.limit)
    bare = [make_page(f"{page.source}#bare", page.content) for page in sent]
    for name, pages in (("as sent", sent), ("bare", bare)):
        cleaned, _problems = clean_pages(pages)
        kinds = Counter(a.page_type for a in cleaned if not a.is_article)
        print(f"{name}: {sum(kinds.values())} of {len(cleaned)} called non-articles {dict(kinds)}")
        if name == "bare":
            for article in [a for a in cleaned if not a.is_article][:args.show]:
                print(f"  {article.source} {article.page_type}: {article.text[:160]!r}")


if __name__ == "__main__":
    main()
