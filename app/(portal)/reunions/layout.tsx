import { ClientMessages } from "@/components/client-messages";

// Meetings: a meeting's page needs only its answer to the invitation's texts in the browser (an
// assembly's proxies add the votes' there); a new meeting's form (nouvelle/layout.tsx) and the
// pages below a meeting that need more (preparation, attendance, minutes, the idea sheet) give
// theirs in their own layouts, so that a member opening a meeting does not download the minutes
// editor's texts (issue 21).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["invitation"]}>{children}</ClientMessages>;
}
