#!/usr/bin/env python3
"""One number for one fact.

The same fact (how long to avoid saunas, when makeup can go back on, how
long an appointment takes ...) is told in several places: the pages, the
questions and answers, and the labels drawn in the pictures by
scripts/make-diagrams.py, in every language. This test finds every mention
of each fact in FACTS below, reads its value with a regular expression
anchored on the fact's wording in that language, and fails when

  - two mentions of one fact give different values (in any two files or
    languages), or
  - a fact has no mention at all in a language: its wording changed, so the
    patterns below must be updated too (the test never passes silently
    because it stopped seeing a fact).

usage: facts_consistency.py [--content DIR] [--diagrams FILE] [--list]
       facts_consistency.py --self-test

  --content DIR    the content folder (default: the repository's content/)
  --diagrams FILE  the picture script (default: scripts/make-diagrams.py)
  --list           print every mention found, with its file, line and value
  --self-test      copy the content and the picture script to a temporary
                   folder, change one number in one mention of several facts
                   (one copy each) and check that every change is caught

exit: 0 every fact has one value, 1 a fact disagrees or is missing (or the
self-test missed a change), 2 the files could not be read.

Adding a fact: give it an id, what it is, the unit its values are compared
in, and for each language one or more patterns. A pattern has a group named
v holding the value with its unit ("48 to 72 hours", "a week", "day 3");
{R} stands for a number or a range of numbers and {U} for a unit word.
Plain text is matched: Markdown emphasis (* _ ~) and quote marks (>) are
removed, line breaks and runs of spaces are one space, and table cells keep
their | separators. Run with --list to see what each pattern finds.
"""

import argparse
import ast
import json
import os
import re
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGS = ("en", "es")

# --------------------------------------------------------------------------
# Building blocks for the patterns
# --------------------------------------------------------------------------

NUM = {
    "en": r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|an?)",
    "es": r"(?:\d+(?:[.,]\d+)?|una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)",
}
# a number or a range of numbers: "72", "48 to 72", "3 or 4", "de 2 a 3"
R = {
    "en": rf"{NUM['en']}(?:\s*(?:to|or|-|–)\s*{NUM['en']})?",
    "es": rf"(?:de\s+)?{NUM['es']}(?:\s*(?:a|o|-|–)\s*{NUM['es']})?",
}
UNIT = {
    "en": r"(?:minutes?|hours?|days?|weeks?|months?|years?|mm)",
    "es": r"(?:minutos?|horas?|días?|semanas?|mes(?:es)?|años?|mm)",
}


def P(lang, pattern):
    """Expand {R} (a number or range) and {U} (a unit word) in a pattern."""
    return pattern.replace("{R}", R[lang]).replace("{U}", UNIT[lang])


# --------------------------------------------------------------------------
# The facts
# --------------------------------------------------------------------------
# unit: what values are compared in. "hours", "days", "weeks", "months",
# "minutes" convert between units ("2 days" equals "48 hours"); "day" is a
# day number ("day 3"); "mm", "number" and "spf" are plain numbers; "phrase"
# compares the words of v after the fact's "phrases" map.

