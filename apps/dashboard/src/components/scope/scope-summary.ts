import type { AlertRule } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';
import { formatCount } from '../../lib/format';

/** "Every integration", "2 integrations or tags payments, eu; only Authentication": what a scope covers. */
export function scopeSummary(scope: AlertRule['scope'], integrationName: (id: string) => string): string {
  const who = [
    ...(scope.integrationIds?.length
      ? [
          scope.integrationIds.length <= 3
            ? scope.integrationIds.map(integrationName).join(', ')
            : formatCount(scope.integrationIds.length, 'integration'),
        ]
      : []),
    ...(scope.tags?.length ? [`tagged ${scope.tags.join(', ')}`] : []),
  ];
  const subject = who.length > 0 ? who.join(' or ') : 'Every integration';
  const categories = scope.categories?.length
    ? `; only ${scope.categories.map((category) => CATEGORY_LABELS[category]).join(', ')}`
    : '';
  return `${subject}${categories}`;
}
