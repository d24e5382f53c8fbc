import { CHANNEL_SECRET_FIELDS, type IntegrationDefinition } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { Document } from 'yaml';
import type { StoredChannel } from '../alerting/channels/channel.repository';
import { replaceCredentials } from '../integrations/integration-secrets';
import { ConfigStateRepository } from './config-state.repository';
import { namedRule, namedSilence, storedNames } from './stored-names';

/** What an export wrote, and the environment variables its references need before it is applied. */
export interface ConfigExport {
  text: string;
  variables: string[];
}

const words = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** `GitHub API` and `auth.clientSecret` → `GITHUB_API_AUTH_CLIENT_SECRET`: the field's camel case split, the name's kept. */
export function envName(objectName: string, field: string): string {
  const name = [words(objectName), words(field.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))]
    .filter(Boolean)
    .join('_')
    .toUpperCase();
  return /^[A-Z_]/.test(name) ? name : `X_${name}`;
}

const BY_PLACE = new Set(['headers', 'query', 'body']);

/** A reference as a URL's query or a form body holds it: written as `${NAME}`, not percent-encoded. */
const unencodedReferences = (text: string) => text.replace(/%24%7B([A-Za-z0-9_]+)%7D/g, '${$1}');

/**
 * Writes what is stored as a config file: every integration, channel, alert rule and silence, whoever made it,
 * with each secret as a reference to an environment variable named after its object and field. Applying the
 * export, with those variables set, changes nothing but who manages the objects.
 */
@Injectable()
export class ConfigExportService {
  constructor(private readonly state: ConfigStateRepository) {}

  async export(): Promise<ConfigExport> {
    const stored = await this.state.read();
    const names = storedNames(stored);
    const variables = new Set<string>();
    const reference = (objectName: string, field: string) => {
      let name = envName(objectName, field);
      for (let n = 2; variables.has(name); n++) name = `${envName(objectName, field)}_${n}`;
      variables.add(name);
      return `\${${name}}`;
    };

    const integrations = stored.integrations.map(({ masked: { name, ...masked } }) => {
      // Named by field (`auth.token`) where that says what it is, by place (`api_key`, `Authorization`) elsewhere.
      const exported = replaceCredentials(
        { name, ...masked } as IntegrationDefinition,
        ({ part, place, field }) => reference(name, BY_PLACE.has(part) ? place.replace(/#0$/, '') : field),
      );
      return exported.kind === 'http'
        ? {
            ...exported,
            url: unencodedReferences(exported.url),
            body: exported.body && unencodedReferences(exported.body),
          }
        : exported;
    });
    const channels = stored.channels.map((channel) => exportedChannel(channel, reference));
    const document = new Document({
      integrations,
      channels,
      alertRules: stored.rules.map((rule) => namedRule(rule, names)),
      silences: stored.silences.map((silence) => {
        const { recurrence, ...rest } = namedSilence(silence, names);
        return recurrence ? { ...rest, recurrence } : rest;
      }),
    });
    document.commentBefore =
      variables.size > 0
        ? ` Secrets are references: set ${[...variables].join(', ')} before applying this file.`
        : null;
    return { text: document.toString({ lineWidth: 0 }), variables: [...variables] };
  }
}

function exportedChannel(channel: StoredChannel, reference: (objectName: string, field: string) => string) {
  const config = { ...channel.maskedConfig };
  for (const field of CHANNEL_SECRET_FIELDS[channel.type])
    if (config[field] !== undefined) config[field] = reference(channel.name, field);
  return { name: channel.name, type: channel.type, config };
}
