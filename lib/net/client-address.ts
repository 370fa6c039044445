// Which network address a request came from. The socket's, unless TRUSTED_PROXIES says which
// machines in front of the portal may tell us: a number of hops (« 1 » for one reverse proxy on
// another machine), or a list of addresses and ranges (« loopback », « 10.0.0.0/8,192.168.1.2 »).
// Only then is X-Forwarded-For read, from the right, skipping the trusted proxies: whatever the
// client wrote further left is a claim, not an address. scripts/server.ts calls this for every
// request and hands the result on, alone, as X-Forwarded-For.
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

export type Trust = (address: string, hop: number) => boolean;

const TRUST_NONE: Trust = () => false;

export function trustedProxies(setting: string | undefined): Trust {
  const value = setting?.trim() ?? "";
  if (value === "" || value === "0" || value === "false") return TRUST_NONE;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  // Throws on an entry that is not an address or range: better than trusting the wrong machine.
  return proxyaddr.compile(value.split(",").map((entry) => entry.trim()));
}

// "::ffff:127.0.0.1" and "127.0.0.1" are the same client.
function plain(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export function clientAddress(request: Pick<IncomingMessage, "headers" | "socket">, trust: Trust): string {
  const forwarded = request.headers["x-forwarded-for"];
  const headers = { "x-forwarded-for": Array.isArray(forwarded) ? forwarded.join(",") : forwarded };
  const address = proxyaddr({ headers, socket: request.socket } as unknown as IncomingMessage, trust);
  return plain(address ?? "");
}

// Headers only a trusted proxy may set: dropped when the client itself reached us.
export const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

// In the app: the address scripts/server.ts resolved, which it passes on alone as
// X-Forwarded-For. (Without our server, as in tests, the header may be missing: no address.)
export function resolvedAddress(forwardedFor: string | string[] | null | undefined): string | null {
  const value = Array.isArray(forwardedFor) ? forwardedFor.at(-1) : forwardedFor;
  return value?.split(",").at(-1)?.trim() || null;
}

// What a rate limit counts: an IPv4 address, or an IPv6 address's /64 (one subscriber gets a whole
// /64 and could take a new address for every try).
export function limitedAddress(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
