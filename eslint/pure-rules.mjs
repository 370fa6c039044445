// A pure rule module (a lib/ file that is not marked "server-only" nor "use server": the tally,
// who may vote, the quorum, the schemas…) reads no database and calls no service: it may import
// their types, never their values. That keeps the rules testable alone and safe for the browser.
// A module is server-side when its file says so: the rule reads the imported file to know.
import fs from "node:fs";
import path from "node:path";

const PACKAGES = [/^pg$/, /^@prisma\//, /^server-only$/, /(^|\/)lib\/db$/, /(^|\/)lib\/generated\//];
const SERVER_SIDE = /^\s*(import\s+["']server-only["']|["']use server["'])/m;

function resolve(from, source) {
  const root = from.slice(0, from.lastIndexOf("/lib/"));
  const base = source.startsWith("@/")
    ? path.join(root, source.slice(2))
    : source.startsWith(".")
      ? path.resolve(path.dirname(from), source)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

export const pureRules = {
  meta: {
    type: "problem",
    docs: { description: "a pure rule module imports no database, service or action" },
    messages: {
      impure:
        "{{file}} is a pure rule module (not server-only): it may not import {{source}}, which is server-side. Import its types only, or mark this file server-only if it needs the database.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename.replaceAll("\\", "/");
    if (!filename.includes("/lib/")) return {};
    const serverSide = context.sourceCode.ast.body.some(
      (node) =>
        (node.type === "ImportDeclaration" && node.source.value === "server-only") ||
        (node.type === "ExpressionStatement" && node.directive === "use server"),
    );
    if (serverSide) return {};
    function check(node, source, typeOnly) {
      if (typeOnly || typeof source !== "string") return;
      const target = resolve(filename, source);
      const impure = target
        ? SERVER_SIDE.test(fs.readFileSync(target, "utf8"))
        : PACKAGES.some((pattern) => pattern.test(source));
      if (impure)
        context.report({ node, messageId: "impure", data: { file: filename.split("/lib/").pop(), source } });
    }
    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === "type" ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === "type");
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === "type");
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node, node.source.value, false);
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === "TSExternalModuleReference")
          check(node, node.moduleReference.expression.value, node.importKind === "type");
      },
    };
  },
};
