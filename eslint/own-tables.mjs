// A feature's tables are written only by its own services ("a feature uses another only through
// that one's service, never by reaching into its tables"). Reading is free; a write from another
// feature's folder is an error — through Prisma (db.<table>.create…, tx.<table>.update…) or in
// raw SQL (INSERT INTO / UPDATE / DELETE FROM "Table" in a $executeRaw or $queryRaw): call the
// owning feature's function instead.

// Which features write each table. Person is the person's identity (members), their
// credentials and language (auth), and the operator flag (operator). The operator creates and
// suspends cooperatives.
export const OWNERS = {
  cooperative: ["statutes", "operator"],
  statuteSettings: ["statutes"],
  college: ["statutes"],
  category: ["statutes"],
  person: ["members", "auth", "operator"],
  membership: ["members"],
  categoryAssignment: ["members"],
  body: ["bodies"],
  mandate: ["bodies"],
  meeting: ["meetings"],
  agendaItem: ["meetings"],
  document: ["meetings"],
  attendance: ["meetings"],
  proxy: ["votes"],
  voteQuestion: ["votes"],
  voteExclusion: ["votes"],
  voteParticipation: ["votes"],
  ballot: ["votes"],
  paperTally: ["votes"],
  minutes: ["minutes"],
  minutesVersion: ["minutes"],
  minutesSection: ["minutes"],
  minutesComment: ["minutes"],
  actionItem: ["minutes"],
  actionItemOwner: ["minutes"],
  decision: ["decisions"],
  idea: ["ideas"],
  ideaSupport: ["ideas"],
  newsletterRecipient: ["newsletter"],
  newsletterIssue: ["newsletter"],
  newsletterDelivery: ["newsletter"],
  auditEntry: ["audit"],
  outboxEmail: ["mail"],
  verificationToken: ["auth"],
  passwordResetToken: ["auth"],
  rateLimit: ["limits"],
  operatorSetup: ["operator"],
  supportGrant: ["operator"],
  backupRun: ["operator"],
  translationCorrection: ["ideas"],
  partnerEntry: ["booklet"],
  bookletSettings: ["booklet"],
  contactConsent: ["contacts"],
  communityEvent: ["events"],
  eventSignup: ["events"],
};

const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);
const CLIENTS = new Set(["db", "tx", "prisma"]);
const RAW = new Set(["$executeRaw", "$queryRaw", "$executeRawUnsafe", "$queryRawUnsafe"]);
const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"(\w+)"/gi;
const tableKey = (table) => table.charAt(0).toLowerCase() + table.slice(1);

export const ownTables = {
  meta: {
    type: "problem",
    docs: { description: "a feature writes only its own tables" },
    messages: {
      foreign:
        "lib/{{feature}} writes {{model}}, a table of lib/{{owner}}: call a function of lib/{{owner}} instead.",
    },
    schema: [],
  },
  create(context) {
    const match = /(?:^|\/)lib\/([^/]+)\//.exec(context.filename.replaceAll("\\", "/"));
    if (!match) return {};
    const feature = match[1];
    function check(node, model) {
      const owners = OWNERS[model];
      if (!owners || owners.includes(feature)) return;
      context.report({ node, messageId: "foreign", data: { feature, model, owner: owners[0] } });
    }
    const isClient = (node) => node.type === "Identifier" && CLIENTS.has(node.name);
    return {
      MemberExpression(node) {
        // <client>.<table>.<write>
        if (node.property.type !== "Identifier" || !WRITES.has(node.property.name)) return;
        const inner = node.object;
        if (inner.type !== "MemberExpression" || inner.property.type !== "Identifier") return;
        if (isClient(inner.object)) check(node, inner.property.name);
      },
      // <client>.$executeRaw`INSERT INTO "Table" …` (and the Unsafe calls with a literal)
      TaggedTemplateExpression(node) {
        const tag = node.tag;
        if (
          tag.type !== "MemberExpression" ||
          tag.property.type !== "Identifier" ||
          !RAW.has(tag.property.name)
        )
          return;
        const sql = node.quasi.quasis.map((q) => q.value.raw).join(" ");
        for (const [, table] of sql.matchAll(SQL_WRITE)) check(node, tableKey(table));
      },
    };
  },
};
