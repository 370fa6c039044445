// `npm run operator:create -- --email vous@exemple.org --name "Votre nom"`: makes the network's
// operator (who creates the cooperatives, and sees none of their content). Prints a link to
// choose the password, or says to sign in when the account already has one. Uses the same
// database and secret as the portal (DATABASE_URL, or the embedded one of `npm start`).
import { parseArgs } from "node:util";
import { embeddedDatabaseUrl, persistentSecret } from "./settings";
import { runScript, ScriptError } from "./cli";

await runScript(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "create"),
    options: { email: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email || !values.name)
    throw new ScriptError('Usage : npm run operator:create -- --email vous@exemple.org --name "Votre nom"');
  process.env.NEXTAUTH_SECRET = persistentSecret();
  process.env.DATABASE_URL ||= embeddedDatabaseUrl() ?? "";
  if (!process.env.DATABASE_URL)
    throw new ScriptError(
      "Pas de base : définissez DATABASE_URL, ou lancez d'abord npm start (même PORTAIL_DATA_DIR). / No database.",
    );
  const { makeOperator } = await import("../lib/operator/accounts.internal");
  const link = await makeOperator({ email: values.email!, name: values.name! });
  console.log(
    link
      ? `Compte d'exploitation prêt. Choisissez son mot de passe avec ce lien (7 jours) / choose the password:\n${link}`
      : "Compte d'exploitation prêt : connectez-vous avec votre mot de passe habituel. / Sign in as usual.",
  );
});
