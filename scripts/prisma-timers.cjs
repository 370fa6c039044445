// Preloaded into Prisma's CLI by scripts/migrate.ts (NODE_OPTIONS=--require).
//
// Prisma 6.19's WASM schema engine (the one prisma.config.ts's driver adapter runs) arms a 10 s
// JavaScript timer for the advisory lock's timeout and never clears it: `prisma migrate deploy`
// finished its work in about 2 s, then the process waited out the timer (12 s in all, with or
// without migrations to apply). That one timer no longer holds the process open by itself.
// While the engine waits on PostgreSQL (the lock held elsewhere), its connection keeps the
// process alive, so the timer still fires and the timeout still applies.
"use strict";

const setTimeoutOfNode = globalThis.setTimeout;
const LOCK_TIMEOUT_MS = 10_000;

globalThis.setTimeout = function setTimeout(callback, delay, ...args) {
  const timer = setTimeoutOfNode(callback, delay, ...args);
  // Only that one: 10 s, set from the WASM module (its wasm-bindgen import calls setTimeout).
  if (
    delay === LOCK_TIMEOUT_MS &&
    typeof timer?.unref === "function" &&
    /wasm-function/.test(new Error().stack ?? "")
  )
    timer.unref();
  return timer;
};
