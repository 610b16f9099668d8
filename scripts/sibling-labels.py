#!/usr/bin/env python3
"""Lists sibling-label disagreements between the assistant's example lines (issue #18, session 16).

Usage: python3 scripts/sibling-labels.py [/tmp/catalogue-list.tsv] [min_jaccard]
Reads the seen sets' lines through src/main/resources/assistant/examples-vi.tsv (which never holds a blind set) and the
written corpus (src/main/resources/assistant/examples/written-*.tsv); it never opens src/test/resources, so the blind
sets (questions-held11 and later) stay unread. Two lines disagree when their folded word sets are close (Jaccard >=
min_jaccard, default 0.5), their labels share no code, and a code of one is a sibling of a code of the other: catalogue
names whose content words overlap by >= 0.5 (Jaccard). Prints, per pair of code sets, the lines on each side with
file:line, most frequent pairs first.
"""
import collections, glob, sys

from textfold import fold

STOP = set('thu tuc cap cac va cho doi voi cua tai trong tren nguoi o co duoc lai khi'.split())
cat = sys.argv[1] if len(sys.argv) > 1 else '/tmp/catalogue-list.tsv'
min_j = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
names = {}
for line in open(cat, encoding='utf-8'):
    if line.startswith('#'):
        continue
    p = line.rstrip('\n').split('\t')
    if len(p) > 1:
        names[p[0]] = p[1]
words = {c: set(fold(n)) - STOP for c, n in names.items()}

def sibling(a, b):
    wa, wb = words.get(a), words.get(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5

lines = []  # (file:line, question, codes frozenset, tokens)
files = ['src/main/resources/assistant/examples-vi.tsv'] + sorted(glob.glob('src/main/resources/assistant/examples/written-*.tsv'))
for f in files:
    for i, line in enumerate(open(f, encoding='utf-8'), 1):
        if line.startswith('#') or '\t' not in line:
            continue
        p = line.rstrip('\n').split('\t')
        codes = frozenset(c.strip() for c in p[1].split(','))
        if 'NONE' in codes:
            continue
        tag = p[2] if len(p) > 2 and f.endswith('examples-vi.tsv') else f.split('/')[-1]
        lines.append((f'{f.split("/")[-1]}:{i} [{tag}]', p[0], codes, set(fold(p[0]))))

index = collections.defaultdict(set)
for n, l in enumerate(lines):
    for t in l[3]:
        index[t].add(n)
pairs = collections.defaultdict(set)
for n, (where, q, codes, toks) in enumerate(lines):
    cand = collections.Counter()
    for t in toks:
        if len(index[t]) < 800:
            for m in index[t]:
                if m > n:
                    cand[m] += 1
    for m, shared in cand.items():
        w2, q2, c2, t2 = lines[m]
        if codes & c2 or shared / len(toks | t2) < min_j:
            continue
        if any(sibling(a, b) for a in codes for b in c2):
            key = tuple(sorted([','.join(sorted(codes)), ','.join(sorted(c2))]))
            for w, qq, cc in ((where, q, codes), (w2, q2, c2)):
                pairs[key].add((','.join(sorted(cc)), w, qq))
for key, members in sorted(pairs.items(), key=lambda kv: -len(kv[1])):
    print(f'== {key[0]}  vs  {key[1]}  ({len(members)} lines)')
    for c in key:
        for code in c.split(','):
            print(f'   {code}: {names.get(code, "?")[:150]}')
    for cc, w, qq in sorted(members):
        print(f'   {cc:<22} {w:<42} {qq}')
