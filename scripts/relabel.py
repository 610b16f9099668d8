#!/usr/bin/env python3
"""Applies label corrections to the assistant's example lines and prints the change table (issue #18, session 16).

Usage: python3 scripts/relabel.py CHANGES.tsv  (lines: question <TAB> old codes <TAB> new codes <TAB> reason)
A question is corrected wherever it stands with the old label (as a set of codes): the seen sets
(src/test/resources/assistant/questions.tsv, questions-held2..10.tsv), examples-vi.tsv (which copies them) and the
written corpus (src/main/resources/assistant/examples/written-*.tsv). Never opens the blind sets (held11 and later).
Only the code column changes; the question text and the other columns stay as they are. Prints one markdown row per
changed line: file:line, question, old -> new, reason.
"""
import glob, sys

SEEN = ['src/test/resources/assistant/questions.tsv'] + [f'src/test/resources/assistant/questions-held{n}.tsv' for n in range(2, 11)]
FILES = SEEN + ['src/main/resources/assistant/examples-vi.tsv'] + sorted(glob.glob('src/main/resources/assistant/examples/written-*.tsv'))
codes = lambda s: frozenset(c.strip() for c in s.split(','))
changes = []
for line in open(sys.argv[1], encoding='utf-8'):
    if line.strip() and not line.startswith('#'):
        q, old, new, reason = line.rstrip('\n').split('\t')
        changes.append((q, codes(old), new, reason))
used = set()
for f in FILES:
    lines = open(f, encoding='utf-8').read().split('\n')
    touched = False
    for i, l in enumerate(lines):
        if l.startswith('#') or '\t' not in l:
            continue
        p = l.split('\t')
        for n, (q, old, new, reason) in enumerate(changes):
            if p[0].strip() == q and codes(p[1]) == old:
                print(f'| `{f.split("/")[-1]}:{i + 1}` | {q} | {p[1].strip()} → {new} | {reason} |')
                p[1] = new
                lines[i] = '\t'.join(p)
                touched = True
                used.add(n)
    if touched:
        open(f, 'w', encoding='utf-8').write('\n'.join(lines))
for n, c in enumerate(changes):
    if n not in used:
        print(f'NOT FOUND: {c[0]} [{",".join(sorted(c[1]))}]', file=sys.stderr)
