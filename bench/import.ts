// npm run bench:import — a 2,000-row XLSX register imported into a fresh embedded PostgreSQL.
// Starts what it needs, prints its figures, stops what it started. Target: under 5 s.
import { withBenchDatabase } from "./database";
import { REGISTER_HEADERS, registerRows, xlsxBuffer } from "../tests/fixtures/spreadsheets";

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
await withBenchDatabase("import", async () => {
  const { db } = await import("../lib/db");
  const { loadActor } = await import("../lib/auth/actor");
  const { importSpreadsheet } = await import("../lib/members/import");

  const categories = [
    "usager·es et habitant·es",
    "salarié·es",
    "partenaires du quartier",
    "soutiens militants",
  ];
  const coop = await db.cooperative.create({
    data: { slug: "bench", name: "Bench", statutes: { create: {} } },
  });
  for (const [position, name] of categories.entries())
    await db.category.create({ data: { cooperativeId: coop.id, name, position } });
  const person = await db.person.create({ data: { name: "Coordination", email: "coord@bench.test" } });
  await db.membership.create({ data: { cooperativeId: coop.id, personId: person.id, isCoordinator: true } });
  const actor = (await loadActor(person.id))!;

  const buildStart = performance.now();
  const buffer = await xlsxBuffer(REGISTER_HEADERS, registerRows(ROWS, categories));
  const file = new File([new Uint8Array(buffer)], "registre.xlsx");
  const buildMs = performance.now() - buildStart;

  const previewStart = performance.now();
  const preview = await importSpreadsheet(actor, { kind: "members", file, commit: false });
  const previewMs = performance.now() - previewStart;

  const importStart = performance.now();
  const result = await importSpreadsheet(actor, { kind: "members", file, commit: true });
  const importMs = performance.now() - importStart;
  if (!preview.ok || !result.ok || !result.imported)
    throw new Error(`import failed: ${JSON.stringify(result).slice(0, 300)}`);

  const count = await db.membership.count({ where: { cooperativeId: coop.id } });
  console.log(`rows in file:            ${ROWS}`);
  console.log(
    `file size:               ${(buffer.length / 1024).toFixed(0)} kB (built in ${buildMs.toFixed(0)} ms)`,
  );
  console.log(`preview (parse + check): ${previewMs.toFixed(0)} ms`);
  console.log(
    `import (parse + check + write, one transaction): ${importMs.toFixed(0)} ms  [target < 5000 ms: ${importMs < 5000 ? "met" : "NOT met"}]`,
  );
  console.log(`members now in the cooperative: ${count}`);
  await db.$disconnect();
});
