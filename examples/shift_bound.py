#!/usr/bin/env python3
"""How many gold stance shifts lie on a pair of sentences the comparison links at all: an upper
bound on the recall of `stance-score` (a shift is only looked for on a link).

    python3 examples/shift_bound.py [--data DIR] [-v]

Run from the project's root after `cargo build --release`. Tool sentences map to gold sentences
by largest byte overlap, as in stance-score. Prints, per kind, gold shifts on a linked pair /
all gold shifts; -v lists the gold shifts whose sentences are not linked.
"""
import argparse, glob, json, os, subprocess, collections

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "data", "readout-pairs")


def spans(text, sentences):
    raw, out, pos = text.encode(), [], 0
    for s in sentences:
        b = s.encode(); i = raw.find(b, pos)
        out.append((i, i + len(b))); pos = i + len(b)
    return out


def best(span, others):
    s, e = span; top, at = 0, None
    for k, (gs, ge) in enumerate(others):
        ov = min(e, ge) - max(s, gs)
        if ov > top:
            top, at = ov, k
    return at


def main():
    ap = argparse.ArgumentParser(); ap.add_argument("--data", default=DATA); ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    on, total = collections.Counter(), collections.Counter()
    for d in sorted(glob.glob(os.path.join(a.data, "*", "stance.json"))):
        d = os.path.dirname(d); name = os.path.basename(d)
        g = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
        st = json.load(open(os.path.join(d, "stance.json"), encoding="utf-8"))
        ta = open(os.path.join(d, "a.txt"), encoding="utf-8").read()
        tb = open(os.path.join(d, "b.txt"), encoding="utf-8").read()
        ga, gb = spans(ta, g["a_sentences"]), spans(tb, g["b_sentences"])
        out = subprocess.run(["target/release/parallax", "compare", os.path.join(d, "a.txt"), os.path.join(d, "b.txt"),
                              "--format", "json", "--analysis", "always"], capture_output=True, text=True, check=True).stdout
        j = json.loads(out)
        ml = [best((s["start"], s["end"]), ga) for s in j["left"]["sentences"]]
        mr = [best((s["start"], s["end"]), gb) for s in j["right"]["sentences"]]
        linked = {(ml[l["left"]], mr[l["right"]]) for l in j["links"]}
        for s in st["shifts"]:
            total[s["type"]] += 1
            if (s["a"], s["b"]) in linked:
                on[s["type"]] += 1
            elif a.v:
                print(f"  not linked {name[:2]} {s['type']}: a{s['a']} {g['a_sentences'][s['a']][:50]} || b{s['b']} {g['b_sentences'][s['b']][:50]}")
    for k in sorted(total):
        print(f"{k}: {on[k]}/{total[k]} on linked pairs")
    print(f"all: {sum(on.values())}/{sum(total.values())} = {sum(on.values()) / max(1, sum(total.values())):.3f}")


if __name__ == "__main__":
    main()
