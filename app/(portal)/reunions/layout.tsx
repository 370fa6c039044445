import { ClientMessages } from "@/components/client-messages";

// Meetings: preparation, attendance, minutes, the idea sheet, proxies.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "meetings",
        "meetingAdmin",
        "attendance",
        "invitation",
        "minutes",
        "decisions",
        "ideas",
        "votes",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
