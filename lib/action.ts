import "server-only";
import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { log } from "@/lib/log";
import { forbidden, redirect } from "next/navigation";
import { isForm, isId, isOneOf, localPath } from "@/lib/action-input";
import { createTranslator } from "next-intl";
import messages from "@/lib/i18n/messages/fr.json";
import english from "@/lib/i18n/messages/en.json";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { can, type Action } from "@/lib/auth/permissions";
import { getActor, requireActor } from "@/lib/auth/session";
import { requireOperator, type Operator } from "@/lib/operator/operator";
import {
  failure,
  fieldErrorsOf,
  formValues,
  type ActionError,
  type ActionResult,
  type ActionState,
  type FieldErrors,
  type RefusalWords,
  type Result,
} from "@/lib/form-result";

// One way a server action runs: the right it needs (the same name its service checks, from
// lib/auth/permissions.ts), the arguments bound in the page read by shape, the form parsed with
// its zod schema, the service called, the page refreshed, one result type back. Anything can
// call an action by its id with any arguments, so nothing reaches the service unread.

// Reads one argument bound in a page (an id, the path to refresh…); undefined when it is not
// of that shape, which answers « not found ».
export type Reader<T> = (value: unknown) => T | undefined;

export const arg = {
  id: ((value) => (isId(value) ? value : undefined)) as Reader<string>,
  // The page to refresh: one of ours, or the home page.
  path: ((value) => localPath(value)) as Reader<string>,
  flag: ((value) => (typeof value === "boolean" ? value : undefined)) as Reader<boolean>,
  oneOf:
    <const T extends string>(choices: readonly T[]): Reader<T> =>
    (value) =>
      isOneOf(choices, value) ? value : undefined,
  ids:
    (max = 50): Reader<string[]> =>
    (value) =>
      Array.isArray(value) && value.length <= max && value.every(isId) ? (value as string[]) : undefined,
  // College ids of a count by college, or [null] when the body does not vote by college.
  collegeIds: ((value) =>
    Array.isArray(value) && value.length <= 50 && value.every((c) => c === null || isId(c))
      ? (value as (string | null)[])
      : undefined) as Reader<(string | null)[]>,
  token:
    (max = 200): Reader<string> =>
    (value) =>
      typeof value === "string" && value.length > 0 && value.length <= max ? value : undefined,
};

type Read<R extends readonly Reader<unknown>[]> = {
  -readonly [K in keyof R]: R[K] extends Reader<infer T> ? T : never;
};

// Who may call it: a right of the table, any of several (when the statutes choose who acts, the
// service checks which), anyone signed in, anyone at all (password reset), or the network's
// operator (who holds no right in any cooperative).
type Right = Action | readonly [Action, ...Action[]] | "signedIn" | "anyone" | "operator";
type ActorOf<W extends Right> = W extends "anyone" ? Actor | null : W extends "operator" ? Operator : Actor;

export type ActionContext<W extends Right, B, I> = {
  actor: ActorOf<W>;
  args: B;
  input: I;
  // What was typed, as text (never the omitted fields).
  values: Record<string, string>;
  form: FormData;
};

type Spec<W extends Right, R extends readonly Reader<unknown>[], S extends z.ZodType | undefined, T> = {
  right: W;
  bound?: R;
  // The form's schema; its messages are keys of `errors`.
  input?: S;
  // Read the schema's input from the form (default: every text field).
  parse?: (values: Record<string, string>, form: FormData) => unknown;
  // Fields never given back (passwords).
  omit?: readonly string[];
  // A refusal shown under a field as well as above the form.
  fieldOf?: Partial<Record<ActionError, string>>;
  run: (
    context: ActionContext<W, Read<R>, S extends z.ZodType ? z.output<S> : undefined>,
  ) => Promise<Result<T, ActionError> | { ok: false; reason: ActionError }>;
  // The pages to refresh after the action: on success (with its data), and after a failure
  // that may have come after a committed write (without).
  refresh?: (args: Read<R>, data: T | undefined) => string | readonly string[];
  redirect?: (args: Read<R>, data: T) => string;
};

// Every refusal key the interface has words for (the general errors and each feature's).
const KEYS = new Set<string>([
  ...Object.keys(messages.errors),
  ...Object.values(messages).flatMap((namespace) =>
    typeof namespace === "object" && namespace && "errors" in namespace
      ? Object.keys(namespace.errors as object)
      : [],
  ),
]);

// A schema's message is a key of the messages; a field zod refused with its own (English) words,
// such as a field missing from a forged form, gets the general « not valid ».
function withWords(fieldErrors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, key]) => [field, key && KEYS.has(key) ? key : "invalid"]),
  );
}

const CATALOGUES: Record<Locale, typeof messages> = { fr: messages, en: english };

// The general words of a refusal's keys (the refusal, each field's, and « the form has errors »),
// in the reader's language (French outside a request). A key of a feature's own refusals has no
// general words: the form finds them in its namespace, which its page sends.
async function wordsOf(refusal: { error: ActionError; fieldErrors: FieldErrors }): Promise<RefusalWords> {
  const locale = await readerLocale().catch(() => DEFAULT_LOCALE);
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "errors" });
  const words: RefusalWords = {};
  for (const key of ["form", refusal.error, ...Object.values(refusal.fieldErrors)]) {
    if (key && !(key in words) && t.has(key as "form")) words[key] = t(key as "form");
  }
  return words;
}

