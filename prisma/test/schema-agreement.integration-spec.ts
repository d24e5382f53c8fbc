import { createTestDatabase, type TestDatabase } from '../src/testing';
import { createPrismaClient } from '../src/prisma-client';
import { Prisma, type PrismaClient } from '../generated/client';

/**
 * schema.prisma drives the client; the migrations are written by hand. Writing and reading back every field of
 * every model through the client, on a database built only from the migrations, proves the two agree.
 */
describe('schema.prisma and migrations', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase(process.env);
    prisma = createPrismaClient({ connectionString: db.connectionString });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const fields = (enumObject: Record<string, string>) => Object.values(enumObject).sort();

  it('round-trips every Integration field', async () => {
    const written = {
      id: '7d1c0f1e-8a55-4a8e-9d43-5d6f3f1c2b10',
      name: 'Every field',
      kind: 'http' as const,
      url: 'https://api.example.com/v1/things?x=1',
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: '{"q":1}',
      authType: 'oauth2ClientCredentials' as const,
      authConfig: {
        type: 'oauth2ClientCredentials',
        tokenUrl: 'https://a/t',
        clientId: 'c',
        clientSecret: '***',
      },
      clientCertificate: { certificate: '-----BEGIN CERTIFICATE-----', privateKey: '***' },
      signing: { scheme: 'github', secret: '***', hmac: null },
      // An http integration has no receiver (the kind's CHECK constraint): the webhook kind's test writes one.
      webhook: Prisma.DbNull,
      secrets: new Uint8Array([1, 2, 3, 255]),
      expectedStatus: [200, 201],
      responseSchema: { type: 'object', required: ['id'] },
      intervalSeconds: 30,
      timeoutMs: 2500,
      latencyThresholdMs: 800,
      rateLimitWarnPercent: 25,
      tokenExpiryWarnDays: 3,
      certificateExpiryWarnDays: 21,
      paused: true,
      tags: ['payments', 'eu'],
      managedBy: 'integrations.yaml',
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
      updatedAt: new Date('2026-01-02T03:04:05.678Z'),
    };
    expect(Object.keys(written).sort()).toEqual(fields(Prisma.IntegrationScalarFieldEnum));
    await prisma.integration.create({ data: written });
    const read = await prisma.integration.findUniqueOrThrow({ where: { id: written.id } });
    expect({ ...read, updatedAt: written.updatedAt }).toEqual({ ...written, webhook: null });
  });

  it('round-trips a webhook integration, and refuses one with a URL or an http one without', async () => {
    const webhook = { scheme: 'stripe', secret: '***', maxSilenceSeconds: 900, activeHours: null };
    const stored = await prisma.integration.create({
      data: { name: 'Receiver', kind: 'webhook', webhook },
    });
    expect(stored).toMatchObject({ kind: 'webhook', url: null, method: null, webhook, signing: null });
    await expect(
      prisma.integration.create({
        data: { name: 'Receiver with a URL', kind: 'webhook', webhook, url: 'https://a' },
      }),
    ).rejects.toThrow(/integrations_kind_shape/);
    await expect(
      prisma.integration.create({ data: { name: 'Probe without a URL', kind: 'http' } }),
    ).rejects.toThrow(/integrations_kind_shape/);
  });

  it('round-trips every ProbeResult field and cascades deletes', async () => {
    const integration = await prisma.integration.create({
      data: { name: 'Parent', url: 'https://a', method: 'GET' },
    });
    const written = {
      id: 42n,
      integrationId: integration.id,
      startedAt: new Date('2026-03-04T05:06:07.089Z'),
      status: 'down' as const,
      category: 'rate_limiting' as const,
      httpStatus: 429,
      message: 'Rate limit exceeded',
      dnsMs: 1.5,
      connectMs: 0.25,
      tlsMs: 4,
      ttfbMs: 120.5,
      totalMs: 131,
      rateLimitLimit: 5000,
      rateLimitRemaining: 0,
      rateLimitResetAt: new Date('2026-03-04T06:00:00.000Z'),
      retryAfterSeconds: 30,
      schemaErrors: [{ path: '/items/0/price', message: 'must be number' }],
      tls: { subject: 'api.example.com', issuer: 'CA', validTo: '2027-01-01T00:00:00.000Z' },
      evidence: { responseHeaders: { 'retry-after': '30' }, bodyExcerpt: '{}' },
      troubleshooting: ['Read the docs'],
      tokenExpiresAt: new Date('2026-03-05T00:00:00.000Z'),
      kept: false,
    };
    expect(Object.keys(written).sort()).toEqual(fields(Prisma.ProbeResultScalarFieldEnum));
    await prisma.$executeRaw`SELECT ihm_ensure_result_partition('2026-03-04'::date)`;
    await prisma.probeResult.create({ data: written });
    expect(
      await prisma.probeResult.findUniqueOrThrow({
        where: { id_startedAt: { id: 42n, startedAt: written.startedAt } },
      }),
    ).toEqual(written);

    await prisma.integration.delete({ where: { id: integration.id } });
    expect(await prisma.probeResult.count({ where: { integrationId: integration.id } })).toBe(0);
  });

  it('round-trips every CheckSchedule, IntegrationStatus, counter and rollup field', async () => {
    const { id: integrationId } = await prisma.integration.create({
      data: { name: 'Scheduled', url: 'https://a', method: 'GET' },
    });
    const schedule = {
      integrationId,
      nextDueAt: new Date('2026-05-01T00:00:00.000Z'),
      leaseOwner: 'worker-1',
      leaseExpiresAt: new Date('2026-05-01T00:00:10.000Z'),
      lastDeliveryAt: new Date('2026-04-30T23:59:00.000Z'),
    };
    expect(Object.keys(schedule).sort()).toEqual(fields(Prisma.CheckScheduleScalarFieldEnum));
    await prisma.checkSchedule.create({ data: schedule });
    expect(await prisma.checkSchedule.findUniqueOrThrow({ where: { integrationId } })).toEqual(schedule);

    const status = {
      integrationId,
      checkedAt: new Date('2026-05-01T00:00:01.000Z'),
      status: 'degraded' as const,
      category: 'rate_limiting' as const,
      httpStatus: 200,
      message: 'Budget low',
      dnsMs: 1.25,
      connectMs: 0.5,
      tlsMs: 4,
      ttfbMs: 6.5,
      totalMs: 12.5,
      rateLimitRemaining: 3,
      rateLimitLimit: 100,
      rateLimitResetAt: new Date('2026-05-01T01:00:00.000Z'),
      certificateExpiresAt: new Date('2026-08-01T00:00:00.000Z'),
      tokenExpiresAt: new Date('2026-05-01T02:00:00.000Z'),
      overviewGroup: 'rate_limiting',
    };
    expect(Object.keys(status).sort()).toEqual(fields(Prisma.IntegrationStatusScalarFieldEnum));
    await prisma.integrationStatus.create({ data: status });
    expect(await prisma.integrationStatus.findUniqueOrThrow({ where: { integrationId } })).toEqual(status);

    // Counters: bigint, past what a JSON number holds exactly.
    const counter = { integrationId, name: 'failures:rate_limiting', count: 9_007_199_254_740_993n };
    expect(Object.keys(counter).sort()).toEqual(fields(Prisma.IntegrationCounterScalarFieldEnum));
    await prisma.integrationCounter.create({ data: counter });
    expect(
      await prisma.integrationCounter.findUniqueOrThrow({
        where: { integrationId_name: { integrationId, name: counter.name } },
      }),
    ).toEqual(counter);

    const rollup = {
      integrationId,
      bucketStart: new Date('2026-05-01T00:00:00.000Z'),
      probeCount: 4,
      degradedCount: 1,
      failureCount: 2,
      dnsHistogram: [1],
      dnsMaxMs: 0.5,
      connectHistogram: [0, 2],
      connectMaxMs: 1.5,
      tlsHistogram: [],
      tlsMaxMs: null,
      ttfbHistogram: [0, 0, 3],
      ttfbMaxMs: 4.25,
      totalHistogram: [0, 0, 0, 4],
      totalMaxMs: 20.25,
      rateLimitRemaining: 3,
      rateLimitLimit: 100,
      rateLimitAt: new Date('2026-05-01T00:00:30.000Z'),
    };
    expect(Object.keys(rollup).sort()).toEqual(fields(Prisma.ResultRollupMinuteScalarFieldEnum));
    expect(Object.keys(rollup).sort()).toEqual(fields(Prisma.ResultRollupHourScalarFieldEnum));
    await prisma.resultRollupMinute.create({ data: rollup });
    await prisma.resultRollupHour.create({ data: rollup });
    const key = { integrationId_bucketStart: { integrationId, bucketStart: rollup.bucketStart } };
    expect(await prisma.resultRollupMinute.findUniqueOrThrow({ where: key })).toEqual(rollup);
    expect(await prisma.resultRollupHour.findUniqueOrThrow({ where: key })).toEqual(rollup);
  });

  it('merges rollup arrays element by element', async () => {
    const [row] = await prisma.$queryRaw<{ sum: number[]; max: number[] }[]>`
      SELECT ihm_int_array_add(ARRAY[1,2,3], ARRAY[10,20,30]) AS sum, ihm_real_array_max(ARRAY[1,5]::real[], ARRAY[3,2]::real[]) AS max`;
    expect(row).toEqual({ sum: [11, 22, 33], max: [3, 5] });
  });

  it.each([
    ['shorter first', '{1,2}', '{10,20,30}', [11, 22, 30]],
    ['longer first', '{1,2,3}', '{10}', [11, 2, 3]],
    ['an empty side', '{}', '{4,5}', [4, 5]],
    ['both empty', '{}', '{}', []],
    ['a NULL array', null, '{4,5}', [4, 5]],
    ['both NULL', null, null, []],
    ['NULL elements as zeros', '{1,NULL,3}', '{NULL}', [1, 0, 3]],
  ])('adds histograms of different lengths (%s)', async (_, a, b, sum) => {
    const [row] = await prisma.$queryRaw<{ sum: number[] }[]>`
      SELECT ihm_int_array_add(${a}::int[], ${b}::int[]) AS sum`;
    expect(row!.sum).toEqual(sum);
  });

  it('round-trips every AppSetting field', async () => {
    const written = { key: 'k', value: { nested: [1, 'two'] }, updatedAt: new Date() };
    expect(Object.keys(written).sort()).toEqual(fields(Prisma.AppSettingScalarFieldEnum));
    await prisma.appSetting.create({ data: written });
    const read = await prisma.appSetting.findUniqueOrThrow({ where: { key: 'k' } });
    expect(read.value).toEqual(written.value);
  });

  it('round-trips every User and Session field, and keeps emails unique', async () => {
    const user = {
      id: 'a0a0a0a0-0000-4000-8000-0000000005e1',
      email: 'ops@example.com',
      name: 'Ops',
      role: 'editor',
      passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
      inviteHash: new Uint8Array(32).fill(3),
      inviteExpiresAt: new Date('2026-06-08T00:00:00.000Z'),
      disabledAt: new Date('2026-06-02T00:00:00.000Z'),
      createdAt: new Date('2026-06-01T00:00:00.000Z'),
      updatedAt: new Date('2026-06-01T00:00:00.000Z'),
    };
    expect(Object.keys(user).sort()).toEqual(fields(Prisma.UserScalarFieldEnum));
    await prisma.user.create({ data: user });
    const read = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect({ ...read, updatedAt: user.updatedAt }).toEqual(user);
    await expect(
      prisma.user.create({ data: { ...user, id: undefined, inviteHash: null } }),
    ).rejects.toThrow();
    await expect(
      prisma.user.create({
        data: { ...user, id: undefined, email: 'x@example.com', inviteHash: null, role: 'owner' },
      }),
    ).rejects.toThrow();

    const session = {
      tokenHash: new Uint8Array(32).fill(7),
      userId: user.id,
      createdAt: new Date('2026-06-01T00:00:00.000Z'),
      expiresAt: new Date('2026-06-01T12:00:00.000Z'),
    };
    expect(Object.keys(session).sort()).toEqual(fields(Prisma.SessionScalarFieldEnum));
    await prisma.session.create({ data: session });
    expect(await prisma.session.findUniqueOrThrow({ where: { tokenHash: session.tokenHash } })).toEqual(
      session,
    );
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('round-trips every field of the alerting models, and starts with the default rule', async () => {
    expect(
      await prisma.alertRule.findUnique({ where: { id: '00000000-0000-4000-8000-0000000a1e47' } }),
    ).toMatchObject({
      condition: { type: 'consecutiveFailures', count: 3, recoverCount: 1 },
      minSeverity: 'down',
      renotifyMinutes: 240,
    });
    const { id: integrationId } = await prisma.integration.create({
      data: { name: 'Alerted', url: 'https://a', method: 'GET' },
    });
    const at = new Date('2026-12-01T10:00:00.000Z');
    const rule = {
      id: '0a0a0a0a-0000-4000-8000-000000000001',
      name: 'Budget',
      condition: { type: 'rateLimitBudget', belowPercent: 10 },
      scope: { tags: ['payments'] },
      minSeverity: 'degraded',
      channelIds: ['0a0a0a0a-0000-4000-8000-000000000002'],
      renotifyMinutes: null,
      managedBy: 'integrations.yaml',
      createdAt: at,
      updatedAt: at,
    };
    const channel = {
      id: '0a0a0a0a-0000-4000-8000-000000000002',
      name: 'Ops hook',
      type: 'webhook',
      config: { url: 'https://hooks.example.com/x', secret: '********' },
      secrets: new Uint8Array([9, 8, 7]),
      disabledReason: null,
      lastTestAt: at,
      lastTestOk: false,
      lastTestError: 'connect ECONNREFUSED',
      managedBy: null,
      createdAt: at,
      updatedAt: at,
    };
    const evaluation = { ruleId: rule.id, integrationId, state: { alert: null }, updatedAt: at };
    const alert = {
      id: '0a0a0a0a-0000-4000-8000-000000000003',
      key: `${rule.id}/${integrationId}/${at.toISOString()}`,
      ruleId: rule.id,
      integrationId,
      state: 'firing',
      category: 'rate_limiting' as const,
      severity: 'degraded',
      message: 'Budget low',
      troubleshooting: ['Read the docs'],
      flapping: true,
      acknowledgedBy: 'admin',
      acknowledgedAt: at,
      startedAt: at,
      firedAt: at,
      resolvedAt: at,
      updatedAt: at,
    };
    const notification = {
      id: 41n,
      alertId: alert.id,
      channelId: channel.id,
      messageId: 'msg_1',
      kind: 'firing',
      payload: { type: 'alert.firing' },
      stream: `${rule.id}|${integrationId}`,
      groupKey: 'rule|firing|connectivity',
      occurredAt: at,
      // Its own group's first: the self-reference a formed group starts with.
      batchId: 41n,
      dueAt: at,
      attempts: 2,
      leaseOwner: 'worker',
      leaseExpiresAt: at,
      deliveredAt: at,
      gaveUpAt: null,
      createdAt: at,
    };
    const attempt = {
      id: 42n,
      notificationId: notification.id,
      at,
      outcome: 'failed',
      status: 503,
      error: 'unavailable',
      durationMs: 12.5,
    };
    const silence = {
      id: '0a0a0a0a-0000-4000-8000-000000000004',
      scope: { categories: ['rate_limiting'] },
      startsAt: at,
      endsAt: new Date('2026-12-01T12:00:00.000Z'),
      comment: 'Provider maintenance',
      recurrence: { weekly: [{ day: 2, start: '10:00', end: '12:00' }] },
      managedBy: 'integrations.yaml',
      createdAt: at,
      updatedAt: at,
    };
    const held = {
      id: 43n,
      ruleId: rule.id,
      alertKey: alert.key,
      notification: { kind: 'firing', sequence: 1 },
      createdAt: at,
    };
    const token = {
      id: 'a0a0a0a0-0000-4000-8000-00000000a11e',
      name: 'CI deploys',
      role: 'editor',
      tokenHash: Buffer.alloc(32, 7),
      prefix: 'ihm_AbCdEf12',
      createdAt: at,
      expiresAt: new Date('2027-01-01T00:00:00.000Z'),
      lastUsedAt: at,
      userId: null,
    };
    const audit = {
      id: 44n,
      at,
      actorKind: 'user',
      actorId: 'a0a0a0a0-0000-4000-8000-0000000005e1',
      actorName: 'ops@example.com',
      action: 'integration.changed',
      objectType: 'integration',
      objectId: integrationId,
      objectName: 'Payments',
      fields: ['auth.token', 'url'],
    };
    const worker = {
      id: 'vm:4242:a1b2c3',
      leaseExpiresAt: new Date('2026-12-01T10:00:30.000Z'),
      renewedAt: at,
    };
    const compacted = { name: 'probe_results_p20261130', compactedAt: at };
    const shape = {
      integrationId,
      learned: { responses: 3, paths: { price: { types: ['number'], seen: 3 } }, since: at.toISOString() },
      updatedAt: at,
    };
    const drift = {
      id: 45n,
      integrationId,
      startedAt: at,
      lastSeenAt: at,
      changes: [{ kind: 'type_changed', path: 'price', before: ['number'], after: ['string'] }],
      shape: { paths: { price: ['string'] }, truncated: false },
      endedAt: at,
      endReason: 'accepted',
      acceptedBy: 'ops@example.com',
    };
    const models = [
      [prisma.schedulerWorker, worker, Prisma.SchedulerWorkerScalarFieldEnum, { id: worker.id }],
      [
        prisma.compactedResultPartition,
        compacted,
        Prisma.CompactedResultPartitionScalarFieldEnum,
        { name: compacted.name },
      ],
      [prisma.apiToken, token, Prisma.ApiTokenScalarFieldEnum, { id: token.id }],
      [prisma.auditEvent, audit, Prisma.AuditEventScalarFieldEnum, { id: audit.id }],
      [prisma.alertRule, rule, Prisma.AlertRuleScalarFieldEnum, { id: rule.id }],
      [prisma.channel, channel, Prisma.ChannelScalarFieldEnum, { id: channel.id }],
      [
        prisma.alertEvaluation,
        evaluation,
        Prisma.AlertEvaluationScalarFieldEnum,
        { ruleId_integrationId: { ruleId: rule.id, integrationId } },
      ],
      [prisma.alert, alert, Prisma.AlertScalarFieldEnum, { id: alert.id }],
      [prisma.notification, notification, Prisma.NotificationScalarFieldEnum, { id: notification.id }],
      [prisma.deliveryAttempt, attempt, Prisma.DeliveryAttemptScalarFieldEnum, { id: attempt.id }],
      [prisma.silence, silence, Prisma.SilenceScalarFieldEnum, { id: silence.id }],
      [prisma.heldNotification, held, Prisma.HeldNotificationScalarFieldEnum, { id: held.id }],
      [prisma.responseShape, shape, Prisma.ResponseShapeScalarFieldEnum, { integrationId }],
      [prisma.shapeDrift, drift, Prisma.ShapeDriftScalarFieldEnum, { id: drift.id }],
    ] as const;
    for (const [model, written, scalars, where] of models) {
      expect(Object.keys(written).sort()).toEqual(fields(scalars));
      const delegate = model as unknown as {
        create(args: { data: unknown }): Promise<unknown>;
        findUniqueOrThrow(args: { where: unknown }): Promise<Record<string, unknown>>;
      };
      await delegate.create({ data: written });
      const read = await delegate.findUniqueOrThrow({ where });
      expect('updatedAt' in written ? { ...read, updatedAt: written.updatedAt } : read).toEqual(written);
    }
  });

  it('round-trips every model it knows: a model added to the schema needs its test here', () => {
    expect(Object.values(Prisma.ModelName).sort()).toEqual(
      [
        'Alert',
        'ApiToken',
        'AuditEvent',
        'AlertEvaluation',
        'AlertRule',
        'AppSetting',
        'Channel',
        'CheckSchedule',
        'CompactedResultPartition',
        'DeliveryAttempt',
        'HeldNotification',
        'Integration',
        'IntegrationCounter',
        'IntegrationStatus',
        'Notification',
        'ProbeResult',
        'ResultRollupHour',
        'ResultRollupMinute',
        'ResponseShape',
        'SchedulerWorker',
        'ShapeDrift',
        'Session',
        'Silence',
        'User',
      ].sort(),
    );
  });

  it('applies the defaults the schema declares', async () => {
    const row = await prisma.integration.create({
      data: { name: 'Defaults', url: 'https://a', method: 'GET' },
    });
    expect(row).toMatchObject({
      headers: {},
      authType: 'none',
      expectedStatus: [],
      intervalSeconds: 60,
      timeoutMs: 10000,
      rateLimitWarnPercent: 10,
      tokenExpiryWarnDays: 7,
      certificateExpiryWarnDays: 14,
      paused: false,
      tags: [],
    });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);

    const user = await prisma.user.create({
      data: { email: 'defaults@example.com', name: 'D', role: 'viewer' },
    });
    expect(user).toMatchObject({ passwordHash: null, disabledAt: null, inviteHash: null });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    const session = await prisma.session.create({
      data: { tokenHash: new Uint8Array(32), userId: user.id, expiresAt: new Date() },
    });
    expect(session.createdAt).toBeInstanceOf(Date);
  });
});
