import type { Metadata } from 'next';
import { SignInForm } from './signin-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <main className="signin">
      <div className="panel signin-panel">
        <h1>Integration Health Monitor</h1>
        <p className="muted">
          Sign in with your email and password. The first admin signs in with the password alone:{' '}
          <code>ADMIN_PASSWORD</code>, or the one the monitor printed on its first start.
        </p>
        <SignInForm next={next ?? '/'} />
      </div>
    </main>
  );
}
