"""A plan published as an HTML page → blocks (paragraphs and tables) of its article body.

- **charset**: a byte-order mark, else ``<meta charset>`` / ``http-equiv`` in the head, else the
  content (strict UTF-8, then GB18030). GB2312 and GBK are read as GB18030, their superset.
- **article body**: site chrome is dropped first (``nav``, ``header``/``footer`` outside the
  article, ``aside``, forms, scripts, and elements whose class or id names navigation,
  breadcrumbs, sharing, footers …); then the article is the smallest element holding most
  (``DOMINANT``) of the page's prose, prose counted as Chinese characters not inside links — so
  link lists and menus the rules missed do not count. Descending from ``<body>`` into the child
  holding the most prose, it stops where no child holds that much.
- **tables**: every ``<table>`` of the article with its ``rowspan``/``colspan`` (a table holding
  another table is page layout, read as paragraphs, and so is a frame, one cell in every row:
  a 专栏 box drawn as a bordered table); ``<caption>`` kept as printed.
- **footnote marks**: a superscript of one or two digits after a Chinese character
  (``接待游客总人次<sup>1</sup>``) is dropped.
- **metadata**: the block gov pages print around the article (索引号, 发布机构, 成文日期, 文号 …)
  is read from the whole page and rendered first as ``label：value`` lines, the form the header
  parser reads; the page's title (its ``<h1>``) when the article does not print it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from plankg.errors import InputError
from plankg.graph.text.render import (
    Block,
    SourceCell,
    TableBlock,
    clean_text,
    is_frame,
    join_lines,
)

MIN_ARTICLE_CJK = 50
DOMINANT = 0.8  # the article holds this share of the page's prose
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030",
                    "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
                    "csgb2312": "gb18030", "utf8": "utf-8", "unicode": "utf-8"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_DOC_WORDS = re.compile(r"规划|计划|意见|方案|纲要|办法|通知|决定|措施|政策|条例")

_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "form",
              "button", "select", "input", "textarea", "object", "embed", "canvas", "map"}
_CHROME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|share|sharing|bdshare|"
    r"jiathis|footer|sidebar|toolbar|topbar|banner|login|search|copyright|related|recommend|"
    r"comments?|location|position|dqwz|skip|fontsize|font-size|qrcode|ewm|wza)"
    r"(?:$|[-_\s\d])", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
               "article", "main", "header", "footer", "blockquote", "pre", "dl", "dt", "dd",
               "center", "figure", "figcaption", "address", "hr", "tr", "td", "th", "tbody",
               "thead", "tfoot", "caption", "body", "html"}
# label as gov pages print it → printed again as "label：value" for the header parser, in this
# order (成文日期 before 发布日期: the header parser keeps the first date it reads)
META_LABELS = ("索引号", "发布机构", "发文机关", "成文日期", "发布日期", "文号", "发文字号",
               "文件编号")
_META_FRAGMENT = re.compile(r"^([\u4e00-\u9fff][\u4e00-\u9fff\s]{1,10}?)\s*[:：]?\s*$|"
                            r"^([\u4e00-\u9fff][\u4e00-\u9fff\s]{1,10}?)\s*[:：]\s*(.+)$")
MAX_META_VALUE = 60


def decode_html(path: Path, data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it was decoded with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding if encoding != "utf-16" else
                                               ("utf-16-le" if bom == b"\xff\xfe"
                                                else "utf-16-be")), encoding
            except UnicodeDecodeError:
                raise InputError(f"{path}: starts with a {encoding} byte-order mark but does not "
                                 "decode as such") from None
    candidates: list[str] = []
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        candidates.append(_CHARSET_ALIASES.get(name, name))
    candidates += ["utf-8", "gb18030"]
    decoded: list[tuple[str, str]] = []
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        # a page mislabelled (say, iso-8859-1 for GBK) decodes but shows no Chinese
        if len(_CJK.findall(text)) >= MIN_ARTICLE_CJK:
            return text, encoding
        decoded.append((text, encoding))
    if decoded:
        return decoded[0]
    raise InputError(f"{path}: HTML page not in its declared charset, UTF-8 or GB18030/GBK")


def read_html(path: Path, data: bytes) -> tuple[list[Block], str]:
    """The blocks of the page's article (metadata and title first) and the page's encoding."""
    import lxml.html  # loaded only when an HTML page is read
    from lxml import etree

    text, encoding = decode_html(path, data)
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"{path}: not a readable HTML page ({err})") from None
    for comment in root.xpath("//comment() | //processing-instruction()"):
        _remove(comment)
    metadata = _metadata(root)
    title = _page_title(root)
    _drop_chrome(root)
    body = root.find("body")
    if body is None:
        body = root
    article = _article(body)
    if _prose(article) < MIN_ARTICLE_CJK:
        raise InputError(f"{path}: no article found in the HTML page "
                         f"({_prose(article)} Chinese characters outside links and menus)")
    blocks = _blocks(article)
    head: list[Block] = [f"{label}：{value}" for label, value in metadata]
    article_text = "".join(b for b in blocks if isinstance(b, str))
    if title and re.sub(r"\s", "", title) not in re.sub(r"\s", "", article_text[:2000]):
        head.append(title)
    return head + blocks, encoding


# --- the page around the article -------------------------------------------------------------


def _remove(node: Any) -> None:
    """Drop ``node`` but keep its tail text in the flow."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


