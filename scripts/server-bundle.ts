// The web server (scripts/server.ts and what it imports from lib/) as one plain JavaScript file,
// run by Node without tsx. tsx's loader runs in a thread of its own inside the web process: about
// 90 MB of memory (RSS 447 against 361 MB after bench:pages) and 0.5–1 ms of CPU per page.
// esbuild bundles it in a few milliseconds, at every start; the packages stay in node_modules.
import { renameSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

export const SERVER_BUNDLE = path.join(".next", "portail-server.mjs");

// `root`: the checkout to bundle (bench:ab bundles another one's); the file is written in its .next.
export function bundleServer(root = process.cwd()): string {
  const bundle = path.join(root, SERVER_BUNDLE);
  // Written aside then renamed: a start beside another never runs a half-written file.
  const written = `${bundle}.${process.pid}.tmp`;
  buildSync({
    absWorkingDir: root,
    entryPoints: ["scripts/server.ts"],
    outfile: written,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  renameSync(written, bundle);
  return bundle;
}
