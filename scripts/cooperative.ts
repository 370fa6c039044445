// `npm run cooperative:create -- --name "…" --slug … --coordinator x@exemple.org
//  [--coordinator-name "…"] [--short-name …] [--city …]`: what the operator's « Nouvelle
// coopérative » does, from the shell. The coordinator gets the invitation by e-mail (or, without
// SMTP, its link in this output's log line).
import { parseArgs } from "node:util";
import { embeddedDatabaseUrl, persistentSecret } from "./settings";
import { runScript, ScriptError } from "./cli";

await runScript(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "create"),
    options: {
      name: { type: "string" },
      slug: { type: "string" },
      coordinator: { type: "string" },
      "coordinator-name": { type: "string" },
      "short-name": { type: "string" },
      city: { type: "string" },
    },
  });
  process.env.NEXTAUTH_SECRET = persistentSecret();
  process.env.DATABASE_URL ||= embeddedDatabaseUrl() ?? "";
  if (!process.env.DATABASE_URL)
    throw new ScriptError(
      "Pas de base : définissez DATABASE_URL, ou lancez d'abord npm start (même PORTAIL_DATA_DIR). / No database.",
    );
  const { newCooperativeSchema } = await import("../lib/operator/schema");
  const parsed = newCooperativeSchema.safeParse({
    name: values.name ?? "",
    slug: values.slug ?? "",
    shortName: values["short-name"],
    city: values.city,
    coordinatorEmail: values.coordinator ?? "",
    coordinatorName: values["coordinator-name"] ?? values.coordinator ?? "",
  });
  if (!parsed.success) {
    throw new ScriptError(
      'Usage : npm run cooperative:create -- --name "Nom" --slug adresse-courte --coordinator x@exemple.org — ' +
        parsed.error.issues.map((i) => `${String(i.path[0])} : ${i.message}`).join(" ; "),
    );
  }
  const { createCooperativeSpace } = await import("../lib/operator/space.internal");
  const result = await createCooperativeSpace(parsed.data, { actorId: null });
  if (!result.ok) throw new ScriptError(`Refusé / refused: ${result.error}`);
  console.log(
    `Coopérative créée : /i/${result.data.slug} (id ${result.data.id}). Invitation envoyée à ${parsed.data.coordinatorEmail}.`,
  );
});
