/** Comma- or space-separated status codes, as typed. */
export function splitStatusList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Comma-separated items, as typed: tags, addresses; an item may contain spaces. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
