import type { ActionResult } from '../../lib/action-result';
import { readAlertRules, readChannels, readIntegrationChoices } from '../../lib/alerting-reads';
import { namer } from '../../lib/namer';
import { sectionRead } from '../../lib/section-read';
import { EmptyState } from '../empty-state';
import { SectionUnavailable } from '../section-unavailable';
import { RuleList } from './rule-list';
import { canEdit } from '../../lib/can-edit';

/** The rules with their channels and integrations named, streamed behind their skeleton. */
export async function RulesSection({
  deleteAction,
}: {
  deleteAction(ruleId: string): Promise<ActionResult<null>>;
}) {
  const read = await sectionRead(Promise.all([readAlertRules(), readChannels(), readIntegrationChoices()]));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const [rules, channels, integrations] = read.value;
  if (rules.items.length === 0) {
    return (
      <EmptyState
        title="No rules"
        action={
          (await canEdit()) ? { href: '/alerts/rules/new', label: 'Add a rule', primary: true } : undefined
        }
      >
        Without a rule nothing fires. Add one: three failed probes in a row is a good start.
      </EmptyState>
    );
  }
  return (
    <RuleList
      rules={rules.items}
      channelName={namer(channels.items, 'a deleted channel')}
      integrationName={namer(integrations, 'a deleted integration')}
      deleteAction={(await canEdit()) ? deleteAction : undefined}
    />
  );
}
