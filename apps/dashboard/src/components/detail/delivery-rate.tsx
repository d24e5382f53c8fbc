import type { TrendWindow } from '@ihm/contracts';
import { deliverySeries } from '../../lib/delivery-series';
import { readTrend } from '../../lib/integration-reads';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import { DeliveryRateChart } from './delivery-rate-chart';

/** A webhook's trend section: its delivery rate, shaped on the server. */
export async function DeliveryRate({ id, window }: { id: string; window: TrendWindow }) {
  const read = await sectionRead(readTrend(id, window));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  return (
    <div className="detail-grid trend-charts">
      <DeliveryRateChart window={read.value.window} series={deliverySeries(read.value)} />
    </div>
  );
}
