// Seeds the demo cooperative once: where a demo cooperative is already there it does nothing.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDemo, type DemoOptions } from "../prisma/demo-data";
import { isMain } from "./cli";

export async function seedIfEmpty(databaseUrl: string): Promise<boolean> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if ((await db.cooperative.count({ where: { isDemo: true } })) > 0) return false;
    await seedDemo(db);
    return true;
  } finally {
    await db.$disconnect();
  }
}

// Another copy of the demo beside the first (the end-to-end journeys give each worker its own):
// its cooperative's id.
export async function seedDemoCopy(databaseUrl: string, options: DemoOptions & { slug: string }) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await seedDemo(db, options);
    return (await db.cooperative.findUniqueOrThrow({ where: { slug: options.slug }, select: { id: true } }))
      .id;
  } finally {
    await db.$disconnect();
  }
}

if (isMain(import.meta.url)) {
  const { runScript, ScriptError } = await import("./cli");
  await runScript(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new ScriptError("DATABASE_URL est requis / is required");
    const seeded = await seedIfEmpty(url);
    console.log(
      seeded ? "Données de démonstration créées." : "La base contient déjà une coopérative : rien à faire.",
    );
  });
}
