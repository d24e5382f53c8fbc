/** Slack's mrkdwn reads `&`, `<` and `>` as markup (`<!channel>`, links); everything else is shown as is. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mrkdwn link; `|` would end the address early, so it is percent-encoded. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(label)}>`;
}

/**
 * Cuts `text` to at most `max` characters, ending with `…`, never through an escaped entity (`&am…`) or a
 * surrogate pair (half an emoji).
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text
    .slice(0, max - 1)
    .replace(/&[a-z]*$/, '')
    .replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}

/** `<!date^…>`: Slack shows the time in each reader's own zone; other clients show the UTC fallback. */
export function slackDate(date: Date): string {
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}
