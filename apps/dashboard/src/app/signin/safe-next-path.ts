/** Where to go after signing in: a path of this site only, so the sign-in link cannot send anyone elsewhere. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/';
  }
  return value;
}
