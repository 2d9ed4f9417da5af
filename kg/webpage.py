"""A saved web page in, the article out: its title and paragraphs as clean text, and metadata.

kg's own masking of HTML kept every word of the page, so teasers, galleries, cookie banners,
author bios and a second auto-loaded story all became facts. trafilatura finds the main content
(title, body paragraphs; nothing else) and htmldate the publication date (JSON-LD, <meta>,
<time>, URL, visible dates such as '19.01.2020'), both well kept and tested on real pages.

The article text returned here is what a Document stores and what offsets index, so a quote is
clean text by construction (no tags, entities decoded) and the graph never embeds raw HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import InputError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MIN_ARTICLE_WORDS = 8  # less is a menu or a caption trafilatura fell back on, not an article
MIN_STORY_WORDS = 40  # in its paragraphs: a top-level <article> with fewer is a teaser


@dataclass(frozen=True)
class WebArticle:
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None


def read_article(page: str, source: str) -> WebArticle:
    """The article of one page; raises ``InputError`` when the page has none."""
    import trafilatura
    from htmldate import find_date
    from trafilatura.utils import load_html

    if "<" not in page:  # a .html file holding plain text: the text is the article
        return WebArticle(text=page)
    tree = load_html(page)
    if tree is None:
        raise InputError(f"{source}: not a readable HTML page")
    # Dates are read from the whole page: JSON-LD and <meta> sit outside the article.
    date = find_date(tree, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    keep_first_article(tree)
    drop_page_chrome(tree)
    extracted = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, include_formatting=False)
    body = extracted.text if extracted is not None else None
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise InputError(f"{source}: no article text found in the page")
    title = _clean(extracted.title)
    paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([title] if title else []) + paragraphs) + "\n"
    return WebArticle(text=text, title=title, date=date or _clean(extracted.date),
                      author=_clean(extracted.author), site_name=_clean(extracted.sitename),
                      url=_clean(extracted.url), language=_clean(extracted.language))


def keep_first_article(tree: HtmlElement) -> None:
    """Drop every top-level <article> but the first real story, in place.

    Pages that load the next story below the first one (or list teasers as <article>s) would
    otherwise give one document mixing two stories; a page is one document, the first story.
    """
    articles = [a for a in tree.iter("article")
                if next(a.iterancestors("article"), None) is None]
    if len(articles) < 2:
        return
    lengths = [sum(len(" ".join(p.itertext()).split()) for p in a.iter("p")) for a in articles]
    keep = next((i for i, n in enumerate(lengths) if n >= MIN_STORY_WORDS),
                max(range(len(articles)), key=lengths.__getitem__))
    for i, article in enumerate(articles):
        if i != keep and article.getparent() is not None:
            article.drop_tree()


def drop_page_chrome(tree: HtmlElement) -> None:
    """Drop what HTML itself marks as not the article (<nav>, <aside>, <footer>, a page
    <header>), in place: on a short page trafilatura falls back on reading the whole body, and
    these would come with it. (Not <form>: some sites wrap the whole page in one.)"""
    for element in list(tree.iter("nav", "aside", "footer", "header")):
        inside_story = next(element.iterancestors("article", "main"), None) is not None
        holds_story = next(element.iter("article", "main", "h1"), None) is not None
        if element.getparent() is not None and not holds_story \
                and not (element.tag == "header" and inside_story):
            element.drop_tree()


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
