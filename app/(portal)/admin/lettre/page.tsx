import { requireActor } from "@/lib/auth/actor";
import { ComingSoon } from "@/components/coming-soon";

export default async function Page() {
  await requireActor("newsletter.manage");
  return <ComingSoon feature="newsletter" />;
}
