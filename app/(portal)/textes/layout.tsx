import { ClientMessages } from "@/components/client-messages";

// Texts written together: their forms, the editor's preview (minutes), the adoption's methods.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["texts", "minutes", "decisions"]}>{children}</ClientMessages>;
}
