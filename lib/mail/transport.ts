import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
};

// SMTP_HOST switches mail from the outbox-only mode to real delivery.
export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  if (!env.SMTP_HOST) return null;
  const port = Number(env.SMTP_PORT ?? 587);
  return {
    host: env.SMTP_HOST,
    port,
    secure: env.SMTP_SECURE ? env.SMTP_SECURE === "true" : port === 465,
    user: env.SMTP_USER || undefined,
    pass: env.SMTP_PASSWORD || undefined,
    from: env.SMTP_FROM ?? "Portail SCIC <no-reply@localhost>",
  };
}

let transporter: Transporter | null = null;

export function smtpTransport(settings: SmtpSettings): Transporter {
  transporter ??= nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.pass } : undefined,
  });
  return transporter;
}
