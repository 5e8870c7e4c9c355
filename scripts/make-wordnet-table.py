#!/usr/bin/env python3
"""Turns Princeton WordNet 3.0 (Debian's wordnet-base) into the compact table
the search engine reads: one line per word WordNet lists or inflects, with
the words WordNet relates to it (a word with none still has its line: the
table is also the engine's English dictionary, telling a real word from a
slip).

    word <TAB> synonyms <TAB> related forms <TAB> broader terms

Each column is a '|'-separated list (may be empty). Synonyms come from the
word's three most common senses; related forms are WordNet's derivational
links, pertainyms and the base forms of irregular inflections
("lost" -> "lose"); broader terms are the hypernyms of the two most common
noun or verb senses. Multi-word entries keep their spaces ("time off").

Run at build time; the output is not committed.
usage: make-wordnet-table.py WORDNET_DIR OUTPUT
"""
import os
import sys

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SYNONYM_SENSES = 3
HYPERNYM_SENSES = 2
MAX_PER_COLUMN = 12
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


def add(table, word, column, value):
    if value == word or not value:
        return
    entry = table.setdefault(word, ([], [], []))
    if value not in entry[column] and len(entry[column]) < MAX_PER_COLUMN:
        entry[column].append(value)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, output = sys.argv[1], sys.argv[2]
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
