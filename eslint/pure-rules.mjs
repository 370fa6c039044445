// A pure rule module (a lib/ file that is not marked "server-only" nor "use server": the tally,
// who may vote, the quorum, the schemas…) reads no database and calls no service: it may import
// their types, never their values. That keeps the rules testable alone and safe for the browser.

const FORBIDDEN = [
  /^@\/lib\/db$/,
  /^@\/lib\/generated\/prisma\/client$/,
  /^@\/lib\/[^/]+\/service$/,
  /^@\/lib\/[^/]+\/actions$/,
  /\.internal$/,
  /^@\/lib\/action$/,
  /^@\/lib\/auth\/session$/,
];

export const pureRules = {
  meta: {
    type: "problem",
    docs: { description: "a pure rule module imports no database, service or action" },
    messages: {
      impure:
        "{{file}} is a pure rule module (not server-only): it may not import {{source}}. Import its types only, or mark this file server-only if it needs the database.",
    },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode;
    const serverSide = source.ast.body.some(
      (node) =>
        (node.type === "ImportDeclaration" && node.source.value === "server-only") ||
        (node.type === "ExpressionStatement" && node.directive === "use server"),
    );
    if (serverSide) return {};
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        const from = String(node.source.value);
        if (!FORBIDDEN.some((pattern) => pattern.test(from))) return;
        context.report({
          node,
          messageId: "impure",
          data: { file: context.filename.split("/lib/").pop(), source: from },
        });
      },
    };
  },
};
