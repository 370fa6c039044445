import { expect, test } from "./test";
import { DEMO_PASSWORD, httpFrom, postSignIn, signIn } from "./helpers";

// Issue 15, 3: limits count the address the socket saw. A client writing X-Forwarded-For (no
// proxy is trusted here) changes nothing; counting and refusing are one statement; and what an
// attacker does from their machine never locks the member out of their own.

test("ten wrong passwords with spoofed addresses hold the attacker's machine, not the member's", async ({
  page,
  demo,
}) => {
  const victim = demo.email("paul.martin");
  const attacker = "127.0.0.2";
  for (let i = 0; i < 10; i++) {
    const spoofed = { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` };
    expect(
      await postSignIn(attacker, { email: victim, password: `devine-${i}`, headers: spoofed }),
    ).toContain("error=invalid");
  }
  // The eleventh try is refused before the password is checked, whatever address it claims,
  // even with the right password.
  expect(
    await postSignIn(attacker, {
      email: victim,
      password: DEMO_PASSWORD,
      headers: { "x-forwarded-for": "192.0.2.200" },
    }),
  ).toContain("error=rateLimited");

  // The member, from their own machine (127.0.0.1, as the journey's browser), signs in as usual.
  await signIn(page, victim);
  await expect(page.getByRole("heading", { name: "Bonjour Paul Martin" })).toBeVisible();
});

test("the public idea form counts five ideas an hour per real address, whatever the header says", async ({
  demo,
}) => {
  const post = (from: string, i: number) =>
    httpFrom(from, {
      method: "POST",
      path: `/i/${demo.slug}`,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `203.0.113.${i}` },
      body: new URLSearchParams({ text: `Idée envoyée en rafale ${i}`, website: "" }).toString(),
    });
  // A burst of ten at once from one machine: five pass, five are refused with a clear page.
  const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => post("127.0.0.3", i)));
  expect(burst.filter((r) => r.status === 303)).toHaveLength(5);
  const refused = burst.filter((r) => r.status === 429);
  expect(refused).toHaveLength(5);
  expect(refused[0]!.body).toContain("<form");
  // Another machine still posts.
  expect((await post("127.0.0.4", 99)).status).toBe(303);
});
