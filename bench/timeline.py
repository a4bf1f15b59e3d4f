#!/usr/bin/env python3
"""Runs a command and prints, second by second, the cores it and the node used and the documents the node indexed.

    python3 bench/timeline.py OUT -- indexer/bin/indexer index --full --seeds DIR ...

The command's own exit code is returned; the table goes to OUT (a file), so the command's output is left alone.
On two cores a build is as fast as the cores are kept busy: the table shows where they are not (the start,
before the first document reaches the node, and the end, the node's last refresh on one thread).
Columns: seconds since the start; the command's CPU in cores (its own process, from /proc: indexer/bin/indexer
execs the JVM, so that is the indexer); the node's (its own counter, _nodes/_local/stats, so a remote node works
too); the whole machine's (/proc/stat, everything but idle and iowait); documents the node had indexed so far (all
indices).
ES_URL names the node (default http://127.0.0.1:9200). A node that stops answering ends the table, never the
command: the command always runs to its end. Not a test: nothing is asserted.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

ES = os.environ.get("ES_URL", "http://127.0.0.1:9200").split(",")[0].rstrip("/")
HZ = os.sysconf("SC_CLK_TCK")


def node():
    """The node's CPU seconds and documents indexed so far."""
    url = ES + "/_nodes/_local/stats/process,indices?filter_path=nodes.*.process.cpu,nodes.*.indices.indexing.index_total"
    n = next(iter(json.loads(urllib.request.urlopen(url).read())["nodes"].values()))
    return n["process"]["cpu"]["total_in_millis"] / 1000, n["indices"]["indexing"]["index_total"]


def own(pid):
    """CPU seconds of a process (user + system), 0 once it is gone."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / HZ
    except OSError:
        return 0.0


def machine():
    v = [int(x) for x in open("/proc/stat").readline().split()[1:9]]
    return (sum(v) - v[3] - v[4]) / HZ


def main():
    out, cmd = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    try:
        c0, d0 = node()  # before the command starts: without a node nothing runs
    except OSError as e:
        print(f"timeline: no Elasticsearch at {ES} ({e}): start a node or set ES_URL", file=sys.stderr)
        return 3
    t0 = time.time()
    child = subprocess.Popen(cmd)
    start = prev = (0.0, c0, machine(), d0)
    rows, first, last, used = [], None, None, 0.0
    while child.poll() is None:
        time.sleep(0.25)
        if child.poll() is not None:
            break
        try:
            cpu, docs = node()
        except OSError as e:  # the node went away: stop watching, let the command finish
            print(f"timeline: no answer from {ES} ({e}); the table stops here", file=sys.stderr)
            child.wait()
            break
        now = (own(child.pid), cpu, machine(), docs)
        t = time.time() - t0
        used = max(used, now[0])
        if now[3] > d0 and first is None:
            first = t
        if now[3] > prev[3]:
            last = t
        if not rows or t - rows[-1][0] >= 1.0:
            span = t - (rows[-1][0] if rows else 0.0)
            base = rows[-1][5] if rows else start
            rows.append((t, (now[0] - base[0]) / span, (now[1] - base[1]) / span, (now[2] - base[2]) / span,
                         now[3] - d0, now))
        prev = now
    end = time.time() - t0
    with open(out, "w") as f:
        f.write("     s  command  node  machine (cores)  documents indexed\n")
        for t, a, b, m, d, _ in rows:
            f.write(f"{t:6.1f}  {a:7.2f}  {b:4.2f}  {m:7.2f}          {d:9d}\n")
        docs = "no document indexed" if first is None else f"first document indexed at {first:.2f} s, last at {last:.2f} s"
        f.write(f"{docs}, command ended at {end:.2f} s; the command's CPU {used:.1f} s (polled; bash's time in the "
                f"bench is exact)\n")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
