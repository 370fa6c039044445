import { ClientMessages } from "@/components/client-messages";

// The partners' booklet. With the general refusals: the spreadsheet's preview names them in its
// lines (a line's name too long, an address not valid), in an answer that is not a refusal.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["errors", "booklet"]}>{children}</ClientMessages>;
}
