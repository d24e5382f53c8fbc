import { inScope, type AlertIntegration, type AlertRule } from '@ihm/diagnosis';
import type { StoredAlertRule } from './alert-rule.repository';

/** The integrations a rule watches: its listed ids or tags (its categories narrow what counts, in evaluation). */
export const watches = (rule: Pick<StoredAlertRule, 'scope'>, integration: AlertIntegration): boolean =>
  inScope({ integrationIds: rule.scope.integrationIds, tags: rule.scope.tags }, integration, null);

/** A stored rule as evaluation reads it: without its channels and times. */
export const toRule = ({
  channelIds: _channels,
  createdAt: _c,
  updatedAt: _u,
  ...rule
}: StoredAlertRule): AlertRule => rule;
