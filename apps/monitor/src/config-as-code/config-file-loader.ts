import {
  CHANNEL_SECRET_FIELDS,
  ConfigFileSchema,
  rewriteBodyCredentials,
  rewriteUrlCredentials,
  type ConfigFile,
} from '@ihm/contracts';
import type { z } from 'zod';
import { credentialFields } from '../integrations/integration-secrets';
import { readConfigDocument, rawAt, type ConfigDocument } from './config-document';
import { ConfigFileError, type ConfigPath, type ConfigProblem } from './config-problem';
import { isSecretReference, resolveReferences, type Environment } from './env-references';

/** A config file that passed its schema, references resolved, with its document to locate later problems. */
export interface LoadedConfig {
  document: ConfigDocument;
  config: ConfigFile;
}

const LITERAL_SECRET =
  'is a secret: write it as a reference to an environment variable (${API_TOKEN}, or Bearer ${API_TOKEN}), never literally';

/**
 * Reads, resolves and checks a config file: its syntax, its schema (the API's own request schemas), names that
 * repeat, and secrets written literally. Every problem found is reported at once, each at its line.
 */
export function loadConfigFile(file: string, text: string, env: Environment): LoadedConfig {
  const document = readConfigDocument(file, text);
  const resolved = resolveReferences(document.raw, env);
  const fail = (problems: ConfigProblem[]) => new ConfigFileError(problems.map(document.locate));
  if (resolved.problems.length > 0) throw fail(resolved.problems);

  const parsed = ConfigFileSchema.safeParse(resolved.value);
  if (!parsed.success) throw fail(parsed.error.issues.flatMap(problemsOfIssue));
  const problems = [...repeatedNames(parsed.data), ...literalSecrets(document.raw, parsed.data)];
  if (problems.length > 0) throw fail(problems);
  return { document, config: parsed.data };
}

function problemsOfIssue(issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({ path: [...path, key], message: 'is not a known field' }));
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A kind or type given: the problems of the variant it names, not of every variant.
    const closest = issue.errors.reduce((best, errors) => (errors.length < best.length ? errors : best));
    return closest.flatMap((nested) => problemsOfIssue({ ...nested, path: [...path, ...nested.path] }));
  }
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return [{ path, message }];
}

function repeatedNames(config: ConfigFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const section of ['integrations', 'channels', 'alertRules'] as const) {
    const seen = new Map<string, number>();
    config[section].forEach(({ name }, i) => {
      const first = seen.get(name);
      if (first === undefined) seen.set(name, i);
      else problems.push({ path: [section, i, 'name'], message: `repeats the name of ${section}[${first}]` });
    });
  }
  return problems;
}

/**
 * A secret is literal when the file as written holds it in clear. One that arrives inside a referenced value
 * (`url: ${API_URL}`) is not in the file at all.
 */
function literalSecrets(raw: unknown, config: ConfigFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.integrations.forEach((definition, i) => {
    const written = rawAt(raw, ['integrations', i]);
    for (const credential of credentialFields(definition)) {
      const { path, value } = writtenCredential(written, credential);
      if (value !== undefined && !isSecretReference(value))
        problems.push({ path: ['integrations', i, ...path], message: LITERAL_SECRET });
    }
  });
  config.channels.forEach((channel, i) => {
    const path: ConfigPath = ['channels', i, 'config'];
    for (const field of CHANNEL_SECRET_FIELDS[channel.type]) {
      const value = rawAt(raw, [...path, field]);
      if (value !== undefined && !isSecretReference(value))
        problems.push({ path: [...path, field], message: LITERAL_SECRET });
    }
    if (channel.type === 'webhook' && channel.config.secret === undefined)
      problems.push({
        path: [...path, 'secret'],
        message:
          'a webhook channel in a config file needs its signing secret (secret: ${WEBHOOK_SECRET}): a generated one could never be shown',
      });
  });
  return problems;
}

/** Where a credential is written in the file, and what is written there. */
function writtenCredential(
  written: unknown,
  credential: { part: string; place: string },
): { path: ConfigPath; value: unknown } {
  const { part, place } = credential;
  if (part === 'query' || part === 'body') {
    const field = part === 'query' ? 'url' : 'body';
    const text = rawAt(written, [field]);
    if (typeof text !== 'string') return { path: [field], value: undefined };
    let value: string | undefined;
    const find = (found: { place: string; value: string }) => {
      if (found.place === place) value = found.value;
      return found.value;
    };
    if (part === 'query') rewriteUrlCredentials(text, find);
    else rewriteBodyCredentials(text, find);
    return { path: [field], value };
  }
  if (part === 'headers') {
    const headers = rawAt(written, ['headers']);
    const key = Object.keys(headers ?? {}).find((name) => name.toLowerCase() === place.toLowerCase());
    return { path: ['headers', key ?? place], value: key === undefined ? undefined : rawAt(headers, [key]) };
  }
  return { path: [part, place], value: rawAt(written, [part, place]) };
}
