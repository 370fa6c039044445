import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// scripts/prisma-timers.cjs, preloaded into Prisma's CLI (scripts/migrate.ts): the 10 s timer its
// WASM schema engine leaves armed no longer holds the process open; every other timer does.
// A WebAssembly module of 46 bytes, `(import "env" "f" (func)) (func (export "run")
// call 0)`, calls back into JavaScript as the engine's wasm-bindgen import does.
const MODULE = [
  "0061736d01000000", // \0asm, version 1
  "010401600000", // types: () -> ()
  "02090103656e7601660000", // import env.f, of type 0
  "03020100", // one function of type 0
  "0707010372756e0001", // export "run" = function 1
  "0a0601040010000b", // code: call 0
].join("");

function timersHeld(preload: boolean) {
  const script = `
    const held = {};
    let delay = 0;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from("${MODULE}", "hex")), {
      env: { f: () => { held["wasm " + delay] = setTimeout(() => {}, delay).hasRef(); } },
    });
    for (delay of [10000, 5000]) instance.exports.run();
    held["javascript 10000"] = setTimeout(() => {}, 10000).hasRef();
    console.log(JSON.stringify(held));
    process.exit(0);
  `;
  const args = preload ? ["--require", path.join(process.cwd(), "scripts", "prisma-timers.cjs")] : [];
  const run = spawnSync(process.execPath, [...args, "-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as Record<string, boolean>;
}

// Two node processes each: 30 s, not Vitest's 5, on a busy machine.
describe("Prisma's CLI timers", () => {
  it("let the engine's 10 s timer go, and hold every other", () => {
    expect(timersHeld(true)).toEqual({ "wasm 10000": false, "wasm 5000": true, "javascript 10000": true });
  }, 30_000);

  it("are all held without the preload", () => {
    expect(timersHeld(false)).toEqual({ "wasm 10000": true, "wasm 5000": true, "javascript 10000": true });
  }, 30_000);
});
