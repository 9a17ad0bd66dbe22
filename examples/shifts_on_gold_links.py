#!/usr/bin/env python3
"""Stance shifts scored as if the links were the gold ones: what the shift rules find when the
link engine is not the limit.

    python3 examples/shifts_on_gold_links.py [--data DIR] [-v]

Run from the project's root after `cargo build --release`. Copies the pairs to a temporary
folder with, next to each a.txt, a notes sidecar whose decisions draw every gold link and
reject every other link the engine finds (decisions name sentences by their text: a gold
sentence the engine splits otherwise is left as the engine links it), then runs
../shared/tools/stance-score on the copy. The shared data is only read.
"""
import argparse, glob, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "readout-pairs")
SCORE = os.path.join(os.path.dirname(ROOT), "shared", "tools", "stance-score")
sys.path.insert(0, HERE)
from shift_bound import spans, best  # noqa: E402


def main():
    ap = argparse.ArgumentParser(); ap.add_argument("--data", default=DATA); ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="gold-links-")
    try:
        for d in sorted(glob.glob(os.path.join(a.data, "*", "stance.json"))):
            d = os.path.dirname(d); out = os.path.join(tmp, os.path.basename(d)); os.makedirs(out)
            for f in ("a.txt", "b.txt", "gold.json", "stance.json"):
                shutil.copy(os.path.join(d, f), out)
            g = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
            ta = open(os.path.join(d, "a.txt"), encoding="utf-8").read()
            tb = open(os.path.join(d, "b.txt"), encoding="utf-8").read()
            j = json.loads(subprocess.run([os.path.join(ROOT, "target/release/parallax"), "compare", os.path.join(out, "a.txt"),
                                           os.path.join(out, "b.txt"), "--format", "json", "--analysis", "never"],
                                          capture_output=True, text=True, check=True).stdout)
            ga, gb = spans(ta, g["a_sentences"]), spans(tb, g["b_sentences"])
            ls, rs = j["left"]["sentences"], j["right"]["sentences"]
            # The engine's sentence that covers most of each gold sentence.
            ta_b, tb_b = ta.encode(), tb.encode()
            text = lambda raw, s: " ".join(raw[s["start"]:s["end"]].decode().split())
            ml = [best(s, [(x["start"], x["end"]) for x in ls]) for s in ga]
            mr = [best(s, [(x["start"], x["end"]) for x in rs]) for s in gb]
            gold = {(ml[l["a"]], mr[l["b"]]): l["kind"] for l in g["links"]}
            decisions = [{"left": text(ta_b, ls[i]), "right": text(tb_b, rs[k]), "verdict": {"link": kind}}
                         for (i, k), kind in gold.items() if i is not None and k is not None]
            decisions += [{"left": text(ta_b, ls[l["left"]]), "right": text(tb_b, rs[l["right"]]), "verdict": "reject"}
                          for l in j["links"] if (l["left"], l["right"]) not in gold]
            rec = lambda f: {"name": f, "path": os.path.join(out, f), "sha256": ""}
            json.dump({"format": "parallax-notes", "version": 1, "left": rec("a.txt"), "right": rec("b.txt"),
                       "notes": [], "decisions": decisions},
                      open(os.path.join(out, "a.txt.parallax-notes.json"), "w", encoding="utf-8"))
        cmd = [SCORE, "--data", tmp] + (["-v"] if a.v else [])
        sys.exit(subprocess.run(cmd, cwd=ROOT).returncode)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
