import pino from "pino";

// The portal's log: one JSON object per line on stdout (pino), with the request id when there is
// one, for the operator's log collector. What goes in: what the operator needs to run the portal
// (a failing action, an e-mail not sent, the personal links of e-mails when no SMTP is set).
// Never a password, a cookie or a token in a field: those keys are censored wherever they appear.
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { process: process.env.PORTAIL_PROCESS ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "cookie",
      "*.cookie",
      "authorization",
      "*.authorization",
    ],
    censor: "[masqué]",
  },
});

// A path as it may be logged: no query string (tokens travel there), and the token segments of
// the feed, follow and unsubscribe addresses replaced.
export function loggablePath(url: string): string {
  const path = url.split("?")[0] ?? "/";
  return path
    .replace(/^\/calendrier\/[^/]+/, "/calendrier/[jeton]")
    .replace(/^(\/i\/[^/]+\/suivi)\/[^/]+/, "$1/[jeton]")
    .replace(/^(\/(?:api\/)?desabonnement)\/[^/]+/, "$1/[jeton]");
}

// The request's id: the one a trusted proxy gave (so its log and ours meet), or a new one.
export function requestIdFrom(
  given: string | string[] | undefined,
  trusted: boolean,
  make: () => string,
): string {
  const value = Array.isArray(given) ? given[0] : given;
  return trusted && value && /^[A-Za-z0-9._-]{1,64}$/.test(value) ? value : make();
}
