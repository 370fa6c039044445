// npm run bench:search — French full-text search over 10,000 minutes sections (with their
// decisions and action items), in a fresh embedded PostgreSQL, through the same service the
// search page calls. Starts what it needs, prints its figures, stops what it started.
// Target: under 100 ms per search.
import os from "node:os";
import { withBenchDatabase } from "./database";
import { percentile } from "./percentile";

const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 10_000);
const PER_MEETING = 5;
const QUERIES = [
  "médiatrice",
  "logo",
  "expérimentation SecPa",
  "newsletter destinataires",
  "boîte à idées",
  "ministre",
  "rapport d'activité",
  "mot absent du corpus",
];
const RUNS = 20;

// Sentences in the register of the example minutes; each section draws a few of them.
const PHRASES = [
  "Lancement du recrutement d'une troisième médiatrice en santé pour l'accueil.",
  "Demandes de devis pour un logo renouvelé, qui représente le quartier et le collectif.",
  "Présentation des expérimentations Peps et SecPa, recherche d'un modèle économique stable.",
  "Parution du premier numéro de la newsletter ; prévoir d'ajouter des destinataires.",
  "La boîte à idées est en place dans la salle d'attente ; les salarié·es peuvent y déposer des idées.",
  "Accueil d'une ministre qui cherchait à comprendre notre fonctionnement.",
  "Le réseau des centres de santé communautaire prépare les rencontres nationales.",
  "Questionnaire d'évaluation : ajouter des indicateurs côté habitant·es, recueillir des témoignages.",
  "Construire collectivement une lettre de mission pour la direction.",
  "Rapport d'activité présenté et discuté par le conseil coopératif.",
  "Tour rapide de ce que l'on a fait dans le mois, par catégorie.",
  "Faire un courrier au ministère sur la durée de l'expérimentation.",
];

function textFor(i: number): string {
  const parts: string[] = [];
  for (let k = 0; k < 6; k++) parts.push(PHRASES[(i * 7 + k * 5) % PHRASES.length]!);
  return `${parts.join(" ")} Section ${i}.`;
}

// BENCH_SCALE=<cooperatives> first fills the database with the scale network (npm run db:scale):
// the search then runs among its 240,000 other sections (at 1,000 cooperatives).
const SCALE = Number(process.env.BENCH_SCALE ?? 0);

await withBenchDatabase("search", async (url) => {
  if (SCALE) {
    const { generateScaleData } = await import("../scripts/scale-data");
    const t0 = performance.now();
    await generateScaleData(url, SCALE);
    console.log(
      `scale data: ${SCALE} cooperatives × 200 members, 5 years of councils — generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  const { db } = await import("../lib/db");
  const { loadActor } = await import("../lib/auth/actor");
  const { search } = await import("../lib/search/service");

  const coop = await db.cooperative.create({
    data: { slug: "bench", name: "Bench", statutes: { create: {} } },
  });
  const body = await db.body.create({
    data: { cooperativeId: coop.id, kind: "COUNCIL", name: "Conseil coopératif", slug: "conseil" },
  });
  const person = await db.person.create({ data: { name: "Membre", email: "membre@bench.test" } });
  const membership = await db.membership.create({ data: { cooperativeId: coop.id, personId: person.id } });
  // A plain member: finds published minutes only, the stricter query.
  const actor = (await loadActor(person.id))!;

  const fillStart = performance.now();
  const meetings = Math.ceil(SECTIONS / PER_MEETING);
  const start = Date.UTC(2000, 0, 1);
  await db.meeting.createMany({
    data: Array.from({ length: meetings }, (_, n) => ({
      id: `bench-m-${n}`,
      cooperativeId: coop.id,
      bodyId: body.id,
      number: n + 1,
      startsAt: new Date(start + n * 86_400_000 * 3),
      status: "CLOSED" as const,
    })),
  });
  await db.minutes.createMany({
    data: Array.from({ length: meetings }, (_, n) => ({
      id: `bench-min-${n}`,
      cooperativeId: coop.id,
      meetingId: `bench-m-${n}`,
      status: n % 10 === 0 ? ("DRAFT" as const) : ("PUBLISHED" as const),
      publishedAt: new Date(),
    })),
  });
  for (let offset = 0; offset < SECTIONS; offset += 2000) {
    const count = Math.min(2000, SECTIONS - offset);
    await db.minutesSection.createMany({
      data: Array.from({ length: count }, (_, k) => {
        const i = offset + k;
        return {
          id: `bench-s-${i}`,
          cooperativeId: coop.id,
          minutesId: `bench-min-${Math.floor(i / PER_MEETING)}`,
          position: i % PER_MEETING,
          title: `Point ${(i % PER_MEETING) + 1}`,
          body: textFor(i),
        };
      }),
    });
  }
  await db.decision.createMany({
    data: Array.from({ length: meetings }, (_, n) => ({
      cooperativeId: coop.id,
      bodyId: body.id,
      meetingId: `bench-m-${n}`,
      sectionId: `bench-s-${n * PER_MEETING}`,
      title: PHRASES[n % PHRASES.length]!.slice(0, 60),
      text: PHRASES[(n + 3) % PHRASES.length]!,
      method: "CONSENSUS" as const,
      outcome: "ADOPTED" as const,
      decidedOn: new Date(start + n * 86_400_000 * 3),
      publishedAt: new Date(),
    })),
  });
  await db.actionItem.createMany({
    data: Array.from({ length: meetings }, (_, n) => ({
      cooperativeId: coop.id,
      meetingId: `bench-m-${n}`,
      sectionId: `bench-s-${n * PER_MEETING + 1}`,
      title: PHRASES[(n + 5) % PHRASES.length]!.slice(0, 80),
    })),
  });
  await db.$executeRawUnsafe("ANALYZE");
  const fillMs = performance.now() - fillStart;
  void membership;

  console.log(
    `sections: ${SECTIONS} (in ${meetings} minutes, 1 in 10 a draft), decisions: ${meetings}, action items: ${meetings} — filled in ${(fillMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const all: number[] = [];
  for (const query of QUERIES) {
    await search(actor, query); // warm
    const times: number[] = [];
    let hits = 0;
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      hits = (await search(actor, query)).length;
      times.push(performance.now() - t0);
    }
    all.push(...times);
    console.log(
      `  « ${query} »`.padEnd(34) +
        `${String(hits).padStart(3)} results shown   p50 ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms`,
    );
  }
  const p95 = percentile(all, 95);
  console.log(
    `all searches (${all.length}): p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms  [target < 100 ms: ${p95 < 100 ? "met" : "NOT met"}]`,
  );
  await db.$disconnect();
});
