// npm run bench:weight — what a phone downloads for the public idea page (and, for comparison,
// the sign-in page and the signed-in idea board): the HTML, then every script and stylesheet it
// names, as the production server sends them compressed. Targets: the public page, its thanks
// page and an idea's follow page each under 20 kB in all (HTML, scripts and styles).
import { randomBytes } from "node:crypto";
import { withBenchDatabase } from "./database";
import { startBenchServer } from "./server";
import { weigh } from "./page-weight";

const secret = randomBytes(32).toString("base64url");
const TARGET = 20 * 1024;

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

await withBenchDatabase("weight", async (databaseUrl) => {
  const { seedIfEmpty } = await import("../scripts/seed");
  await seedIfEmpty(databaseUrl);
  const { db } = await import("../lib/db");
  const coop = await db.cooperative.findFirstOrThrow({ select: { slug: true } });
  // An idea of the demo and its follow link, as its author keeps it.
  process.env.NEXTAUTH_SECRET = secret;
  const { keyedToken } = await import("../lib/links/keyed-token");
  const idea = await db.idea.findFirstOrThrow({
    where: { source: "ONLINE" },
    select: { id: true, followSeed: true },
  });
  const follow = `/i/${coop.slug}/suivi/${keyedToken("follow", { id: idea.id, seed: idea.followSeed })}`;
  const person = await db.person.findFirstOrThrow({ where: { email: "ines.morel@demo.portail-scic.fr" } });
  const { encode } = await import("next-auth/jwt");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: person.id }, secret })}`;
  await db.$disconnect();
  const server = await startBenchServer(databaseUrl, secret);
  try {
    const rows = [
      await weigh(server.base, `/i/${coop.slug}`),
      await weigh(server.base, `/i/${coop.slug}/merci`),
      await weigh(server.base, follow),
      await weigh(server.base, "/connexion"),
      await weigh(server.base, "/idees", cookie),
    ];
    console.log("page weight, compressed as sent (gzip), first load:");
    for (const r of rows) {
      console.log(
        `  ${r.path.padEnd(22)} JS ${kB(r.js)} in ${r.files} files + inline ${kB(r.inlineJs)}, CSS ${kB(r.css)} → ${kB(r.total)} (HTML ${kB(r.html)})`,
      );
    }
    for (const [label, r] of [
      ["public idea page", rows[0]!],
      ["thanks page", rows[1]!],
      ["follow page", rows[2]!],
    ] as const) {
      const all = r.total + r.html;
      console.log(`${label}: ${kB(all)} in all [target < 20 kB: ${all < TARGET ? "met" : "NOT met"}]`);
    }
  } finally {
    await server.stop();
  }
});
