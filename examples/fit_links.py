#!/usr/bin/env python3
"""Fit the link model (assets/link-model.txt) on gold links of real readout pairs, and report how
well it does on pairs and countries it was not fitted on.

    cargo build --release --example link_features --example tune_links
    python3 examples/fit_links.py [--data DIR] [--write assets/link-model.txt] [--cv] [--score]

For every pair, `link_features` prints the pairs of sentences the engine decides on, with their
evidence (the features of src/engine/links/model.rs). A pair is a positive example when the
gold links its two sentences (equivalent or related): the measure `align-score` uses for
precision. The model is a logistic regression with an L2 penalty (Newton's method, standard
library only); its threshold is the probability that gives the best F1 on the pairs it was
fitted on among those with precision at least 0.90.

--cv      leave-one-pair-out and leave-one-country-out: for each held-out pair (country), fit on
          the other pairs (the pairs without that country) and score the held-out ones.
--score   score folds with the real binary (tune_links with the fold's model, through
          ../shared/tools/align-score) rather than with the link decisions alone.
--write   write the model fitted on all pairs to this file.
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "readout-pairs")
FEATURES_BIN = os.path.join(ROOT, "target", "release", "examples", "link_features")
TUNE_BIN = os.path.join(ROOT, "target", "release", "examples", "tune_links")
ALIGN_SCORE = os.path.join(ROOT, "..", "shared", "tools", "align-score")
# Parties a pair's folder name can name; a pair belongs to each party it names.
PARTIES = {"japan", "us", "uk", "nato", "india", "canada", "ireland", "pakistan", "china", "eu"}
L2 = 1.0
MIN_PRECISION = 0.90


def spans_of(text, sentences):
    raw, out, pos = text.encode(), [], 0
    for s in sentences:
        b = s.encode()
        i = raw.find(b, pos)
        if i < 0:
            sys.exit(f"gold sentence not found in order: {s[:60]!r}")
        out.append((i, i + len(b)))
        pos = i + len(b)
    return out


def to_gold(tool, gold):
    out = []
    for s in tool:
        best, at = 0, None
        for k, (gs, ge) in enumerate(gold):
            overlap = min(s["end"], ge) - max(s["start"], gs)
            if overlap > best:
                best, at = overlap, k
        out.append(at)
    return out


def load_pair(folder):
    a, b = os.path.join(folder, "a.txt"), os.path.join(folder, "b.txt")
    gold = json.load(open(os.path.join(folder, "gold.json")))
    run = subprocess.run([FEATURES_BIN, a, b], capture_output=True, text=True, check=True)
    dump = json.loads(run.stdout)
    ga = spans_of(open(a, encoding="utf-8").read(), gold["a_sentences"])
    gb = spans_of(open(b, encoding="utf-8").read(), gold["b_sentences"])
    ml, mr = to_gold(dump["left"], ga), to_gold(dump["right"], gb)
    linked = {(g["a"], g["b"]) for g in gold["links"]}
    equivalent = {(g["a"], g["b"]) for g in gold["links"] if g["kind"] == "equivalent"}
    rows = []
    for p in dump["pairs"]:
        key = (ml[p["left"]], mr[p["right"]])
        rows.append((p["features"], 1 if key in linked else 0, key, p["left"], p["right"]))
    name = os.path.basename(folder.rstrip("/"))
    parties = {t for t in name.split("-") if t in PARTIES}
    return {"name": name, "folder": folder, "rows": rows, "equivalent": equivalent,
            "parties": parties, "names": dump["features"]}


def solve(a, b):
    """Solves a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows):
    """Logistic regression with an L2 penalty (the bias unpenalised), Newton's method."""
    n = len(rows[0][0])
    w = [0.0] * n
    for _ in range(50):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y, *_ in rows:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            d = p - y
            s = p * (1 - p)
            for i in range(n):
                grad[i] += d * x[i]
                xi = s * x[i]
                for j in range(i, n):
                    hess[i][j] += xi * x[j]
        for i in range(n):
            for j in range(i):
                hess[i][j] = hess[j][i]
        for i in range(1, n):
            grad[i] += L2 * w[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def ruled(names, x):
    """What the engine's rules decide of a pair whatever the model says: True when it is
    linked (the two titles, the two openers, a headline and the opener of a side without a
    title), False when it is not (a title against another sentence than the other side's
    title), None when the model decides (src/engine/links/find.rs)."""
    if any(x[names.index(f)] > 0 for f in ("opener", "title", "title_opener")):
        return True
    if x[names.index("title_mismatch")] > 0:
        return False
    return None


def decisions(pairs, w, threshold):
    """Per pair: the gold-mapped keys of the pairs linked (what the rules decide too)."""
    out = []
    for pair in pairs:
        names = pair["names"]
        linked = set()
        for x, y, key, l, r in pair["rows"]:
            rule = ruled(names, x)
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            if rule or (rule is None and p >= threshold):
                linked.add((key, y))
        out.append(linked)
    return out


def counts(pairs, linked_sets):
    tp = pred = found = total = 0
    for pair, linked in zip(pairs, linked_sets):
        pred += len(linked)
        tp += sum(y for _, y in linked)
        keys = {k for k, _ in linked}
        found += len(pair["equivalent"] & keys)
        total += len(pair["equivalent"])
    return tp, pred, found, total


def f1(tp, pred, found, total):
    p = tp / pred if pred else 0.0
    r = found / total if total else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def choose_threshold(pairs, w):
    """The threshold with the best F1 among those whose precision is at least MIN_PRECISION on
    these pairs (the best F1 overall when none is): a wrong link costs an analyst more than a
    missed one, and the product's target is precision 0.90."""
    best = (-1.0, 0.5)
    for t in [i / 100 for i in range(5, 96)]:
        score, precision, _ = f1(*counts(pairs, decisions(pairs, w, t)))
        if precision < MIN_PRECISION:
            score -= 1.0
        if score > best[0] + 1e-9:
            best = (score, t)
    return best[1]


def train(pairs):
    rows = [r for p in pairs for r in p["rows"]]
    w = fit(rows)
    return w, choose_threshold(pairs, w)


def write_model(path, names, w, threshold, header):
    with open(path, "w") as f:
        f.write(header)
        for name, wi in zip(names, w):
            f.write(f"{name} {wi:.6f}\n")
        f.write(f"threshold {threshold:.2f}\n")


def score_real(pairs, names, w, threshold):
    """Counts of the real binary with this model on these pairs: (right, links, found, total)."""
    tp = pred = found = total = 0
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        path = f.name
    write_model(path, names, w, threshold, "")
    try:
        for pair in pairs:
            tool = f"{TUNE_BIN} {{a}} {{b}} {path}"
            run = subprocess.run([ALIGN_SCORE, "--tool", tool, "--data", os.path.dirname(
                pair["folder"].rstrip("/")), "--only", pair["name"]],
                capture_output=True, text=True, check=True, cwd=ROOT)
            m = re.search(r"links (\d+) right (\d+) wrong (\d+) missed (\d+)", run.stdout)
            if not m:
                sys.exit(f"align-score said: {run.stdout} {run.stderr}")
            links, right, _, missed = map(int, m.groups())
            n_eq = len(pair["equivalent"])
            tp, pred, found, total = tp + right, pred + links, found + n_eq - missed, total + n_eq
    finally:
        os.unlink(path)
    return tp, pred, found, total


def evaluate(pairs, held_out, real, names):
    train_on = [p for p in pairs if p not in held_out]
    w, t = train(train_on)
    if real:
        return score_real(held_out, names, w, t)
    return counts(held_out, decisions(held_out, w, t))


def add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--write")
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--score", action="store_true")
    args = ap.parse_args()
    folders = sorted(glob.glob(os.path.join(args.data, "[0-9][0-9]-*/")))
    pairs = [load_pair(f) for f in folders]
    names = pairs[0]["names"]
    w, t = train(pairs)
    print("in-sample (link decisions): F1 %.3f P %.3f R %.3f" % f1(*counts(pairs, decisions(pairs, w, t))))
    if args.score:
        print("in-sample (real binary):    F1 %.3f P %.3f R %.3f" % f1(*score_real(pairs, names, w, t)))
    print("weights:", ", ".join(f"{n} {x:+.2f}" for n, x in zip(names, w)), f"threshold {t:.2f}")
    if args.cv:
        total = (0, 0, 0, 0)
        for pair in pairs:
            total = add(total, evaluate(pairs, [pair], args.score, names))
        print("leave-one-pair-out:    F1 %.3f P %.3f R %.3f" % f1(*total))
        total = (0, 0, 0, 0)
        table = []
        for party in sorted({p for pair in pairs for p in pair["parties"]}):
            held = [p for p in pairs if party in p["parties"]]
            c = evaluate(pairs, held, args.score, names)
            table.append((party, len(held), c))
            total = add(total, c)
        print("leave-one-country-out: F1 %.3f P %.3f R %.3f (micro over the folds)" % f1(*total))
        print("| country | pairs | F1 | P | R |\n|---|---|---|---|---|")
        for party, n, c in table:
            print("| %s | %d | %.3f | %.3f | %.3f |" % ((party, n) + f1(*c)))
    if args.write:
        header = ("# The link model: logistic regression weights per feature (src/engine/links/model.rs)\n"
                  "# and the least probability of a link. Written by examples/fit_links.py on\n"
                  f"# {len(pairs)} readout pairs; do not edit by hand.\n")
        write_model(args.write, names, w, t, header)
        print("wrote", args.write)


if __name__ == "__main__":
    main()
