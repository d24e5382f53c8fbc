import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

/** A probe holds one socket; a second descriptor covers its DNS lookup and TLS session while it connects. */
const FILES_PER_PROBE = 2;
/** A TLS socket's buffers, the parsed response and its bounded body, with room to spare. */
const HEAP_BYTES_PER_PROBE = 256 * 1024;
/** Of the heap, what probes in flight may take; the rest is the result buffer, the API and the database client. */
const HEAP_SHARE_FOR_PROBES = 0.5;
/** Beyond this many in flight one event loop spends more time on timers and sockets than the probes gain. */
const MAX_IN_FLIGHT = 10_000;
const MIN_IN_FLIGHT = 16;
/** A soft limit raised no further than this, even where the hard limit is unlimited. */
const OPEN_FILES_TARGET = 1_048_576;

export interface ProcessLimits {
  openFiles: number;
  heapBytes: number;
}

/**
 * How many probes one process can hold in flight: what its file descriptors and heap allow (descriptors after a
 * reserve for the database pool, the API's connections and files), at most MAX_IN_FLIGHT.
 */
export function probeCapacity(limits: ProcessLimits): number {
  const reserve = Math.min(512, Math.floor(limits.openFiles / 4));
  const byFiles = Math.floor((limits.openFiles - reserve) / FILES_PER_PROBE);
  const byHeap = Math.floor((limits.heapBytes * HEAP_SHARE_FOR_PROBES) / HEAP_BYTES_PER_PROBE);
  return Math.max(MIN_IN_FLIGHT, Math.min(MAX_IN_FLIGHT, byFiles, byHeap));
}

/** The soft and hard limits on open files from /proc (Linux); null where there is no such file. */
function openFileLimits(): { soft: number; hard: number } | null {
  try {
    const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (!line) return null;
    const value = (text: string) => (text === 'unlimited' ? Infinity : Number(text));
    return { soft: value(line[1]!), hard: value(line[2]!) };
  } catch {
    return null;
  }
}

/**
 * Raises this process's soft limit on open files towards its hard limit (which needs no privilege; Node has no
 * setrlimit, so util-linux's prlimit does it where it is installed) and returns the limits probes can count on.
 */
export function processLimits(): ProcessLimits {
  const heapBytes = getHeapStatistics().heap_size_limit;
  const before = openFileLimits();
  if (!before) return { openFiles: 1024, heapBytes };
  const target = Math.min(before.hard, OPEN_FILES_TARGET);
  if (before.soft < target) {
    try {
      execFileSync(
        'prlimit',
        [
          `--pid=${process.pid}`,
          `--nofile=${target}:${before.hard === Infinity ? 'unlimited' : before.hard}`,
        ],
        {
          stdio: 'ignore',
          timeout: 2000,
        },
      );
    } catch {
      // No prlimit, or not allowed here: the soft limit stands.
    }
  }
  return { openFiles: Math.min(openFileLimits()?.soft ?? before.soft, OPEN_FILES_TARGET), heapBytes };
}
