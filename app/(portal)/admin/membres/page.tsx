import { requireActor } from "@/lib/auth/actor";
import { ComingSoon } from "@/components/coming-soon";

export default async function Page() {
  await requireActor("member.manage");
  return <ComingSoon feature="members" />;
}
