#!/usr/bin/python3
"""Writes a synthetic content folder with N extra questions for the search benchmark.

The bundled English FAQ and pages come first (so the patient query set still
has its answers), then N synthetic questions and answers made of skin-care
words in patient-like sentence shapes. Standard library only; the same N
gives the same content.

usage: gen_content.py BUNDLED_CONTENT_DIR OUT_DIR N
"""
import json
import os
import random
import shutil
import sys

TOPICS = """acne scars stretch marks wrinkles fine lines pores pigmentation melasma redness
swelling bruising peeling dryness itching rosacea eczema psoriasis sunburn freckles moles
blackheads whiteheads oily skin dry skin sensitive skin dull skin uneven tone dark circles
puffy eyes sagging jowls neck lines forehead lines smile lines lip lines chin cheeks scalp
hands chest back shoulders thighs belly arms knees elbows""".split()
ACTIONS = ["wear makeup", "exercise", "swim", "shave", "wax", "travel", "fly", "drink alcohol",
           "smoke", "sunbathe", "use retinol", "apply serum", "wash my face", "moisturise", "exfoliate",
           "take ibuprofen", "take antibiotics", "go to the gym", "get a facial", "have botox",
           "have fillers", "dye my hair", "get a tattoo", "sleep on my side", "wear glasses",
           "work outside", "garden", "cook", "paint", "drive"]
TIMES = ["the same day", "the next day", "after a week", "after two weeks", "before treatment",
         "during treatment", "after my second session", "between sessions", "in summer", "in winter"]
SHAPES = [
    "Can I {action} {time}?",
    "Is it safe to {action} if I have {topic}?",
    "Will microneedling help my {topic}?",
    "How long after treatment can I {action}?",
    "What should I do about {topic} {time}?",
    "Does {topic} affect how many sessions I need?",
]
WORDS = """skin treatment session clinic needle depth collagen healing heal redness gentle
cleanser moisturiser sunscreen protect avoid usually most people days weeks hours mild
normal expected results improve texture tone surface layer barrier fragrance product
serum cream gel water cool warm irritation tight dry flake settle calm recover routine
advice doctor nurse practitioner consultation assess plan course booking appointment
numbing comfortable pressure sensation tingling sting small tiny channels repair growth
elastin firm smooth glow bright even marks patches spots lines creases scar tissue
""".split()


def sentence(rng):
    words = rng.sample(WORDS, rng.randint(7, 14))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    bundled, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(count)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "en"))
    shutil.copytree(os.path.join(bundled, "en", "pages"), os.path.join(out, "en", "pages"))
    shutil.copy(os.path.join(bundled, "en", "synonyms.json"), os.path.join(out, "en"))
    with open(os.path.join(out, "kiosk.json"), "w") as f:
        json.dump({"clinic_name": "Benchmark", "languages": ["en"], "default_language": "en"}, f)
    with open(os.path.join(bundled, "en", "faq.json")) as f:
        questions = json.load(f)["questions"]
    # The content loader caps a text file at 2 MB, which faq.json would pass
    # beyond a few thousand entries: the synthetic questions are written as
    # one small Markdown page each (title = question, body = answer), which
    # the search index treats the same way.
    pages = os.path.join(out, "en", "pages")
    for i in range(count):
        shape = rng.choice(SHAPES)
        question = shape.format(action=rng.choice(ACTIONS), topic=rng.choice(TOPICS), time=rng.choice(TIMES))
        answer = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        with open(os.path.join(pages, "synthetic-%06d.md" % i), "w") as f:
            f.write("---\ntitle: %s\nsummary: %s\norder: %d\n---\n\n%s\n"
                    % (question.replace(":", " "), " ".join(rng.sample(TOPICS, 2)), 2000 + i, answer))
    with open(os.path.join(out, "en", "faq.json"), "w") as f:
        json.dump({"questions": questions}, f, indent=1)


if __name__ == "__main__":
    main()
