import { IntegrationPageSkeleton } from '../../../../components/detail/detail-skeletons';

export default function IntegrationLoading() {
  return <IntegrationPageSkeleton />;
}
