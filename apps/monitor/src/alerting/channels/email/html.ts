import type { EmailSummary } from './payload';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML shows it, in an element or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** A link only to a web page: any other scheme (`javascript:`, `data:`) is shown as text. */
function link(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return `${escapeHtml(label)}: ${escapeHtml(url)}`;
  return `<a href="${escapeHtml(url)}" style="color:#0969da">${escapeHtml(label)}</a>`;
}

const list = (tag: 'ul' | 'ol', items: readonly string[]) =>
  `<${tag} style="margin:0;padding-left:20px">${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;

/** The HTML body: the same as the text body, every text escaped, styles inline as mail clients need them. */
export function emailHtml(summary: EmailSummary): string {
  const { diagnosis } = summary;
  const separator = summary.grouped ? ' · ' : ': ';
  const facts = summary.facts
    .map(
      ({ label, value }) =>
        `<tr><th align="left" style="padding-right:12px">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return [
    '<!doctype html>',
    '<html><body style="font-family:-apple-system,\'Segoe UI\',Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328">',
    `<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(summary.title)}</h1>`,
    ...(summary.lead ? [`<p>${escapeHtml(summary.lead)}</p>`] : []),
    `<p><strong>${escapeHtml(diagnosis.category)}</strong>${separator}${escapeHtml(diagnosis.text)}</p>`,
    ...(summary.grouped
      ? [
          list(
            'ul',
            summary.members.map(
              ({ name, message }) => `<strong>${escapeHtml(name)}</strong>: ${escapeHtml(message)}`,
            ),
          ),
        ]
      : []),
    ...(summary.unlisted > 0 ? [`<p>and ${summary.unlisted} more</p>`] : []),
    `<table style="margin:12px 0;border-collapse:collapse">${facts}</table>`,
    ...(summary.steps.length > 0
      ? [
          '<h2 style="font-size:15px;margin:12px 0 4px">What to check</h2>',
          list('ol', summary.steps.map(escapeHtml)),
        ]
      : []),
    `<p style="margin-top:16px">${link(summary.url, 'Open in the monitor')}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}
