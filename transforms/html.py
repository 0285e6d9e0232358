"""HTML saved under a .txt name: keep the text, drop tags, scripts, styles and comments.

Block elements (p, div, h1-h6, li, br, tr, article, section...) end a line, so paragraphs
survive as the parser expects them; entities (&amp;, &#8217;) are decoded.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml[^>]*>\s*<html\b)", re.I)
_TAGS = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|li|ul|script|style|article|section|meta|title|table|td)\b[^>]*>", re.I)
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "article",
          "section", "header", "footer", "blockquote", "title", "figcaption", "main", "aside", "nav", "pre"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}


def looks_like_html(text: str) -> bool:
    """An HTML document, or text with many HTML tags (a page body pasted as text)."""
    return bool(_HTML_START.match(text[:500])) or len(_TAGS.findall(text[:20000])) >= 5


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title_seen = False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP and tag != "head":
            self.skipping += 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and tag != "head" and self.skipping:
            self.skipping -= 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in joined.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
