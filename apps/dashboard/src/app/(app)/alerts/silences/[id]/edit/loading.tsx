import { FormPageSkeleton } from '../../../../../../components/form/form-page-skeleton';

export default function EditSilenceLoading() {
  return <FormPageSkeleton back="Silences" what="Loading the silence to edit…" sections={[4, 3]} />;
}
