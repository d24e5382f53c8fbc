import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * What the text is, read in the browser: nothing, not a JSON object (and why), or a JSON object. Whether that object
 * compiles as a JSON Schema is Ajv's call, made on the server (schema-actions.ts) and by the API on save.
 */
export type SchemaCheck =
  | { state: 'empty' }
  | { state: 'invalid'; message: string }
  | { state: 'parsed'; schema: Record<string, unknown> };

type ParseErrorName = ReturnType<typeof printParseErrorCode>;

/** What each of jsonc-parser's errors means to someone typing JSON, given the text found where it broke. */
const PROBLEMS: Readonly<Record<ParseErrorName, (found: string) => string>> = {
  InvalidSymbol: (found) => `unexpected ${found}`,
  InvalidNumberFormat: (found) => `${found} is not a valid number`,
  PropertyNameExpected: (found) => `unexpected ${found}, expected a property name in double quotes`,
  ValueExpected: (found) => `unexpected ${found}, expected a value`,
  ColonExpected: (found) => `unexpected ${found}, expected ":" after the property name`,
  CommaExpected: (found) => `unexpected ${found}, expected "," before the next item`,
  CloseBraceExpected: (found) => `unexpected ${found}, expected "," or "}" after a property`,
  CloseBracketExpected: (found) => `unexpected ${found}, expected "," or "]" after an item`,
  EndOfFileExpected: (found) => `unexpected ${found}, expected nothing after the value`,
  InvalidCommentToken: () => 'comments are not allowed in JSON',
  UnexpectedEndOfComment: () => 'comments are not allowed in JSON',
  UnexpectedEndOfString: () => 'this string has no closing quote',
  UnexpectedEndOfNumber: (found) => `${found} is not a complete number`,
  InvalidUnicode: () => 'a \\u escape in this string needs four hex digits',
  InvalidEscapeCharacter: () =>
    'this string has an unknown escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u)',
  InvalidCharacter: () =>
    'this string holds a control character such as a tab or line break (write \\t or \\n)',
  '<unknown ParseErrorCode>': (found) => `unexpected ${found}`,
};

/** A long string token is cut to this many characters in a message. */
const FOUND_PREVIEW = 24;

/** The text where parsing broke, quoted as JSON would write it: `"}"`, `"tru"`, or the end of the text. */
function describeFound(text: string, { offset, length }: ParseError): string {
  if (offset >= text.length) return 'end of text';
  const token = text.slice(offset, offset + Math.max(length, 1));
  const preview = token.length > FOUND_PREVIEW ? `${token.slice(0, FOUND_PREVIEW)}…` : token;
  return token.startsWith('"') ? preview : JSON.stringify(preview);
}

/** 1-based line and column of an offset, counting columns in UTF-16 units as editors do. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where the text first breaks strict JSON, in words. Browsers word JSON.parse's errors differently and often
 * leave the position out, so jsonc-parser (comments and trailing commas refused, as by the API) locates it.
 * JSON.parse stays the judge of what is valid; should the two ever disagree, its own words are shown.
 */
function syntaxMessage(text: string, error: unknown): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
  const { line, column } = lineAndColumn(text, first.offset);
  const problem = PROBLEMS[printParseErrorCode(first.error)](describeFound(text, first));
  return `Invalid JSON at line ${line}, column ${column}: ${problem}.`;
}

/** The schema text read as JSON: no schema, why it is not a JSON object, or the object. */
export function checkSchemaText(text: string): SchemaCheck {
  if (text.trim() === '') return { state: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { state: 'invalid', message: syntaxMessage(text, error) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { state: 'invalid', message: 'A JSON Schema must be a JSON object: { … }.' };
  }
  return { state: 'parsed', schema: parsed as Record<string, unknown> };
}
