/** Where in the file's data a problem is: `['integrations', 0, 'auth', 'token']`. */
export type ConfigPath = readonly (string | number)[];

/** A problem with one value of the file, before it is given its line. */
export interface ConfigProblem {
  path: ConfigPath;
  message: string;
}

/** A problem as the user reads it: `integrations.yaml:14:14: integrations[0].auth.token: is a secret: …`. */
export interface LocatedProblem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

/** `integrations[0].auth.token`; a key that is not a plain name (a header with a dot) is quoted. */
export function fieldOf(path: ConfigPath): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

export function formatProblem(problem: LocatedProblem): string {
  const field = problem.field ? `${problem.field}: ` : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${field}${problem.message}`;
}

/** A config file that cannot be applied: every problem found, each with its file, line and field. */
export class ConfigFileError extends Error {
  constructor(readonly problems: readonly LocatedProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigFileError';
  }
}
