import { ClientMessages } from "@/components/client-messages";

// Votes.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["votes"]}>{children}</ClientMessages>;
}
