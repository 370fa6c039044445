import { afterEach, describe, expect, it } from "vitest";
import { webNodeFlags } from "@/scripts/settings";

const saved = { heap: process.env.PORTAIL_WEB_HEAP_MB, young: process.env.PORTAIL_WEB_YOUNG_MB };
afterEach(() => {
  for (const [name, value] of [
    ["PORTAIL_WEB_HEAP_MB", saved.heap],
    ["PORTAIL_WEB_YOUNG_MB", saved.young],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});

describe("the web server's Node.js flags (npm start and the benches)", () => {
  it("bound the old generation at 384 MB and give the young one 32 MB by default", () => {
    delete process.env.PORTAIL_WEB_HEAP_MB;
    delete process.env.PORTAIL_WEB_YOUNG_MB;
    expect(webNodeFlags()).toEqual(["--max-old-space-size=384", "--max-semi-space-size=32"]);
  });

  it("follow the operator's settings, and ignore what is no size", () => {
    process.env.PORTAIL_WEB_HEAP_MB = "512";
    process.env.PORTAIL_WEB_YOUNG_MB = "16";
    expect(webNodeFlags()).toEqual(["--max-old-space-size=512", "--max-semi-space-size=16"]);
    for (const nonsense of ["", "0", "-8", "1.5", "32; rm -rf /", "99999"]) {
      process.env.PORTAIL_WEB_YOUNG_MB = nonsense;
      expect(webNodeFlags()[1], nonsense).toBe("--max-semi-space-size=32");
    }
  });
});
