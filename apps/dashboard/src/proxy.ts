import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from './lib/content-security-policy';
import { SESSION_COOKIE } from './lib/session-cookie-name';

/**
 * Before every page: a fresh nonce and the Content-Security-Policy built on it, sent to the browser and to
 * rendering (Next reads the nonce from the request's policy for its own scripts). Then a quick check: no session
 * cookie on a page behind sign-in → the sign-in page, remembering where the user was going. Whether the session
 * is still valid is the monitor's call on every request the pages make.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
  });
  const response = needsSignIn(request) ? signInRedirect(request) : render(request, nonce, policy);
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/** Sign-in, invitations and Next's own requests are open to anyone. */
function needsSignIn(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  const open = ['/signin', '/invite/', '/_next/'].some((prefix) => pathname.startsWith(prefix));
  return !open && !request.cookies.has(SESSION_COOKIE);
}

function signInRedirect(request: NextRequest): NextResponse {
  const signIn = new URL('/signin', request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== '/') signIn.searchParams.set('next', next);
  return NextResponse.redirect(signIn);
}

function render(request: NextRequest, nonce: string, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set('Content-Security-Policy', policy);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Every page and request but the static files, which need no policy.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
