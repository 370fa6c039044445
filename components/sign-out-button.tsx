import { signOutAction } from "@/lib/auth/actions";

// A plain form to a server action: works without JavaScript, and no next-auth client in the page.
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button
        type="submit"
        className="min-h-11 rounded-md px-3 py-2 text-sm font-medium text-stone-800 underline underline-offset-2 hover:bg-stone-100"
      >
        {label}
      </button>
    </form>
  );
}
