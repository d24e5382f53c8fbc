import { encodePart, type ContentEncoding } from '../content-encoding';
import {
  integrationLabel,
  READING_FAMILIES,
  STATE_FAMILIES,
  type Family,
  type IntegrationMetricsRow,
  type IntegrationState,
} from './integration-series';

export type ExpositionFormat = 'text' | 'openmetrics';

/** Everything the state families read of one integration, as one string. */
export const stateKey = (state: IntegrationState) =>
  [
    state.id,
    state.name,
    state.paused,
    state.tags.join('\u0001'),
    state.status,
    state.category,
    state.firing.degraded,
    state.firing.down,
  ].join('\u0000');

/**
 * The integrations whose ids share a first byte, written together: their state families' bytes are kept between
 * scrapes while no member changed and none came or went (state changes are rare, so most buckets are reused).
 * 256 buckets, so a change rewrites a 256th of the state lines whatever the fleet's size.
 */
export interface StateBucket {
  /** The members' state keys, in order: the bytes are valid while this is unchanged. */
  key: string;
  /** Each member's escaped `integration="…"` pair, in order, for the reading families. */
  labels: readonly string[];
  /** One entry per STATE_FAMILIES. */
  bytes: readonly Buffer[];
  /** The same, gzipped: made at the first gzip scrape that needs them, kept with the bucket. */
  gzipped?: readonly Promise<Buffer>[];
}

/** A bucket's state bytes in an encoding; gzip members are made once per bucket. */
function encodedBucket(bucket: StateBucket, encoding: ContentEncoding): readonly Promise<Buffer>[] {
  if (encoding === 'identity') return bucket.bytes.map((bytes) => Promise.resolve(bytes));
  bucket.gzipped ??= bucket.bytes.map((bytes) => encodePart(bytes, 'gzip'));
  return bucket.gzipped;
}

export const bucketOf = (integrationId: string) => integrationId.slice(0, 2);

export const bucketKey = (states: readonly IntegrationState[]) => states.map(stateKey).join('\u0002');

export function renderBucket(
  key: string,
  states: readonly IntegrationState[],
  tagKeys: readonly string[],
): StateBucket {
  const labels = states.map((state) => integrationLabel(state.name));
  return {
    key,
    labels,
    bytes: STATE_FAMILIES.map((family) =>
      Buffer.from(states.map((state, i) => family.lines(state, labels[i]!, tagKeys)).join('')),
    ),
  };
}

/** HELP and TYPE of a family; in OpenMetrics a counter family is named without its `_total` (its samples keep it). */
function header({ name, type, help }: Family, format: ExpositionFormat): string {
  const family = format === 'openmetrics' && type === 'counter' ? name.replace(/_total$/, '') : name;
  return `# HELP ${family} ${help}\n# TYPE ${family} ${type}\n`;
}

/**
 * An integration's reading lines as a scrape wrote them (one entry per READING_FAMILIES, null for none), and what
 * from. Kept as bytes: joining the kept strings again each scrape cost a third of a scrape's event-loop time at
 * 10,000 integrations (bench:metrics); copying bytes costs a fifth of that.
 */
interface WrittenReadings {
  label: string;
  checkedAt: number | null;
  /** The sum of its counters: they only grow, so a change to any of them changes it. */
  counted: number;
  lines: readonly (Buffer | null)[];
}

/** The last scrape's reading lines by integration id: reused for those with no new result since. */
export type ReadingCache = Map<string, WrittenReadings>;

const countedOf = (counters: Readonly<Record<string, number>>) => {
  let sum = 0;
  for (const name in counters) sum += counters[name]!;
  return sum;
};

/**
 * The integration families written directly as exposition bytes: prom-client objects for hundreds of thousands of
 * series cost seconds a scrape (bench:metrics). The state families' bytes come from state buckets, the reading
 * families' from each integration's kept lines, copied together a thousand integrations at a time (`flush`).
 * Families without samples are left out.
 */
export class ExpositionBuilder {
  private readonly stateParts = STATE_FAMILIES.map((): Promise<Buffer>[] => []);
  private readonly readingParts = READING_FAMILIES.map((): Promise<Buffer>[] => []);
  private readonly pending = READING_FAMILIES.map((): Buffer[] => []);

  /** This scrape's reading lines, for the next one to reuse. */
  readonly written: ReadingCache = new Map();

  /**
   * With gzip, each part is compressed as soon as it is made, while the next rows stream in. `previous` is the
   * last scrape's `written`: an integration probed every minute and scraped every 15 s has no new result in three
   * scrapes out of four, and its lines are not formatted again.
   */
  constructor(
    private readonly encoding: ContentEncoding = 'identity',
    private readonly previous: ReadingCache = new Map(),
  ) {}

  /** A bucket's state bytes and, in the bucket's order, its members' readings. */
  add(bucket: StateBucket, rows: readonly IntegrationMetricsRow[]): void {
    const encoded = encodedBucket(bucket, this.encoding);
    bucket.bytes.forEach((bytes, family) => {
      if (bytes.length > 0) this.stateParts[family]!.push(encoded[family]!);
    });
    rows.forEach((row, i) =>
      this.readingLines(row, bucket.labels[i]!).forEach((bytes, family) => {
        if (bytes) this.pending[family]!.push(bytes);
      }),
    );
  }

  private readingLines(
    { state, readings }: IntegrationMetricsRow,
    label: string,
  ): readonly (Buffer | null)[] {
    const { checkedAt } = readings;
    const counted = countedOf(readings.counters);
    const kept = this.previous.get(state.id);
    const lines =
      kept && kept.label === label && kept.checkedAt === checkedAt && kept.counted === counted
        ? kept.lines
        : READING_FAMILIES.map((family) => {
            const text = family.lines(readings, label);
            return text === '' ? null : Buffer.from(text);
          });
    this.written.set(state.id, { label, checkedAt, counted, lines });
    return lines;
  }

  /** Turns the readings added since the last flush into bytes. */
  flush(): void {
    this.pending.forEach((lines, index) => {
      if (lines.length > 0) this.readingParts[index]!.push(encodePart(Buffer.concat(lines), this.encoding));
      lines.length = 0;
    });
  }

  /** The families, HELP and TYPE once each, as parts to write in order; no blank lines, for both formats. */
  finish(format: ExpositionFormat): Promise<Buffer[]> {
    this.flush();
    const parts: Promise<Buffer>[] = [];
    const family = (definition: Family, buffers: readonly Promise<Buffer>[]) => {
      if (buffers.length === 0) return;
      parts.push(encodePart(Buffer.from(header(definition, format)), this.encoding));
      parts.push(...buffers);
    };
    STATE_FAMILIES.forEach((definition, index) => family(definition, this.stateParts[index]!));
    READING_FAMILIES.forEach((definition, index) => family(definition, this.readingParts[index]!));
    return Promise.all(parts);
  }
}
