#!/usr/bin/python3
"""Writes a large, complete kiosk content folder for the kiosk benchmarks.

One language (en): kiosk.json, en/pages/*.md with front matter (headings,
lists, emphasis, links between pages and to questions, a few pictures),
en/faq.json with the questions, and ui.json and synonyms.json copied from
the bundled content. Page 0 is much longer than the others, so the scroll
benchmark has one long page to fling through; it is the first home tile.
The text is built from the skin-care word lists of search/gen_content.py in
a handful of sentence shapes. Standard library only; the same arguments
give the same folder, byte for byte.

usage: gen_large.py BUNDLED_CONTENT_DIR OUT_DIR [PAGES [QUESTIONS]]
       (defaults: 500 pages, 5000 questions)
"""
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "search"))
from gen_content import ACTIONS, SHAPES, TIMES, TOPICS, WORDS, sentence  # noqa: E402

SEED = 20240601
ICONS = ["drop", "list", "calendar"]
HEADINGS = ["Before your visit", "On the day", "The first week", "Looking after {topic}",
            "When to call us", "What results to expect", "Questions people ask about {topic}",
            "Living with {topic}", "Sun and {topic}", "Your routine at home"]
PICTURES = ["healing-timeline.png", "needle-depth.png"]


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def emphasise(rng, text):
    """Bold or italic on one word of a paragraph, as the bundled pages do."""
    words = text.split(" ")
    i = rng.randrange(1, len(words) - 1)
    words[i] = ("**%s**" if rng.random() < 0.5 else "*%s*") % words[i]
    return " ".join(words)


def section(rng, page_ids, question_ids):
    topic = rng.choice(TOPICS)
    lines = ["## " + rng.choice(HEADINGS).format(topic=topic), ""]
    lines += [emphasise(rng, paragraph(rng, rng.randint(2, 5))), ""]
    if rng.random() < 0.6:
        lines += ["- You can %s %s." % (rng.choice(ACTIONS), rng.choice(TIMES)) for _ in range(rng.randint(2, 5))]
        lines.append("")
    if rng.random() < 0.3:
        lines += ["See [%s](%s) and [this question](faq#%s)."
                  % (rng.choice(TOPICS), rng.choice(page_ids), rng.choice(question_ids)), ""]
    if rng.random() < 0.05:
        lines += ["![A drawing about %s, with labels for each stage.](%s)" % (topic, rng.choice(PICTURES)), ""]
    return lines


def write_page(path, rng, index, page_ids, question_ids, sections):
    title = "%s and %s" % (rng.choice(TOPICS).capitalize(), rng.choice(TOPICS))
    if index == 0:
        title = "Complete guide to aftercare"
    lines = ["---", "title: %s" % title,
             "summary: %s" % sentence(rng).rstrip("."),
             "order: %d" % (index + 1),
             "icon: %s" % rng.choice(ICONS),
             "reviewed: 2026-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
             "owner: Clinical team", "---", "", "# " + title, "",
             paragraph(rng, 3), ""]
    for _ in range(sections):
        lines += section(rng, page_ids, question_ids)
    with open(path, "w") as f:
        f.write("\n".join(lines))


def question(rng, index):
    shape = rng.choice(SHAPES)
    text = shape.format(action=rng.choice(ACTIONS), topic=rng.choice(TOPICS), time=rng.choice(TIMES))
    return {
        "id": "q-%05d" % index,
        "question": text,
        "answer": emphasise(rng, paragraph(rng, rng.randint(2, 5))),
        "keywords": rng.sample(WORDS, rng.randint(0, 4)),
    }


def main():
    if not 3 <= len(sys.argv) <= 5:
        sys.exit(__doc__)
    bundled, out = sys.argv[1], sys.argv[2]
    page_count = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    question_count = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
    rng = random.Random(SEED)
    shutil.rmtree(out, ignore_errors=True)
    pages = os.path.join(out, "en", "pages")
    os.makedirs(pages)
    for name in ["ui.json", "synonyms.json"]:
        shutil.copy(os.path.join(bundled, "en", name), os.path.join(out, "en"))
    for name in PICTURES:
        shutil.copy(os.path.join(bundled, "en", "pages", name), pages)

    page_ids = ["page-%03d" % i for i in range(page_count)]
    question_ids = ["q-%05d" % i for i in range(question_count)]
    for i, page_id in enumerate(page_ids):
        write_page(os.path.join(pages, page_id + ".md"), rng, i, page_ids, question_ids,
                   60 if i == 0 else rng.randint(2, 8))
    with open(os.path.join(out, "en", "faq.json"), "w") as f:
        json.dump({"questions": [question(rng, i) for i in range(question_count)]}, f, indent=1)
    with open(os.path.join(out, "kiosk.json"), "w") as f:
        json.dump({"clinic_name": "Benchmark Clinic", "languages": ["en"], "default_language": "en",
                   "idle_timeout_seconds": 90, "home_tiles": page_ids[:5] + ["faq"]}, f, indent=1)


if __name__ == "__main__":
    main()
