"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/connexion" })}
      className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-stone-800 underline underline-offset-2 hover:bg-stone-100"
    >
      {label}
    </button>
  );
}
