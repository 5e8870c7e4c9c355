#!/usr/bin/env python3
"""The clinic's usual alternative, for bench/browser/run.sh: a static web
site of the same content, one HTML file per page plus a home page of tiles,
as a browser in kiosk mode would show it.

usage: make_site.py CAREKIOSK CONTENT_DIR OUT_DIR [LANG]

The pages come from `carekiosk dump` (the kiosk's own document model), so
the site says exactly what the kiosk says. It carries no search script: it
is a lower bound of what such a site costs a browser. Its home page reports
its first paint and first contentful paint (the browser's own Paint Timing,
unix milliseconds) with a beacon to the server that run.sh starts.
"""
import html
import json
import os
import shutil
import subprocess
import sys

STYLE = """
body { margin: 0; font-family: 'Noto Sans', sans-serif; font-size: 30px;
       background: #f6f4ef; color: #1d1d1b; }
header { background: #1f4e5a; color: #fff; padding: 40px 48px; font-size: 44px;
         font-weight: bold; }
main { padding: 32px 48px; }
.search { display: block; width: 100%; box-sizing: border-box; font-size: 30px;
          padding: 24px 32px; border: 3px solid #1f4e5a; border-radius: 48px;
          margin-bottom: 32px; }
a.tile { display: block; background: #fff; border-radius: 24px; padding: 32px;
         margin-bottom: 24px; color: inherit; text-decoration: none; }
a.tile b { display: block; font-size: 36px; margin-bottom: 8px; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 12px; }
img { max-width: 100%; }
blockquote { border-left: 8px solid #1f4e5a; margin: 0; padding-left: 24px; }
"""

PAINT_BEACON = """
<script>
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    navigator.sendBeacon('/paint?name=' + e.name + '&unix_ms=' + (performance.timeOrigin + e.startTime));
  });
}).observe({type: 'paint', buffered: true});
</script>
"""


def dump(kiosk, content, lang, page):
    out = subprocess.run([kiosk, "dump", "--content", content, "--page", page, "--lang", lang],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def spans_html(spans):
    parts = []
    for span in spans:
        text = html.escape(span.get("text", ""))
        styles = span.get("style", [])
        if "bold" in styles:
            text = "<b>" + text + "</b>"
        if "italic" in styles:
            text = "<i>" + text + "</i>"
        if "code" in styles:
            text = "<code>" + text + "</code>"
        if span.get("link"):
            text = '<a href="%s.html">%s</a>' % (html.escape(span["link"]), text)
        parts.append(text)
    return "".join(parts)


def blocks_html(blocks):
    parts = []
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            level = block.get("level", 2)
            parts.append("<h%d>%s</h%d>" % (level, spans_html(block.get("spans", [])), level))
        elif kind == "paragraph":
            parts.append("<p>%s</p>" % spans_html(block.get("spans", [])))
        elif kind == "list":
            tag = "ol" if block.get("ordered") else "ul"
            items = "".join("<li>%s</li>" % blocks_html(item.get("children", []))
                            for item in block.get("children", []))
            parts.append("<%s>%s</%s>" % (tag, items, tag))
        elif kind == "table":
            rows = []
            for row in block.get("children", []):
                tag = "th" if row.get("header") else "td"
                rows.append("<tr>%s</tr>" % "".join("<%s>%s</%s>" % (tag, spans_html(cell.get("spans", [])), tag)
                                                      for cell in row.get("children", [])))
            parts.append("<table>%s</table>" % "".join(rows))
        elif kind == "quote":
            parts.append("<blockquote>%s</blockquote>" % blocks_html(block.get("children", [])))
        elif kind == "image":
            parts.append('<img src="%s" alt="%s">' % (html.escape(block["src"]), html.escape(block.get("alt", ""))))
        elif kind == "code":
            parts.append("<pre>%s</pre>" % html.escape(block.get("text", "")))
    return "\n".join(parts)


def page_html(title, body, extra=""):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title><style>%s</style></head>\n"
            "<body>%s%s</body></html>\n" % (html.escape(title), STYLE, body, extra))


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    kiosk, content, out = sys.argv[1:4]
    with open(os.path.join(content, "kiosk.json"), encoding="utf-8") as f:
        config = json.load(f)
    lang = sys.argv[4] if len(sys.argv) == 5 else config.get("default_language", "en")
    clinic = config.get("clinic_name", "")
    os.makedirs(out, exist_ok=True)
    pages_dir = os.path.join(content, lang, "pages")
    tiles = []
    for page in config.get("home_tiles", []):
        if page == "faq":
            with open(os.path.join(content, lang, "faq.json"), encoding="utf-8") as f:
                faq = json.load(f)
            body = "".join("<details><summary>%s</summary><p>%s</p></details>"
                           % (html.escape(q.get("question", "")), html.escape(q.get("answer", "")))
                           for q in faq.get("questions", []))
            title = "Questions and answers"
            tiles.append('<a class="tile" href="faq.html"><b>%s</b>%d questions</a>'
                         % (title, len(faq.get("questions", []))))
        else:
            doc = dump(kiosk, content, lang, page)
            title = doc.get("title", page)
            body = blocks_html(doc["blocks"])
            tiles.append('<a class="tile" href="%s.html"><b>%s</b>%s</a>'
                         % (page, html.escape(title), html.escape(doc.get("summary", ""))))
        with open(os.path.join(out, page + ".html"), "w", encoding="utf-8") as f:
            f.write(page_html(title, "<header>%s</header><main>%s</main>" % (html.escape(clinic), body)))
    for name in os.listdir(pages_dir):
        if name.lower().endswith((".png", ".jpg", ".jpeg")):
            shutil.copy(os.path.join(pages_dir, name), out)
    home = ('<header>%s</header><main><input class="search" placeholder="Search: type your question">%s</main>'
            % (html.escape(clinic), "\n".join(tiles)))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(page_html(clinic, home, PAINT_BEACON))


if __name__ == "__main__":
    main()
