import { FormPageSkeleton } from '../../../../../../components/form/form-page-skeleton';

export default function EditChannelLoading() {
  return <FormPageSkeleton back="Channels" what="Loading the channel to edit…" sections={[2, 2]} />;
}
