import { ClientMessages } from "@/components/client-messages";

// Meetings: the list, a new meeting, and a meeting's page (its answer to the invitation; an
// assembly's proxies add the votes' texts there) need these texts in the browser; the pages below a meeting that need more (preparation,
// attendance, minutes, the idea sheet) give them in their own layouts, so that a member opening
// a meeting does not download the minutes editor's texts (issue 21).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["meetings", "meetingAdmin", "invitation"]}>{children}</ClientMessages>;
}