def _is_chrome(node: Any) -> bool:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _DROP_TAGS:
        return True
    if tag in ("header", "footer") and not any(
            a.tag in ("article", "main") for a in node.iterancestors()):
        return True
    names = f"{node.get('class') or ''} {node.get('id') or ''} {node.get('role') or ''}"
    return bool(_CHROME.search(names.strip())) if names.strip() else False


def _drop_chrome(root: Any) -> None:
    total = _prose(root)
    for node in list(root.iter()):
        if isinstance(node.tag, str) and node.getparent() is not None and _is_chrome(node) \
                and _prose(node) <= total / 2:  # a rule that would drop the article is wrong here
            _remove(node)


def _link_free_text(node: Any) -> str:
    parts: list[str] = []

    def visit(el: Any) -> None:
        if el.tag != "a" and el.text:
            parts.append(el.text)
        if el.tag != "a":
            for child in el:
                if isinstance(child.tag, str):
                    visit(child)
                if child.tail:
                    parts.append(child.tail)

    visit(node)
    return "".join(parts)


def _prose(node: Any) -> int:
    return len(_CJK.findall(_link_free_text(node)))


def _article(body: Any) -> Any:
    """The smallest element holding ``DOMINANT`` of the page's prose (see the module docstring)."""
    node = body
    while True:
        total = _prose(node)
        children = [c for c in node if isinstance(c.tag, str)]
        best = max(children, key=_prose, default=None)
        if best is None or total == 0 or _prose(best) < DOMINANT * total:
            return node
        if best.tag in ("table", "thead", "tbody", "tr") and not best.xpath(".//table"):
            return node  # a data table is part of the article, not the article
        node = best


def _metadata(root: Any) -> list[tuple[str, str]]:
    """(label, value) of the gov metadata block wherever the page prints it, first seen wins."""
    fragments: list[str] = []
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "title"):
            continue
        for piece in (node.text, *(child.tail for child in node)):
            if piece and piece.strip():
                fragments.append(clean_text(piece))
    found: dict[str, str] = {}
    for i, fragment in enumerate(fragments):
        match = _META_FRAGMENT.match(fragment)
        if match is None:
            continue
        label = re.sub(r"\s", "", match.group(1) or match.group(2))
        if label not in META_LABELS or label in found:
            continue
        value = match.group(3)
        if value is None and i + 1 < len(fragments):
            following = fragments[i + 1]
            next_label = _META_FRAGMENT.match(following)
            if next_label is None or re.sub(r"\s", "", next_label.group(1)
                                            or next_label.group(2)) not in META_LABELS:
                value = following
        if value and len(value) <= MAX_META_VALUE:
            found[label] = value.strip()
    return [(label, found[label]) for label in META_LABELS if label in found]


