"""Where a command's time goes, from the API server's audit log lines of its requests (bench.sh).

timeline.py NAME START END REQUESTS.json   prints: NAME start->first-request first->last-response last->exit
timeline.py --summary TIMELINE.txt         prints the medians per NAME
"""
import json
import statistics
import sys
from datetime import datetime


def seconds(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


if sys.argv[1] == "--summary":
    rows = {}
    for line in open(sys.argv[2]):
        name, *values = line.split()
        rows.setdefault(name, []).append([float(v) for v in values])
    for name, values in rows.items():
        print(f"  {name}: " + " | ".join(f"{statistics.median(v[i] for v in values):.3f}" for i in range(3)))
else:
    name, start, end, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    events = [json.loads(line) for line in open(path)]
    if events:
        first = min(seconds(e["requestReceivedTimestamp"]) for e in events)
        last = max(seconds(e["stageTimestamp"]) for e in events)
        print(name, f"{first - start:.3f}", f"{last - first:.3f}", f"{end - last:.3f}")
