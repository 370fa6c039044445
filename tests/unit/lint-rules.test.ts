import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import tseslint from "typescript-eslint";
import { ownTables } from "../../eslint/own-tables.mjs";
import { pureRules } from "../../eslint/pure-rules.mjs";
import { namedArguments } from "../../eslint/named-arguments.mjs";

// The layering rules of eslint/, each tried on what it must refuse and what it must let pass:
// a rule that matched nothing would otherwise go unnoticed.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
});
const ROOT = `${process.cwd()}/lib`;

tester.run("own-tables", ownTables, {
  valid: [
    { code: "await db.meeting.create({ data });", filename: `${ROOT}/meetings/service.ts` },
    { code: "await tx.idea.findMany({});", filename: `${ROOT}/meetings/service.ts` },
    { code: "await cache.idea.delete(key);", filename: `${ROOT}/meetings/service.ts` },
    { code: 'await tx.$executeRaw`DELETE FROM "Ballot" WHERE id = ${id}`;', filename: `${ROOT}/votes/x.ts` },
    { code: "await db.meeting.create({ data });", filename: `${process.cwd()}/scripts/seed.ts` },
  ],
  invalid: [
    {
      code: "await tx.agendaItem.create({ data });",
      filename: `${ROOT}/ideas/service.ts`,
      errors: [{ messageId: "foreign" }],
    },
    {
      code: "await db.decision.updateManyAndReturn({ data });",
      filename: `${ROOT}/votes/x.ts`,
      errors: [{ messageId: "foreign" }],
    },
    {
      code: 'await tx.$executeRaw`INSERT INTO "Meeting" (id) VALUES (${id})`;',
      filename: `${ROOT}/minutes/items.ts`,
      errors: [{ messageId: "foreign" }],
    },
  ],
});

tester.run("pure-rules", pureRules, {
  valid: [
    { code: 'import type { Actor } from "@/lib/auth/actor";', filename: `${ROOT}/votes/count.ts` },
    {
      code: 'import { parseFraction } from "@/lib/statutes/fractions";',
      filename: `${ROOT}/meetings/quorum.ts`,
    },
    {
      code: 'import "server-only";\nimport { db } from "@/lib/db";',
      filename: `${ROOT}/votes/questions.ts`,
    },
  ],
  invalid: [
    {
      code: 'import { db } from "@/lib/db";',
      filename: `${ROOT}/votes/count.ts`,
      errors: [{ messageId: "impure" }],
    },
    {
      code: 'import { closeQuestion } from "@/lib/votes/questions";',
      filename: `${ROOT}/votes/count.ts`,
      errors: [{ messageId: "impure" }],
    },
    {
      code: 'export { listMeetings } from "@/lib/meetings/service";',
      filename: `${ROOT}/meetings/quorum.ts`,
      errors: [{ messageId: "impure" }],
    },
    {
      code: 'const m = await import("@/lib/meetings/agenda");',
      filename: `${ROOT}/meetings/quorum.ts`,
      errors: [{ messageId: "impure" }],
    },
    { code: 'import pg from "pg";', filename: `${ROOT}/votes/count.ts`, errors: [{ messageId: "impure" }] },
  ],
});

tester.run("named-arguments", namedArguments, {
  valid: [
    { code: "function f(actor, id, input) {}" },
    { code: "function f(actor, id, input, now = new Date()) {}" },
    { code: "function f(actor, { meetingId, membershipId, status }) {}" },
  ],
  invalid: [
    { code: "function f(actor, a, b, c) {}", errors: [{ messageId: "tooMany" }] },
    { code: "const f = (a, b, c, d, now = new Date()) => a;", errors: [{ messageId: "tooMany" }] },
  ],
});
