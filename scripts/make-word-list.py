#!/usr/bin/env python3
"""Turns Debian's word lists into the sorted list the search engine reads,
one word per line: the words as people write them, inflections included.

English (wbritish and wamerican, from SCOWL): WordNet lists base forms
only. Guessing a typed word's base form by removing a regular ending would
take slips for words ("brising" would be "bris" + "ing", never fixed into
"bruising"); this list says which inflected words exist.

Spanish (wspanish, with --fold): search folds accents away before it looks
a word up ("pondrá" is typed and kept as "pondra"), so the list is folded
the same way. It tells a real word from a slip where Spanish has no other
dictionary ("aparatos" is a word, "enojecida" is not).

Only lower-case entries of letters are kept: names and possessives say
nothing about a slip. Run at build time; the output is not committed.
usage: make-word-list.py [--fold] OUTPUT ABOUT WORD_LIST...
  ABOUT: where the words come from, for the output's first line
"""
import os
import sys
import unicodedata


def fold(word):
    """Accents off, as the engine folds a typed word: "ñ" -> "n", "é" -> "e"."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main():
    args = sys.argv[1:]
    folding = bool(args) and args[0] == "--fold"
    if folding:
        args = args[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    output, about = args[0], args[1]
    words = set()
    for path in args[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                word = line.strip()
                if folding and word.islower():
                    word = fold(word)
                if word and word.isascii() and word.isalpha() and word.islower():
                    words.add(word)
    temp = output + ".tmp"
    with open(temp, "w", encoding="utf-8") as out:
        out.write("# Generated from %s by make-word-list.py\n" % about)
        for word in sorted(words):
            out.write(word + "\n")
    os.replace(temp, output)


if __name__ == "__main__":
    main()
