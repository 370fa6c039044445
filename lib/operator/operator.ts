import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { getSession } from "@/lib/auth/session";

// The network's operator: runs the portal for the cooperatives it hosts. Not a member of any of
// them by being operator: it creates and suspends cooperatives, and sees none of their content.
export type Operator = { personId: string; name: string; email: string | null; isOperator: true };

export class NotOperatorError extends Error {
  constructor() {
    super("Forbidden: operator");
  }
}

export const getOperator = cache(async (): Promise<Operator | null> => {
  const session = await getSession();
  if (!session) return null;
  const person = await db.person.findUnique({
    where: { id: session.personId },
    select: { id: true, name: true, email: true, isOperator: true, sessionVersion: true },
  });
  if (!person?.isOperator || person.sessionVersion !== session.sessionVersion) return null;
  return { personId: person.id, name: person.name, email: person.email, isOperator: true };
});

// For the operator's pages and actions: signed out goes to the sign-in page, anyone else a 403.
export async function requireOperator(): Promise<Operator> {
  const session = await getSession();
  if (!session) redirect("/connexion");
  const operator = await getOperator();
  if (!operator) forbidden();
  return operator;
}

// Services take the operator they act for; this re-checks the flag a caller might have forged.
export function assertOperator(operator: Operator | null | undefined): asserts operator is Operator {
  if (operator?.isOperator !== true) throw new NotOperatorError();
}
