import { ClientMessages } from "@/components/client-messages";

// The layout of the pages below a meeting that work on it (preparation, attendance, minutes, the
// idea sheet): the texts their client components use. The meetings layout gives only what a
// meeting's own page needs; a provider replaces the one above it, so this list is whole.
export default function MeetingToolsLayout({ children }: { children: React.ReactNode }) {
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
