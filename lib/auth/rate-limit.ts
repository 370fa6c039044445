// Failed sign-ins: at most 10 per 15 minutes per account and per network address.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 10;

export function signInKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export function windowStart(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_WINDOW_MS);
}

export function isBlocked(failuresInWindow: number): boolean {
  return failuresInWindow >= SIGN_IN_MAX_FAILURES;
}
