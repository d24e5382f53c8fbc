import type { Alert, AlertDetail, AlertList, AlertListQuery } from '@ihm/contracts';
import { acknowledgeAlert } from '@ihm/diagnosis';
import { Injectable } from '@nestjs/common';
import { MonitorError } from '../../common/monitor-error';
import { AlertRepository, type StoredAlert } from './alert.repository';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toAlert(alert: StoredAlert): Alert {
  const { key: _key, ...fields } = alert;
  return {
    ...fields,
    acknowledgedAt: iso(alert.acknowledgedAt),
    startedAt: alert.startedAt.toISOString(),
    firedAt: iso(alert.firedAt),
    resolvedAt: iso(alert.resolvedAt),
  };
}

@Injectable()
export class AlertService {
  constructor(private readonly repository: AlertRepository) {}

  async list(query: AlertListQuery): Promise<AlertList> {
    const [items, counts] = await Promise.all([this.repository.list(query), this.repository.counts(query)]);
    return { items: items.map(toAlert), counts };
  }

  async get(id: string): Promise<AlertDetail> {
    const alert = await this.find(id);
    return { ...toAlert(alert), deliveries: await this.repository.deliveries(alert) };
  }

  /** Stops reminders of a firing alert until it resolves; who and when are kept. Only a firing alert takes it. */
  async acknowledge(id: string, by: string, now = new Date()): Promise<AlertDetail> {
    const alert = await this.find(id);
    // Checked under the state's lock: the alert may have resolved since it was read.
    const current = await this.repository.updateState(alert, (state) => acknowledgeAlert(state, by, now));
    const state = current?.state ?? alert.state;
    if (state !== 'firing')
      throw new MonitorError(
        'VALIDATION_FAILED',
        `The alert is ${state}: only a firing alert is acknowledged`,
        [{ field: 'state', message: `is ${state}, not firing` }],
      );
    return this.get(id);
  }

  private async find(id: string): Promise<StoredAlert> {
    const alert = await this.repository.findById(id);
    if (!alert) throw new MonitorError('ALERT_NOT_FOUND', `No alert with id ${id}`);
    return alert;
  }
}
