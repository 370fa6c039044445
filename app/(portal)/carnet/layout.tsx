import { ClientMessages } from "@/components/client-messages";

// The partners' booklet.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["errors", "booklet"]}>{children}</ClientMessages>;
}
