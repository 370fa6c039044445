// `npm run db:scale -- [cooperatives] [members] [years]`: fills the configured database
// (DATABASE_URL) with a large network for the benchmarks: by default 1,000 cooperatives × 200
// members in four colleges, and for each, five years of monthly councils with their agenda,
// published minutes (one section per item), a decision per meeting, a council ballot per meeting
// with its ballots, and ideas answered at the council. Set-based SQL (generate_series), so the
// whole network is written in minutes; ids are prefixed `sc…`, and running it again adds nothing
// (it stops if the first scale cooperative exists). The demo cooperative is left as it is.
import pg from "pg";
import { isMain } from "./cli";

const WORDS = [
  "médiatrice",
  "accueil",
  "permanence",
  "quartier",
  "prévention",
  "budget",
  "salle d'attente",
  "santé communautaire",
  "assemblée",
  "formation",
  "locaux",
  "partenariat",
];

export async function generateScaleData(
  databaseUrl: string,
  cooperatives = 1000,
  members = 200,
  years = 5,
  log: (line: string) => void = () => {},
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const months = years * 12;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const result = await client.query(sql, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM "Cooperative" WHERE id = 'sc1'`);
    if (rowCount) {
      log("scale data already there: nothing added");
      return false;
    }
    const words = `(ARRAY[${WORDS.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}])`;
    const w = (expr: string) => `${words}[1 + (${expr}) % ${WORDS.length}]`;
    await client.query("BEGIN");
    await step(
      "cooperatives",
      `INSERT INTO "Cooperative" (id, slug, name) SELECT 'sc' || c, 'reseau-' || c, 'Centre de santé communautaire ' || c FROM generate_series(1, $1) c`,
      [cooperatives],
    );
    await step(
      "statutes",
      `INSERT INTO "StatuteSettings" ("cooperativeId", "updatedAt") SELECT 'sc' || c, now() FROM generate_series(1, $1) c`,
      [cooperatives],
    );
    await step(
      "colleges",
      `INSERT INTO "College" (id, "cooperativeId", name, position, "weightBp") SELECT 'sc' || c || 'g' || g, 'sc' || c, 'Collège ' || g, g, 2500 FROM generate_series(1, $1) c, generate_series(0, 3) g`,
      [cooperatives],
    );
    await step(
      "categories",
      `INSERT INTO "Category" (id, "cooperativeId", name, position, "collegeId") SELECT 'sc' || c || 'k' || g, 'sc' || c, (ARRAY['usager·es','salarié·es','partenaires','soutiens'])[g + 1], g, 'sc' || c || 'g' || g FROM generate_series(1, $1) c, generate_series(0, 3) g`,
      [cooperatives],
    );
    await step(
      "bodies",
      `INSERT INTO "Body" (id, "cooperativeId", kind, name, slug) SELECT 'sc' || c || 'b', 'sc' || c, 'COUNCIL', 'Conseil coopératif', 'conseil' FROM generate_series(1, $1) c`,
      [cooperatives],
    );
    await step(
      "people",
      `INSERT INTO "Person" (id, name, email, "updatedAt") SELECT 'sc' || c || 'p' || m, 'Membre ' || m || ' du centre ' || c, 'm' || m || '.c' || c || '@reseau.test', now() FROM generate_series(1, $1) c, generate_series(1, $2) m`,
      [cooperatives, members],
    );
    await step(
      "memberships",
      `INSERT INTO "Membership" (id, "cooperativeId", "personId", "calendarSeed", "joinedOn", "isCoordinator") SELECT 'sc' || c || 'm' || m, 'sc' || c, 'sc' || c || 'p' || m, md5('sc' || c || 'm' || m), DATE '2020-01-01', m = 1 FROM generate_series(1, $1) c, generate_series(1, $2) m`,
      [cooperatives, members],
    );
    await step(
      "categories held",
      `INSERT INTO "CategoryAssignment" (id, "cooperativeId", "membershipId", "categoryId", "validFrom") SELECT 'sc' || c || 'a' || m, 'sc' || c, 'sc' || c || 'm' || m, 'sc' || c || 'k' || (m % 4), DATE '2020-01-01' FROM generate_series(1, $1) c, generate_series(1, $2) m`,
      [cooperatives, members],
    );
    await step(
      "council mandates",
      `INSERT INTO "Mandate" (id, "cooperativeId", "bodyId", "membershipId", "startsOn") SELECT 'sc' || c || 'd' || m, 'sc' || c, 'sc' || c || 'b', 'sc' || c || 'm' || m, DATE '2020-01-01' FROM generate_series(1, $1) c, generate_series(1, 12) m`,
      [cooperatives],
    );
    await step(
      "meetings",
      `INSERT INTO "Meeting" (id, "cooperativeId", "bodyId", number, "startsAt", status, place, "updatedAt") SELECT 'sc' || c || 'r' || n, 'sc' || c, 'sc' || c || 'b', n, (now() - make_interval(months => $2 - n + 1))::timestamp(3), 'CLOSED', 'Centre de santé', now() FROM generate_series(1, $1) c, generate_series(1, $2) n`,
      [cooperatives, months],
    );
    await step(
      "agenda items",
      `INSERT INTO "AgendaItem" (id, "cooperativeId", "meetingId", position, kind, title) SELECT 'sc' || c || 'r' || n || 'i' || i, 'sc' || c, 'sc' || c || 'r' || n, i, (ARRAY['INFORMATION','DISCUSSION','DECISION','OTHER_BUSINESS'])[i + 1]::"AgendaItemKind", (ARRAY['Tour d''information','Présentation : ' || ${w("n + c")},'Décision : ' || ${w("n * 7 + c")},'Points divers'])[i + 1] FROM generate_series(1, $1) c, generate_series(1, $2) n, generate_series(0, 3) i`,
      [cooperatives, months],
    );
    await step(
      "minutes",
      `INSERT INTO "Minutes" (id, "cooperativeId", "meetingId", status, "publishedAt", "updatedAt") SELECT 'sc' || c || 'r' || n || 'x', 'sc' || c, 'sc' || c || 'r' || n, 'PUBLISHED', now(), now() FROM generate_series(1, $1) c, generate_series(1, $2) n`,
      [cooperatives, months],
    );
    await step(
      "minutes sections",
      `INSERT INTO "MinutesSection" (id, "cooperativeId", "minutesId", "agendaItemId", position, title, body, "updatedAt")
       SELECT 'sc' || c || 'r' || n || 's' || i, 'sc' || c, 'sc' || c || 'r' || n || 'x', 'sc' || c || 'r' || n || 'i' || i, i, 'Point ' || (i + 1),
              'Le conseil échange sur ' || ${w("n + i")} || ' et ' || ${w("c + i * 3")} || '. La coordinatrice présente le ' || ${w("n * 5 + c")} || ' du mois ' || n || '; les membres posent des questions sur la ' || ${w("c * 11 + n")} || '.', now()
         FROM generate_series(1, $1) c, generate_series(1, $2) n, generate_series(0, 3) i`,
      [cooperatives, months],
    );
    await step(
      "decisions",
      `INSERT INTO "Decision" (id, "cooperativeId", "bodyId", "meetingId", "sectionId", title, text, method, outcome, "decidedOn", "publishedAt")
       SELECT 'sc' || c || 'r' || n || 'e', 'sc' || c, 'sc' || c || 'b', 'sc' || c || 'r' || n, 'sc' || c || 'r' || n || 's2', 'Décision sur ' || ${w("n * 7 + c")}, 'Adoptée à l''unanimité.', 'CONSENSUS', 'ADOPTED', (now() - make_interval(months => $2 - n + 1))::date, now()
         FROM generate_series(1, $1) c, generate_series(1, $2) n`,
      [cooperatives, months],
    );
    await step(
      "council ballots (questions)",
      `INSERT INTO "VoteQuestion" (id, "cooperativeId", "bodyId", "meetingId", kind, title, status, "opensAt", "closedAt")
       SELECT 'sc' || c || 'r' || n || 'q', 'sc' || c, 'sc' || c || 'b', 'sc' || c || 'r' || n, 'MEETING_BALLOT', 'Vote sur ' || ${w("n * 7 + c")}, 'CLOSED', now(), now()
         FROM generate_series(1, $1) c, generate_series(1, $2) n`,
      [cooperatives, months],
    );
    await step(
      "participations",
      `INSERT INTO "VoteParticipation" ("cooperativeId", "questionId", "memberId", "castById", channel)
       SELECT 'sc' || c, 'sc' || c || 'r' || n || 'q', 'sc' || c || 'm' || m, 'sc' || c || 'm' || m, 'ONLINE' FROM generate_series(1, $1) c, generate_series(1, $2) n, generate_series(1, 10) m`,
      [cooperatives, months],
    );
    await step(
      "ballots",
      `INSERT INTO "Ballot" (id, "cooperativeId", "questionId", "memberId", "collegeId", choice)
       SELECT 'sc' || c || 'r' || n || 'v' || m, 'sc' || c, 'sc' || c || 'r' || n || 'q', 'sc' || c || 'm' || m, 'sc' || c || 'g' || (m % 4), (ARRAY['FOR','FOR','AGAINST','ABSTAIN'])[1 + (m + n) % 4]::"VoteChoice"
         FROM generate_series(1, $1) c, generate_series(1, $2) n, generate_series(1, 10) m`,
      [cooperatives, months],
    );
    await step(
      "ideas",
      `INSERT INTO "Idea" (id, "cooperativeId", text, source, status, "answerKind", "answerText", "answeredAt", "answerPublishedAt", "meetingId", "followSeed", "createdAt")
       SELECT 'sc' || c || 'r' || n || 'h' || k, 'sc' || c, 'Une idée sur ' || ${w("n + k + c")} || ' et ' || ${w("n * 3 + k")}, (ARRAY['ONLINE','PAPER','PUBLIC_FORM'])[1 + k]::"IdeaSource", 'ANSWERED',
              (ARRAY['ACCEPTED','PLANNED','DECLINED','DONE'])[1 + (n + k) % 4]::"IdeaAnswer", 'Réponse du conseil.', now(), now(), 'sc' || c || 'r' || n, md5('sc' || c || 'r' || n || 'h' || k), (now() - make_interval(months => $2 - n + 1))::timestamp(3)
         FROM generate_series(1, $1) c, generate_series(1, $2) n, generate_series(0, 2) k`,
      [cooperatives, months],
    );
    await client.query("COMMIT");
    await step("statistics (ANALYZE)", "ANALYZE");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

if (isMain(import.meta.url)) {
  const { runScript, ScriptError } = await import("./cli");
  await runScript(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new ScriptError("DATABASE_URL est requis / is required (the database to fill)");
    const [coops, members, years] = process.argv.slice(2).map(Number);
    const t0 = performance.now();
    console.log(
      `Réseau de test / scale data: ${coops || 1000} coopératives × ${members || 200} membres, ${years || 5} ans…`,
    );
    await generateScaleData(url, coops || 1000, members || 200, years || 5, console.log);
    console.log(`fait / done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  });
}
