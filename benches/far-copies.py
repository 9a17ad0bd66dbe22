#!/usr/bin/env python3
"""Identical pairs held by a far copy while a near copy stands unpaired.

usage: benches/far-copies.py COMPARISON.json...   (parallax compare L R --format json)

Issue 18, item 7 ("the nearest copy first"): run it on make-bench-pair pairs of 64, 256 and
1024 KiB; "identical" and "near-identical" should be 0. "nearer by position" also counts pairs
that are right (a moved paragraph keeps its block; a far copy freed as a cross-reference is
nearer by position to an in-place pair), so it is a lead, not a failure.

For each identical pair (l, r) and each side: the other side's 'window' of s is the span between
the partners of s's nearest in-place paired neighbours. The pair is counted when its partner lies
outside that window while an unpaired sentence inside it is
  - an identical copy of s ('identical'), or
  - a near copy: at least 0.8 of its words in common with s, difflib ratio over words ('near').
Also counted ('nearer'): an unpaired identical copy nearer in relative position than the
partner and 8 or more sentences from it (the rule of tests/links.rs).
"""
import json, sys
from collections import defaultdict
from difflib import SequenceMatcher

def check(path):
    d = json.load(open(path))
    def texts(side):
        raw = side["text"].encode("utf-8")
        return [" ".join(raw[s["start"]:s["end"]].decode("utf-8", "replace").split()) for s in side["sentences"]]
    lt, rt = texts(d["left"]), texts(d["right"])
    nl, nr = len(lt), len(rt)
    lpaired, rpaired = [False] * nl, [False] * nr
    lmatch, rmatch = [None] * nl, [None] * nr
    pairs = []
    for row in d["rows"]:
        if row["left"] and row["right"]:
            for l in row["left"]: lpaired[l] = True
            for r in row["right"]: rpaired[r] = True
            if not row["moved"]:
                for l in row["left"]: lmatch[l] = row["right"][0]
                for r in row["right"]: rmatch[r] = row["left"][0]
        if row["kind"] == "identical":
            pairs.append((row["left"][0], row["right"][0], row["moved"]))
    lby, rby = defaultdict(list), defaultdict(list)
    for i, t in enumerate(lt): lby[t].append(i)
    for i, t in enumerate(rt): rby[t].append(i)

    def window(match, s, other_len):
        below = next((m for m in reversed(match[:s]) if m is not None), -1)
        above = next((m for m in match[s + 1:] if m is not None), other_len)
        return below, above

    counts = {"identical": 0, "near": 0, "nearer": 0}
    examples = []
    for l, r, moved in pairs:
        hits = set()
        for s, p, n_s, n_p, text, other, copies, paired, match in (
            (l, r, nl, nr, lt[l], rt, rby[lt[l]], rpaired, lmatch),
            (r, l, nr, nl, rt[r], lt, lby[rt[r]], lpaired, rmatch),
        ):
            at, dist = s / n_s, abs(p / n_p - s / n_s)
            if any(not paired[c] and abs(c - p) >= 8 and abs(c / n_p - at) < dist for c in copies):
                hits.add("nearer")
            below, above = window(match, s, n_p)
            if below < p < above:
                continue
            words = text.split()
            for c in range(below + 1, min(above, below + 200)):
                if paired[c]:
                    continue
                if other[c] == text:
                    hits.add("identical")
                elif SequenceMatcher(None, words, other[c].split(), autojunk=False).ratio() >= 0.8:
                    hits.add("near")
                    if len(examples) < 4:
                        side = "LR"[match is rmatch]
                        examples.append(f"{side}{s} = {'RL'[match is rmatch]}{p}, free near copy {'RL'[match is rmatch]}{c}: {text[:50]!r}")
        for h in hits:
            counts[h] += 1
    print(f"{path}: identical pairs {len(pairs)}; far while an unpaired copy is near: "
          f"identical {counts['identical']}, near-identical {counts['near']}, nearer by position {counts['nearer']}")
    for e in examples:
        print("   ", e)

for p in sys.argv[1:]:
    check(p)
