import Link from 'next/link';
import { signOut } from '../app/signin/actions';
import { canEdit } from '../lib/can-edit';
import { ThemeToggle } from './theme-toggle';

/** The bar on every signed-in page: where you are, where you can go, theme and sign-out. */
export async function AppHeader() {
  const editor = await canEdit();
  return (
    <header className="top">
      <Link href="/" className="brand">
        Integration Health Monitor
      </Link>
      <nav aria-label="Main">
        <Link href="/">Overview</Link>
        <Link href="/alerts">Alerts</Link>
        {editor ? <Link href="/integrations/new">Register integration</Link> : null}
        <Link href="/access">Access</Link>
        <Link href="/api-reference">API</Link>
      </nav>
      <div className="top-actions">
        <ThemeToggle />
        <form action={signOut}>
          <button type="submit" className="button ghost">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
