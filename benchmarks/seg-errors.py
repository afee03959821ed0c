#!/usr/bin/env python3
"""Which words a segmentation gets wrong against a gold one, most frequent first.

Usage: seg-errors.py GOLD PRED [--top N]

GOLD and PRED hold the same text, one line each, words separated by blanks (SIGHAN format).
Prints (1) gold words the prediction splits, with the pieces it made, and (2) predicted words
that span a gold boundary, each with its number of occurrences; a third count says how many
of them are Han characters only. Lines are compared by character offsets, as seg_score.py does.
"""
import collections
import re
import sys

HAN = re.compile(r"^[\u4E00-\u9FD5]+$")


def spans(words):
    out, i = [], 0
    for w in words:
        out.append((i, i + len(w), w))
        i += len(w)
    return out


def main():
    args = sys.argv[1:]
    top = 300
    if "--top" in args:
        k = args.index("--top")
        top = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    split, spanning, pieces = collections.Counter(), collections.Counter(), {}
    with open(args[0], encoding="utf-8") as g, open(args[1], encoding="utf-8") as p:
        for gl, pl in zip(g, p):
            gs, ps = spans(gl.split()), spans(pl.split())
            gset = {(a, b) for a, b, _ in gs}
            pset = {(a, b) for a, b, _ in ps}
            gends = {b for _, b, _ in gs}
            pends = {b for _, b, _ in ps}
            for a, b, w in gs:
                if (a, b) not in pset and any(x in pends for x in range(a + 1, b)):
                    split[w] += 1
                    pieces[w] = " ".join(x for s, e, x in ps if s < b and e > a)
            for a, b, w in ps:
                if (a, b) not in gset and any(x in gends for x in range(a + 1, b)):
                    spanning[w] += 1
    for title, table in (("gold words split", split), ("predicted words spanning a gold boundary",
                                                        spanning)):
        han = sum(c for w, c in table.items() if HAN.match(w))
        print(f"# {title}: {sum(table.values())} ({han} Han only)")
        for w, c in table.most_common(top):
            print(f"{w}\t{c}" + (f"\t{pieces[w]}" if table is split else ""))


if __name__ == "__main__":
    main()
