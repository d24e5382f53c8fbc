import type { OverviewGroup } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';

export function groupLabel(group: OverviewGroup): string {
  if (group === 'pending') return 'Not probed yet';
  if (group === 'healthy') return 'Healthy';
  return CATEGORY_LABELS[group];
}
