#!/usr/bin/env python3
"""Times whole processes, alternating them run by run, and prints medians and ratios.

    alternate.py RUNS BASELINE_LABEL 'LABEL=COMMAND' ['LABEL=COMMAND' ...]

Each COMMAND is split as a shell splits words (no shell runs it); its stdout and stderr are thrown
away. One warm-up run of each, then RUNS rounds, each round running every command once in turn
(A B C A B C ...), so that load from other processes falls on all commands alike. Wall time is
measured around fork and wait; CPU time (user + sys) and peak RSS come from the kernel's
accounting of the finished child (wait4). Prints one Markdown row per command:

    | label | wall median ms | wall min ms | CPU median ms | wall ratio to BASELINE (median of pairs) | exit |

The ratio is taken pair by pair (run i of the command over run i of the baseline), then the
median of those: a drift of the machine's speed during the run cancels out of each pair.
Standard library only; talks to nothing.
"""
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = (time.perf_counter() - t0) * 1000
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss, p.returncode


def main():
    runs = int(sys.argv[1])
    baseline = sys.argv[2]
    cmds = []
    for spec in sys.argv[3:]:
        label, _, cmd = spec.partition("=")
        cmds.append((label, shlex.split(cmd)))
    res = {label: [] for label, _ in cmds}
    for label, argv in cmds:
        run_once(argv)  # warm-up: caches, page cache, JIT-less first run
    for _ in range(runs):
        for label, argv in cmds:
            res[label].append(run_once(argv))
    base = res.get(baseline)
    for label, _ in cmds:
        r = res[label]
        walls = [x[0] for x in r]
        cpus = [x[1] for x in r]
        codes = sorted({x[3] for x in r})
        ratio = "-"
        if base is not None:
            ratio = "%.2f" % statistics.median(a[0] / b[0] for a, b in zip(r, base))
        print("| %s | %.0f | %.0f | %.0f | %s | %s |" % (
            label, statistics.median(walls), min(walls), statistics.median(cpus), ratio,
            ",".join(map(str, codes))))


if __name__ == "__main__":
    main()
