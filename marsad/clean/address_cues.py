"""What a page's address says of it: a tag, category or archive page, a writer's page, a
video's, a programme's, the front page, a feed, a forum thread, or an article's own page."""

from __future__ import annotations

import re

# Listing words in an address: tag, keyword, category, search and paging pages ...
LISTING_PATH = re.compile(r"/(?:tags?|keywords?|hashtags?|category|categories|cat|section|sections|topics?|search|"
                          r"latest|news-list|list|wasm|taxonomy|وسم|قسم|تصنيف)(?:/|$|\?)|/page/\d+|"
                          r"-list\.\w+|^/\d{4}/\d{2}(?:/\d{2})?/?(?:\?|$)|"  # (a year's month: "/2016/11/?m=0")
                          r"/(?:tags?|keywords?|hashtags?|search|category)\.(?:php|aspx?)(?:$|\?)|"  # ("tags.php?t=…")
                          r"/digests?(?:/|$|-for-|-of-)|"  # a blog's digest of several posts ("/digest-for-<day>.html")
                          r"^/-[^/]+-/?$|^/\+[^/]+\+/?$",  # SPIP's section "/-Name-" and keyword "/+Name+" pages
                          re.IGNORECASE)
# A page number in the query: an index's page, unless the path is an article's own (a long
# article split in pages, "/<section>/4401586-<slug>?page=1").
PAGING_QUERY = re.compile(r"[?&](?:page|paged|pgno|cat)=\d", re.IGNORECASE)
# An index's tenth page or further: an article split in pages has a few (whatever its own id says);
# or Joomla's list offset, the tenth item or further ("?start=60", "?limitstart=20").
DEEP_PAGE = re.compile(r"[?&](?:page|paged|pgno|start|limitstart)=[1-9]\d+(?:&|$)", re.IGNORECASE)
# ... and words that name an article's own page as often as an index ("/archives/19471").
AMBIGUOUS_PATH = re.compile(r"/(?:archives?|أخبار|اخبار)(?:/|$)", re.IGNORECASE)
AUTHOR_PATH = re.compile(r"/(?:author|authors|writer|writers|columnist|profile|كتاب|كاتب)(?:/|$)"
                         r"|^/_[^/]+_/?$", re.IGNORECASE)  # SPIP's author pages: "/_Name_"
AUTHOR_QUERY = re.compile(r"(?:^|&)author=\d+(?:&|$)", re.IGNORECASE)  # WordPress's "/?author=157"
VIDEO_PATH = re.compile(r"/(?:videos?|watch|tv|فيديو|مرئيات)(?:/|$)", re.IGNORECASE)
# The site's video section as the address's top folder holds video items, slug or not
# ("/videos/2020/8/5/<slug>", "/tr/watch/<slug>", a media section "/fa/media/<date>/<id>/": the
# two labelled pages under one are a clip and a recorded lecture; an AMP copy "/amp/video/<id>",
# a recording's page "/audio_show/<id>"); deeper, "/news/tv/<slug>" may be an article.
VIDEO_SECTION = re.compile(r"^/(?:[a-z]{2}/)?(?:amp/)?(?:videos?|audios?|watch|media|فيديو|مرئيات)(?:_show)?/",
                           re.IGNORECASE)
# A broadcast programme's pages are transcripts and episode pages, whatever their slug.
PROGRAMME_PATH = re.compile(r"/(?:programs?|programmes?|برامج)/", re.IGNORECASE)
# The front page of a site (or of its Arabic edition).
HOME_PATH = re.compile(r"^/?(?:index\.\w+|home|default\.\w+|ar|en|fa|arabic)?/?$", re.IGNORECASE)
# An address of a feed or a sitemap.
FEED_PATH = re.compile(r"\.(?:xml|rss|atom)$|/(?:feed|rss)/?$", re.IGNORECASE)
ARTICLE_PATH = re.compile(r"\d{4,}|/\d{4}/\d{1,2}/|\.html?$|\.aspx$|\.php\?id=|"
                          r"[\w\u0600-\u06ff%]+(?:-[\w\u0600-\u06ff%]+){3,}")
# An article's own id or slug after a section word: "/archives/19471", "/archive/index.php/t-140475.html".
OWN_ID = re.compile(r"/\d{4,}(?:/|$|\.)|/[^/]*(?:-[^/-]+){3,}/?$|/[a-z]{1,3}-\d{4,}\.html?$")
# ... or a content system's hashed item id closing the path ("/ar/أخبار/دولي/افريقيا/artc-376c76ea"):
# letters and two digits or more in six characters or more, which no section or paging word has.
OWN_HASH_ID = re.compile(r"(?:^|[/_-])(?=[0-9a-z]*\d[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{6,}/?$", re.IGNORECASE)
# ... or in the query: a script's item number ("/archives/ar/detail.php?categ=5&id=4212",
# "article.aspx?aid=1130", "NewsDetails?NewsID=5198179", WordPress's "/?p=55702").
OWN_ID_QUERY = re.compile(r"(?:^|&)(?:id|p|aid|nid|newsid|news_id|articleid|article_id)=\d{3,}(?:&|$)", re.IGNORECASE)
# WordPress's "random post" link ("?random-post=1") shows whichever post it drew: the address
# says nothing of the page (neither its kind nor its date).
RANDOM_POST = re.compile(r"[?&]random(?:[-_]post)?(?:=|&|$)", re.IGNORECASE)

# A forum's thread or post page (Forumotion "/t31974-topic", vBulletin "showthread.php" and its
# print view "printthread.php", phpBB "viewtopic.php", Forumotion's "/viewtopic?t="): members'
# posts, not an outlet's news page (the labelled pages: five of five; a vBulletin archive's copy of a news report,
# "/archive/index.php/t-…", is an article).
FORUM_PATH = re.compile(r"/t\d+-topic\b|/t\d+p\d+-|/(?:showthread|printthread|showpost|viewtopic)(?:\.php\b|$)|"
                        r"/forum/[^/]+/(?:[^/]+/)*\d+-[^/]+/?$",  # vBulletin 5: "/forum/<channel>/…/<id>-<slug>"
                        re.IGNORECASE)

# A share button's page ("/widgets/share/tool/preview?url=…", "sharer.php?u=…"): a card of a
# story told on another site, never that story's page.
SHARE_PATH = re.compile(r"/(?:widgets/share|share/tool|sharer(?:\.php)?|intent/tweet)(?:/|$)", re.IGNORECASE)


