import { INTEGRATION_SERIES, type IntegrationSeriesName, type Sample } from './integration-series';

export type ExpositionFormat = 'text' | 'openmetrics';

/** Lines of each family, gathered a chunk of integrations at a time. */
export type FamilyLines = Record<IntegrationSeriesName, string[]>;

export const noLines = (): FamilyLines =>
  Object.fromEntries(Object.keys(INTEGRATION_SERIES).map((name) => [name, []])) as unknown as FamilyLines;

/** A label value as the exposition formats escape it: backslash, double quote and line feed. */
const escapeValue = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * Adds samples' lines to their families. A label value is escaped once however many series carry it (an
 * integration's name labels about two dozen).
 */
export function addLines(lines: FamilyLines, samples: Record<IntegrationSeriesName, Sample[]>): void {
  const escaped = new Map<string, string>();
  const escape = (value: string) => {
    let text = escaped.get(value);
    if (text === undefined) escaped.set(value, (text = escapeValue(value)));
    return text;
  };
  for (const name of Object.keys(lines) as IntegrationSeriesName[])
    for (const { labels, value } of samples[name]) {
      const pairs = Object.entries(labels).map(([label, text]) => `${label}="${escape(text)}"`);
      lines[name].push(`${name}{${pairs.join(',')}} ${value}`);
    }
}

/**
 * The integration families written directly as exposition text: prom-client objects for hundreds of thousands of
 * series cost seconds a scrape (bench:metrics). HELP and TYPE once a family, families without samples left out;
 * in OpenMetrics a counter family is named without its `_total` (its samples keep it).
 */
export function renderFamilies(lines: FamilyLines, format: ExpositionFormat): string {
  return (Object.keys(lines) as IntegrationSeriesName[])
    .filter((name) => lines[name].length > 0)
    .map((name) => {
      const { type, help } = INTEGRATION_SERIES[name];
      const family = format === 'openmetrics' && type === 'counter' ? name.replace(/_total$/, '') : name;
      return `# HELP ${family} ${help}\n# TYPE ${family} ${type}\n${lines[name].join('\n')}\n`;
    })
    .join(format === 'text' ? '\n' : '');
}
