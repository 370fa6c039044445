// The demo cooperative: invented names, shaped like ../shared/example-minutes-conseil-3.txt.
// Dates of meetings are relative to the day of seeding, so the demo always has a next meeting.
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { currentRules } from "../lib/votes/rules";
import { parseHours } from "../lib/booklet/rules";

export const DEMO_PASSWORD = "demo-portail-scic";
export const DEMO_EMAIL_DOMAIN = "demo.portail-scic.fr";
export const DEMO_SLUG = "bois-joli";

export const DEMO_ACCOUNTS = [
  {
    email: "coordination@demo.portail-scic.fr",
    who: "Clara Gautier, coordinatrice (salariée, membre du conseil)",
  },
  { email: "president@demo.portail-scic.fr", who: "Bertrand Lemoine, président du conseil coopératif" },
  {
    email: "salima.haddad@demo.portail-scic.fr",
    who: "Salima Haddad, conseil, catégorie usager·es et habitant·es",
  },
  { email: "julien.etchepare@demo.portail-scic.fr", who: "Julien Etchepare, conseil, catégorie salarié·es" },
  {
    email: "pierre-yves.colin@demo.portail-scic.fr",
    who: "Pierre-Yves Colin, conseil, catégorie partenaires du quartier",
  },
  {
    email: "marc.beaulieu@demo.portail-scic.fr",
    who: "Marc Beaulieu, conseil, catégorie soutiens militants",
  },
  { email: "paul.martin@demo.portail-scic.fr", who: "Paul Martin, associé (usager), hors conseil" },
  {
    email: "ines.morel@demo.portail-scic.fr",
    who: "Inès Morel, associée (partenaire du quartier), hors conseil",
  },
  { email: "fatou.diallo@demo.portail-scic.fr", who: "Fatou Diallo, habitante : boîte à idées seulement" },
  {
    email: "sonia.benali@demo.portail-scic.fr",
    who: "Sonia Benali, future directrice, invitée du conseil n° 3 seulement",
  },
] as const;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

// That day plus addDays, at hours:minutes on the wall clock of Paris.
function atLocalTime(base: Date, addDays: number, hours: number, minutes: number) {
  const guess = new Date(
    Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + addDays, hours, minutes),
  );
  const parisHour = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" }).format(
      guess,
    ),
  );
  return new Date(guess.getTime() - (parisHour - hours) * 3600_000);
}

type Person = {
  key: string;
  name: string;
  email?: string;
  category?: "users" | "employees" | "partners" | "supporters";
  history?: { category: "users" | "employees" | "partners" | "supporters"; from: string; to: string }[];
  council?: "MEMBER" | "PRESIDENT";
  coordinator?: boolean;
  kind?: "ASSOCIATE" | "GUEST";
  title?: string;
  shares?: number;
};

const PEOPLE: Person[] = [
  {
    key: "clara",
    name: "Clara Gautier",
    email: "coordination@demo.portail-scic.fr",
    category: "employees",
    council: "MEMBER",
    coordinator: true,
    title: "coordinatrice",
  },
  {
    key: "bertrand",
    name: "Bertrand Lemoine",
    email: "president@demo.portail-scic.fr",
    category: "supporters",
    council: "PRESIDENT",
  },
  {
    key: "salima",
    name: "Salima Haddad",
    email: "salima.haddad@demo.portail-scic.fr",
    category: "users",
    council: "MEMBER",
  },
  {
    key: "aurelie",
    name: "Aurélie Duval",
    email: "aurelie.duval@demo.portail-scic.fr",
    category: "users",
    council: "MEMBER",
  },
  {
    key: "pierre-yves",
    name: "Pierre-Yves Colin",
    email: "pierre-yves.colin@demo.portail-scic.fr",
    category: "partners",
    council: "MEMBER",
  },
  {
    key: "julien",
    name: "Julien Etchepare",
    email: "julien.etchepare@demo.portail-scic.fr",
    category: "employees",
    council: "MEMBER",
  },
  {
    key: "mathis",
    name: "Mathis Carpentier",
    email: "mathis.carpentier@demo.portail-scic.fr",
    category: "employees",
    council: "MEMBER",
  },
  {
    key: "maia",
    name: "Maïa Traoré",
    email: "maia.traore@demo.portail-scic.fr",
    category: "employees",
    council: "MEMBER",
  },
  {
    key: "awa",
    name: "Awa Touré",
    email: "awa.toure@demo.portail-scic.fr",
    category: "employees",
    council: "MEMBER",
  },
  {
    key: "elise",
    name: "Élise Hamon",
    email: "elise.hamon@demo.portail-scic.fr",
    history: [
      { category: "employees", from: "2019-09-01", to: "2023-02-15" },
      { category: "supporters", from: "2023-02-15", to: "" },
    ],
    council: "MEMBER",
  },
  {
    key: "marc",
    name: "Marc Beaulieu",
    email: "marc.beaulieu@demo.portail-scic.fr",
    category: "supporters",
    council: "MEMBER",
  },
  {
    key: "louise",
    name: "Louise Perrin",
    email: "louise.perrin@demo.portail-scic.fr",
    category: "supporters",
    council: "MEMBER",
  },
  { key: "paul", name: "Paul Martin", email: "paul.martin@demo.portail-scic.fr", category: "users" },
  { key: "ines", name: "Inès Morel", email: "ines.morel@demo.portail-scic.fr", category: "partners" },
  {
    key: "sonia",
    name: "Sonia Benali",
    email: "sonia.benali@demo.portail-scic.fr",
    kind: "GUEST",
    title: "arrivera au plus tard au 1er juin comme directrice du centre",
  },
  {
    key: "fatou",
    name: "Fatou Diallo",
    email: "fatou.diallo@demo.portail-scic.fr",
    kind: "GUEST",
    title: "habitante du quartier",
  },
];

