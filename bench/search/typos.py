#!/usr/bin/env python3
"""How well search survives one typo: the share of right first answers that
stay right when the longest word of the query is mistyped.

Each answerable query of a set whose longest word has 5 letters or more is
searched as written and again with one slip in that word, of the kinds a
finger makes on the kiosk's QWERTY keyboard: a neighbouring key instead of
the right one, a letter left out, a neighbouring key pressed as well, or two
letters swapped. The slips are drawn at random with a fixed seed per set, so
every run and every engine build sees the same ones. Three figures per set:
with the slip anywhere after the first letter, with the slip anywhere at
all (the first letter's slips are fixed only when the rest of the word is
right), and, for queries of two words or more, with one space left out
between two of its words instead.

usage: typos.py [--exe PATH] [--seed N] [--min-kept X] [--min-kept-anywhere X] [--min-kept-space X] SET...
SET is as for quality.py: a folder with content/ and queries.tsv, or
CONTENT_DIR:QUERIES_TSV[:LANG]. With --min-kept (--min-kept-anywhere,
--min-kept-space) it exits 1 when a set keeps less than X of its right
answers with a slip after the first letter (anywhere, a space left out).
"""
import argparse
import os
import random
import sys
import zlib

import quality

ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def neighbours(letter):
    """Keys touching `letter` on a staggered QWERTY layout."""
    for r, row in enumerate(ROWS):
        i = row.find(letter)
        if i < 0:
            continue
        near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
        if r > 0:
            near += [ROWS[r - 1][j] for j in (i, i + 1) if j < len(ROWS[r - 1])]
        if r + 1 < len(ROWS):
            near += [ROWS[r + 1][j] for j in (i - 1, i) if 0 <= j < len(ROWS[r + 1])]
        return near
    return []


def slip(word, rng, first):
    """`word` with one slip at position `first` or later (first: 0 or 1)."""
    while True:
        i = rng.randrange(first, len(word))
        kind = rng.choice(["neighbour", "missing", "extra", "swap"])
        near = neighbours(word[i])
        if kind == "neighbour" and near:
            typed = word[:i] + rng.choice(near) + word[i + 1:]
        elif kind == "missing":
            typed = word[:i] + word[i + 1:]
        elif kind == "extra" and near:
            typed = word[:i] + rng.choice(near + [word[i]]) + word[i:]
        elif kind == "swap" and i + 1 < len(word) and word[i] != word[i + 1]:
            typed = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        else:
            continue
        if typed != word:
            return typed


def mistype(text, rng, first):
    words = text.split(" ")
    letters = [i for i, w in enumerate(words) if w.isalpha() and w.isascii() and len(w) >= 5]
    if not letters:
        return None
    longest = max(letters, key=lambda i: len(words[i]))
    words[longest] = slip(words[longest].lower(), rng, first)
    return " ".join(words)


def join_words(text, rng):
    words = text.split(" ")
    if len(words) < 2:
        return None
    i = rng.randrange(len(words) - 1)
    return " ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2:])


def first_right(answers, queries):
    return [bool(shown) and shown[0] in expected
            for (results, related, _), (_, expected, _) in zip(answers, queries)
            for shown in [results + [r for r in related if r not in results]]]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--exe", default=os.path.join(quality.HERE, "..", "..", "build", "carekiosk"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-kept", type=float)
    parser.add_argument("--min-kept-anywhere", type=float)
    parser.add_argument("--min-kept-space", type=float)
    args = parser.parse_args()
    failed = False
    print("| set | queries | right as written | kept, slip after the first letter | kept, slip anywhere | kept, a space left out |")
    print("|---|---:|---:|---:|---:|---:|")
    for spec in args.sets:
        name, content_dir, tsv, lang = quality.parse_set(spec)
        queries = [q for q in quality.read_queries(tsv) if q[2] != "offtopic"]
        kept = {}
        for first in (1, 0, "space"):
            rng = random.Random(zlib.crc32(name.encode()) + args.seed)
            change = (lambda text: join_words(text, rng)) if first == "space" else (lambda text: mistype(text, rng, first))
            pairs = [(q, change(q[0])) for q in queries]
            pairs = [(q, typed) for q, typed in pairs if typed]
            chosen = [q for q, _ in pairs]
            clean = first_right(quality.run_carekiosk(args.exe, content_dir, lang, [q[0] for q in chosen], False),
                                chosen)
            typo = first_right(quality.run_carekiosk(args.exe, content_dir, lang, [t for _, t in pairs], False),
                               chosen)
            right = sum(clean)
            kept[first] = (sum(c and t for c, t in zip(clean, typo)), right, len(chosen))
        (k1, r1, n1), (k0, r0, _), (ks, rs, _) = kept[1], kept[0], kept["space"]
        print(f"| {name} | {n1} | {r1} | {quality.ratio(k1, r1):.3f} ({k1}) | {quality.ratio(k0, r0):.3f} ({k0} of {r0}) "
              f"| {quality.ratio(ks, rs):.3f} ({ks} of {rs}) |")
        for label, limit, value in (("after the first letter", args.min_kept, quality.ratio(k1, r1)),
                                    ("anywhere", args.min_kept_anywhere, quality.ratio(k0, r0)),
                                    ("a space left out", args.min_kept_space, quality.ratio(ks, rs))):
            if limit is not None and value < limit:
                print(f"FAIL {name}: kept {value:.3f} ({label}), under the floor {limit:.3f}", file=sys.stderr)
                failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
