// npm run bench:weight — what a phone downloads for the public idea page (and, for comparison,
// the sign-in page and the signed-in idea board): the HTML, then every script and stylesheet it
// names, as the production server sends them compressed. Target for the public page: under
// 150 kB of JavaScript and CSS transferred (inline scripts and styles counted too).
import { randomBytes } from "node:crypto";
import { withBenchDatabase } from "./database";
import { startBenchServer } from "./server";
import { weigh } from "./page-weight";

const secret = randomBytes(32).toString("base64url");
const TARGET = 150 * 1024;

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

await withBenchDatabase("weight", async (databaseUrl) => {
  const { seedIfEmpty } = await import("../scripts/seed");
  await seedIfEmpty(databaseUrl);
  const { db } = await import("../lib/db");
  const coop = await db.cooperative.findFirstOrThrow({ select: { slug: true } });
  const person = await db.person.findFirstOrThrow({ where: { email: "ines.morel@demo.portail-scic.fr" } });
  const { encode } = await import("next-auth/jwt");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: person.id }, secret })}`;
  await db.$disconnect();
  const server = await startBenchServer(databaseUrl, secret);
  try {
    const rows = [
      await weigh(server.base, `/i/${coop.slug}`),
      await weigh(server.base, "/connexion"),
      await weigh(server.base, "/idees", cookie),
    ];
    console.log("page weight, compressed as sent (gzip), first load:");
    for (const r of rows) {
      console.log(
        `  ${r.path.padEnd(22)} JS ${kB(r.js)} in ${r.files} files + inline ${kB(r.inlineJs)}, CSS ${kB(r.css)} → ${kB(r.total)} (HTML ${kB(r.html)})`,
      );
    }
    const pub = rows[0]!;
    console.log(
      `public idea page: ${kB(pub.total)} of JavaScript and CSS [target < 150 kB: ${pub.total < TARGET ? "met" : "NOT met"}]`,
    );
  } finally {
    await server.stop();
  }
});
