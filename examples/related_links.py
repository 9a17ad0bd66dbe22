#!/usr/bin/env python3
"""Can the link model find the gold's `related` links, which carry most of the stance shifts
the engine misses (issue 20)? Measured leave-one-pair-out on the 20 readout pairs, at the level
of the link decisions (as `fit_links.py --cv` without --score):

    cargo build --release --example link_features --example tune_links
    python3 examples/related_links.py

Prints, per experiment, link F1/P/R (R over equivalent links, as align-score) and how many of
the gold links that carry a stance shift the model draws ("shift links", of 51):
1. the shipped features;
2. plus a flag for a topic-header sentence on one side ("exchanged views on", "discussed");
3. plus shared capitalised names that are not the two parties (not in 40% of a side's
   sentences), and a header sharing one;
4. plus a static sentence embedding's cosine (wordllama, MIT, when `pip install wordllama` put
   its bundled weights here: optional, skipped without it);
5. the shipped features with the threshold lowered: what drawing more links costs.
Nothing here is product code; it records why issue 20's shift recall stopped at 0.42.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fit_links as F  # noqa: E402

HEADER = re.compile(r"\b(discuss(ed|ing)?|exchanged views|exchange of views|had an exchange|talked|"
                    r"spoke about|spoke of|touched (up)?on|reviewed|a range of issues)\b", re.I)
NOT_NAMES = {"prime", "minister", "president", "secretary", "foreign", "general", "mr", "ms", "the", "he",
             "she", "they", "both", "during", "in", "on", "at", "we", "it", "this", "his", "her", "their",
             "furthermore", "further", "also", "and", "a", "an", "deputy", "state", "leaders", "leader"}


def texts(folder):
    a = open(os.path.join(folder, "a.txt"), encoding="utf-8").read().encode()
    b = open(os.path.join(folder, "b.txt"), encoding="utf-8").read().encode()
    dump = json.loads(subprocess.run([F.FEATURES_BIN, os.path.join(folder, "a.txt"), os.path.join(folder, "b.txt")],
                                     capture_output=True, text=True, check=True).stdout)
    return ([a[s["start"]:s["end"]].decode() for s in dump["left"]],
            [b[s["start"]:s["end"]].decode() for s in dump["right"]])


def caps(sentence):
    out = set()
    for t in re.findall(r"[A-Za-z][A-Za-z\-\.’']*", sentence):
        t = re.sub(r"[’']s$", "", t)
        if t[0].isupper() and t.lower() not in NOT_NAMES:
            out.add(t.lower().rstrip("."))
    return out


def load(extra, names):
    pairs, shift_keys = [], []
    for folder in sorted(glob.glob(os.path.join(F.DATA, "[0-9][0-9]-*/"))):
        pair = F.load_pair(folder)
        left, right = texts(folder.rstrip("/"))
        context = {"left": left, "right": right}
        pair["rows"] = [(list(x) + extra(context, l, r), y, key, l, r) for x, y, key, l, r in pair["rows"]]
        pair["names"] = pair["names"] + names
        pairs.append(pair)
        stance = json.load(open(os.path.join(folder, "stance.json")))
        shift_keys.append({(s["a"], s["b"]) for s in stance["shifts"]})
    return pairs, shift_keys


def lopo(pairs, shift_keys, offset=0.0):
    tp = pred = found = total = shift_links = 0
    for i, pair in enumerate(pairs):
        w, t = F.train([p for p in pairs if p is not pair])
        linked = F.decisions([pair], w, t + offset)[0]
        keys = {k for k, _ in linked}
        tp += sum(y for _, y in linked)
        pred += len(linked)
        found += len(pair["equivalent"] & keys)
        total += len(pair["equivalent"])
        shift_links += len(keys & shift_keys[i])
    f1, p, r = F.f1(tp, pred, found, total)
    return f"F1 {f1:.3f} P {p:.3f} R {r:.3f}, links {pred}, shift links {shift_links}/{sum(map(len, shift_keys))}"


def header(context, l, r):
    hl, hr = bool(HEADER.search(context["left"][l])), bool(HEADER.search(context["right"][r]))
    return [float(hl != hr), float(hl and hr)]


def topic_names(context, l, r):
    if "caps" not in context:
        cl = [caps(s) for s in context["left"]]
        cr = [caps(s) for s in context["right"]]
        dl = collections.Counter(w for c in cl for w in c)
        dr = collections.Counter(w for c in cr for w in c)
        context["caps"] = (cl, cr, dl, dr)
    cl, cr, dl, dr = context["caps"]
    n_left, n_right = len(context["left"]), len(context["right"])
    topic = [w for w in cl[l] & cr[r] if dl[w] <= max(2, n_left * 0.4) and dr[w] <= max(2, n_right * 0.4)]
    head = bool(HEADER.search(context["left"][l])) or bool(HEADER.search(context["right"][r]))
    return [min(len(topic), 2), float(head and bool(topic))]


def main():
    base = load(lambda c, l, r: [], [])
    print("1. shipped features:          ", lopo(*base))
    print("2. + topic-header flags:      ", lopo(*load(header, ["header_one", "header_both"])))
    print("3. + shared non-party names:  ", lopo(*load(topic_names, ["topic_names", "header_topic"])))
    try:
        from wordllama import WordLlama
        model = WordLlama.load(disable_download=True)
        print("4. + embedding cosine:        ",
              lopo(*load(lambda c, l, r: [float(model.similarity(c["left"][l], c["right"][r]))], ["embedding"])))
    except Exception as e:  # optional: not installed, or its weights not bundled
        print("4. + embedding cosine:         skipped:", type(e).__name__)
    for offset in (-0.05, -0.1, -0.2, -0.3):
        print(f"5. threshold {offset:+.2f}:          ", lopo(*base, offset=offset))


if __name__ == "__main__":
    main()
