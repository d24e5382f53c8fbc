/** A notification claimed to be sent that may start a group or join one. */
export interface Groupable {
  id: bigint;
  channelId: string;
  groupKey: string;
  occurredAt: Date;
}

/**
 * Groups notifications claimed together (they fell due in the same tick): per channel and group key, in the order
 * they became due, each joins the group of the earliest one it became due within `waitMs` of, or starts the next.
 * Returns each group's first with the others (by first's id).
 */
export function groupClaimed<T extends Groupable>(rows: readonly T[], waitMs: number): Map<T, T[]> {
  const groups = new Map<T, T[]>();
  const open = new Map<string, T>();
  const ordered = [...rows].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const row of ordered) {
    const lane = `${row.channelId}|${row.groupKey}`;
    const first = open.get(lane);
    if (first && row.occurredAt.getTime() <= first.occurredAt.getTime() + waitMs) {
      groups.get(first)!.push(row);
      continue;
    }
    open.set(lane, row);
    groups.set(row, []);
  }
  return groups;
}
