import { auditAction, sentFields } from './audit-action';

const ID = 'b3f1c2d4-0000-4000-8000-000000000001';

describe(auditAction.name, () => {
  const table: [
    string,
    string,
    Record<string, string>,
    Record<string, unknown>,
    unknown,
    ReturnType<typeof auditAction>,
  ][] = [
    [
      'POST',
      '/api/integrations',
      {},
      {},
      { name: 'A', url: 'u', auth: { type: 'bearer', token: 's3cret' } },
      {
        objectType: 'integration',
        verb: 'created',
        objectId: null,
        fields: ['auth.token', 'auth.type', 'name', 'url'],
      },
    ],
    [
      'PATCH',
      '/api/integrations/:id',
      { id: ID },
      {},
      { paused: true },
      { objectType: 'integration', verb: 'paused', objectId: ID, fields: ['paused'] },
    ],
    [
      'PATCH',
      '/api/integrations/:id',
      { id: ID },
      {},
      { paused: false },
      { objectType: 'integration', verb: 'resumed', objectId: ID, fields: ['paused'] },
    ],
    [
      'PATCH',
      '/api/integrations/:id',
      { id: ID },
      {},
      { paused: false, url: 'v' },
      { objectType: 'integration', verb: 'changed', objectId: ID, fields: ['paused', 'url'] },
    ],
    [
      'DELETE',
      '/api/integrations/:id',
      { id: ID },
      {},
      undefined,
      { objectType: 'integration', verb: 'deleted', objectId: ID, fields: [] },
    ],
    [
      'POST',
      '/api/integrations/:id/probe',
      { id: ID },
      {},
      {},
      { objectType: 'integration', verb: 'tested', objectId: ID, fields: [] },
    ],
    [
      'POST',
      '/api/probe',
      {},
      { integrationId: ID },
      { url: 'u' },
      { objectType: 'integration', verb: 'tested', objectId: ID, fields: [] },
    ],
    [
      'POST',
      '/api/probe',
      {},
      {},
      { url: 'u' },
      { objectType: 'integration', verb: 'tested', objectId: null, fields: [] },
    ],
    [
      'PUT',
      '/api/channels/:id',
      { id: ID },
      {},
      { name: 'n', type: 'slack', config: { webhookUrl: 'x' } },
      { objectType: 'channel', verb: 'changed', objectId: ID, fields: ['config.webhookUrl', 'name', 'type'] },
    ],
    [
      'POST',
      '/api/channels/:id/test',
      { id: ID },
      {},
      {},
      { objectType: 'channel', verb: 'tested', objectId: ID, fields: [] },
    ],
    [
      'POST',
      '/api/alerts/:id/acknowledge',
      { id: ID },
      {},
      {},
      { objectType: 'alert', verb: 'acknowledged', objectId: ID, fields: [] },
    ],
    [
      'POST',
      '/api/integrations/:id/shape/accept',
      { id: ID },
      {},
      {},
      { objectType: 'integration', verb: 'shape_accepted', objectId: ID, fields: [] },
    ],
    [
      'POST',
      '/api/alert-rules',
      {},
      {},
      { name: 'r' },
      { objectType: 'alert_rule', verb: 'created', objectId: null, fields: ['name'] },
    ],
    [
      'DELETE',
      '/api/silences/:id',
      { id: ID },
      {},
      undefined,
      { objectType: 'silence', verb: 'deleted', objectId: ID, fields: [] },
    ],
    [
      'PATCH',
      '/api/users/:id',
      { id: ID },
      {},
      { disabled: true },
      { objectType: 'user', verb: 'changed', objectId: ID, fields: ['disabled'] },
    ],
    [
      'POST',
      '/api/tokens',
      {},
      {},
      { name: 't', role: 'viewer' },
      { objectType: 'token', verb: 'created', objectId: null, fields: ['name', 'role'] },
    ],
    [
      'PUT',
      '/api/session/password',
      {},
      {},
      { currentPassword: 'a', newPassword: 'b' },
      { objectType: 'user', verb: 'password_changed', objectId: 'me', fields: [] },
    ],
    ['POST', '/api/session', {}, {}, { password: 'p' }, null],
    ['DELETE', '/api/session', {}, {}, undefined, null],
    ['POST', '/api/invites/:invite', { invite: 'ihmi_x' }, {}, { password: 'p' }, null],
    ['POST', '/metrics', {}, {}, {}, null],
  ];

  it.each(table)('%s %s', (method, path, params, query, body, expected) => {
    expect(auditAction(method, path, params, query, body, 'me')).toEqual(expected);
  });
});

describe(sentFields.name, () => {
  it('names fields one level deep and never returns a value', () => {
    const fields = sentFields({
      headers: { Authorization: 'Bearer s3cret' },
      tags: ['a'],
      body: null,
      auth: {},
    });
    expect(fields).toEqual(['auth', 'body', 'headers.Authorization', 'tags']);
    expect(JSON.stringify(fields)).not.toContain('s3cret');
    expect(sentFields('text')).toEqual([]);
  });
});
