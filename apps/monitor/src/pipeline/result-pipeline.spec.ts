import { HttpDefinitionSchema } from '@ihm/contracts';
import type { Probers } from '@ihm/probe';
import { httpObservation } from '../../test/http-observation.fixture';
import type { ResponseShapeRepository } from '../drift/response-shape.repository';
import { ShapeDriftService } from '../drift/shape-drift.service';
import type { CheckOrigin, PipelineResult } from './check-result';
import { ResultPipeline, ResultStepError } from './result-pipeline';
import type { ResultStep } from './result-step';

const definition = HttpDefinitionSchema.parse({
  name: 'orders',
  url: 'https://api.example.com/v1/orders',
  auth: { type: 'bearer', token: 'secret-token-1' },
});
const probers = (status = 429): Probers => ({
  http: async () => httpObservation(status, { error: { code: 'rate_limited', message: 'slow down' } }),
});

class Recorder implements ResultStep {
  readonly seen: PipelineResult[] = [];
  constructor(
    readonly name: string,
    private readonly log: string[],
    private readonly fail = false,
  ) {}
  handle(result: PipelineResult): void {
    this.log.push(this.name);
    this.seen.push(result);
    if (this.fail) throw new Error(`${this.name} broke`);
  }
}

/** These results fail (429), so the learned response shapes are never read: the repository is not needed. */
const pipelineOf = (of: Probers, steps: ResultStep[]) =>
  new ResultPipeline(of, steps, new ShapeDriftService({} as ResponseShapeRepository));

const origins: CheckOrigin[] = [
  { kind: 'scheduled', integrationId: 'i-1', schedule: { nextDueAt: new Date(), leaseOwner: 'w' } },
  { kind: 'probe_now', integrationId: 'i-1' },
  { kind: 'dry_run' },
];

describe(ResultPipeline.name, () => {
  it.each(origins)('hands a classified $kind result to every step, in order', async (origin) => {
    const log: string[] = [];
    const first = new Recorder('first', log);
    const second = new Recorder('second', log);
    const result = await pipelineOf(probers(), [first, second]).run(definition, origin);
    expect(log).toEqual(['first', 'second']);
    expect(first.seen).toEqual([{ origin, result }]);
    expect(result).toMatchObject({ status: 'down', category: 'rate_limiting', httpStatus: 429 });
  });

  it('runs a step added with use() after the configured ones', async () => {
    const log: string[] = [];
    const pipeline = pipelineOf(probers(), [new Recorder('configured', log)]);
    pipeline.use(new Recorder('added', log));
    await pipeline.run(definition, { kind: 'dry_run' });
    expect(log).toEqual(['configured', 'added']);
  });

  it('still hands the result to later steps when one fails, then rejects naming it', async () => {
    const log: string[] = [];
    const later = new Recorder('later', log);
    const pipeline = pipelineOf(probers(), [new Recorder('broken', log, true), later]);
    const run = pipeline.run(definition, { kind: 'probe_now', integrationId: 'i-1' });
    await expect(run).rejects.toThrow(ResultStepError);
    await expect(run).rejects.toMatchObject({
      step: 'broken',
      message: 'result step broken failed: broken broke',
    });
    expect(later.seen).toHaveLength(1);
  });

  it('gives no step a check cut short by its signal', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const slow: Probers = {
      http: async () => {
        controller.abort();
        return httpObservation(200, {});
      },
    };
    const step = new Recorder('record', log);
    expect(await pipelineOf(slow, [step]).run(definition, origins[0]!, controller.signal)).toBeNull();
    expect(step.seen).toEqual([]);
  });
});

describe('ResultPipeline redaction', () => {
  it.each<[CheckOrigin, number | undefined]>([
    [origins[0]!, undefined],
    [origins[1]!, undefined],
    [origins[2]!, 256 * 1024],
  ])('keeps the body a stored result keeps, more for a dry run: %j', async (origin, bytes) => {
    const asked: (number | undefined)[] = [];
    const watching: Probers = {
      http: async (_target, options) => {
        asked.push(options?.evidenceBodyBytes);
        return httpObservation(200, { ok: true });
      },
    };
    await pipelineOf(watching, []).run(definition, origin);
    expect(asked).toEqual([bytes]);
  });

  it('takes out of the result what the probe obtained on the way, such as an OAuth2 access token', async () => {
    const observed = httpObservation(401, {
      error: 'invalid_token',
      error_description: 'token at-123456 expired',
    });
    const withToken: Probers = { http: async () => ({ ...observed, obtainedSecrets: ['at-123456'] }) };
    const result = await pipelineOf(withToken, []).run(definition, { kind: 'dry_run' });
    expect(JSON.stringify(result)).not.toContain('at-123456');
    expect(result.evidence?.bodyExcerpt).toContain('token [redacted] expired');
  });
});
