import type { Metadata } from 'next';
import { RuleFormPage } from '../../../../../components/rules/rule-form-page';

import { saveRule } from '../../../../alerts/rules/actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Add an alert rule' };

export default function NewRulePage() {
  return <RuleFormPage title="Add an alert rule" rule={null} saveAction={saveRule.bind(null, null)} />;
}
