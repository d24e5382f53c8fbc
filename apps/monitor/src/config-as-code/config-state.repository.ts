import { Prisma, PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { AlertRuleRepository, type StoredAlertRule } from '../alerting/rules/alert-rule.repository';
import { ChannelRepository, type StoredChannel } from '../alerting/channels/channel.repository';
import { SilenceRepository, type StoredSilence } from '../alerting/silences/silence.repository';
import { AuditRepository } from '../audit/audit.repository';
import { IntegrationRepository } from '../integrations/integration.repository';
import type { StoredIntegration } from '../integrations/stored-integration';

/** Everything a config file can manage, as stored. */
export interface StoredConfigState {
  integrations: StoredIntegration[];
  channels: StoredChannel[];
  rules: StoredAlertRule[];
  silences: StoredSilence[];
}

/** The repositories an apply writes through, all bound to its one transaction. */
export interface ConfigWriters {
  integrations: IntegrationRepository;
  channels: ChannelRepository;
  rules: AlertRuleRepository;
  silences: SilenceRepository;
  audit: AuditRepository;
  read(): Promise<StoredConfigState>;
}

/** An apply rewrites hundreds of rows at most thousands: minutes, not Prisma's default 5 s. */
const APPLY_TIMEOUT_MS = 10 * 60_000;

/** Two applies at once (two processes starting with CONFIG_FILE) take turns: the second plans on the first's result. */
const APPLY_LOCK = 'ihm:config-file-apply';

function writersOn(db: Prisma.TransactionClient): ConfigWriters {
  const writers = {
    integrations: new IntegrationRepository(db),
    channels: new ChannelRepository(db),
    rules: new AlertRuleRepository(db),
    silences: new SilenceRepository(db),
    audit: new AuditRepository(db),
  };
  return {
    ...writers,
    read: async () => {
      const [integrations, channels, rules, silences] = await Promise.all([
        writers.integrations.all(),
        writers.channels.list(),
        writers.rules.list(),
        writers.silences.list(),
      ]);
      return { integrations, channels, rules, silences };
    },
  };
}

/** The state a config file is planned against, and the one transaction its apply runs in. */
@Injectable()
export class ConfigStateRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  read(): Promise<StoredConfigState> {
    return writersOn(this.prisma).read();
  }

  /** Runs `work` in one transaction, after every other apply's: all of it is written, or none. */
  transaction<T>(work: (writers: ConfigWriters) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${APPLY_LOCK}))`;
        return work(writersOn(tx));
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 60_000 },
    );
  }
}
