import type { Alert, AlertDetail, AlertRule, Channel, ChannelDelivery, Silence } from '@ihm/contracts';

/** An alert as the API lists it: firing on an authentication failure, not acknowledged. */
export function alertFixture(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'alert-1',
    ruleId: 'rule-1',
    ruleName: 'Default: 3 consecutive failures',
    integrationId: 'int-1',
    integrationName: 'Payments API',
    state: 'firing',
    category: 'authentication',
    severity: 'down',
    message: 'Bearer token expired 2 h ago (JWT exp)',
    troubleshooting: ['Issue a new token.', 'Check the logs of both systems.'],
    flapping: false,
    acknowledgedBy: null,
    acknowledgedAt: null,
    startedAt: '2026-11-25T11:50:00.000Z',
    firedAt: '2026-11-25T11:52:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

export function alertDetailFixture(overrides: Partial<AlertDetail> = {}): AlertDetail {
  return { ...alertFixture(), deliveries: [], ...overrides };
}

export function channelFixture(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 'chan-1',
    name: 'Ops webhook',
    type: 'webhook',
    config: { url: 'https://hooks.example.com/ihm', secret: '********' },
    health: { state: 'healthy', lastAttemptAt: null, lastError: null, pending: 0, disabledReason: null },
    managedBy: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

/** One attempt of a channel's log: the firing notification of alertFixture(), delivered. */
export function channelDeliveryFixture(overrides: Partial<ChannelDelivery> = {}): ChannelDelivery {
  return {
    id: '41',
    at: '2026-11-25T11:55:00.000Z',
    alertId: 'alert-1',
    integrationId: 'int-1',
    integrationName: 'Payments API',
    kind: 'firing',
    messageId: 'msg_2f9c',
    outcome: 'delivered',
    status: 200,
    error: null,
    durationMs: 42,
    ...overrides,
  };
}

export function ruleFixture(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'rule-1',
    name: 'Default: 3 consecutive failures',
    condition: { type: 'consecutiveFailures', count: 3, recoverCount: 1 },
    scope: {},
    minSeverity: 'down',
    channelIds: [],
    renotifyMinutes: 240,
    managedBy: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

export function silenceFixture(overrides: Partial<Silence> = {}): Silence {
  return {
    id: 'silence-1',
    scope: {},
    startsAt: '2026-11-25T10:00:00.000Z',
    endsAt: '2026-11-25T14:00:00.000Z',
    comment: 'Provider maintenance',
    recurrence: null,
    managedBy: null,
    createdAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}
