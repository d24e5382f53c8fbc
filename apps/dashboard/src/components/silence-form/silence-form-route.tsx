'use client';

import { useRouter } from 'next/navigation';
import { SilenceForm, type SilenceFormProps } from './silence-form';

/** The form on its page: after a save, back to the agenda. */
export function SilenceFormRoute(props: Omit<SilenceFormProps, 'onSaved'>) {
  const router = useRouter();
  return (
    <SilenceForm
      {...props}
      onSaved={() => {
        router.push('/alerts/silences');
        router.refresh();
      }}
    />
  );
}
