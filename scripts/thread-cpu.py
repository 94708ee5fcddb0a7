#!/usr/bin/env python3
"""CPU time per event of each kind of thread in the end-to-end benchmark's child JVMs (Linux only).

Runs the command given (an EndToEnd run), reads /proc/<pid>/task/*/stat of every child JVM it starts every 0.2 s,
names the threads with `jcmd <pid> Thread.print` (the kernel keeps only 15 characters of a name), and when the run
ends prints, for each child, the CPU time of each group of threads divided by the number of events the child logged
(warm-up included), in nanoseconds. Whole runs: JIT compilation and start-up count too, the same for every system.

    python3 scripts/thread-cpu.py 3300000 java -Xmx3g -cp benchmarks/target/benchmarks.jar \\
        io.github.cwlappender.benchmarks.e2e.EndToEnd --events 3000000 --systems ceiling,ours-logback \\
        --outage-systems none --out target/bench-threads
"""
import collections
import os
import re
import subprocess
import sys
import threading
import time

CHILD_MAIN = 'LoadChild'


def java_thread_names(pid):
    """Native thread id -> Java thread name, from a thread dump."""
    try:
        dump = subprocess.run(['jcmd', pid, 'Thread.print'], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    # JDK 17 prints the native id in hex (nid=0x1a2b), JDK 25 in decimal (nid=6699).
    return {str(int(m.group(2), 0)): m.group(1)
            for m in re.finditer(r'^"([^"]+)".*?nid=(0x[0-9a-f]+|\d+)', dump, re.M)}


def group_of(name):
    if name.startswith('C1 ') or name.startswith('C2 '):
        return 'JIT compiler'
    if name.startswith('GC ') or name.startswith('G1 '):
        return 'GC'
    return re.sub(r'-\d+$', '-N', re.sub(r'\d+$', 'N', name))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    events = int(sys.argv[1])
    run = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = []
    reader = threading.Thread(target=lambda: output.extend(run.stdout))
    reader.start()
    ticks = {}      # pid -> {tid: (name, cpu ticks)}
    names = {}      # pid -> {tid: Java name}
    first_seen = {}
    while run.poll() is None:
        for pid in filter(str.isdigit, os.listdir('/proc')):
            try:
                with open(f'/proc/{pid}/cmdline', 'rb') as f:
                    if CHILD_MAIN not in f.read().decode(errors='replace'):
                        continue
                tids = os.listdir(f'/proc/{pid}/task')
            except OSError:
                continue
            first_seen.setdefault(pid, time.time())
            ticks.setdefault(pid, {})
            # Named once its logging has started; threads started later keep their kernel name.
            if pid not in names and time.time() - first_seen[pid] > 3:
                names[pid] = java_thread_names(pid)
            for tid in tids:
                try:
                    with open(f'/proc/{pid}/task/{tid}/stat') as f:
                        stat = f.read()
                    with open(f'/proc/{pid}/task/{tid}/comm') as f:
                        kernel_name = f.read().strip()
                except OSError:
                    continue
                fields = stat[stat.rindex(')') + 2:].split()
                ticks[pid][tid] = (names.get(pid, {}).get(tid, kernel_name), int(fields[11]) + int(fields[12]))
        time.sleep(0.2)
    reader.join()
    print(''.join(line for line in output if 'events/s' in line or line.startswith('==')), end='')
    ns_per_tick = 1e9 / os.sysconf('SC_CLK_TCK')
    for pid in sorted(ticks, key=lambda p: first_seen[p]):
        groups = collections.Counter()
        for name, cpu in ticks[pid].values():
            groups[group_of(name)] += cpu
        per_event = {g: cpu * ns_per_tick / events for g, cpu in groups.items()}
        print(f'child {pid}: {sum(per_event.values()):.0f} ns/event in all; '
              + ', '.join(f'{g} {ns:.0f}' for g, ns in sorted(per_event.items(), key=lambda x: -x[1]) if ns >= 1))
    return run.returncode


if __name__ == '__main__':
    sys.exit(main())
