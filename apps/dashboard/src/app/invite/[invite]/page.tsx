import type { Metadata } from 'next';
import { InviteForm } from './invite-form';

export const metadata: Metadata = { title: 'Accept the invitation' };

/** The one-time link an admin sent: choose a password and you are signed in. */
export default async function InvitePage({ params }: { params: Promise<{ invite: string }> }) {
  const { invite } = await params;
  return (
    <main className="signin">
      <div className="panel signin-panel">
        <h1>Integration Health Monitor</h1>
        <p className="muted">You were invited: choose your password to sign in. The link works once.</p>
        <InviteForm invite={invite} />
      </div>
    </main>
  );
}
