// A feature's tables are written only by its own services (../shared/STYLE.md: "A feature uses
// another only through that one's service, never by reaching into its tables"). Reading is
// free; a create/update/delete through Prisma (db.<model> or tx.<model>) from another feature's
// folder is an error: call the owning feature's function instead.

// Which features write each table. Person is the person's identity (members) and their
// credentials and language (auth).
export const OWNERS = {
  cooperative: ["statutes"],
  statuteSettings: ["statutes"],
  college: ["statutes"],
  category: ["statutes"],
  person: ["members", "auth"],
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
  signInFailure: ["auth"],
};

const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "upsert",
  "delete",
  "deleteMany",
]);

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
    return {
      MemberExpression(node) {
        // <client>.<model>.<write>
        if (node.property.type !== "Identifier" || !WRITES.has(node.property.name)) return;
        const inner = node.object;
        if (inner.type !== "MemberExpression" || inner.property.type !== "Identifier") return;
        const owners = OWNERS[inner.property.name];
        if (!owners || owners.includes(feature)) return;
        context.report({
          node,
          messageId: "foreign",
          data: { feature, model: inner.property.name, owner: owners[0] },
        });
      },
    };
  },
};