// A Next.js control-flow interruption (redirect, notFound, forbidden): not a failure.
function isInterruption(error: unknown): boolean {
  return typeof (error as { digest?: unknown } | null)?.digest === "string";
}

async function actorFor(right: Right): Promise<Actor | Operator | null> {
  if (right === "anyone") return getActor();
  if (right === "operator") return requireOperator();
  if (right === "signedIn") return requireActor();
  if (typeof right === "string") return requireActor(right);
  const actor = await requireActor();
  if (!right.some((one) => can(actor.roles, one))) forbidden();
  return actor;
}

// The id scripts/server.ts gave the request, for the log line (none outside a request).
async function requestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}

function isTableRight(right: Right): boolean {
  return right !== "anyone" && right !== "signedIn" && right !== "operator";
}

function run<W extends Right, R extends readonly Reader<unknown>[], S extends z.ZodType | undefined, T>(
  spec: Spec<W, R, S, T>,
) {
  const action = async (...given: unknown[]): Promise<ActionResult<T>> => {
    const result = await attempt(...given);
    return result.ok ? result : { ...result, words: await wordsOf(result) };
  };
  const attempt = async (...given: unknown[]): Promise<ActionResult<T>> => {
    const actor = await actorFor(spec.right);
    const readers = spec.bound ?? ([] as unknown as R);
    const args = readers.map((read, i) => read(given[i]));
    if (args.some((a) => a === undefined)) return failure("notFound");
    // What follows the bound arguments: (previous state, form) from useActionState, or (form).
    const form = given.slice(readers.length).find(isForm) ?? new FormData();
    const values = formValues(form, spec.omit);
    // A suspended cooperative is read-only, and so is the operator's support access: what needs
    // a right of the table is refused.
    if (actor && "cooperativeSuspension" in actor && isTableRight(spec.right)) {
      if (actor.cooperativeSuspension !== null) return failure("suspended", values);
      if (actor.support) return failure("readOnly", values);
    }
    let input: unknown = undefined;
    if (spec.input) {
      const parsed = spec.input.safeParse(spec.parse ? spec.parse(values, form) : values);
      if (!parsed.success) return failure("form", values, withWords(fieldErrorsOf(parsed.error)));
      input = parsed.data;
    }
    let result;
    try {
      result = await spec.run({
        actor: actor as ActorOf<W>,
        args: args as Read<R>,
        input,
        values,
        form,
      } as never);
    } catch (error) {
      if (isInterruption(error)) throw error;
      if (error instanceof ForbiddenError) return failure("forbidden", values);
      // A step after a committed write may have failed: the page is refreshed anyway, so that it
      // shows what was stored, and the person is told something went wrong.
      log.error({ err: error, reqId: await requestId() }, "action failed");
      refreshAfter(spec, args as Read<R>, undefined);
      return failure("unexpected", values);
    }
    if (!result.ok) {
      const error = "reason" in result ? result.reason : result.error;
      const field = spec.fieldOf?.[error];
      const fieldErrors: FieldErrors = { ...("fieldErrors" in result ? result.fieldErrors : {}) };
      if (field) fieldErrors[field] ??= error;
      const problems = "problems" in result ? result.problems : undefined;
      return { ok: false, error, fieldErrors, values, words: {}, ...(problems ? { problems } : {}) };
    }
    const data = result.data;
    refreshAfter(spec, args as Read<R>, data);
    if (spec.redirect) redirect(spec.redirect(args as Read<R>, data));
    return { ok: true, data, at: Date.now() };
  };
  // The right it asks, for the permission matrix (tests/integration/server-actions.test.ts).
  return Object.assign(action, { right: spec.right });
}

function refreshAfter<R extends readonly Reader<unknown>[], T>(
  spec: { refresh?: (args: Read<R>, data: T | undefined) => string | readonly string[] },
  args: Read<R>,
  data: T | undefined,
) {
  if (!spec.refresh) return;
  const paths = spec.refresh(args, data);
  for (const path of typeof paths === "string" ? [paths] : paths) revalidatePath(localPath(path));
}

// An action a form calls through useActionState: (...bound, previous state, form).
export function formAction<
  W extends Right,
  const R extends readonly Reader<unknown>[] = [],
  S extends z.ZodType | undefined = undefined,
  T = null,
>(spec: Spec<W, R, S, T>): (...args: [...Read<R>, ActionState<T>, FormData]) => Promise<ActionResult<T>> {
  return run(spec);
}

// An action a plain <form action> calls, or a button: (...bound, form). The form ignores the
// answer (React types a form action as returning nothing); the result is still returned, and
// the tests read it.
export function plainAction<
  W extends Right,
  const R extends readonly Reader<unknown>[] = [],
  S extends z.ZodType | undefined = undefined,
  T = null,
>(spec: Spec<W, R, S, T>): (...args: [...Read<R>, FormData?]) => Promise<void> {
  return run(spec) as unknown as (...args: [...Read<R>, FormData?]) => Promise<void>;
}
