import type { AlertRule } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';
import { formatCount } from '../../lib/format';

/**
 * What a scope covers, in one line: "Every integration", "Orders API or integrations tagged payments, eu",
 * "3 integrations; only Authentication".
 */
export function scopeSummary(scope: AlertRule['scope'], integrationName: (id: string) => string): string {
  const who = [
    ...(scope.integrationIds?.length
      ? [
          scope.integrationIds.length <= 3
            ? scope.integrationIds.map(integrationName).join(', ')
            : formatCount(scope.integrationIds.length, 'integration'),
        ]
      : []),
    ...(scope.tags?.length ? [`integrations tagged ${scope.tags.join(', ')}`] : []),
  ];
  const listed = who.join(' or ');
  const subject = listed ? `${listed.charAt(0).toUpperCase()}${listed.slice(1)}` : 'Every integration';
  const categories = scope.categories?.length
    ? `; only ${scope.categories.map((category) => CATEGORY_LABELS[category]).join(', ')}`
    : '';
  return `${subject}${categories}`;
}
