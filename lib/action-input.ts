import { withoutNul } from "@/lib/form-result";

// A server action can be called by its id with any arguments at all: the ids bound in a page,
// the form, the path to refresh all come from the browser, as does every address a page reads.
// They are read by shape here before anything reaches a query
// (tests/integration/server-actions.test.ts feeds the actions garbage).

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID.test(value);
}

export function areIds(...values: unknown[]): boolean {
  return values.every(isId);
}

export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

export function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (choices as readonly string[]).includes(value);
}

// A page of ours to go back or refresh to (a callbackUrl, the path an action refreshes), or the
// home page: a control character or a backslash (which browsers drop or turn into "/", making
// "/\t/example.org" a link to example.org) is refused, and what is left must stay on our origin.
const HERE = "http://portail.invalid";
export function localPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 300 || !value.startsWith("/")) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith("//")) return "/";
  try {
    const url = new URL(value, HERE);
    return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

// A value of the address (?q=…): repeated keys arrive as a list, which is not a text.
export function queryText(value: unknown, max = 200): string | undefined {
  return typeof value === "string" ? withoutNul(value).slice(0, max) : undefined;
}

// A meeting's number in its address (/reunions/conseil/3): a whole number a database integer
// holds, or null.
export function meetingNumber(text: string): number | null {
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : null;
}

// A text field of a form, or "" (a file or a missing field is not text). A NUL is dropped, as in
// formValues: PostgreSQL text cannot hold it, and a query with one fails.
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? withoutNul(value) : "";
}

export function fields(form: FormData, name: string): string[] {
  return form
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .map(withoutNul);
}
