#!/usr/bin/env python3
"""Would stance shifts looked for on pairs the link model scores just below its threshold (near
pairs, not linked) raise the recall of `stance-score` without losing its precision? Measured,
not assumed: on the development pairs the answer so far is no (issue 20's closing note).

    cargo build --release --example link_features --example tune_links
    python3 examples/near_pair_shifts.py [--low 0.25]

For every candidate pair whose model probability lies in [LOW, threshold), with the shifts the
rules find on it (`tune_links` with the model's threshold lowered to LOW, TUNE_ANALYSIS set):
1. a sweep: shifts right and wrong added when near pairs are kept by probability and by whether
   a sentence of the pair has no link yet and the pair is its best candidate;
2. the last stop's lead: near pairs where one sentence only says a topic was covered ("exchanged
   views on X", "discussed") and the two share a name or a rare concept;
3. a second-stage logistic model over the near pairs (probability, those flags, a header verb
   on one side only, shared names, shared rare concepts) fitted to tell gold links, scored
   leave-one-pair-out: which near pairs it keeps, and the shifts that adds.
Recall and precision are over all gold shifts, added to the shifts on the engine's own links
(found and predicted counts from `stance-score` at the shipped model, given as --base).
"""
import argparse
import collections
import glob
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fit_links import DATA, ROOT, TUNE_BIN, fit, load_pair, sigmoid, spans_of, to_gold  # noqa: E402

# Verbs that only say a topic was covered ("exchanged views on X"), not a position on it.
HEADER = re.compile(r"\b(discuss(ed)?|exchanged views|exchange of views|had an exchange|talked about|"
                    r"spoke about|touched (up)?on|reviewed)\b", re.I)


def model():
    weights, threshold = {}, None
    for line in open(os.path.join(ROOT, "assets", "link-model.txt")):
        if line.startswith("#") or not line.strip():
            continue
        k, v = line.split()
        if k == "threshold":
            threshold = float(v)
        else:
            weights[k] = float(v)
    return weights, threshold


def run_tool(folder, model_path):
    env = {**os.environ, "TUNE_ANALYSIS": "1"}
    out = subprocess.run([TUNE_BIN, os.path.join(folder, "a.txt"), os.path.join(folder, "b.txt"), model_path],
                         env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def near_pairs(low):
    weights, threshold = model()
    text = open(os.path.join(ROOT, "assets", "link-model.txt")).read()
    low_model = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    low_model.write(re.sub(r"(?m)^threshold .*$", f"threshold {low}", text))
    low_model.close()
    rows = []
    for folder in sorted(glob.glob(os.path.join(DATA, "*", "stance.json"))):
        folder = os.path.dirname(folder)
        pair = load_pair(folder)
        gold = json.load(open(os.path.join(folder, "gold.json")))
        stance = json.load(open(os.path.join(folder, "stance.json")))
        gold_shifts = collections.defaultdict(set)
        for s in stance["shifts"]:
            gold_shifts[(s["a"], s["b"])].add(s["type"])
        lowered, shipped = run_tool(folder, low_model.name), run_tool(folder, "-")
        ta = open(os.path.join(folder, "a.txt"), encoding="utf-8").read()
        tb = open(os.path.join(folder, "b.txt"), encoding="utf-8").read()
        ml = to_gold(lowered["left"]["sentences"], spans_of(ta, gold["a_sentences"]))
        mr = to_gold(lowered["right"]["sentences"], spans_of(tb, gold["b_sentences"]))
        predicted = collections.defaultdict(set)
        for s in lowered["shifts"]:
            predicted[(s["left"], s["right"])].add(s["kind"])
        linked_left = {link["left"] for link in shipped["links"]}
        linked_right = {link["right"] for link in shipped["links"]}
        names = pair["names"]
        w = [weights[n] for n in names]
        scored = [(sigmoid(sum(a * b for a, b in zip(w, x))), x, y, key, l, r) for x, y, key, l, r in pair["rows"]]
        best_left, best_right = {}, {}
        for p, _, _, _, l, r in scored:
            if p > best_left.get(l, (0.0, None))[0]:
                best_left[l] = (p, r)
            if p > best_right.get(r, (0.0, None))[0]:
                best_right[r] = (p, l)
        for p, x, y, key, l, r in scored:
            if not low <= p < threshold:
                continue
            a, b = gold["a_sentences"][key[0]], gold["b_sentences"][key[1]]
            free_best = (l not in linked_left and best_left[l][1] == r) or (r not in linked_right and best_right[r][1] == l)
            rows.append({
                "pair": pair["name"], "p": p, "gold": y, "shifts": predicted.get((l, r), set()),
                "gold_shifts": gold_shifts.get(key, set()), "free_best": free_best,
                "both_free": l not in linked_left and r not in linked_right,
                "header": bool(HEADER.search(a)) != bool(HEADER.search(b)),
                "names": x[names.index("names")], "rare": x[names.index("rare")],
            })
    os.unlink(low_model.name)
    return rows


def added(rows, keep):
    right = wrong = 0
    for row in rows:
        if keep(row):
            right += len(row["shifts"] & row["gold_shifts"])
            wrong += len(row["shifts"] - row["gold_shifts"])
    return right, wrong


def line(base, right, wrong):
    found, predicted, total = base
    return (f"+{right} right, +{wrong} wrong: R {(found + right) / total:.3f} "
            f"P {(found + right) / max(1, predicted + right + wrong):.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--low", type=float, default=0.25)
    ap.add_argument("--base", default="25,29,60", help="right, predicted and gold shifts at the shipped model")
    args = ap.parse_args()
    base = tuple(int(v) for v in args.base.split(","))
    rows = near_pairs(args.low)
    print(f"{len(rows)} near pairs, {sum(r['gold'] for r in rows)} of them gold links, "
          f"{sum(len(r['gold_shifts']) for r in rows)} gold shifts on them")
    print("\n1. kept by probability and freedom")
    for low, mode in itertools.product([args.low, 0.3, 0.4, 0.5], ["any", "free_best", "both_free"]):
        keep = lambda r, low=low, mode=mode: r["p"] >= low and (mode == "any" or r[mode])
        print(f"  p >= {low:.2f} {mode:9}: {line(base, *added(rows, keep))}")
    print("\n2. a header on one side, a shared name or rare concept")
    for low in [args.low, 0.3, 0.4]:
        keep = lambda r, low=low: r["p"] >= low and r["header"] and (r["names"] >= 1 or r["rare"] >= math.log(2))
        print(f"  p >= {low:.2f}: {sum(keep(r) for r in rows)} pairs, {sum(r['gold'] for r in rows if keep(r))} gold: "
              f"{line(base, *added(rows, keep))}")
    print("\n3. second-stage model, leave-one-pair-out")

    def features(r):
        return [1.0, math.log(r["p"] / (1 - r["p"])), float(r["free_best"]), float(r["both_free"]),
                float(r["header"]), r["names"], r["rare"]]

    fitted = {}
    for held in sorted({r["pair"] for r in rows}):
        fitted[held] = fit([(features(r), r["gold"]) for r in rows if r["pair"] != held])
    for t in [0.3, 0.4, 0.5, 0.6]:
        keep = lambda r, t=t: sigmoid(sum(a * b for a, b in zip(fitted[r["pair"]], features(r)))) >= t
        print(f"  kept at q >= {t:.1f}: {line(base, *added(rows, keep))}")


if __name__ == "__main__":
    main()
