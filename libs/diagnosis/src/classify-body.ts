import { down, type Finding } from './finding';
import { formatCount } from './humanize';
import type { SchemaCheck } from './observation';

const SHOWN_PATHS = 3;

/** A 2xx whose body does not match the integration's JSON Schema, or cannot be checked against it. */
export function classifySchema(check: SchemaCheck | null): Finding | null {
  if (!check || check.outcome === 'valid') return null;
  switch (check.outcome) {
    case 'not_json':
      return down(
        'schema_mismatch',
        `The response is not JSON (Content-Type ${check.contentType ?? 'missing'}), so it cannot match the schema.`,
        [
          'An HTML body often means a login page, a proxy error page or the wrong URL: open the URL and look at what it returns.',
        ],
      );
    case 'truncated':
      return down('schema_mismatch', 'The response body is cut off: it ends before the JSON is complete.', [
        'A connection closed mid-body points at a proxy or a crashing server: compare Content-Length with what arrived.',
      ]);
    case 'too_large':
      return down(
        'schema_mismatch',
        `The response body exceeds the ${formatCount(check.capBytes)}-byte limit, so it was cut off and not checked.`,
        [
          'Probe an endpoint that returns less (a page size of 1, a single resource) so the whole body can be checked.',
        ],
      );
    case 'invalid': {
      const [firstError] = check.errors;
      const more = check.errors.length > 1 ? ` (and ${check.errors.length - 1} more)` : '';
      const paths = check.errors
        .slice(0, SHOWN_PATHS)
        .map((error) => `${error.path}`)
        .join(', ');
      return down(
        'schema_mismatch',
        `The response breaks the schema at ${firstError?.path}: ${firstError?.message}${more}.`,
        [
          `Compare ${paths} with the API's changelog: a renamed field or a changed type means the integration code must follow.`,
        ],
      );
    }
  }
}
