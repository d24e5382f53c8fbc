import { LATENCY_BUCKET_BOUNDS_MS } from '@ihm/diagnosis';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The monitor's Prometheus registry. Names are part of the contract (DESIGN.md); labels stay bounded. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly schedulerLag = new Histogram({
    name: 'monitor_scheduler_lag_seconds',
    help: 'How late scheduled checks start after they fall due.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'monitor_scheduler_queue_depth',
    help: 'Checks that are due and not yet claimed by a worker.',
    registers: [this.registry],
  });

  readonly probesInFlight = new Gauge({
    name: 'monitor_probes_in_flight',
    help: 'Probes this process is running now.',
    registers: [this.registry],
  });

  readonly resultsBuffered = new Gauge({
    name: 'monitor_results_buffered',
    help: 'Results waiting to be written to the database.',
    registers: [this.registry],
  });

  /** Every probe's phases, all integrations together: no integration label (10,000 × phases × buckets is too many). */
  readonly probePhases = new Histogram({
    name: 'monitor_probe_phase_duration_seconds',
    help: 'Duration of each phase (dns, connect, tls, ttfb, total) of the probes this process ran, all integrations.',
    labelNames: ['phase'] as const,
    buckets: LATENCY_BUCKET_BOUNDS_MS.map((ms) => ms / 1000),
    registers: [this.registry],
  });

  readonly results = new Counter({
    name: 'monitor_check_results_total',
    help: 'Classified check results, by origin (scheduled, probe_now, dry_run) and status.',
    labelNames: ['origin', 'status'] as const,
    registers: [this.registry],
  });

  readonly notifications = new Counter({
    name: 'monitor_notifications_total',
    help: 'Attempts to deliver alert notifications, by channel type and outcome (delivered, failed).',
    labelNames: ['channel_type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly resultsWritten = new Counter({
    name: 'monitor_results_written_total',
    help: 'Results written to the database.',
    registers: [this.registry],
  });

  readonly resultsDropped = new Counter({
    name: 'monitor_results_dropped_total',
    help: 'Results dropped because the buffer was full or the database refused them.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
