import { LATENCY_PHASES, type LatencyPhase } from '@ihm/diagnosis';

/**
 * The rollup columns of each latency phase, named after it (see the rollup tables in prisma/schema.prisma).
 * Built from LATENCY_PHASES only, never from input: safe to put in SQL text.
 */
export const LATENCY_COLUMNS: readonly { phase: LatencyPhase; histogram: string; maxMs: string }[] =
  LATENCY_PHASES.map((phase) => ({ phase, histogram: `${phase}_histogram`, maxMs: `${phase}_max_ms` }));

/** Every latency column of a rollup row, in order: for the column lists of rollup INSERTs. */
export const LATENCY_COLUMN_NAMES = LATENCY_COLUMNS.flatMap((c) => [c.histogram, c.maxMs]).join(', ');
