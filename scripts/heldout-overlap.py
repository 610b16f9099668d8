#!/usr/bin/env python3
"""Flags near-repeats between a new held-out question set and the earlier ones (issue #18).

Usage: python3 scripts/heldout-overlap.py src/test/resources/assistant/questions-heldN.tsv
Prints only the NEW set's flagged lines (never the earlier sets' lines, so its writer stays blind to them), with the
best word-set Jaccard and word-bigram Dice against any single earlier line. Flags at Jaccard >= 0.6 or Dice >= 0.5.
"""
import glob, os, sys

from textfold import fold

def questions(path):
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or '\t' not in line:
            continue
        yield line.split('\t')[0]

new_path = os.path.abspath(sys.argv[1])
earlier = [p for p in sorted(glob.glob('src/test/resources/assistant/questions*.tsv')) if os.path.abspath(p) != new_path]
dev = '/work/shared/eval/assistant-questions-dev.tsv'
for p in ('../shared/eval/assistant-questions-dev.tsv', dev):
    if os.path.exists(p):
        earlier.append(p)
        break
old = []
for p in earlier:
    for q in questions(p):
        t = fold(q)
        old.append((set(t), set(zip(t, t[1:]))))
flagged = 0
new = list(questions(new_path))
for q in new:
    t = fold(q)
    ts, bs = set(t), set(zip(t, t[1:]))
    jac = max((len(ts & o) / max(1, len(ts | o)) for o, _ in old), default=0)
    dice = max((2 * len(bs & ob) / (len(bs) + len(ob)) for _, ob in old if bs and ob), default=0)
    if jac >= 0.6 or dice >= 0.5:
        flagged += 1
        print(f'{jac:.2f} {dice:.2f}  {q}')
print(f'{len(new)} lines, {flagged} flagged, against {len(old)} earlier lines from {len(earlier)} files', file=sys.stderr)
