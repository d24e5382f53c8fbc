import type { ChannelIntegration, ChannelMessage } from '../../src/alerting/channels/channel-message';

const STARTED = new Date('2026-11-27T14:32:00.000Z');

export const PAYMENTS: ChannelIntegration = {
  id: 'b3f1c2d4-0000-4000-8000-000000000001',
  name: 'Payments API',
  category: 'authentication',
  message: 'Bearer token expired 2 h ago (JWT exp)',
};

/** A firing alert about one integration; `overrides` make the other kinds. */
export function channelMessage(overrides: Partial<ChannelMessage> = {}): ChannelMessage {
  return {
    type: 'alert.firing',
    id: 'msg_k3Jw8a2Qe0PzX7vLr5TnYc1B',
    at: new Date('2026-11-27T14:33:30.000Z'),
    alert: {
      id: 'a1e2b3c4-0000-4000-8000-00000000000a',
      rule: { id: 'r1e2b3c4-0000-4000-8000-00000000000b', name: 'Three failures in a row' },
      state: 'firing',
      category: 'authentication',
      severity: 'down',
      message: PAYMENTS.message,
      troubleshooting: ['Validate credentials: renew the token', 'Check the token scopes'],
      startedAt: STARTED,
      flapping: false,
    },
    summary: `Payments API: authentication, ${PAYMENTS.message}`,
    integrations: [PAYMENTS],
    url: `http://127.0.0.1:3000/integrations/${PAYMENTS.id}`,
    ...overrides,
  } as ChannelMessage;
}

/** `count` integrations failing the same way at once. */
export function groupedIntegrations(count: number): ChannelIntegration[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `b3f1c2d4-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    name: `Integration ${i + 1}`,
    category: 'connectivity' as const,
    message: `DNS lookup of api${i + 1}.example.com failed: no such host (ENOTFOUND)`,
  }));
}
