import {
  CHANNEL_SECRET_FIELDS,
  ChannelRequestSchema,
  MASKED_SECRET,
  toFieldErrors,
  type Channel,
  type ChannelList,
  type ChannelRequest,
  type ChannelTestResult,
} from '@ihm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { managedByFile, MonitorError } from '../../common/monitor-error';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import { refusedTargets, type OutboundField } from '../../security/outbound-targets';
import { SecretBox, SecretBoxError, secretBoxFor } from '../../security/secret-box';
import { channelHealth } from './channel-health';
import { keepMaskedChannelSecrets, splitChannelSecrets } from './channel-secrets';
import type { ChannelMessage } from './channel-message';
import type { SendOptions } from './channel-sender';
import { sendToChannel, type ChannelTarget } from './channel-senders';
import type { DeliveryOutcome } from './delivery-outcome';
import { testMessage } from './test-message';
import { ChannelRepository, type ChannelWrite, type StoredChannel } from './channel.repository';
import { generateWebhookSecret } from './webhook/sign';

type Config = Record<string, unknown>;

/** A channel ready to send: its type and its config with the secrets opened. */
export type SendableChannel = ChannelTarget & { id: string };

@Injectable()
export class ChannelService {
  private readonly box: SecretBox;

  constructor(
    private readonly repository: ChannelRepository,
    @Inject(RUNTIME_CONFIG) private readonly runtime: RuntimeConfig,
  ) {
    this.box = secretBoxFor(runtime);
  }

  /** A webhook channel without a secret gets one, shown in clear this once. */
  async create(request: ChannelRequest): Promise<Channel> {
    const generated = request.type === 'webhook' && !request.config.secret ? generateWebhookSecret() : null;
    const config: Config = generated ? { ...request.config, secret: generated } : request.config;
    if (Object.values(config).includes(MASKED_SECRET))
      throw invalid([{ field: 'config', message: 'a new channel cannot refer to a stored secret' }]);
    const stored = await this.repository.create(this.checkedWrite(request.name, request.type, config));
    const channel = await this.present(stored);
    return generated ? { ...channel, config: { ...channel.config, secret: generated } } : channel;
  }

  async list(): Promise<ChannelList> {
    const channels = await this.repository.list();
    const health = await this.repository.health(channels.map((c) => c.id));
    return { items: channels.map((c) => toChannel(c, health.get(c.id))) };
  }

  async get(id: string): Promise<Channel> {
    return this.present(await this.find(id));
  }

  /** Replaces the channel's settings; `********`, or leaving a secret out, keeps a stored secret. */
  async update(id: string, request: ChannelRequest): Promise<Channel> {
    const stored = await this.find(id);
    refuseIfManaged(stored);
    const secrets = this.openSecrets(stored);
    const incoming = keepOmittedSecrets(request, { type: stored.type, secrets });
    const { config, errors } = keepMaskedChannelSecrets(request.type, incoming, {
      type: stored.type,
      secrets,
    });
    if (errors.length > 0) throw invalid(errors);
    const reparsed = ChannelRequestSchema.safeParse({ ...request, config });
    if (!reparsed.success) throw invalid(toFieldErrors(reparsed.error));
    const updated = await this.repository.update(id, this.checkedWrite(request.name, request.type, config));
    if (!updated) throw notFound(id);
    return this.present(updated);
  }

  async remove(id: string): Promise<void> {
    refuseIfManaged(await this.find(id));
    if (!(await this.repository.delete(id))) throw notFound(id);
  }

  /**
   * What is stored for a channel that passed its schema: refused when the outbound guard refuses where it
   * sends, else with its secrets sealed. Creates, updates and a config file's apply use it.
   */
  checkedWrite(name: string, type: ChannelWrite['type'], config: Config): ChannelWrite {
    this.rejectRefusedTargets(config);
    const { masked, secrets } = splitChannelSecrets(type, config);
    const sealedSecrets = Object.keys(secrets).length > 0 ? new Uint8Array(this.box.seal(secrets)) : null;
    return { name, type, maskedConfig: masked, sealedSecrets };
  }

  /** A stored channel's config with its secrets opened, as a config file's plan compares it. */
  configOf(stored: Pick<StoredChannel, 'maskedConfig' | 'sealedSecrets'>): Config {
    return { ...stored.maskedConfig, ...this.openSecrets(stored) };
  }

