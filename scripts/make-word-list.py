#!/usr/bin/env python3
"""Turns Debian's English spelling word lists (wbritish and wamerican, from
SCOWL) into the sorted list the search engine reads, one word per line: the
English words as people write them, inflections included.

WordNet lists base forms only. Guessing a typed word's base form by
removing a regular ending would take slips for words ("brising" would be
"bris" + "ing", never fixed into "bruising"); this list says which
inflected words exist. Only lower-case entries of plain letters are kept:
names and possessives say nothing about a slip.

Run at build time; the output is not committed.
usage: make-word-list.py OUTPUT WORD_LIST...
"""
import os
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    output = sys.argv[1]
    words = set()
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                word = line.strip()
                if word and word.isascii() and word.isalpha() and word.islower():
                    words.add(word)
    temp = output + ".tmp"
    with open(temp, "w", encoding="utf-8") as out:
        out.write("# Generated from SCOWL (Debian's wbritish and wamerican; Kevin Atkinson's licence) by make-word-list.py\n")
        for word in sorted(words):
            out.write(word + "\n")
    os.replace(temp, output)


if __name__ == "__main__":
    main()
