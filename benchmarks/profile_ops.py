#!/usr/bin/env python3
"""Sum PyTorch profiler Chrome traces per operator, one trace or two side by side.

Reads the traces that `umdf bench speed --profile DIR` and `benchmarks/pytorch/umdf_twin.py --profile DIR`
write (any `torch.profiler` / libtorch `export_chrome_trace` output). For every operator name it prints
the call count and the *self* time (the operator's time minus the operators it called), per timed step:

    benchmarks/profile_ops.py java/train-mosi-aligned.json twin/train-mosi-aligned.json --steps 3

With two traces the table is ordered by the difference (first minus second), so the operators that make
the first side slower come first. Standard library only.
"""

import argparse
import collections
import json
import sys


def self_times(path):
    """{operator: [calls, self microseconds]} over the CPU operator events of a Chrome trace."""
    try:
        with open(path) as f:
            trace = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("%s: cannot read a Chrome trace: %s" % (path, e))
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and e.get("cat", "cpu_op") in ("cpu_op", "Operator", "operator") and "dur" in e:
            by_thread[(e.get("pid"), e.get("tid"))].append(e)
    totals = collections.defaultdict(lambda: [0, 0.0])
    for evs in by_thread.values():
        evs.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack = []  # [end, name, child time]
        for e in evs:
            ts, dur = float(e["ts"]), float(e["dur"])
            while stack and ts >= stack[-1][0] - 1e-3:
                close(stack.pop(), stack, totals)
            stack.append([ts + dur, e["name"], 0.0, dur])
        while stack:
            close(stack.pop(), stack, totals)
    if not totals:
        sys.exit("%s: no CPU operator events (is it a profiler trace?)" % path)
    return totals


def close(frame, stack, totals):
    end, name, children, dur = frame
    t = totals[name]
    t[0] += 1
    t[1] += max(0.0, dur - children)
    if stack:
        stack[-1][2] += dur


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("traces", nargs="+", help="one or two Chrome trace files")
    ap.add_argument("--steps", type=float, default=1.0, help="divide counts and times by this many steps (default 1)")
    ap.add_argument("--top", type=int, default=30, help="rows to print (default 30)")
    args = ap.parse_args()
    if len(args.traces) > 2:
        ap.error("one or two traces")
    sides = [self_times(p) for p in args.traces]
    names = set().union(*sides)
    def row(n):
        return [(s[n][0] / args.steps, s[n][1] / 1e3 / args.steps) if n in s else (0, 0.0) for s in sides]
    rows = [(n, row(n)) for n in names]
    if len(sides) == 2:
        rows.sort(key=lambda r: -(r[1][0][1] - r[1][1][1]))
        print("%-48s %9s %11s %9s %11s %10s" % ("operator (per step)", "calls A", "self ms A", "calls B", "self ms B", "A - B ms"))
    else:
        rows.sort(key=lambda r: -r[1][0][1])
        print("%-48s %9s %11s" % ("operator (per step)", "calls", "self ms"))
    for n, r in rows[:args.top]:
        cells = " ".join("%9.0f %11.1f" % c for c in r)
        extra = " %10.1f" % (r[0][1] - r[1][1]) if len(sides) == 2 else ""
        print("%-48s %s%s" % (n[:48], cells, extra))
    for i, s in enumerate(sides):
        print("total %s: %d calls, %.1f ms self per step" % (args.traces[i], sum(c for c, _ in s.values()) / args.steps,
                                                            sum(t for _, t in s.values()) / 1e3 / args.steps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
