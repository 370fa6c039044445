// A function of lib/ takes at most three arguments; more go in one named object
// (`markAttendance(actor, { meetingId, membershipId, status })`), so that a call reads without
// counting. A trailing optional clock (`now = new Date()`, `day`, `at`, `today`), there for the
// tests, does not count.

const CLOCKS = new Set(["now", "day", "at", "today"]);

function isClock(param) {
  return (
    param.type === "AssignmentPattern" && param.left.type === "Identifier" && CLOCKS.has(param.left.name)
  );
}

export const namedArguments = {
  meta: {
    type: "suggestion",
    docs: { description: "more than three arguments go in one named object" },
    messages: {
      tooMany: "{{name}} takes {{count}} arguments: pass them (after the actor, if any) as one named object.",
    },
    schema: [],
  },
  create(context) {
    function check(node) {
      const params = [...node.params];
      while (params.length && isClock(params[params.length - 1])) params.pop();
      if (params.length <= 3) return;
      const name =
        node.id?.name ?? (node.parent?.type === "VariableDeclarator" ? node.parent.id.name : "this function");
      context.report({ node, messageId: "tooMany", data: { name, count: String(params.length) } });
    }
    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
  },
};
