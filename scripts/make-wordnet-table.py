#!/usr/bin/env python3
"""Turns Princeton WordNet 3.0 (Debian's wordnet-base) into the compact table
the search engine reads: one line per word WordNet lists or inflects, with
the words WordNet relates to it (a word with none still has its line: the
table is also the engine's English dictionary, telling a real word from a
slip).

    word <TAB> synonyms <TAB> related forms <TAB> broader terms

Each column is a '|'-separated list (may be empty). Synonyms come from the
word's three most common senses; related forms are WordNet's derivational
links, pertainyms, the base forms of irregular inflections ("lost" ->
"lose") and a noun's irregular plural ("foot" -> "feet"); broader terms
are the hypernyms of the two most common noun or verb senses, and the
kind a clinic writes for a thing patients name (CLASSES: "warfarin" ->
medicine, "spain" -> travel). Multi-word entries keep their spaces
("time off").

Run at build time; the output is not committed.
usage: make-wordnet-table.py WORDNET_DIR OUTPUT WORD_LIST...
(WORD_LIST: Debian's English spelling lists, to tell a place from a common word)
"""
import os
import sys

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SYNONYM_SENSES = 3
HYPERNYM_SENSES = 2
MAX_PER_COLUMN = 12
MAX_CLASS_TAGS = 3
# Hypernyms this general say nothing about a patient's topic.
TOO_GENERAL = {
    "entity", "physical entity", "abstraction", "abstract entity", "object", "physical object",
    "whole", "unit", "thing", "matter", "act", "deed", "human action", "human activity",
    "event", "state", "attribute", "relation", "group", "grouping", "measure", "quantity",
    "amount", "psychological feature", "cognition", "knowledge", "communication", "artifact",
    "artefact", "causal agent", "cause", "causal agency", "organism", "being", "person",
    "individual", "someone", "somebody", "mortal", "soul", "change", "be", "make", "do",
    "have", "get", "move", "go", "change state", "turn", "happening", "occurrence",
    "occurrent", "natural event", "instrumentality", "instrumentation", "part", "portion",
    "component part", "component", "constituent", "region", "location", "property",
    "quality", "condition", "status", "activity", "process", "physical process",
}


def clean(word):
    return word.replace("_", " ").lower()


def strip_marker(word):
    # Adjective lemmas may carry a syntactic marker: "galore(ip)".
    paren = word.find("(")
    return word[:paren] if paren > 0 else word


def read_data(path):
    """offset -> (words, pointers); pointers are (symbol, offset, pos, source, target)."""
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset = fields[0]
            count = int(fields[3], 16)
            words = [clean(strip_marker(fields[4 + 2 * i])) for i in range(count)]
            at = 4 + 2 * count
            pointer_count = int(fields[at])
            pointers = []
            for i in range(pointer_count):
                symbol, target, pos, st = fields[at + 1 + 4 * i: at + 5 + 4 * i]
                pointers.append((symbol, target, "a" if pos == "s" else pos, int(st[:2], 16), int(st[2:], 16)))
            synsets[offset] = (words, pointers)
    return synsets


def read_index(path):
    """lemma -> list of synset offsets, most common sense first."""
    senses = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma = clean(fields[0])
            synset_count = int(fields[2])
            senses[lemma] = fields[-synset_count:]
    return senses


def tagged_counts(path):
    """lemma -> how often its senses were tagged in WordNet's corpus."""
    counts = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            counts[clean(fields[0])] = int(fields[-int(fields[2]) - 1])
    return counts


# Kinds of thing patients name where clinics write the kind: the drug
# ("warfarin") where the clinic writes "medicines", the place ("spain")
# where it writes "travel" or "abroad". Each: the synsets that head the
# kind (first words), whether members are instances of them (places) or
# kinds of them at any depth (medicines), the words to add, and whether a
# member the spelling lists hold in lower case is left out ("china",
# "jersey" are places only with a capital; "aspirin" is a drug either way).
CLASSES = [
    ([["medicine", "medication"]], False, ["medicine", "medication"], False),
    ([["country", "state", "land"], ["city", "metropolis"], ["island"], ["continent"], ["state", "province"]],
     True, ["abroad", "travel", "holiday", "vacation"], True),
    ([["food", "nutrient"]], False, ["food", "eat", "diet"], False),
    ([["beverage", "drink", "drinkable"]], False, ["drink", "drinks", "fluids"], False),
    ([["sport", "athletics"], ["exercise", "exercising", "physical exercise"]], False, ["exercise", "sport"], False),
]


