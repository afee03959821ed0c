#!/usr/bin/env python3
"""Writes dict/t2s-chars.tsv: every Han code point that OpenCC's t2s conversion changes, one
'traditional<TAB>simplified' line each, in code point order.

Usage: dict/build-t2s-chars.py > dict/t2s-chars.tsv   (needs the opencc tool: apt install opencc)

Each character is converted on its own line, so only OpenCC's character table applies (no phrase
rules); a character that converts to more than one character is left out.
"""
import subprocess
import sys

# The Han blocks of dev.ciku.corpus.UnitPolicy.
RANGES = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF),
          (0x2A700, 0x2EBEF), (0x2F800, 0x2FA1F), (0x30000, 0x323AF)]


def main():
    cps = [c for a, b in RANGES for c in range(a, b + 1)]
    text = "".join(chr(c) + "\n" for c in cps)
    out = subprocess.run(["opencc", "-c", "t2s.json"], input=text.encode("utf-8"),
                         capture_output=True, check=True).stdout.decode("utf-8").split("\n")
    if len(out) < len(cps):
        sys.exit("opencc returned %d lines for %d characters" % (len(out), len(cps)))
    sys.stdout.write("# Traditional to simplified Han characters, derived from OpenCC's t2s character\n"
                     "# table (Copyright 2010-2022 BYVoid; Apache License 2.0, see LICENSE-OpenCC.txt)\n"
                     "# by dict/build-t2s-chars.py. Used to compare words with lexicons.\n")
    for c, s in zip(cps, out):
        if s != chr(c) and len(s) == 1:
            sys.stdout.write("%s\t%s\n" % (chr(c), s))


if __name__ == "__main__":
    main()
