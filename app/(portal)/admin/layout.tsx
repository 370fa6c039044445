import { ClientMessages } from "@/components/client-messages";

// Administration: register, bodies, colleges and statutes, import, newsletter.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "members",
        "bodies",
        "colleges",
        "statutes",
        "import",
        "newsletter",
        "meetingAdmin",
        "contacts",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
