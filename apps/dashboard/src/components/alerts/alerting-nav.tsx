import Link from 'next/link';

/** The alerting pages, one level under the header's Alerts. */
export const ALERTING_PAGES = [
  { href: '/alerts', label: 'Alerts' },
  { href: '/alerts/rules', label: 'Rules' },
  { href: '/alerts/channels', label: 'Channels' },
  { href: '/alerts/silences', label: 'Silences' },
] as const;

export type AlertingPage = (typeof ALERTING_PAGES)[number]['href'];

export function AlertingNav({ current }: { current: AlertingPage }) {
  return (
    <nav className="tabs alerting-nav" aria-label="Alerting">
      {ALERTING_PAGES.map((page) => (
        <Link key={page.href} href={page.href} aria-current={page.href === current ? 'page' : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
