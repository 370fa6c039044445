import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { localPath } from "@/lib/action-input";
import { endLinksAtSignIn, findSignInPerson, sendSignInLink, verifyCredentials } from "@/lib/auth/service";
import { resolvedAddress } from "@/lib/net/client-address";
import { cookies } from "next/headers";
import { log } from "@/lib/log";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

function toAdapterUser(person: {
  id: string;
  email: string | null;
  name: string;
  emailVerifiedAt: Date | null;
}): AdapterUser {
  return {
    id: person.id,
    email: person.email ?? "",
    name: person.name,
    emailVerified: person.emailVerifiedAt,
  };
}

// The e-mail provider needs an adapter for its tokens and to find the person. Accounts are
// never created by signing in: the register creates them.
const adapter: Adapter = {
  async createUser() {
    throw new Error("Accounts are created from the member register, not by signing in.");
  },
  async getUser(id) {
    const person = await db.person.findUnique({ where: { id } });
    return person ? toAdapterUser(person) : null;
  },
  async getUserByEmail(email) {
    const person = await db.person.findUnique({ where: { email: email.toLowerCase() } });
    return person ? toAdapterUser(person) : null;
  },
  async getUserByAccount() {
    return null;
  },
  async updateUser(user) {
    const person = await db.person.update({
      where: { id: user.id },
      data: { emailVerifiedAt: user.emailVerified ?? undefined },
    });
    return toAdapterUser(person);
  },
  async linkAccount() {},
  async createVerificationToken(token) {
    await db.verificationToken.create({
      data: { identifier: token.identifier.toLowerCase(), token: token.token, expires: token.expires },
    });
    return token;
  },
  async useVerificationToken({ identifier, token }) {
    try {
      return await db.verificationToken.delete({
        where: { identifier_token: { identifier: identifier.toLowerCase(), token } },
      });
    } catch {
      return null;
    }
  },
};

export const authOptions: NextAuthOptions = {
  adapter,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/connexion", verifyRequest: "/connexion/lien-envoye", error: "/connexion" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail et mot de passe",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) throw new Error("invalid");
        const result = await verifyCredentials(
          email,
          password,
          resolvedAddress(req?.headers?.["x-forwarded-for"]),
        );
        if (!result.ok) throw new Error(result.error);
        const person = await db.person.findUniqueOrThrow({ where: { id: result.personId } });
        return toAdapterUser(person);
      },
    }),
    EmailProvider({
      maxAge: 24 * 60 * 60,
      // Unused (sendVerificationRequest goes through the outbox), but next-auth requires it.
      server: { host: "localhost", port: 25 },
      from: process.env.SMTP_FROM ?? "no-reply@localhost",
      async sendVerificationRequest({ identifier, url }) {
        await sendSignInLink(identifier, url);
      },
    }),
  ],
  events: {
    // A sign-in (password or e-mailed link) ends every other reset, invitation or sign-in link.
    async signIn({ user }) {
      await endLinksAtSignIn(user.id);
      try {
        // The person's own language on whatever browser they sign in from; a language chosen on
        // this browser just before signing in becomes theirs.
        const jar = await cookies();
        const chosen = jar.get(LOCALE_COOKIE)?.value;
        if (isLocale(chosen)) await db.person.update({ where: { id: user.id }, data: { locale: chosen } });
        else {
          const person = await db.person.findUnique({ where: { id: user.id }, select: { locale: true } });
          if (isLocale(person?.locale))
            jar.set(LOCALE_COOKIE, person.locale, { maxAge: 60 * 60 * 24 * 365, sameSite: "lax", path: "/" });
        }
      } catch (error) {
        // Never a reason to refuse the sign-in: the language stays the browser's.
        log.warn({ error: String(error) }, "locale not applied at sign-in");
      }
    },
  },
  callbacks: {
    async signIn({ user, email }) {
      // Asking for a link always looks the same; using one needs an active membership.
      if (email?.verificationRequest) return true;
      return user.email ? (await findSignInPerson(user.email)) !== null : false;
    },
    // A session carries the person's session version at sign-in: raising it ends the session.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        const person = await db.person.findUnique({
          where: { id: user.id },
          select: { sessionVersion: true },
        });
        token.sv = person?.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
    // After signing in or out: a page of ours, never another site (localPath refuses what a
    // browser would turn into one, such as "/\t/example.org").
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${localPath(path)}`;
    },
  },
};