def _page_title(root: Any) -> str | None:
    """The plan's title as the page prints it: an <h1> naming a document, else <title>."""
    headings = [clean_text(h.text_content()) for h in root.iter("h1", "h2")]
    headings = [h for h in headings if _CJK.search(h)]
    for heading in headings:
        if _DOC_WORDS.search(heading):
            return heading
    title = root.find(".//title")
    if title is not None and title.text:
        first = re.split(r"\s*[-_|｜—]+\s*", clean_text(title.text))[0]
        if _DOC_WORDS.search(first):
            return first
    return None


# --- the article -----------------------------------------------------------------------------


def _blocks(article: Any) -> list[Block]:
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        if text.strip():
            blocks.append(text)

    def visit(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br":
            flush()
        elif _footnote_mark(node, buffer):
            pass  # "接待游客总人次<sup>1</sup>": the mark of a footnote, no part of the name
        elif tag == "table" and not node.xpath(".//table") and is_frame(
                sum(cell.tag in ("td", "th") for cell in tr) for tr in node.iter("tr")):
            flush()
            for cell in node.iter("td", "th"):  # a box drawn as a one-column table: prose
                visit(cell)
        elif tag == "table" and not node.xpath(".//table"):
            flush()
            table = _table(node)
            if table is not None:
                blocks.append(table)
        elif tag in _BLOCK_TAGS or tag == "table":
            flush()
            if node.text:
                buffer.append(node.text)
            for child in node:
                visit(child)
            flush()
        else:
            if node.text:
                buffer.append(node.text)
            for child in node:
                visit(child)
        if node.tail:
            buffer.append(node.tail)

    if article.text:
        buffer.append(article.text)
    for child in article:
        visit(child)
    flush()
    return blocks


_SUPERSCRIPT = re.compile(r"vertical-align\s*:\s*super", re.IGNORECASE)


def _footnote_mark(node: Any, buffer: list[str]) -> bool:
    """Whether ``node`` is a footnote's mark: a superscript of one or two digits right after a
    Chinese character (not the 2 of m², nor a power after a figure)."""
    if node.tag != "sup" and not _SUPERSCRIPT.search(str(node.get("style", ""))):
        return False
    if not re.fullmatch(r"\s*\d{1,2}\s*", node.text_content() or ""):
        return False
    before = "".join(buffer).rstrip()
    return bool(before) and _CJK.match(before[-1]) is not None


def _span(node: Any, name: str) -> int:
    try:
        return max(1, min(int(str(node.get(name, "1")).strip() or 1), 100))
    except ValueError:
        return 1


def _cell_text(cell: Any) -> str:
    lines = [b for b in _blocks(cell) if isinstance(b, str)]
    return join_lines(clean_text(line) for line in lines)


def _table(node: Any) -> TableBlock | None:
    rows: list[list[SourceCell]] = []
    header_rows = 0
    for tr in node.iter("tr"):
        in_head = any(a.tag == "thead" for a in tr.iterancestors())
        cells = [SourceCell(_cell_text(cell), rowspan=_span(cell, "rowspan"),
                            colspan=_span(cell, "colspan"), header=cell.tag == "th" or in_head)
                 for cell in tr if cell.tag in ("td", "th")]
        if cells:
            rows.append(cells)
            header_rows += in_head
    if not rows:
        return None
    caption = node.find("caption")
    caption_text = clean_text(caption.text_content()) if caption is not None else None
    return TableBlock(rows, caption=caption_text or None, header_rows=header_rows or None)
