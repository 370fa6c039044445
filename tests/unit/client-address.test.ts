import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { clientAddress, limitedAddress, resolvedAddress, trustedProxies } from "@/lib/net/client-address";

function request(socket: string, forwardedFor?: string) {
  return {
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    socket: { remoteAddress: socket },
  } as unknown as IncomingMessage;
}

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever the client writes in X-Forwarded-For", () => {
    const none = trustedProxies(undefined);
    expect(clientAddress(request("203.0.113.7", "1.2.3.4"), none)).toBe("203.0.113.7");
    expect(clientAddress(request("203.0.113.7", "1.2.3.4, 5.6.7.8"), none)).toBe("203.0.113.7");
    expect(clientAddress(request("::ffff:127.0.0.1"), none)).toBe("127.0.0.1");
    expect(clientAddress(request("203.0.113.7"), trustedProxies("0"))).toBe("203.0.113.7");
  });

  it("with one trusted hop, is the entry the proxy appended, not what the client claimed before it", () => {
    const one = trustedProxies("1");
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real 198.51.100.4.
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 198.51.100.4"), one)).toBe("198.51.100.4");
    expect(clientAddress(request("10.0.0.2"), one)).toBe("10.0.0.2");
  });

  it("with a list, trusts only the proxies it names", () => {
    const list = trustedProxies("loopback, 10.0.0.0/8");
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 198.51.100.4"), list)).toBe("198.51.100.4");
    expect(clientAddress(request("127.0.0.1", "6.6.6.6, 10.1.1.1, 198.51.100.4, 10.2.2.2"), list)).toBe(
      "198.51.100.4",
    );
    // A machine that is not in the list is the client, whatever it forwards.
    expect(clientAddress(request("203.0.113.9", "6.6.6.6"), list)).toBe("203.0.113.9");
  });

  it("refuses a list entry that is not an address", () => {
    expect(() => trustedProxies("mon-proxy.example.org")).toThrow();
  });

  it("the app reads the one address the server resolved", () => {
    expect(resolvedAddress("198.51.100.4")).toBe("198.51.100.4");
    expect(resolvedAddress(null)).toBeNull();
    expect(resolvedAddress("")).toBeNull();
  });

  it("limits count an IPv6 address by its /64, an IPv4 address whole", () => {
    expect(limitedAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(limitedAddress("2001:db8:12:34:aaaa::1")).toBe("2001:db8:12:34::/64");
    expect(limitedAddress("2001:DB8:12:34:bbbb:cccc:dddd:eeee")).toBe("2001:db8:12:34::/64");
    expect(limitedAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitedAddress("::1")).toBe("0:0:0:0::/64");
  });
});
