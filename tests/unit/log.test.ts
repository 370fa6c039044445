import { describe, expect, it } from "vitest";
import { loggablePath, requestIdFrom } from "@/lib/log";

describe("what the log keeps of a request", () => {
  it("drops the query string and the token of the feed, follow and unsubscribe addresses", () => {
    expect(loggablePath("/mot-de-passe/nouveau?token=secret")).toBe("/mot-de-passe/nouveau");
    expect(loggablePath("/calendrier/abc.def.ics")).toBe("/calendrier/[jeton]");
    expect(loggablePath("/i/bois-joli/suivi/abc.def")).toBe("/i/bois-joli/suivi/[jeton]");
    expect(loggablePath("/desabonnement/r1.sig")).toBe("/desabonnement/[jeton]");
    expect(loggablePath("/api/desabonnement/r1.sig")).toBe("/api/desabonnement/[jeton]");
    expect(loggablePath("/reunions/conseil/3")).toBe("/reunions/conseil/3");
  });

  it("takes a request id from a trusted proxy only, and a well-formed one", () => {
    const make = () => "nouveau";
    expect(requestIdFrom("abc-123", true, make)).toBe("abc-123");
    expect(requestIdFrom("abc-123", false, make)).toBe("nouveau");
    expect(requestIdFrom("a b\nforged", true, make)).toBe("nouveau");
    expect(requestIdFrom(undefined, true, make)).toBe("nouveau");
  });
});
