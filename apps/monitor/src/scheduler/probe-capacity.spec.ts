import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { probeCapacity, processLimits } from './probe-capacity';

const GiB = 2 ** 30;

describe(probeCapacity.name, () => {
  it.each([
    ['a raised descriptor limit and a 4 GiB heap: the heap decides', 1_048_576, 4 * GiB, 8192],
    ['the common soft limit of 1,024: descriptors decide, after a reserve', 1024, 4 * GiB, 384],
    ['4,096 descriptors', 4096, 4 * GiB, 1792],
    ['a small heap: 512 MiB', 1_048_576, 0.5 * GiB, 1024],
    ['plenty of everything: no more than one event loop serves well', 10_000_000, 64 * GiB, 10_000],
    ['almost nothing: still a few', 16, 0.1 * GiB, 16],
  ])('%s', (_label, openFiles, heapBytes, expected) => {
    expect(probeCapacity({ openFiles, heapBytes })).toBe(expected);
  });
});

describe(processLimits.name, () => {
  const limitsNow = () => /^Max open files\s+(\d+)\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))!;

  it('raises the soft limit on open files to the hard one, and counts on what it got', () => {
    const hard = Number(limitsNow()[2]);
    // Lowered first (as most shells leave it), so that the raise is seen.
    execFileSync('prlimit', [`--pid=${process.pid}`, `--nofile=256:${hard}`]);
    expect(Number(limitsNow()[1])).toBe(256);
    const limits = processLimits();
    expect(Number(limitsNow()[1])).toBe(Math.min(hard, 1_048_576));
    expect(limits.openFiles).toBe(Math.min(hard, 1_048_576));
    expect(limits.heapBytes).toBeGreaterThan(100 * 2 ** 20);
  });
});