def class_members(source, nouns, heads, instances, spelling):
    """The nouns whose most common sense is of the kind. Words that are also
    verbs or adjectives ("cure", "dose"), nouns common in WordNet's corpus,
    and words in `spelling` are left out: their everyday sense is another."""
    roots = {offset for offset, (words, _) in nouns.items() if any(words[:len(h)] == h for h in heads)}
    memo = {}

    def under(offset, depth=0):
        if offset in roots:
            return True
        if depth > 12:
            return False
        if offset not in memo:
            memo[offset] = any(under(target, depth + 1)
                               for symbol, target, _, _, _ in nouns[offset][1] if symbol == "@")
        return memo[offset]

    def member(offset):
        if instances:
            return any(under(target) for symbol, target, _, _, _ in nouns[offset][1] if symbol == "@i")
        return offset not in roots and (under(offset) or any(
            under(target) for symbol, target, _, _, _ in nouns[offset][1] if symbol == "@i"))

    other = set(read_index(os.path.join(source, "index.verb"))) | set(read_index(os.path.join(source, "index.adj")))
    tagged = tagged_counts(os.path.join(source, "index.noun"))
    index = read_index(os.path.join(source, "index.noun"))
    return {lemma for lemma, offsets in index.items()
            if len(lemma) >= 4 and member(offsets[0]) and lemma not in other and lemma not in spelling
            and tagged.get(lemma, 0) <= MAX_CLASS_TAGS}


def read_spelling(paths):
    words = set()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            words.update(line.strip() for line in f if line.strip().islower())
    return words


def add(table, word, column, value):
    if value == word or not value:
        return
    entry = table.setdefault(word, ([], [], []))
    if value not in entry[column] and len(entry[column]) < MAX_PER_COLUMN:
        entry[column].append(value)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    source, output, word_lists = sys.argv[1], sys.argv[2], sys.argv[3:]
    data = {}
    index = {}
    for name, pos in POS.items():
        data[pos] = read_data(os.path.join(source, "data." + name))
        index[pos] = read_index(os.path.join(source, "index." + name))

    table = {}
    for pos in POS.values():
        for lemma, offsets in index[pos].items():
            table.setdefault(lemma, ([], [], []))
            for rank, offset in enumerate(offsets):
                words, pointers = data[pos][offset]
                if rank < SYNONYM_SENSES:
                    for word in words:
                        add(table, lemma, 0, word)
                position = words.index(lemma) + 1 if lemma in words else 0
                for symbol, target, target_pos, src, dst in pointers:
                    if symbol in ("+", "\\") and src == position and position > 0:
                        target_words = data[target_pos][target][0]
                        if 0 < dst <= len(target_words):
                            add(table, lemma, 1, target_words[dst - 1])
                    elif symbol in ("@", "@i") and rank < HYPERNYM_SENSES and pos in ("n", "v"):
                        for word in data[target_pos][target][0][:3]:
                            if word not in TOO_GENERAL:
                                add(table, lemma, 2, word)
    spelling = read_spelling(word_lists)
    for heads, instances, kind_words, skip_lower_case in CLASSES:
        for lemma in class_members(source, data["n"], heads, instances, spelling if skip_lower_case else set()):
            broader = table[lemma][2]
            broader[:0] = [word for word in kind_words if word not in broader]
            del broader[MAX_PER_COLUMN:]
    for name in POS:
        with open(os.path.join(source, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 2:
                    for base in fields[1:]:
                        add(table, clean(fields[0]), 1, clean(base))
                        # An irregular plural is the same thing ("foot" finds the
                        # content's "feet"); a verb's or adjective's irregular forms are
                        # not always ("leave" -> "left", "good" -> "better").
                        if name == "noun":
                            add(table, clean(base), 1, clean(fields[0]))

    temp = output + ".tmp"
    with open(temp, "w", encoding="utf-8") as out:
        out.write("# Generated from WordNet 3.0 (Princeton University; WordNet 3.0 licence) by make-wordnet-table.py\n")
        for word in sorted(table):
            columns = table[word]
            out.write(word + "\t" + "\t".join("|".join(c) for c in columns) + "\n")
    os.replace(temp, output)


if __name__ == "__main__":
    main()
