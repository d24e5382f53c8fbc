import { EditIntegrationSkeleton } from '../../../../../components/integration-form/edit-integration-skeleton';

export default function EditIntegrationLoading() {
  return <EditIntegrationSkeleton />;
}
