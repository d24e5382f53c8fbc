/** The OpenMetrics 1.0 content type, as Prometheus asks for it. */
export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

/** Whether a scraper's `Accept` asks for OpenMetrics (Prometheus does, when it can read it). */
export const wantsOpenMetrics = (accept: string | undefined) =>
  /application\/openmetrics-text/i.test(accept ?? '');

const TYPE_LINE = /^# TYPE (\S+) (\S+)$/;

/**
 * The Prometheus text format (0.0.4) as OpenMetrics 1.0 lines: a counter family is named without its `_total`
 * (its samples keep it) and there are no blank lines; the caller ends the exposition with `# EOF`. prom-client
 * can write OpenMetrics itself, but 15.1 renames its counters in place when it does, which breaks every
 * text-format scrape after; this conversion reads its text output instead.
 */
export function toOpenMetrics(text: string): string {
  const counters = new Set(
    text
      .split('\n')
      .map((line) => TYPE_LINE.exec(line))
      .filter((match) => match?.[2] === 'counter')
      .map((match) => match![1]!),
  );
  const family = (name: string) => (counters.has(name) ? name.replace(/_total$/, '') : name);
  const lines = text.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    const meta = /^# (HELP|TYPE) (\S+)(.*)$/.exec(line);
    if (meta) return [`# ${meta[1]} ${family(meta[2]!)}${meta[3]}`];
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(.*)$/.exec(line);
    // A counter sample must end in _total: prom-client names ours so; one that does not is given it.
    if (sample && counters.has(sample[1]!) && !sample[1]!.endsWith('_total'))
      return [`${sample[1]}_total${sample[2]}`];
    return [line];
  });
  return `${lines.join('\n')}\n`;
}
