"""Reads the frame list the window writes at exit (RICKRUT_FRAME_STATS) for scripts/bench.

A frame's cost is the larger of its own `ui` time and eframe's time for it (`ui` plus
rendering), which eframe reports with the frame after; the last frame before the window goes
idle has no frame after it, so its `ui` time stands alone.

  bench-frames.py phases FILE PREFIX NAME START END [NAME START END ...]
      START and END are Unix times; prints, for each stretch, PREFIX_NAME_max_ms, _frames and
      _over_50ms: the frames that began in it (the first frame of all, the window's own
      start, is left out).
  bench-frames.py between FILE PREFIX
      the busy stretches (a refresh in flight; busy frames more than 5 s apart are two)
      are the runs; prints PREFIX_runs, and for
      the longest time between a run (a second or more) and the next (from 1 s after the
      first ended, so that its results may land, to when the second began): PREFIX_gap_s
      and PREFIX_gap_frames.
"""

import json
import sys


def frames(path):
    data = json.load(open(path))
    listed = data.get("listed", [])
    out = []
    for i, (t, _previous, this, busy) in enumerate(listed):
        after = listed[i + 1][1] if i + 1 < len(listed) else None
        cost = max(this, after if after is not None else 0.0)
        out.append((t, cost, busy))
    return data.get("first_frame_unix_s") or 0.0, out


def phases(path, prefix, spans):
    first, listed = frames(path)
    for name, start, end in spans:
        s, e = float(start) - first, float(end) - first
        costs = [c for i, (t, c, _) in enumerate(listed) if i > 0 and s <= t <= e]
        print(f"{prefix}_{name}_max_ms {max(costs, default=0.0):.3f}")
        print(f"{prefix}_{name}_frames {len(costs)}")
        print(f"{prefix}_{name}_over_50ms {sum(1 for c in costs if c > 50.0)}")


def between(path, prefix):
    _, listed = frames(path)
    runs, current = [], None
    for t, _, busy in listed:
        # Busy frames more than 5 s apart are two runs, even with no idle frame between.
        if busy and current is not None and t - current[1] > 5.0:
            runs.append(current)
            current = None
        if busy and current is None:
            current = [t, t]
        elif busy:
            current[1] = t
        elif current is not None:
            runs.append(current)
            current = None
    if current is not None:
        runs.append(current)
    # A run lasts a second or more; a blip (the connection checked at start) is no run.
    runs = [r for r in runs if r[1] - r[0] >= 1.0]
    print(f"{prefix}_runs {len(runs)}")
    if len(runs) >= 2:
        # The longest time between one run and the next.
        first, second = max(zip(runs, runs[1:]), key=lambda pair: pair[1][0] - pair[0][1])
        s, e = first[1] + 1.0, second[0]
        print(f"{prefix}_gap_s {e - s:.1f}")
        print(f"{prefix}_gap_frames {sum(1 for t, _, busy in listed if s < t < e)}")


if sys.argv[1] == "phases":
    args = sys.argv[4:]
    phases(sys.argv[2], sys.argv[3], [args[i:i + 3] for i in range(0, len(args), 3)])
else:
    between(sys.argv[2], sys.argv[3])
