'use client';

import { useRouter } from 'next/navigation';
import { RuleForm, type RuleFormProps } from './rule-form';

/** The form on its page: after a save, back to the rules. Keeps the router out of the form. */
export function RuleFormRoute(props: Omit<RuleFormProps, 'onSaved'>) {
  const router = useRouter();
  return (
    <RuleForm
      {...props}
      onSaved={() => {
        router.push('/alerts/rules');
        router.refresh();
      }}
    />
  );
}
