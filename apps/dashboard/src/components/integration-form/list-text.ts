/** Comma- or space-separated status codes, as typed. */
export function splitStatusList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Comma-separated tags, as typed; a tag may contain spaces. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
