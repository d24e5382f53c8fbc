import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from './lib/session-cookie-name';

/**
 * A quick check before rendering: no session cookie → the sign-in page, remembering where the user was going.
 * Whether the session is still valid is the monitor's call on every request the pages make.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== '/') signIn.searchParams.set('next', next);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ['/((?!signin|invite/|_next/|favicon.ico).*)'],
};
