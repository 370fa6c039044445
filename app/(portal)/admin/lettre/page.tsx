import { requireActor } from "@/lib/auth/session";
import { ComingSoon } from "@/components/coming-soon";

export default async function Page() {
  await requireActor("newsletter.manage");
  return <ComingSoon feature="newsletter" />;
}
