import type { ConfigPath, ConfigProblem } from './config-problem';

/** `${NAME}`, or `$${` (a literal `${`), or a `${` that starts neither. */
const REFERENCE = /\$(\$?)\{(?:([A-Za-z_][A-Za-z0-9_]*)\})?/g;

/** What a secret may be written as: a reference, after an optional scheme word (`Bearer ${TOKEN}`). */
const SECRET_FORM = /^(?:[A-Za-z][\w-]* )?\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

export const isSecretReference = (value: unknown): boolean =>
  typeof value === 'string' && SECRET_FORM.test(value);

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Replaces every `${NAME}` in the data's strings (not its keys) with the environment's value; a name the
 * environment does not set, or a `${` that is not a reference, is a problem at that value.
 */
export function resolveReferences(
  raw: unknown,
  env: Environment,
): { value: unknown; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const walk = (value: unknown, path: ConfigPath): unknown => {
    if (typeof value === 'string') return resolveString(value, path);
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]),
      );
    return value;
  };
  const resolveString = (text: string, path: ConfigPath): string =>
    text.replace(REFERENCE, (match, escaped: string, name: string | undefined) => {
      if (escaped) return match.slice(1);
      if (name === undefined) {
        problems.push({ path, message: '`${` starts a reference: write ${NAME}, or $${ for a literal ${' });
        return match;
      }
      const found = env[name];
      if (found === undefined) {
        problems.push({ path, message: `the environment variable ${name} is not set` });
        return match;
      }
      return found;
    });
  return { value: walk(raw, []), problems };
}
