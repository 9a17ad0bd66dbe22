#!/usr/bin/env python3
"""The house rules the compiler cannot check: no function in src over 100 lines, no file in
src over 600 lines (issue 22). Prints each offender and exits 1 when there is one.

    python3 .ci/lengths.py

A function runs from its `fn` line to the line of its closing brace; braces inside string and
character literals and comments do not count. Files named tests.rs hold a module's tests and
are left out of the function rule.
"""
import glob
import re
import sys

MAX_FUNCTION = 100
MAX_FILE = 600
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def braces(line):
    """The net count of { minus } in a line of Rust, outside literals and comments."""
    net, i, n = 0, 0, len(line)
    while i < n:
        c = line[i]
        if line.startswith("//", i):
            break
        if c == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", line[i:]):
            i += len(re.match(r"'(\\.|[^\\'])'", line[i:]).group(0)) - 1
        elif c == "{":
            net += 1
        elif c == "}":
            net -= 1
        i += 1
    return net


def main():
    offenders = []
    for path in sorted(glob.glob("src/**/*.rs", recursive=True)):
        lines = open(path, encoding="utf-8").read().split("\n")
        if len(lines) > MAX_FILE:
            offenders.append(f"{path}: {len(lines)} lines (most {MAX_FILE})")
        if path.endswith("tests.rs"):
            continue
        for start, line in enumerate(lines):
            m = FN.match(line)
            if not m or line.rstrip().endswith(";"):
                continue
            depth, opened, end = 0, False, start
            for end in range(start, len(lines)):
                net = braces(lines[end])
                depth += net
                opened = opened or "{" in lines[end]
                if opened and depth <= 0:
                    break
            length = end - start + 1
            if length > MAX_FUNCTION:
                offenders.append(f"{path}:{start + 1}: fn {m.group(6)} is {length} lines "
                                 f"(most {MAX_FUNCTION})")
    for o in offenders:
        print(o)
    return 1 if offenders else 0


if __name__ == "__main__":
    sys.exit(main())