  /** Sends one test notification now, outside the outbox, and answers what the receiver said; health reads it. */
  async test(id: string): Promise<ChannelTestResult> {
    const channel = this.sendable(await this.find(id));
    const at = new Date();
    const started = performance.now();
    const outcome = await this.send(channel, testMessage(channel.id, this.runtime.env.dashboardUrl, at));
    await this.repository.recordTest(channel.id, { at, ok: outcome.ok, error: outcome.error });
    return {
      ok: outcome.ok,
      status: outcome.status,
      error: outcome.error,
      response: outcome.responseExcerpt,
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** The channel with its secrets opened, for the delivery worker. */
  sendable(stored: Pick<StoredChannel, 'id' | 'type' | 'maskedConfig' | 'sealedSecrets'>): SendableChannel {
    const config = this.configOf(stored);
    switch (stored.type) {
      case 'webhook':
        return {
          id: stored.id,
          type: 'webhook',
          config: { url: String(config.url), secret: String(config.secret) },
        };
      case 'slack':
        return { id: stored.id, type: 'slack', config: { webhookUrl: String(config.webhookUrl) } };
      case 'email':
        return {
          id: stored.id,
          type: 'email',
          config: {
            host: String(config.host),
            port: Number(config.port),
            secure: config.secure === true,
            ...(typeof config.username === 'string' ? { username: config.username } : {}),
            ...(typeof config.password === 'string' ? { password: config.password } : {}),
            from: String(config.from),
            to: Array.isArray(config.to) ? config.to.map(String) : [],
          },
        };
      case 'alertmanager':
        return { id: stored.id, type: 'alertmanager', config: { url: String(config.url) } };
      case 'pagerduty':
        return {
          id: stored.id,
          type: 'pagerduty',
          config: {
            routingKey: String(config.routingKey),
            ...(typeof config.url === 'string' ? { url: config.url } : {}),
          },
        };
    }
  }

  /** Where a channel's config says to connect: its URL, or an email server's host. */
  private rejectRefusedTargets(config: Config): void {
    const targets: OutboundField[] = [];
    for (const field of ['url', 'webhookUrl'] as const) {
      const url = config[field];
      if (typeof url === 'string') targets.push({ field: `config.${field}`, url });
    }
    if (typeof config.host === 'string') targets.push({ field: 'config.host', host: config.host });
    const errors = refusedTargets(targets, this.runtime.env.outbound);
    if (errors.length > 0) throw invalid(errors);
  }

  /** Every delivery and send test goes through here, so through the outbound guard. */
  send(channel: SendableChannel, message: ChannelMessage, options?: SendOptions): Promise<DeliveryOutcome> {
    return sendToChannel(channel, message, { ...options, outbound: this.runtime.env.outbound });
  }

  private async present(stored: StoredChannel): Promise<Channel> {
    const health = await this.repository.health([stored.id]);
    return toChannel(stored, health.get(stored.id));
  }

  private openSecrets(stored: Pick<StoredChannel, 'sealedSecrets'>): Config {
    if (!stored.sealedSecrets) return {};
    try {
      return this.box.open(stored.sealedSecrets) as Config;
    } catch (error) {
      if (error instanceof SecretBoxError) throw new MonitorError('SECRETS_UNREADABLE', error.message);
      throw error;
    }
  }

  private async find(id: string): Promise<StoredChannel> {
    const stored = await this.repository.findById(id);
    if (!stored) throw notFound(id);
    return stored;
  }
}

/**
 * A secret left out of an edit of the same channel type stands for the stored one (a form that never held it
 * sends none back), except an email password without a username: that edit turns authentication off.
 */
function keepOmittedSecrets(
  request: ChannelRequest,
  stored: { type: ChannelRequest['type']; secrets: Config },
): Config {
  const config: Config = { ...request.config };
  if (request.type !== stored.type) return config;
  if (request.type === 'email' && request.config.username === undefined) return config;
  for (const field of CHANNEL_SECRET_FIELDS[request.type])
    if (config[field] === undefined && stored.secrets[field] !== undefined) config[field] = MASKED_SECRET;
  return config;
}

function toChannel(stored: StoredChannel, facts: Parameters<typeof channelHealth>[1]): Channel {
  return {
    id: stored.id,
    name: stored.name,
    type: stored.type,
    config: stored.maskedConfig,
    health: channelHealth(stored, facts),
    managedBy: stored.managedBy,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  };
}

function refuseIfManaged(stored: StoredChannel): void {
  if (stored.managedBy) throw managedByFile('channel', stored.name, stored.managedBy);
}

const notFound = (id: string) => new MonitorError('CHANNEL_NOT_FOUND', `No channel with id ${id}`);
const invalid = (details: { field: string; message: string }[]) =>
  new MonitorError('VALIDATION_FAILED', 'The channel is invalid', details);
