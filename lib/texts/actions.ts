"use server";
import { arg, formAction } from "@/lib/action";
import {
  adoptionSchema,
  answerSchema,
  newSectionSchema,
  newTextSchema,
  proposalSchema,
  sectionEditSchema,
} from "@/lib/texts/schema";
import {
  addSection,
  adoptText,
  answerProposal,
  createText,
  editSection,
  propose,
  resumeDrafting,
} from "@/lib/texts/service";

// The actions of the texts written together; each refreshes the text's page it was bound to.
const pathOf = ([, path]: readonly [string, string]) => path;

export const createTextAction = formAction({
  right: "text.draft",
  input: newTextSchema,
  run: ({ actor, input }) => createText(actor, input),
  redirect: (_, text) => `/textes/${text.id}`,
});

export const editTextSectionAction = formAction({
  right: "text.draft",
  bound: [arg.id, arg.path],
  input: sectionEditSchema,
  run: ({ actor, args: [sectionId], input }) => editSection(actor, sectionId, input),
  refresh: pathOf,
});

export const addTextSectionAction = formAction({
  right: "text.draft",
  bound: [arg.id, arg.path],
  input: newSectionSchema,
  run: ({ actor, args: [textId], input }) => addSection(actor, textId, input),
  refresh: pathOf,
});

export const proposeAction = formAction({
  right: "text.propose",
  bound: [arg.id, arg.path],
  input: proposalSchema,
  run: ({ actor, args: [sectionId], input }) => propose(actor, sectionId, input),
  refresh: pathOf,
});

export const answerProposalAction = formAction({
  right: "text.draft",
  bound: [arg.id, arg.flag, arg.path],
  input: answerSchema,
  run: ({ actor, args: [proposalId, accept], input }) =>
    answerProposal(actor, proposalId, { accept, answer: input.answer }),
  refresh: ([, , path]) => path,
});

export const adoptTextAction = formAction({
  right: "text.draft",
  bound: [arg.id, arg.path],
  input: adoptionSchema,
  run: ({ actor, args: [textId], input }) => adoptText(actor, textId, input),
  refresh: pathOf,
  // Put to the vote: on to the question, to open it; recorded: back to the text.
  redirect: ([textId], adopted) =>
    adopted.voteQuestionId ? `/votes/${adopted.voteQuestionId}?cree=1` : `/textes/${textId}`,
});

export const resumeDraftingAction = formAction({
  right: "text.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [textId] }) => resumeDrafting(actor, textId),
  refresh: pathOf,
});
