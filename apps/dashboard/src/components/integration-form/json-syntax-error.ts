export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Where JSON text first breaks the grammar, with line and column. Browsers word JSON.parse's errors
 * differently and often leave the position out, so the editor finds it itself.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;

  const describe = () =>
    at < text.length ? `unexpected ${JSON.stringify(text[at])}` : 'unexpected end of text';
  const fail = (expected: string): never => {
    throw new Stop(at, `${describe()}, expected ${expected}`);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at += 1;
  };
  const digits = (what: string) => {
    if (!/[0-9]/.test(text[at] ?? '')) fail(what);
    while (/[0-9]/.test(text[at] ?? '')) at += 1;
  };

  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail(`"${word}"`);
      at += 1;
    }
  };

  const number = () => {
    if (text[at] === '-') at += 1;
    if (text[at] === '0') at += 1;
    else digits('a digit');
    if (text[at] === '.') {
      at += 1;
      digits('a digit after the decimal point');
    }
    if (text[at] === 'e' || text[at] === 'E') {
      at += 1;
      if (text[at] === '+' || text[at] === '-') at += 1;
      digits('a digit in the exponent');
    }
  };

  const string = () => {
    at += 1;
    for (;;) {
      const char = text[at];
      if (char === undefined) fail('a closing quote');
      if (char === '"') {
        at += 1;
        return;
      }
      if (char === '\\') {
        at += 1;
        if (text[at] === 'u') {
          at += 1;
          for (let i = 0; i < 4; i += 1) {
            if (!/[0-9a-fA-F]/.test(text[at] ?? '')) fail('four hex digits after \\u');
            at += 1;
          }
        } else if ('"\\/bfnrt'.includes(text[at] ?? 'x')) at += 1;
        else fail('an escape like \\n or \\"');
      } else if ((char as string).charCodeAt(0) < 0x20) fail('no control characters in a string');
      else at += 1;
    }
  };

  const list = (close: string, item: () => void, what: string) => {
    at += 1;
    skipSpace();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[at] === close) {
        at += 1;
        return;
      }
      if (text[at] !== ',') fail(`"," or "${close}" after ${what}`);
      at += 1;
      skipSpace();
    }
  };

  const member = () => {
    if (text[at] !== '"') fail('a property name in double quotes');
    string();
    skipSpace();
    if (text[at] !== ':') fail('":" after the property name');
    at += 1;
    value();
  };

  function value(): void {
    skipSpace();
    const char = text[at];
    if (char === '{') list('}', member, 'a property');
    else if (char === '[') list(']', value, 'an item');
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || /[0-9]/.test(char ?? '')) number();
    else fail('a value');
  }

  try {
    value();
    skipSpace();
    if (at < text.length) fail('nothing after the value');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    return {
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      message: error.message,
    };
  }
}
