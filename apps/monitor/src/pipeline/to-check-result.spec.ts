import { classify } from '@ihm/diagnosis';
import { redactionFor } from '@ihm/probe';
import { httpObservation } from '../../test/http-observation.fixture';
import { toCheckResult } from './to-check-result';

const TOKEN = 'sk_live_0123456789';
const redaction = redactionFor({
  url: 'https://api.example.com',
  auth: { type: 'bearer', token: TOKEN },
  headers: {},
  body: null,
});

describe(toCheckResult.name, () => {
  it('carries the verdict beside what the probe observed', () => {
    const observed = httpObservation(
      401,
      { error: 'invalid_token' },
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
    const result = toCheckResult(observed, classify(observed.observation), redaction);
    expect(result).toMatchObject({
      startedAt: observed.observation.now,
      status: 'down',
      category: 'authentication',
      httpStatus: 401,
      timings: observed.timings,
      tls: observed.certificate,
      schemaErrors: [],
    });
    expect(result.troubleshooting.length).toBeGreaterThan(0);
  });

  it("takes the integration's secrets out of the message, the steps and the evidence", () => {
    const observed = httpObservation(
      401,
      { error: 'invalid_token', error_description: `token ${TOKEN} was revoked` },
      { 'x-echo': TOKEN, 'set-cookie': 'session=abc' },
    );
    const result = toCheckResult(observed, classify(observed.observation), redaction);
    expect(result.message).toContain('was revoked');
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${TOKEN}|session=abc`));
    expect(result.evidence?.responseHeaders).toMatchObject({
      'x-echo': '[redacted]',
      'set-cookie': '[redacted]',
    });
    expect(result.evidence?.bodyExcerpt).toContain('token [redacted] was revoked');
  });

  it('lists the schema errors of an invalid body, and none otherwise', () => {
    const observed = httpObservation(200, { items: 'x' });
    const invalid = {
      ...observed,
      observation: {
        ...observed.observation,
        schema: { outcome: 'invalid' as const, errors: [{ path: '/items', message: 'must be array' }] },
      },
    };
    const result = toCheckResult(invalid, classify(invalid.observation), redaction);
    expect(result).toMatchObject({
      category: 'schema_mismatch',
      schemaErrors: [{ path: '/items', message: 'must be array' }],
    });
  });

  it('has no evidence when no response arrived', () => {
    const observed = {
      ...httpObservation(200, {}),
      rawEvidence: null,
      observation: {
        ...httpObservation(200, {}).observation,
        response: null,
        failure: {
          phase: 'connect' as const,
          code: 'ECONNREFUSED',
          message: 'refused',
          host: 'api.example.com',
        },
      },
    };
    const result = toCheckResult(observed, classify(observed.observation), redaction);
    expect(result).toMatchObject({
      status: 'down',
      category: 'connectivity',
      httpStatus: null,
      evidence: null,
    });
  });
});
