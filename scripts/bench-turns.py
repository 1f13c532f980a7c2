#!/usr/bin/env python3
"""Times whole commands taking turns, for startup figures.

    bench-turns.py PREFIX ROUNDS NAME=COMMAND...

The first command is the baseline. A round runs every command once in order, then once in
reverse (baseline, a, b, b, a, baseline): each command sits at the same mean time in the
round, so a drift of this machine's speed over seconds (which moves a figure measured ten
runs after another by a fifth) favours none. Two warm-up rounds are not counted. Prints
`PREFIX_NAME_s` (each command's median, in seconds) and, for every command after the
first, `PREFIX_NAME_ratio`: the median over the rounds of its time beside the baseline's in
the same round (the geometric mean of its two runs against the baseline's two).
"""

import math
import shlex
import statistics
import subprocess
import sys
import time


def run(command):
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    took = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"bench-turns: {shlex.join(command)} exited with {done.returncode}")
    return took


def main():
    prefix, rounds = sys.argv[1], int(sys.argv[2])
    named = [arg.split("=", 1) for arg in sys.argv[3:]]
    names = [name for name, _ in named]
    commands = [shlex.split(command) for _, command in named]
    times = {name: [] for name in names}
    ratios = {name: [] for name in names[1:]}
    for round_no in range(rounds + 2):
        forward = [run(command) for command in commands]
        backward = [run(command) for command in reversed(commands)][::-1]
        if round_no < 2:
            continue
        for i, name in enumerate(names):
            times[name] += [forward[i], backward[i]]
            if i > 0:
                ratios[name].append(
                    math.sqrt(forward[i] * backward[i] / (forward[0] * backward[0]))
                )
    for name in names:
        print(f"{prefix}_{name}_s", statistics.median(times[name]))
        if name in ratios:
            print(f"{prefix}_{name}_ratio", statistics.median(ratios[name]))


if __name__ == "__main__":
    main()
