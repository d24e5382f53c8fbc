import type { Metadata } from 'next';
import { SilenceFormPage } from '../../../../../components/silences/silence-form-page';
import { saveSilence } from '../../../../alerts/silences/actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Add a silence' };

export default function NewSilencePage() {
  return <SilenceFormPage title="Add a silence" silence={null} saveAction={saveSilence.bind(null, null)} />;
}