FACTS = [
    {
        "id": "sauna",
        "what": "saunas, steam rooms, hot yoga and hot baths: wait",
        "unit": "hours",
        "en": [r"\bsaunas?\b[^.|]{0,120}?(?:\|\s*)?(?:after|for)\s+(?P<v>{R}\s*{U})"],
        "es": [r"\bsauna\b[^.|]{0,160}?(?:\|\s*)?(?:después de|durante)\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "swimming",
        "what": "swimming, pools and hot tubs: wait",
        "unit": "hours",
        "en": [r"\bswimming\b[^.|]{0,30}?(?:\|\s*)?(?:after|for)\s+(?P<v>{R}\s*{U})",
               r"\bwait\s+(?P<v>{R}\s*{U})\s+before swimming"],
        "es": [r"\bno nade durante\s+(?P<v>{R}\s*{U})",
               r"\bpiscina y jacuzzi\s*\|\s*después de\s+(?P<v>{R}\s*{U})",
               r"\bespere\s+(?P<v>{R}\s*{U})\s+antes de nadar"],
    },
    {
        "id": "exercise",
        "what": "gym, sport and heavy sweating: wait",
        "unit": "hours",
        "en": [r"\bgym\b[^.|]{0,40}?(?:\|\s*)?(?:after|for)\s+(?P<v>{R}\s*{U})",
               r"\bwait\s+(?P<v>{R}\s*{U})\s+before exercise"],
        "es": [r"\bgimnasio\b[^.|]{0,40}?(?:\|\s*)?(?:después de|durante)\s+(?P<v>{R}\s*{U})",
               r"\bespere\s+(?P<v>{R}\s*{U})\s+antes de hacer ejercicio"],
    },
    {
        "id": "alcohol",
        "what": "alcohol: avoid for",
        "unit": "hours",
        "en": [r"\balcohol\s*(?:\|\s*)?(?:for|after)\s+(?P<v>{R}\s*{U})"],
        "es": [r"\balcohol\s*(?:\|\s*)?(?:durante|después de)\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "makeup",
        "what": "makeup: wait",
        "unit": "hours",
        "en": [r"\bno makeup\s+for\s+(?P<v>{R}\s*{U})",
               r"\bmakeup\s*\|\s*after\s+(?P<v>{R}\s*{U})",
               r"\bwait\s+(?P<v>{R}\s*{U})\s+before wearing makeup",
               r"\bafter\s+(?P<v>{R}\s*{U}),?\s+you can wear[^.]{0,30}makeup"],
        "es": [r"\bnada de maquillaje\s+durante\s+(?P<v>{R}\s*{U})",
               r"\bmaquillaje\s*\|\s*después de\s+(?P<v>{R}\s*{U})",
               r"\bespere\s+(?P<v>{R}\s*{U})\s+antes de maquillarse",
               r"\bpasadas\s+(?P<v>{R}\s*{U}),?\s+puede usar[^.]{0,30}maquillaje"],
    },
    {
        "id": "clinic-products-only",
        "what": "only products the clinic gives or names, for the first",
        "unit": "hours",
        "en": [r"\bfirst\s+(?P<v>{R}\s*{U}),?\s+(?:use|put on)\s+only",
               r"\bproducts we did not give you or name\s*\|\s*after\s+(?P<v>{R}\s*{U})"],
        "es": [r"\bprimeras\s+(?P<v>{R}\s*{U}),?\s+use solo",
               r"\bproductos que no le hayamos dado ni indicado\s*\|\s*después de\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "actives-restart",
        "what": "retinoids, acids, scrubs and vitamin C: wait at least",
        "unit": "days",
        "en": [r"\b(?:retinoids|scrubs|vitamin c serum)\s*\|\s*after at least\s+(?P<v>{R}\s*{U})",
               r"\bvitamin c serums yet\.\s*wait at least\s+(?P<v>{R}\s*{U})",
               r"\bfor at least\s+(?P<v>{R}\s*{U})\s+after treatment, avoid",
               r"\bdo not use it for at least\s+(?P<v>{R}\s*{U})",
               r"\bretinoids after at least\s+(?P<v>{R}\s*{U})",
               r"\bstill feels sensitive on (?P<v>day\s+\d+)"],
        "es": [r"\b(?:retinoides|exfoliantes|vitamina c)\s*\|\s*después de al menos\s+(?P<v>{R}\s*{U})",
               r"\bvitamina c\.\s*espere al menos\s+(?P<v>{R}\s*{U})",
               r"\bdurante al menos\s+(?P<v>{R}\s*{U})\s+desde el tratamiento, evite",
               r"\bdeje de usarlo durante al menos\s+(?P<v>{R}\s*{U})",
               r"\bretinoides después de al menos\s+(?P<v>{R}\s*{U})",
               r"\bsi el (?P<v>día\s+\d+) la piel sigue sensible"],
    },
    {
        "id": "shaving",
        "what": "shaving the treated area: wait",
        "unit": "days",
        "en": [r"\bshaving the treated area\s*\|\s*after\s+(?P<v>{R}\s*{U})",
               r"\bwait\s+(?P<v>{R}\s*{U})\s+before shaving"],
        "es": [r"\bafeitar la zona tratada\s*\|\s*después de\s+(?P<v>{R}\s*{U})",
               r"\bespere\s+(?P<v>{R}\s*{U})\s+antes de afeitar"],
    },
    {
        "id": "sunbeds",
        "what": "sunbathing and sunbeds: avoid, before and after treatment",
        "unit": "weeks",
        "en": [r"\bsunbathing and sunbeds\b[^.]{0,30}?for at least\s+(?P<v>{R}\s*{U})"],
        "es": [r"\btomar el sol y (?:los )?rayos uva\b[^.]{0,30}?(?:durante )?al menos\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "spf",
        "what": "sunscreen: SPF at least",
        "unit": "spf",
        "en": [r"\bSPF\s+(?P<v>\d+)"],
        "es": [r"\bFPS\s+(?P<v>\d+)"],
    },
    {
        "id": "sun-start",
        "what": "sun protection starts",
        "unit": "phrase",
        "phrases": {"today": "day 0", "now": "day 0", "on the day of treatment": "day 0",
                    "hoy": "day 0", "ahora": "day 0", "el mismo día del tratamiento": "day 0",
                    "the next day": "day 1", "the day after treatment": "day 1",
                    "al día siguiente": "day 1", "el día siguiente": "day 1"},
        "en": [r"\bsun protection starts\s+(?P<v>today|now|on the day of treatment|the next day|the day after treatment)"],
        "es": [r"\bla protección solar empieza\s+(?P<v>hoy|ahora|el mismo día del tratamiento|al día siguiente|el día siguiente)"],
    },
    {
        "id": "appointment-length",
        "what": "appointment length, in total",
        "unit": "minutes",
        "en": [r"\bplan for about\s+(?P<v>{R}\s*{U})",
               r"\bplan for about[^.(]{0,30}\((?P<v>\d+ hours? \d+ minutes)\)"],
        "es": [r"\bcalcule unos\s+(?P<v>{R}\s*{U})",
               r"\bcalcule unos[^.(]{0,30}\((?P<v>(?:\d+ |una )?horas? y media)\)"],
    },
    {
        "id": "numbing-time",
        "what": "numbing cream: left on for",
        "unit": "minutes",
        "en": [r"\bit stays on for\s+(?P<v>{R}\s*{U})",
               r"\bnumbing cream\b[^.]{0,40}?(?:for|takes)\s+(?P<v>{R}\s*{U})"],
        "es": [r"\bse deja actuar\s+(?P<v>{R}\s*{U})",
               r"\bcrema anestésica\b[^.]{0,40}?(?:durante|tarda)\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "needling-time",
        "what": "the microneedling itself takes",
        "unit": "minutes",
        "en": [r"\bthis part takes about\s+(?P<v>{R}\s*{U})",
               r"\bmicroneedling itself takes about\s+(?P<v>{R}\s*{U})"],
        "es": [r"\besta parte dura unos\s+(?P<v>{R}\s*{U})",
               r"\bmicroneedling en sí dura unos\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "results-show",
        "what": "results: first signs after",
        "unit": "weeks",
        "en": [r"\|\s*(?P<v>{R}\s*{U})\s*\|\s*early signs",
               r"\bfirst real changes[^.]{0,40}?after\s+(?P<v>{R}\s*{U})"],
        "es": [r"\|\s*(?P<v>{R}\s*{U})\s*\|\s*primeros signos",
               r"\bprimeros cambios reales[^.]{0,40}?a las\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "results-peak",
        "what": "results: fullest, after the last session",
        "unit": "months",
        "en": [r"\|\s*(?P<v>{R}\s*{U}) after your last session\s*\|\s*fullest",
               r"\bfullest results are usually seen\s+(?P<v>{R}\s*{U})"],
        "es": [r"\|\s*(?P<v>{R}\s*{U}) después de la última sesión\s*\|\s*resultado máximo",
               r"\bresultado máximo suele verse\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "flaking-start",
        "what": "flaking or peeling starts",
        "unit": "day",
        "en": [r"\b(?:flak\w*|peel\w*)\b[^.|]{0,40}?(?:starts?\s+around|from)\s+(?P<v>day\s+\d+)",
               r"\bflaking\s*\|[^|]*\|\s*starts around\s+(?P<v>day\s+\d+)"],
        "es": [r"\bhacia el (?P<v>día\s+\d+) puede empezar a pelarse",
               r"\bdescamación\s*\|[^|]*\|\s*empieza hacia el (?P<v>día\s+\d+)",
               r"\b(?:pele\w*|pelarse|descame)\b[^.|]{0,40}?(?:a partir del|desde el)\s+(?P<v>día\s+\d+)"],
    },
    {
        "id": "flaking-end",
        "what": "flaking settles by",
        "unit": "day",
        "en": [r"\bsettles by about\s+(?P<v>day\s+\d+)"],
        "es": [r"\bsuele pasar hacia el\s+(?P<v>día\s+\d+)"],
    },
    {
        "id": "skin-normal",
        "what": "skin looks normal again by",
        "unit": "day",
        "en": [r"\bby about (?P<v>day\s+\d+),\s+your skin usually looks",
               r"\blooks normal again by (?:about )?(?P<v>day\s+\d+)"],
        "es": [r"\bhacia el (?P<v>día\s+\d+),\s+(?:su|la) piel suele verse",
               r"\bverse normal(?: otra vez)? hacia el (?P<v>día\s+\d+)"],
    },
    {
        "id": "after-pregnancy",
        "what": "after pregnancy, treatment can start",
        "unit": "phrase",
        "phrases": {
            "after your baby is born and you have stopped breastfeeding": "after breastfeeding",
            "until you have stopped breastfeeding": "after breastfeeding",
            "after your baby is born": "after the birth",
            "after the birth": "after the birth",
            "cuando su bebé haya nacido y usted haya dejado de dar el pecho": "after breastfeeding",
            "a que haya dejado de dar el pecho": "after breastfeeding",
            "después del nacimiento de su bebé": "after the birth",
        },
        "en": [r"\bhappy to (?:treat|see) you (?P<v>after [^.]{0,80}?)\.",
               r"\bwaiting (?P<v>until you have stopped breastfeeding)"],
        "es": [r"\bencantados de atenderle (?P<v>[^.]{0,90}?)\.",
               r"\besperar (?P<v>a que haya dejado de dar el pecho)"],
    },
    {
        "id": "events",
        "what": "important event: book treatment at least ... before",
        "unit": "weeks",
        "en": [r"\b(?:book your treatment|the last one is) at least\s+(?P<v>{R}\s*{U})\s+before"],
        "es": [r"\b(?:pida la cita|la última sea) al menos\s+(?P<v>{R}\s*{U})\s+antes"],
    },
    {
        "id": "isotretinoin",
        "what": "isotretinoin: wait after the last dose",
        "unit": "months",
        "en": [r"\bisotretinoin\b[^.]{0,60}?(?:in the last|at least)\s+(?P<v>{R}\s*{U})",
               r"\bwe wait\s+(?P<v>{R}\s*{U})\s+after your last dose"],
        "es": [r"\bisotretinoína en los últimos\s+(?P<v>{R}\s*{U})",
               r"\bal menos\s+(?P<v>{R}\s*{U})\s+desde que terminó la isotretinoína",
               r"\besperamos\s+(?P<v>{R}\s*{U})\s+desde la última dosis"],
    },
    {
        "id": "session-interval",
        "what": "sessions: apart",
        "unit": "weeks",
        "en": [r"\b(?:spaced|sessions are usually)\s+(?P<v>{R}\s*{U})\s+apart",
               r"\bnext session is usually\s+(?P<v>{R}\s*{U})\s+after"],
        "es": [r"\bseparación de\s+(?P<v>{R}\s*{U})\s+entre ellas",
               r"\bpróxima sesión suele ser\s+(?P<v>{R}\s*{U})\s+después",
               r"\bintervalo de\s+(?P<v>{R}\s*{U})\s+entre sesiones",
               r"\bcon\s+(?P<v>{R}\s*{U})\s+entre cada una"],
    },
    {
        "id": "session-count",
        "what": "sessions: how many most people have",
        "unit": "number",
        "en": [r"\bmost people (?:have|need)\b[^.]{0,20}?\s(?P<v>{R})\s+sessions"],
        "es": [r"\bla mayoría de las personas (?:se hace|necesita)\b[^.]{0,20}?\s(?P<v>{R})\s+sesiones"],
    },
    {
        "id": "redness",
        "what": "redness fades over",
        "unit": "days",
        "en": [r"\bfades over\s+(?P<v>{R}\s*{U})",
               r"\|\s*redness\s*\|[^|]*\|\s*(?P<v>{R}\s*{U})\s*\|",
               r"\blike mild sunburn, for\s+(?P<v>{R}\s*{U})"],
        "es": [r"\bbaja(?:r)? en\s+(?P<v>{R}\s*{U})",
               r"\|\s*enrojecimiento\s*\|[^|]*\|\s*(?P<v>{R}\s*{U})\s*\|",
               r"\bquemadura solar leve, durante\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "redness-call",
        "what": "call us when redness lasts more than",
        "unit": "days",
        "en": [r"\blasts more than\s+(?P<v>{R}\s*{U})"],
        "es": [r"\bdura más de\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "bruising",
        "what": "small bruises last up to",
        "unit": "days",
        "en": [r"\bpinpoint bruising\s*\|[^|]*\|\s*up to\s+(?P<v>{R}\s*{U})",
               r"\busually fade within\s+(?P<v>{R}\s*{U})",
               r"\bbruises can last up to\s+(?P<v>{R}\s*{U})"],
        "es": [r"\bpequeños moratones\s*\|[^|]*\|\s*hasta\s+(?P<v>{R}\s*{U})",
               r"\bsuelen desaparecer en\s+(?P<v>{R}\s*{U})",
               r"\bmoratones pueden durar hasta\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "top-up",
        "what": "top-up session every",
        "unit": "months",
        "en": [r"\btop-up session\b[^.]{0,50}?every\s+(?P<v>{R}\s*{U})"],
        "es": [r"\bsesión de mantenimiento\b[^.]{0,60}?cada\s+(?P<v>{R}\s*{U})"],
    },
    {
        "id": "results-last",
        "what": "results last",
        "unit": "years",
        "en": [r"\b(?:last|often)\s+(?P<v>{R}\s*{U}) or more"],
        "es": [r"\b(?:durar|menudo)\s+(?P<v>{R}\s*{U}) o más"],
    },
    {
        "id": "needle-depth",
        "what": "needle depth on most of the face",
        "unit": "mm",
        "en": [r"(?P<v>{R}\s*mm)\b"],
        "es": [r"(?P<v>{R}\s*mm)\b"],
    },
    {
        "id": "prep-retinoids",
        "what": "before treatment: stop retinoids and exfoliants",
        "unit": "days",
        "en": [r"\bstop (?:retinoids|exfoliants)\b[^.]{0,40}?\s(?P<v>{R}\s*{U})\s+before"],
        "es": [r"\bdeje de usar (?:los )?(?:retinoides|exfoliantes)\b[^.]{0,40}?\s(?P<v>{R}\s*{U})\s+antes"],
    },
    {
        "id": "prep-bleeding-medicines",
        "what": "before treatment: stop ibuprofen, aspirin, fish oil, vitamin E (if not prescribed)",
        "unit": "days",
        "en": [r"\bstop (?:them|ibuprofen\b[^.]{0,90}?)\s+(?P<v>{R}\s*{U})\s+before"],
        "es": [r"\bdeje de tomar(?:los| el ibuprofeno\b[^.]{0,90}?)\s+(?P<v>{R}\s*{U})\s+antes"],
    },
]

# --------------------------------------------------------------------------
# Reading the files into plain text
# --------------------------------------------------------------------------


class Segment:
    """Plain text to search, with the source line of every character."""

    def __init__(self, path, lang):
        self.path, self.lang = path, lang
        self.chars, self.lines = [], []

    def put(self, ch, line):
        """Add one character: emphasis marks are dropped, any run of white
        space becomes one space."""
        if ch in "*_~":
            return
        if ch.isspace():
            if self.chars and self.chars[-1] == " ":
                return
            ch = " "
        self.chars.append(ch)
        self.lines.append(line)

    @property
    def text(self):
        return "".join(self.chars)


def plain_markdown(path, lang, raw):
    """Markdown (with front matter) as one segment: emphasis and quote marks
    dropped, each line break a space."""
    seg = Segment(path, lang)
    for number, line in enumerate(raw.split("\n"), 1):
        line = line.strip()
        if line.startswith(">"):
            line = line.lstrip("> ")
        for ch in line + " ":
            seg.put(ch, number)
    return [seg]


def plain_string(path, lang, value, line):
    seg = Segment(path, lang)
    for ch in value:
        seg.put(ch, line)
    return seg


def line_of(raw_lines, value, start=0):
    """The line (1-based) of a JSON file that holds the string value."""
    probe = json.dumps(value, ensure_ascii=False)[1:61]
    for i in range(start, len(raw_lines)):
        if probe in raw_lines[i]:
            return i + 1
    return 0


def json_segments(path, lang, raw, kind):
    data = json.loads(raw)
    raw_lines = raw.split("\n")
    segments = []
    if kind == "faq":
        fields = []
        for entry in data.get("questions", []):
            for key in ("question", "answer"):
                if isinstance(entry.get(key), str):
                    fields.append(entry[key])
    else:
        fields = [data.get(k) for k in ("title", "summary")]
        for section in data.get("sections", []):
            fields += [section.get("heading"), section.get("body")]
    for value in fields:
        if isinstance(value, str) and value:
            segments.append(plain_string(path, lang, value, line_of(raw_lines, value)))
    return segments


def diagram_segments(path, raw):
    """The strings drawn in the pictures, per language: every value of the
    LABELS table (a list's items joined by ' / ')."""
    tree = ast.parse(raw)
    table = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "LABELS"
                                                for t in node.targets):
            table = node.value
    if not isinstance(table, ast.Dict):
        raise ValueError(f"{path}: no LABELS table")
    segments = []
    for lang_node, labels in zip(table.keys, table.values):
        lang = lang_node.value
        for value in labels.values:
            seg = Segment(path, lang)
            items = value.elts if isinstance(value, ast.List) else [value]
            for i, item in enumerate(items):
                if not (isinstance(item, ast.Constant) and isinstance(item.value, str)):
                    continue
                for ch in (" / " if i else "") + item.value:
                    seg.put(ch, item.lineno)
            segments.append(seg)
    return segments


def read_sources(content, diagrams):
    segments = []
    for lang in LANGS:
        base = os.path.join(content, lang)
        pages = os.path.join(base, "pages")
        names = sorted(os.listdir(pages)) if os.path.isdir(pages) else []
        for name in names:
            path = os.path.join(pages, name)
            if name.endswith(".md"):
                segments += plain_markdown(path, lang, open(path, encoding="utf-8").read())
            elif name.endswith(".json"):
                segments += json_segments(path, lang, open(path, encoding="utf-8").read(), "page")
        faq = os.path.join(base, "faq.json")
        if os.path.isfile(faq):
            segments += json_segments(faq, lang, open(faq, encoding="utf-8").read(), "faq")
    segments += diagram_segments(diagrams, open(diagrams, encoding="utf-8").read())
    return segments


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------

WORDS = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12},
    "es": {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
           "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12},
}
# unit word -> minutes
UNITS = [(r"minutos?|minutes?", 1), (r"horas?|hours?", 60), (r"días?|days?", 1440),
         (r"semanas?|weeks?", 10080), (r"mes(?:es)?|months?", 43800), (r"años?|years?", 525600)]
BASE = {"minutes": 1, "hours": 60, "days": 1440, "weeks": 10080, "months": 43800, "years": 525600}
TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[a-záéíóúñ]+", re.I)


def fmt(x):
    return ("%.2f" % x).rstrip("0").rstrip(".")


def value_of(fact, text, lang):
    """The value of one mention, as a string to compare, or None."""
    text = " ".join(text.split()).lower()
    unit = fact["unit"]
    words = WORDS[lang]
    if unit == "phrase":
        return fact["phrases"].get(text, text)
    text = re.sub(r"\b(\d+|una?)\s+(horas?)\s+y\s+media\b",
                  lambda m: fmt(words.get(m.group(1)) or float(m.group(1))) + ".5 horas", text)
    text = re.sub(r"\bhora y media\b", "1.5 horas", text)
    if unit in BASE:                            # "on day 7" counts as 7 days
        text = re.sub(r"^(?:day|día)\s+(\d+)$", r"\1 days", text)
    numbers, total, pending = [], [], []
    for tok in TOKEN.findall(text):
        if re.fullmatch(r"\d+(?:[.,]\d+)?", tok):
            pending.append(float(tok.replace(",", ".")))
        elif tok in words:
            pending.append(float(words[tok]))
        else:
            for pattern, minutes in UNITS:
                if re.fullmatch(pattern, tok):
                    # the numbers so far are a range in this unit
                    total.append([n * minutes for n in pending])
                    pending = []
                    break
    if unit in BASE:
        if pending or not total:
            return None
        if len(total) == 1:
            numbers = [n / BASE[unit] for n in total[0]]
        else:                                   # "1 hour 30 minutes": a sum
            numbers = [sum(sum(part) for part in total) / BASE[unit]]
        return "-".join(fmt(n) for n in numbers) + " " + unit
    numbers = pending + [n for part in total for n in part]
    if not numbers:
        return None
    if unit == "day":
        return "day " + "-".join(fmt(n) for n in numbers)
    suffix = {"mm": " mm", "spf": "", "number": ""}[unit]
    prefix = "SPF " if unit == "spf" else ""
    return prefix + "-".join(fmt(n) for n in numbers) + suffix


class Mention:
    def __init__(self, fact, seg, match):
        self.fact, self.seg = fact, seg
        self.start = match.start("v")
        self.text = match.group("v")
        self.line = seg.lines[self.start]
        self.value = value_of(fact, self.text, seg.lang)

    def where(self, root):
        return f"{os.path.relpath(self.seg.path, root)}:{self.line}"


def find_mentions(segments):
    found = {f["id"]: [] for f in FACTS}
    compiled = {(f["id"], lang): [re.compile(P(lang, p), re.I) for p in f.get(lang, [])]
                for f in FACTS for lang in LANGS}
    for fact in FACTS:
        for seg in segments:
            if seg.lang not in LANGS:
                continue
            text = seg.text
            seen = set()
            for regex in compiled[(fact["id"], seg.lang)]:
                for m in regex.finditer(text):
                    if m.start("v") in seen:
                        continue
                    seen.add(m.start("v"))
                    found[fact["id"]].append(Mention(fact, seg, m))
    return found


def check(content, diagrams, root, out, listing=False):
    """Returns the problems found (a list of lines); prints the report to out."""
    segments = read_sources(content, diagrams)
    found = find_mentions(segments)
    problems = []
    for fact in FACTS:
        mentions = found[fact["id"]]
        if listing:
            for m in mentions:
                print(f"  {fact['id']:<24} {m.seg.lang} {m.where(root):<48} {m.value!s:<14} {m.text!r}",
                      file=out)
        for lang in LANGS:
            if not any(m.seg.lang == lang for m in mentions):
                problems.append(f"FAIL {fact['id']} ({fact['what']}): no mention in '{lang}'. "
                                f"Its wording changed? Update the patterns in {os.path.basename(__file__)}.")
        unreadable = [m for m in mentions if m.value is None]
        for m in unreadable:
            problems.append(f"FAIL {fact['id']}: {m.where(root)}: cannot read a value from {m.text!r}")
        values = [m.value for m in mentions if m.value is not None]
        if not values:
            continue
        common = max(set(values), key=lambda v: (values.count(v), -values.index(v)))
        reference = next(m for m in mentions if m.value == common)
        for m in mentions:
            if m.value is not None and m.value != common:
                problems.append(f"FAIL {fact['id']} ({fact['what']}): {m.where(root)} says {m.value} "
                                f"({m.text!r}), but {reference.where(root)} says {common} "
                                f"({reference.text!r})")
    for line in problems:
        print(line, file=out)
    if not problems:
        for fact in FACTS:
            mentions = found[fact["id"]]
            per_lang = ", ".join(f"{lang} {sum(m.seg.lang == lang for m in mentions)}" for lang in LANGS)
            print(f"{fact['id']:<24} {mentions[0].value:<16} {len(mentions):>2} mentions ({per_lang})",
                  file=out)
    return problems


# --------------------------------------------------------------------------
# Self-test: every changed number must be caught
# --------------------------------------------------------------------------

# (fact, language, file name): one number in one mention of each is changed,
# in a fresh copy each time. Pages, answers, a JSON page and the pictures'
# labels, in both languages.
MUTATIONS = [
    ("sauna", "en", "faq.json"),
    ("makeup", "es", "aftercare.md"),
    ("flaking-start", "en", "make-diagrams.py"),
    ("skin-normal", "es", "make-diagrams.py"),
    ("appointment-length", "en", "what-to-expect.md"),
    ("isotretinoin", "es", "faq.json"),
    ("session-interval", "en", "sessions-and-costs.json"),
    ("alcohol", "es", "aftercare.md"),
    ("events", "en", "faq.json"),
    ("needle-depth", "es", "risks.md"),
]


def copy_inputs(content, diagrams, into):
    shutil.copytree(content, os.path.join(into, "content"))
    os.makedirs(os.path.join(into, "scripts"))
    shutil.copy(diagrams, os.path.join(into, "scripts", "make-diagrams.py"))
    return os.path.join(into, "content"), os.path.join(into, "scripts", "make-diagrams.py")


def number_spans(text):
    return [m for m in re.finditer(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])", text)]


def mutate(mention, root_of_copy):
    """Change the first number of one mention, in the copy, by editing the
    source line it is on. Returns a description, or None when not possible."""
    text = mention.text
    nums = number_spans(text)
    if not nums:
        return None
    num = nums[0]
    start = mention.start + num.start()          # index in the segment
    line = mention.seg.lines[start]
    # which occurrence of a number on that source line this is
    seg_text = mention.seg.text
    before = [m for m in number_spans(seg_text)
              if m.start() < start and mention.seg.lines[m.start()] == line]
    index = len(before)
    path = mention.seg.path
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    raw = lines[line - 1]
    spans = number_spans(raw)
    if index >= len(spans) or spans[index].group(0) != num.group(0):
        return None
    old = num.group(0)
    new = str(int(float(old.replace(",", "."))) + 7) if "." not in old and "," not in old else "9,9"
    span = spans[index]
    lines[line - 1] = raw[:span.start()] + new + raw[span.end():]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return f"{os.path.relpath(path, root_of_copy)}:{line}: {old} -> {new}"


def self_test(content, diagrams):
    import io
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        base_content, base_diagrams = copy_inputs(content, diagrams, os.path.join(tmp, "base"))
        report = io.StringIO()
        if check(base_content, base_diagrams, os.path.join(tmp, "base"), report):
            print("self-test: the unchanged copy does not pass, so nothing can be tested:")
            print(report.getvalue())
            return 1
        print("ok: the unchanged copy passes")
        caught = 0
        for n, (fact_id, lang, file_name) in enumerate(MUTATIONS):
            where = os.path.join(tmp, f"m{n}")
            c, d = copy_inputs(content, diagrams, where)
            mentions = find_mentions(read_sources(c, d))[fact_id]
            candidates = [m for m in mentions
                          if m.seg.lang == lang and os.path.basename(m.seg.path) == file_name] + mentions
            done = None
            for m in candidates:
                done = mutate(m, where)
                if done:
                    done = f"{lang}, {done}"
                    break
            if not done:
                print(f"FAIL self-test: could not change a number of {fact_id}")
                failures += 1
                continue
            out = io.StringIO()
            problems = check(c, d, where, out)
            if any(p.startswith(f"FAIL {fact_id} ") or p.startswith(f"FAIL {fact_id}:") for p in problems):
                print(f"ok: {fact_id}: {done} is caught")
                caught += 1
            else:
                print(f"FAIL self-test: {fact_id}: {done} was not caught")
                print(out.getvalue())
                failures += 1
        # A fact whose wording no longer matches in one language must fail,
        # not pass with fewer mentions: remove the number from every
        # Spanish mention of one fact.
        where = os.path.join(tmp, "reworded")
        c, d = copy_inputs(content, diagrams, where)
        mentions = [m for m in find_mentions(read_sources(c, d))["sauna"] if m.seg.lang == "es"]
        by_file = {}
        for m in mentions:
            by_file.setdefault(m.seg.path, []).append(m)
        for path, ms in by_file.items():
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            for m in ms:
                lines[m.line - 1] = re.sub(r"\b72\b", "setenta y dos", lines[m.line - 1])
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        out = io.StringIO()
        problems = check(c, d, where, out)
        if any(p.startswith("FAIL sauna") and "no mention in 'es'" in p for p in problems):
            print("ok: sauna: with no Spanish mention left, the test fails")
        else:
            print("FAIL self-test: sauna without any Spanish mention was not reported")
            print(out.getvalue())
            failures += 1
        if caught < 3:
            failures += 1
    if failures:
        print(f"self-test: {failures} problem(s)")
        return 1
    print(f"self-test: all {caught} changed numbers and the missing fact were caught")
    return 0


def main():
    parser = argparse.ArgumentParser(description="One number for one fact, in every file and language.")
    parser.add_argument("--content", default=os.path.join(ROOT, "content"))
    parser.add_argument("--diagrams", default=os.path.join(ROOT, "scripts", "make-diagrams.py"))
    parser.add_argument("--list", action="store_true", help="print every mention found")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    try:
        if args.self_test:
            sys.exit(self_test(args.content, args.diagrams))
        root = os.path.dirname(os.path.abspath(args.content))
        problems = check(args.content, args.diagrams, root, sys.stdout, args.list)
    except (OSError, ValueError, SyntaxError) as error:
        print(f"facts_consistency: {error}", file=sys.stderr)
        sys.exit(2)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
