import type { ChannelType } from '@ihm/contracts';

/**
 * Whether a channel is sent groups of notifications. Alertmanager and PagerDuty group alerts themselves
 * (`group_by`, Alert Grouping) and know each alert by its own labels or `dedup_key`, so they get every alert
 * as it happens; the other channels are read by people, who should get one message when fourteen integrations
 * fail the same way, not fourteen.
 */
export const sentGrouped = (type: ChannelType): boolean => type !== 'alertmanager' && type !== 'pagerduty';
