import { describe, expect, it } from "vitest";
import { localPath } from "@/lib/action-input";

// Where a sign-in or an action sends the browser back: always a page of ours.
describe("localPath", () => {
  it("keeps our own pages, with their query and fragment", () => {
    expect(localPath("/reunions/conseil/3?vue=toutes#presences")).toBe(
      "/reunions/conseil/3?vue=toutes#presences",
    );
    expect(localPath("/")).toBe("/");
  });

  it("sends everything else home, whatever a browser would make of it", () => {
    for (const hostile of [
      "/\t/example.org",
      "/%09/example.org".replace("%09", "\t"),
      "/\n/example.org",
      "/\r\nSet-Cookie: x=1",
      "//example.org",
      "/\\example.org",
      "\\/example.org",
      "https://example.org",
      "javascript:alert(1)",
      " /reunions",
      "/\u0000",
      "x".repeat(301),
      undefined,
      ["/a", "/b"],
      42,
    ])
      expect(localPath(hostile), JSON.stringify(hostile)).toBe("/");
  });

  it("resolves dot segments without leaving our origin", () => {
    expect(localPath("/../../example.org")).toBe("/example.org");
    expect(localPath("/a/%2e%2e/b")).toBe("/b");
  });
});
