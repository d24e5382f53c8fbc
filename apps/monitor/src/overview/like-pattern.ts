/** A LIKE pattern matching `text` anywhere, its `%`, `_` and `\` taken literally (`\` is LIKE's default escape). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
