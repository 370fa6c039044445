"use server";
import { arg, formAction } from "@/lib/action";
import { ok, refuse } from "@/lib/form-result";
import { issueSchema } from "@/lib/newsletter/schema";
import {
  createIssue,
  getIssue,
  sendTest,
  startSend,
  unsubscribe,
  updateIssue,
} from "@/lib/newsletter/service";
import { answeredThisMonth } from "@/lib/ideas/council-answers";

const issuePath = ([issueId]: readonly [string, ...unknown[]]) => `/admin/lettre/${issueId}`;

export const createIssueAction = formAction({
  right: "newsletter.manage",
  input: issueSchema,
  run: ({ actor, input }) => createIssue(actor, input),
  redirect: (_, issue) => `/admin/lettre/${issue.id}`,
});

// Saves the draft as typed; with intent=appendAnswers (the editor's second button), the « what the
// council answered this month » block is added to the text as typed, not to the last saved one.
export const updateIssueAction = formAction({
  right: "newsletter.manage",
  bound: [arg.id],
  input: issueSchema,
  run: async ({ actor, args: [issueId], input, values }) => {
    if (values.intent !== "appendAnswers") return updateIssue(actor, issueId, input);
    if (!(await getIssue(actor, issueId))) return refuse("notFound");
    const block = await answeredThisMonth(actor);
    if (!block) return refuse("noAnswers");
    return updateIssue(actor, issueId, { ...input, body: `${input.body}\n\n${block}`.trim() });
  },
  refresh: issuePath,
});

export const sendTestAction = formAction({
  right: "newsletter.manage",
  bound: [arg.id],
  run: ({ actor, args: [issueId] }) => sendTest(actor, issueId),
});

export const startSendAction = formAction({
  right: "newsletter.manage",
  bound: [arg.id],
  run: ({ actor, args: [issueId] }) => startSend(actor, issueId),
  refresh: issuePath,
});

// No sign-in: the signed link is the permission.
export const unsubscribeAction = formAction({
  right: "anyone",
  bound: [arg.token()],
  run: async ({ args: [token] }) => ((await unsubscribe(token)) ? ok(null) : refuse("notFound")),
});
