import { ClientMessages } from "@/components/client-messages";

// The new meeting's form speaks the coordinator's words (app/(portal)/reunions/layout.tsx).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["meetingAdmin"]}>{children}</ClientMessages>;
}