// Another copy of the demo can live beside it (the end-to-end journeys give each worker its
// own): another slug for its public page, another e-mail domain for its people.
export type DemoOptions = { today?: Date; slug?: string; emailDomain?: string };

export async function seedDemo(db: PrismaClient, options: DemoOptions = {}) {
  const today = options.today ?? new Date();
  const domain = options.emailDomain ?? DEMO_EMAIL_DOMAIN;
  const emailOf = (email: string | undefined) => email?.replace(`@${DEMO_EMAIL_DOMAIN}`, `@${domain}`);
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const coop = await tx.cooperative.create({
        data: {
          slug: options.slug ?? DEMO_SLUG,
          name: "SCIC Centre de santé communautaire du Bois-Joli",
          shortName: "Santé Bois-Joli",
          city: "Villeneuve-sur-Orge",
          isDemo: true,
          // The president validates the minutes (DOMAIN.md); the legal default is the next meeting.
          statutes: { create: { minutesApprovedBy: "PRESIDENT" } },
        },
      });
      const cooperativeId = coop.id;

      const collegeDefs = [
        { key: "users", name: "usager·es et habitant·es", kind: "BENEFICIARY" },
        { key: "employees", name: "salarié·es", kind: "EMPLOYEE" },
        { key: "partners", name: "partenaires du quartier", kind: "OTHER" },
        { key: "supporters", name: "soutiens militants", kind: "OTHER" },
      ] as const;
      const categoryIds: Record<string, string> = {};
      const collegeIds: Record<string, string> = {};
      for (const [position, def] of collegeDefs.entries()) {
        const college = await tx.college.create({
          data: { cooperativeId, name: def.name, position, weightBp: 2500 },
        });
        const category = await tx.category.create({
          data: { cooperativeId, name: def.name, kind: def.kind, position, collegeId: college.id },
        });
        categoryIds[def.key] = category.id;
        collegeIds[def.key] = college.id;
      }

      const council = await tx.body.create({
        data: {
          cooperativeId,
          kind: "COUNCIL",
          name: "Conseil coopératif",
          slug: "conseil",
          seatsPerCollege: 5,
        },
      });
      const assembly = await tx.body.create({
        data: {
          cooperativeId,
          kind: "GENERAL_ASSEMBLY",
          name: "Assemblée générale",
          slug: "ag",
          votesByCollege: true,
        },
      });
      const commission = await tx.body.create({
        data: {
          cooperativeId,
          kind: "COMMISSION",
          name: "Commission administrative",
          slug: "commission-administrative",
        },
      });

      const members: Record<string, string> = {};
      for (const p of PEOPLE) {
        const person = await tx.person.create({
          data: { name: p.name, email: emailOf(p.email), passwordHash },
        });
        const membership = await tx.membership.create({
          data: {
            cooperativeId,
            personId: person.id,
            kind: p.kind ?? "ASSOCIATE",
            isCoordinator: p.coordinator ?? false,
            title: p.title,
            joinedOn: p.kind === "GUEST" ? null : day("2022-06-15"),
            shares: p.kind === "GUEST" ? 0 : 1,
          },
        });
        members[p.key] = membership.id;
        const history =
          p.history ?? (p.category ? [{ category: p.category, from: "2022-06-15", to: "" }] : []);
        for (const span of history) {
          await tx.categoryAssignment.create({
            data: {
              cooperativeId,
              membershipId: membership.id,
              categoryId: categoryIds[span.category]!,
              validFrom: day(span.from),
              validTo: span.to ? day(span.to) : null,
            },
          });
        }
        if (p.council) {
          const seatCategory = history.at(-1)?.category;
          await tx.mandate.create({
            data: {
              cooperativeId,
              bodyId: council.id,
              membershipId: membership.id,
              collegeId: seatCategory ? collegeIds[seatCategory] : null,
              role: p.council,
              startsOn: day("2022-06-15"),
              endsOn: day("2028-06-15"),
            },
          });
        }
      }
      for (const key of ["clara", "julien", "mathis"]) {
        await tx.mandate.create({
          data: {
            cooperativeId,
            bodyId: commission.id,
            membershipId: members[key]!,
            startsOn: day("2023-01-10"),
          },
        });
      }

      // Council n° 1 and 2 are closed; n° 3 is the one of the example minutes; n° 4 comes next.
      const meeting = (number: number, startsAt: Date, status: "CLOSED" | "HELD" | "PLANNED") =>
        tx.meeting.create({
          data: {
            cooperativeId,
            bodyId: council.id,
            number,
            startsAt,
            status,
            place: "Centre de santé, salle de réunion, 17 rue des Tilleuls",
          },
        });
      await meeting(1, atLocalTime(today, -84, 19, 30), "CLOSED");
      await meeting(2, atLocalTime(today, -56, 19, 30), "CLOSED");
      const third = await meeting(3, atLocalTime(today, -28, 18, 30), "HELD");
      const fourth = await meeting(4, atLocalTime(today, 24, 19, 30), "PLANNED");

      const agenda = [
        {
          kind: "INFORMATION",
          title: "Tour rapide de ce que l'on a fait dans le mois",
          presenterId: members.clara,
          durationMinutes: 30,
        },
        {
          kind: "DISCUSSION",
          title:
            "Présentation des expérimentations Peps (paiement en équipe de professionnels de santé) et SecPa (structures d'exercice coordonné participatives)",
          presenterId: members.elise,
          durationMinutes: 45,
        },
        { kind: "OTHER_BUSINESS", title: "Points divers", presenterId: null, durationMinutes: 15 },
      ] as const;
      for (const [position, item] of agenda.entries()) {
        await tx.agendaItem.create({ data: { cooperativeId, meetingId: third.id, position, ...item } });
      }
      const nextAgenda = [
        { kind: "DECISION", title: "Approbation du compte rendu du conseil coopératif n° 3" },
        { kind: "DISCUSSION", title: "Rapport d'activité" },
        { kind: "DISCUSSION", title: "Construire collectivement une lettre de mission pour la direction" },
      ] as const;
      for (const [position, item] of nextAgenda.entries()) {
        await tx.agendaItem.create({ data: { cooperativeId, meetingId: fourth.id, position, ...item } });
      }
      // Ideas are waiting: the next council has its « Boîte à idées » item
      // (lib/ideas/idea-box.internal.ts).
      await tx.agendaItem.create({
        data: {
          cooperativeId,
          meetingId: fourth.id,
          position: nextAgenda.length,
          kind: "DISCUSSION",
          title: "Boîte à idées",
          description: "Les idées reçues depuis le dernier conseil, et les réponses du conseil.",
          ideaBox: true,
        },
      });

      // "Choses à faire" decided at n° 3, still open: n° 4's agenda proposes to follow them up.
      const letter = await tx.actionItem.create({
        data: {
          cooperativeId,
          meetingId: third.id,
          title: "Courrier au ministère sur la durée de l'expérimentation SecPa",
          dueOn: day(new Date(third.startsAt.getTime() + 21 * 86400000).toISOString().slice(0, 10)),
        },
      });
      await tx.actionItemOwner.create({
        data: { cooperativeId, actionItemId: letter.id, membershipId: members.elise! },
      });

      const present = [
        "bertrand",
        "salima",
        "aurelie",
        "pierre-yves",
        "clara",
        "julien",
        "mathis",
        "elise",
        "marc",
        "louise",
      ];
      for (const key of present) {
        await tx.attendance.create({
          data: {
            cooperativeId,
            meetingId: third.id,
            membershipId: members[key],
            status: "PRESENT",
            arrivedAt: third.startsAt,
          },
        });
      }
      for (const key of ["maia", "awa"]) {
        await tx.attendance.create({
          data: {
            cooperativeId,
            meetingId: third.id,
            membershipId: members[key],
            status: "EXCUSED",
            rsvp: "EXCUSED",
          },
        });
      }
      await tx.attendance.create({
        data: {
          cooperativeId,
          meetingId: third.id,
          membershipId: members.sonia,
          status: "GUEST",
          guestRole: "arrivera au plus tard au 1er juin comme directrice du centre",
        },
      });

      const decided = day(third.startsAt.toISOString().slice(0, 10));
      await tx.decision.create({
        data: {
          cooperativeId,
          bodyId: council.id,
          meetingId: third.id,
          title: "Les salarié·es peuvent déposer des idées dans la boîte à idées",
          text: "Question des salarié·es relayée au conseil : ont-ils le droit de mettre des idées ? Réponse positive du conseil coopératif.",
          method: "CONSENSUS",
          outcome: "ADOPTED",
          decidedOn: decided,
          publishedAt: third.startsAt,
        },
      });
      for (const title of [
        "Lancement du recrutement d'une 3e médiatrice",
        "Demande de devis pour un logo renouvelé",
      ]) {
        await tx.decision.create({
          data: {
            cooperativeId,
            bodyId: commission.id,
            title,
            text: title,
            method: "CONSENSUS",
            outcome: "ADOPTED",
            decidedOn: day(new Date(third.startsAt.getTime() - 7 * 86400000).toISOString().slice(0, 10)),
            publishedAt: third.startsAt,
          },
        });
      }

      // The council decided to « construire collectivement une lettre de mission » for the
      // incoming director: the text the portal lets it write together (lib/texts).
      const missionSections = [
        {
          title: "Contexte",
          body: "Le centre de santé communautaire du Bois-Joli est devenu une SCIC. Sa première directrice arrive au plus tard au 1er juin ; le conseil coopératif lui confie la conduite du centre au quotidien.",
        },
        {
          title: "Missions",
          body: "- Coordonner l'équipe salariée et les bénévoles.\n- Tenir le projet de santé communautaire avec les habitant·es.\n- Préparer le budget et le rapport d'activité.",
        },
        {
          title: "Moyens et délégations",
          body: "La directrice engage les dépenses prévues au budget. Elle rend compte au conseil coopératif à chaque réunion.",
        },
        {
          title: "Évaluation",
          body: "Un point d'étape avec la présidence après six mois.",
        },
      ];
      const mission = await tx.sharedText.create({
        data: {
          cooperativeId,
          bodyId: council.id,
          drafterId: members.clara!,
          title: "Lettre de mission de la direction",
          purpose:
            "Ce que le conseil coopératif confie à la directrice du centre, et comment il l'accompagne.",
          sections: {
            create: missionSections.map((section, position) => ({ cooperativeId, position, ...section })),
          },
        },
        include: { sections: { orderBy: { position: "asc" } } },
      });
      await tx.sharedTextVersion.create({
        data: {
          cooperativeId,
          textId: mission.id,
          number: 1,
          content: { title: mission.title, sections: missionSections },
          note: "Première version",
          authorName: "Clara Gautier",
        },
      });
      await tx.sharedTextProposal.create({
        data: {
          cooperativeId,
          textId: mission.id,
          sectionId: mission.sections[0]!.id,
          authorId: members.bertrand!,
          kind: "COMMENT",
          body: "Rappeler que la lettre sera relue avec elle à son arrivée.",
        },
      });

      // The partners' booklet (« un petit carnet » the council asked for): a neighbourhood's
      // addresses, invented names, one not checked for eight months.
      const monthsAgo = (months: number) => new Date(Date.now() - months * 30 * 86_400_000);
      const booklet: {
        name: string;
        description: string;
        themes: string[];
        place: string;
        address: string;
        hoursText: string;
        phone?: string;
        email?: string;
        website?: string;
        walkIn?: boolean;
        languages: string[];
        wheelchair?: boolean;
        childrenWelcome?: boolean;
        cost: string;
        keeper: string;
        checked: number;
      }[] = [
        {
          name: "Parlons Ensemble",
          description: "Cours de français pour adultes, tous niveaux, et aide pour les papiers en français.",
          themes: ["languages"],
          place: "Bois-Joli",
          address: "4 rue des Lilas",
          hoursText: "lun-ven 9h-12h ; sam 9h-12h",
          phone: "01 23 45 10 01",
          walkIn: true,
          languages: ["français", "arabe", "tamoul"],
          wheelchair: true,
          cost: "gratuit",
          keeper: "awa",
          checked: 1,
        },
        {
          name: "Les Mots du Bois-Joli",
          description:
            "Ateliers pour parler français dans la vie de tous les jours : la poste, le médecin, l'école.",
          themes: ["languages"],
          place: "Bois-Joli",
          address: "Maison de quartier, 12 place du Marché",
          hoursText: "mar et jeu 14h-17h",
          phone: "01 23 45 10 02",
          languages: ["français", "anglais", "soninké"],
          childrenWelcome: true,
          cost: "adhésion 5 € par an",
          keeper: "salima",
          checked: 2,
        },
        {
          name: "Épicerie solidaire La Cagette",
          description: "Des courses à petit prix, sur orientation d'une assistante sociale.",
          themes: ["food"],
          place: "Les Tilleuls",
          address: "27 avenue des Tilleuls",
          hoursText: "lun, mer, ven 14h-18h30",
          phone: "01 23 45 10 03",
          email: "contact@la-cagette.example.org",
          languages: ["français", "arabe"],
          wheelchair: true,
          cost: "10 % du prix en magasin",
          keeper: "julien",
          checked: 3,
        },
        {
          name: "Le Panier Partagé",
          description: "Colis alimentaires chaque semaine, sans condition, et un café pour discuter.",
          themes: ["food"],
          place: "Centre-ville",
          address: "3 rue de la Gare",
          hoursText: "mar 9h-12h ; jeu 14h-17h",
          phone: "01 23 45 10 04",
          walkIn: true,
          languages: ["français", "portugais"],
          cost: "gratuit",
          keeper: "julien",
          checked: 1,
        },
        {
          name: "Point d'accès au droit du Bois-Joli",
          description: "Une juriste répond aux questions : logement, travail, famille, titres de séjour.",
          themes: ["rights"],
          place: "Bois-Joli",
          address: "Mairie annexe, 1 rue de l'Église",
          hoursText: "mar 9h-12h ; jeu 14h-17h",
          phone: "01 23 45 10 05",
          languages: ["français", "anglais", "espagnol"],
          wheelchair: true,
          cost: "gratuit",
          keeper: "elise",
          checked: 2,
        },
        {
          name: "Écrivain public de la Maison de quartier",
          description: "Aide pour écrire une lettre, remplir un dossier, comprendre un courrier.",
          themes: ["rights"],
          place: "Bois-Joli",
          address: "Maison de quartier, 12 place du Marché",
          hoursText: "mer 14h-17h",
          walkIn: true,
          languages: ["français", "arabe", "turc"],
          cost: "gratuit",
          keeper: "salima",
          checked: 4,
        },
        {
          name: "Toit Commun",
          description:
            "Accompagnement pour trouver ou garder un logement, et les démarches du logement social.",
          themes: ["housing", "rights"],
          place: "Centre-ville",
          address: "15 boulevard Jean-Jaurès",
          hoursText: "lun-ven 9h-12h30 14h-17h",
          phone: "01 23 45 10 07",
          website: "toit-commun.example.org",
          languages: ["français", "portugais"],
          cost: "gratuit",
          keeper: "elise",
          checked: 2,
        },
        {
          name: "Veille sociale (115)",
          description: "Un hébergement d'urgence pour la nuit : appeler le 115, gratuit, à toute heure.",
          themes: ["housing"],
          place: "Centre-ville",
          address: "Par téléphone",
          hoursText: "tous les jours 0h-24h",
          phone: "115",
          languages: ["français", "anglais"],
          cost: "appel gratuit",
          keeper: "awa",
          checked: 1,
        },
        {
          name: "Écoute Bois-Joli",
          description: "Un groupe d'entraide : on vient parler, boire un café, sans rendez-vous.",
          themes: ["mentalHealth"],
          place: "Bois-Joli",
          address: "8 rue des Lilas",
          hoursText: "lun-sam 14h-18h",
          phone: "01 23 45 10 09",
          walkIn: true,
          languages: ["français", "arabe", "wolof"],
          cost: "gratuit",
          keeper: "salima",
          checked: 3,
        },
        {
          name: "Centre médico-psychologique du secteur",
          description: "Consultations de psychologue et de psychiatre, sur rendez-vous, remboursées.",
          themes: ["mentalHealth", "health"],
          place: "Centre-ville",
          address: "40 rue Pasteur",
          hoursText: "sur rendez-vous, en semaine",
          phone: "01 23 45 10 10",
          languages: ["français"],
          wheelchair: true,
          cost: "gratuit (Sécurité sociale)",
          keeper: "julien",
          checked: 5,
        },
        {
          name: "Club sportif des Tilleuls",
          description: "Foot, basket et gym douce, pour les enfants et les adultes.",
          themes: ["sport", "childhood"],
          place: "Les Tilleuls",
          address: "Gymnase des Tilleuls",
          hoursText: "mer 14h-18h ; sam 10h-12h",
          phone: "01 23 45 10 11",
          languages: ["français"],
          childrenWelcome: true,
          cost: "30 € par an",
          keeper: "mathis",
          checked: 2,
        },
        {
          name: "Les Petits Pas",
          description:
            "Lieu d'accueil enfants-parents : jouer, rencontrer d'autres parents, parler avec une accueillante.",
          themes: ["childhood"],
          place: "Bois-Joli",
          address: "2 allée des Écoles",
          hoursText: "mar et ven 9h-11h30",
          walkIn: true,
          languages: ["français", "arabe", "wolof"],
          childrenWelcome: true,
          cost: "gratuit",
          keeper: "awa",
          checked: 1,
        },
        {
          name: "Mission locale, antenne du Bois-Joli",
          description: "Pour les 16-25 ans : formation, emploi, santé, logement.",
          themes: ["work"],
          place: "Bois-Joli",
          address: "6 place du Marché",
          hoursText: "lun-ven 9h-12h 13h30-17h",
          phone: "01 23 45 10 13",
          languages: ["français", "anglais"],
          wheelchair: true,
          cost: "gratuit",
          keeper: "elise",
          checked: 3,
        },
        {
          name: "Club des anciens du Bois-Joli",
          description: "Jeux, sorties et repas partagés pour les personnes âgées du quartier.",
          themes: ["elderly", "culture"],
          place: "Bois-Joli",
          address: "Résidence des Acacias",
          hoursText: "lun et jeu 14h-17h",
          phone: "01 23 45 10 14",
          languages: ["français"],
          cost: "adhésion 15 € par an",
          keeper: "salima",
          checked: 8,
        },
      ];
      for (const entry of booklet) {
        const { keeper, checked, ...fields } = entry;
        await tx.partnerEntry.create({
          data: {
            cooperativeId,
            ...fields,
            hours: (parseHours(fields.hoursText) ?? undefined) as never,
            keeperId: members[keeper],
            verifiedAt: monthsAgo(checked),
            verifiedById: members[keeper],
          },
        });
      }
      await tx.bookletSettings.create({ data: { cooperativeId, staleMonths: 6, public: true } });

      // People willing to be contacted (visitors, events, testimonies, the network's meetings):
      // one from the public page, one typed in from a paper form, one member from her profile.
      const consent =
        "J'accepte que le centre de santé me contacte pour ce que j'ai coché. Je peux arrêter quand je veux : avec le lien que je reçois, ou en le disant à l'équipe.";
      for (const person of [
        {
          name: "Yasmina Haddou",
          phone: "06 10 20 30 40",
          email: null,
          purposes: ["visitors", "testimonies"],
          channels: ["phone", "sms"],
          availability: "en fin d'après-midi",
          languages: ["français", "arabe"],
          source: "PUBLIC_FORM" as const,
          membershipId: null,
          months: 3,
        },
        {
          name: "Gérard Pons",
          phone: "06 55 44 33 22",
          email: null,
          purposes: ["events", "network"],
          channels: ["phone"],
          availability: "le samedi",
          languages: ["français"],
          source: "PAPER" as const,
          membershipId: null,
          months: 1,
        },
        {
          name: "Fatou Diallo",
          phone: null,
          email: emailOf("fatou.diallo@demo.portail-scic.fr"),
          purposes: ["events", "visitors"],
          channels: ["email"],
          availability: null,
          languages: ["français", "wolof"],
          source: "PROFILE" as const,
          membershipId: members.fatou ?? null,
          months: 2,
        },
      ]) {
        const { months, ...row } = person;
        await tx.contactConsent.create({
          data: {
            cooperativeId,
            ...row,
            consentText: consent,
            consentAt: monthsAgo(months),
            confirmedAt: monthsAgo(months),
            enteredById: row.source === "PAPER" ? members.clara : null,
          },
        });
      }

      // Two events: a café-rencontre next week, nearly full (members and inhabitants signed up),
      // and the network's webinar on inhabitants in governance, by video.
      const cafe = await tx.communityEvent.create({
        data: {
          cooperativeId,
          kind: "CAFE",
          title: "Café-rencontre : l'accès aux droits",
          description:
            "Un moment pour se rencontrer autour d'un café : la médiatrice en santé et l'association Droits devant répondent à vos questions sur la complémentaire santé, l'AME et les papiers. Venez avec vos enfants, il y a un coin jeux.",
          startsAt: atLocalTime(today, 6, 18, 0),
          endsAt: atLocalTime(today, 6, 20, 0),
          place: "Salle commune du centre de santé, 12 rue des Lilas",
          capacity: 12,
          public: true,
          createdById: members.clara,
        },
      });
      for (const [key, name] of [
        ["fatou", "Fatou Diallo"],
        ["awa", "Awa Touré"],
        ["salima", "Salima Haddad"],
      ] as const)
        if (members[key])
          await tx.eventSignup.create({
            data: { cooperativeId, eventId: cafe.id, membershipId: members[key], name, source: "MEMBER" },
          });
      for (const inhabitant of [
        { name: "Gérard Pons", phone: "06 55 44 33 22", email: null },
        { name: "Nadia Belkacem", phone: null, email: emailOf("nadia.belkacem@demo.portail-scic.fr") },
      ])
        await tx.eventSignup.create({
          data: { cooperativeId, eventId: cafe.id, ...inhabitant, locale: "fr", source: "PUBLIC_FORM" },
        });
      await tx.communityEvent.create({
        data: {
          cooperativeId,
          kind: "WEBINAR",
          title: "Webinaire du Réseau : les habitant·es dans la gouvernance des centres",
          description:
            "Le Réseau national des centres de santé communautaires invite usager·es, habitant·es et élu·es : comment faire entrer les habitant·es dans les conseils ? Témoignages de trois centres, puis questions.",
          startsAt: atLocalTime(today, 17, 12, 30),
          endsAt: atLocalTime(today, 17, 14, 0),
          videoUrl: "https://visio.example.org/reseau-habitants",
          capacity: 100,
          public: true,
          createdById: members.clara,
        },
      });

      await tx.voteQuestion.create({
        data: {
          cooperativeId,
          bodyId: council.id,
          kind: "WRITTEN_CONSULTATION",
          title: "Participation de deux usager·es aux rencontres nationales du Réseau (frais pris en charge)",
          text: "Consultation écrite entre deux conseils.",
          status: "OPEN",
          opensAt: today,
          closesAt: atLocalTime(today, 10, 20, 0),
          // Opened as the portal opens one: with the rules in force copied onto it.
          ...(await currentRules(tx, cooperativeId).then((rules) => ({
            statutesVersion: rules.statutesVersion,
            rules: rules as never,
          }))),
        },
      });

      await tx.idea.create({
        data: {
          cooperativeId,
          text: "Mettre des chaises pour enfants dans la salle d'attente.",
          source: "PAPER",
          paperEmptiedOn: decided,
          status: "TO_READ",
          meetingId: fourth.id,
        },
      });
      await tx.idea.create({
        data: {
          cooperativeId,
          text: "Afficher les horaires des permanences de la médiatrice en plusieurs langues.",
          theme: "accueil",
          source: "ONLINE",
          authorId: members.fatou,
          showName: true,
          authorName: "Fatou Diallo",
          status: "TO_READ",
          meetingId: fourth.id,
        },
      });

      await tx.auditEntry.create({
        data: {
          cooperativeId,
          action: "cooperative.seeded",
          entityType: "Cooperative",
          entityId: cooperativeId,
          after: { demo: true, assembly: assembly.id },
        },
      });
    },
    { timeout: 60_000 },
  );
}
