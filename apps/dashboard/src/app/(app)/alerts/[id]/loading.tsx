import { AlertPageSkeleton } from '../../../../components/alerts/alert-page-skeleton';

export default function AlertLoading() {
  return <AlertPageSkeleton />;
}
