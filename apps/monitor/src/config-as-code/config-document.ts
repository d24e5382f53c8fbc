import { isNode, LineCounter, parseDocument } from 'yaml';
import {
  ConfigFileError,
  fieldOf,
  type ConfigPath,
  type ConfigProblem,
  type LocatedProblem,
} from './config-problem';

/** A config file as written, with the means to say where each of its values is. */
export interface ConfigDocument {
  /** How problems name the file: the name it was given. */
  file: string;
  /** The data, `${…}` references unresolved. */
  raw: unknown;
  locate(problem: ConfigProblem): LocatedProblem;
}

const MAX_SYNTAX_ERRORS = 3;

/** `{ token: ${TOKEN} }` is not YAML: inside braces or brackets, `{` starts a mapping. */
const REFERENCE_IN_FLOW_HINT = ' (inside { } or [ ], quote a value that holds a reference: "${TOKEN}")';

/** At most this many aliases: a YAML "billion laughs" is refused, not expanded. */
const MAX_ALIASES = 100;

/**
 * Parses YAML or JSON (JSON is YAML). A syntax error, a duplicate key or an empty file is a ConfigFileError that
 * names its line; the values are checked afterwards, against the file's schema.
 */
export function readConfigDocument(file: string, text: string): ConfigDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  // One syntax error makes the parser stumble over the lines after it: the first few say all there is.
  if (document.errors.length > 0)
    throw new ConfigFileError(
      document.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => {
        const { line, col } = at(error.pos[0]);
        const written = text.split('\n')[line - 1] ?? '';
        const hint = written.includes('${') ? REFERENCE_IN_FLOW_HINT : '';
        return { file, line, column: col, field: '', message: `${firstLine(error.message)}${hint}` };
      }),
    );
  if (document.contents === null)
    throw new ConfigFileError([
      { file, line: 1, column: 1, field: '', message: 'the file is empty: write {} to manage nothing' },
    ]);

  const locate = ({ path, message }: ConfigProblem): LocatedProblem => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const { line, col } = at(node.range[0]);
        return { file, line, column: col, field: fieldOf(path), message };
      }
    }
    return { file, line: 1, column: 1, field: fieldOf(path), message };
  };
  try {
    return { file, raw: document.toJS({ maxAliasCount: MAX_ALIASES }), locate };
  } catch (error) {
    throw new ConfigFileError([
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message: error instanceof Error ? error.message : String(error),
      },
    ]);
  }
}

/** The value at `path` of the data as written, or undefined. */
export function rawAt(raw: unknown, path: ConfigPath): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
