-- CreateEnum
CREATE TYPE "QuorumBasis" AS ENUM ('HEADS', 'WEIGHTED');

-- CreateEnum
CREATE TYPE "EmptyCollegeRule" AS ENUM ('REDISTRIBUTE', 'COUNT_AS_ZERO');

-- CreateEnum
CREATE TYPE "MajorityRule" AS ENUM ('MORE_THAN', 'AT_LEAST');

-- CreateEnum
CREATE TYPE "ProxyCapRule" AS ENUM ('LEGAL_DEFAULT', 'FIXED');

-- CreateEnum
CREATE TYPE "MinutesApprover" AS ENUM ('NEXT_MEETING', 'PRESIDENT');

-- CreateEnum
CREATE TYPE "CategoryKind" AS ENUM ('BENEFICIARY', 'EMPLOYEE', 'PRODUCER', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipKind" AS ENUM ('ASSOCIATE', 'GUEST');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "BodyKind" AS ENUM ('COUNCIL', 'GENERAL_ASSEMBLY', 'COMMISSION');

-- CreateEnum
CREATE TYPE "MandateRole" AS ENUM ('MEMBER', 'PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY', 'TREASURER');

-- CreateEnum
CREATE TYPE "AssemblyType" AS ENUM ('ORDINARY', 'EXTRAORDINARY');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'INVITED', 'HELD', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AgendaItemKind" AS ENUM ('INFORMATION', 'DISCUSSION', 'DECISION', 'OTHER_BUSINESS');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'EXCUSED', 'ABSENT', 'GUEST');

-- CreateEnum
CREATE TYPE "RsvpAnswer" AS ENUM ('PRESENT', 'EXCUSED');

-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('DRAFT', 'SHARED', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DecisionMethod" AS ENUM ('CONSENSUS', 'SHOW_OF_HANDS', 'ONLINE_BALLOT', 'WRITTEN_CONSULTATION', 'AG_RESOLUTION');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('ADOPTED', 'REJECTED', 'NOTED');

-- CreateEnum
CREATE TYPE "VoteKind" AS ENUM ('MEETING_BALLOT', 'SHOW_OF_HANDS', 'WRITTEN_CONSULTATION', 'AG_RESOLUTION');

-- CreateEnum
CREATE TYPE "VoteStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('FOR', 'AGAINST', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "VoteChannel" AS ENUM ('ONLINE', 'PAPER');

-- CreateEnum
CREATE TYPE "IdeaSource" AS ENUM ('ONLINE', 'PUBLIC_FORM', 'PAPER');

-- CreateEnum
CREATE TYPE "IdeaStatus" AS ENUM ('MODERATION', 'NEW', 'TO_READ', 'ANSWERED', 'REJECTED');

-- CreateEnum
CREATE TYPE "IdeaAnswer" AS ENUM ('ACCEPTED', 'PLANNED', 'DECLINED', 'DONE');

-- CreateEnum
CREATE TYPE "RecipientGroup" AS ENUM ('MEMBER', 'EMPLOYEE', 'EVENT_GUEST', 'INSTITUTION', 'NETWORK', 'OTHER');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'KEPT');

-- CreateTable
CREATE TABLE "Cooperative" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "city" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cooperative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatuteSettings" (
    "cooperativeId" TEXT NOT NULL,
    "agoQuorumFirstNum" INTEGER NOT NULL DEFAULT 1,
    "agoQuorumFirstDen" INTEGER NOT NULL DEFAULT 5,
    "agoQuorumSecondNum" INTEGER NOT NULL DEFAULT 0,
    "agoQuorumSecondDen" INTEGER NOT NULL DEFAULT 1,
    "agoMajorityNum" INTEGER NOT NULL DEFAULT 1,
    "agoMajorityDen" INTEGER NOT NULL DEFAULT 2,
    "agoMajorityRule" "MajorityRule" NOT NULL DEFAULT 'MORE_THAN',
    "ageQuorumFirstNum" INTEGER NOT NULL DEFAULT 1,
    "ageQuorumFirstDen" INTEGER NOT NULL DEFAULT 4,
    "ageQuorumSecondNum" INTEGER NOT NULL DEFAULT 1,
    "ageQuorumSecondDen" INTEGER NOT NULL DEFAULT 5,
    "ageMajorityNum" INTEGER NOT NULL DEFAULT 2,
    "ageMajorityDen" INTEGER NOT NULL DEFAULT 3,
    "ageMajorityRule" "MajorityRule" NOT NULL DEFAULT 'AT_LEAST',
    "quorumBasis" "QuorumBasis" NOT NULL DEFAULT 'HEADS',
    "emptyCollegeRule" "EmptyCollegeRule" NOT NULL DEFAULT 'REDISTRIBUTE',
    "proxySameCollege" BOOLEAN NOT NULL DEFAULT false,
    "proxyCapRule" "ProxyCapRule" NOT NULL DEFAULT 'LEGAL_DEFAULT',
    "proxyCapFixed" INTEGER,
    "blankProxyFollowsCouncil" BOOLEAN NOT NULL DEFAULT true,
    "writtenConsultationsAllowed" BOOLEAN NOT NULL DEFAULT true,
    "voteChangeAllowed" BOOLEAN NOT NULL DEFAULT false,
    "minutesApprovedBy" "MinutesApprover" NOT NULL DEFAULT 'NEXT_MEETING',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatuteSettings_pkey" PRIMARY KEY ("cooperativeId")
);

-- CreateTable
CREATE TABLE "College" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "weightBp" INTEGER NOT NULL,

    CONSTRAINT "College_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CategoryKind" NOT NULL DEFAULT 'OTHER',
    "position" INTEGER NOT NULL,
    "collegeId" TEXT,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "email" TEXT,
    "emailVerifiedAt" TIMESTAMP(3),
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "MembershipKind" NOT NULL DEFAULT 'ASSOCIATE',
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "isCoordinator" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "joinedOn" DATE,
    "leftOn" DATE,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "calendarToken" TEXT NOT NULL,
    "invitedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryAssignment" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "CategoryAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Body" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "kind" "BodyKind" NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "seatsPerCollege" INTEGER,
    "votesByCollege" BOOLEAN NOT NULL DEFAULT false,
    "quorumNum" INTEGER NOT NULL DEFAULT 1,
    "quorumDen" INTEGER NOT NULL DEFAULT 2,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mandate" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "collegeId" TEXT,
    "role" "MandateRole" NOT NULL DEFAULT 'MEMBER',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "Mandate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "assemblyType" "AssemblyType",
    "callNumber" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "place" TEXT,
    "videoUrl" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "AgendaItemKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "presenterId" TEXT,
    "presenterName" TEXT,
    "durationMinutes" INTEGER,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "meetingId" TEXT,
    "agendaItemId" TEXT,
    "sectionId" TEXT,
    "voteQuestionId" TEXT,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "membershipId" TEXT,
    "guestName" TEXT,
    "guestRole" TEXT,
    "status" "AttendanceStatus",
    "rsvp" "RsvpAnswer",
    "rsvpNote" TEXT,
    "arrivedAt" TIMESTAMP(3),
    "leftAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proxy" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "grantorId" TEXT NOT NULL,
    "holderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Proxy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Minutes" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "status" "MinutesStatus" NOT NULL DEFAULT 'DRAFT',
    "attendanceText" TEXT,
    "nextMeetingId" TEXT,
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesVersion" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "minutesId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "changeNote" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesSection" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "minutesId" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "MinutesSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesComment" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MinutesComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "meetingId" TEXT,
    "sectionId" TEXT,
    "title" TEXT NOT NULL,
    "dueOn" DATE,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItemOwner" (
    "cooperativeId" TEXT NOT NULL,
    "actionItemId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,

    CONSTRAINT "ActionItemOwner_pkey" PRIMARY KEY ("actionItemId","membershipId")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "meetingId" TEXT,
    "sectionId" TEXT,
    "voteQuestionId" TEXT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "method" "DecisionMethod" NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteQuestion" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "meetingId" TEXT,
    "agendaItemId" TEXT,
    "kind" "VoteKind" NOT NULL,
    "assemblyType" "AssemblyType",
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "hideResultsUntilClose" BOOLEAN NOT NULL DEFAULT false,
    "allowChange" BOOLEAN NOT NULL DEFAULT false,
    "status" "VoteStatus" NOT NULL DEFAULT 'DRAFT',
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoteQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteExclusion" (
    "cooperativeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    CONSTRAINT "VoteExclusion_pkey" PRIMARY KEY ("questionId","categoryId")
);

-- CreateTable
CREATE TABLE "VoteParticipation" (
    "cooperativeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "castById" TEXT NOT NULL,
    "channel" "VoteChannel" NOT NULL DEFAULT 'ONLINE',

    CONSTRAINT "VoteParticipation_pkey" PRIMARY KEY ("questionId","memberId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "memberId" TEXT,
    "collegeId" TEXT,
    "choice" "VoteChoice" NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaperTally" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "collegeId" TEXT,
    "forCount" INTEGER NOT NULL DEFAULT 0,
    "againstCount" INTEGER NOT NULL DEFAULT 0,
    "abstainCount" INTEGER NOT NULL DEFAULT 0,
    "blankCount" INTEGER NOT NULL DEFAULT 0,
    "spoiledCount" INTEGER NOT NULL DEFAULT 0,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Idea" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "theme" TEXT,
    "source" "IdeaSource" NOT NULL,
    "authorId" TEXT,
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "authorName" TEXT,
    "contact" TEXT,
    "paperEmptiedOn" DATE,
    "status" "IdeaStatus" NOT NULL DEFAULT 'NEW',
    "answerKind" "IdeaAnswer",
    "answerText" TEXT,
    "answeredAt" TIMESTAMP(3),
    "meetingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Idea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsletterRecipient" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "organisation" TEXT,
    "group" "RecipientGroup" NOT NULL DEFAULT 'OTHER',
    "consentAt" TIMESTAMP(3),
    "consentSource" TEXT,
    "unsubscribedAt" TIMESTAMP(3),
    "unsubscribeToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsletterIssue" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "cooperativeId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "cooperativeId" TEXT,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT,
    "attachments" JSONB,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cooperative_slug_key" ON "Cooperative"("slug");

-- CreateIndex
CREATE INDEX "College_cooperativeId_idx" ON "College"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "College_cooperativeId_name_key" ON "College"("cooperativeId", "name");

-- CreateIndex
CREATE INDEX "Category_cooperativeId_idx" ON "Category"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "Category_cooperativeId_name_key" ON "Category"("cooperativeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_calendarToken_key" ON "Membership"("calendarToken");

-- CreateIndex
CREATE INDEX "Membership_cooperativeId_status_idx" ON "Membership"("cooperativeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_cooperativeId_personId_key" ON "Membership"("cooperativeId", "personId");

-- CreateIndex
CREATE INDEX "CategoryAssignment_cooperativeId_membershipId_validFrom_idx" ON "CategoryAssignment"("cooperativeId", "membershipId", "validFrom");

-- CreateIndex
CREATE INDEX "Body_cooperativeId_idx" ON "Body"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "Body_cooperativeId_slug_key" ON "Body"("cooperativeId", "slug");

-- CreateIndex
CREATE INDEX "Mandate_cooperativeId_bodyId_idx" ON "Mandate"("cooperativeId", "bodyId");

-- CreateIndex
CREATE INDEX "Mandate_membershipId_idx" ON "Mandate"("membershipId");

-- CreateIndex
CREATE INDEX "Meeting_cooperativeId_startsAt_idx" ON "Meeting"("cooperativeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_bodyId_number_key" ON "Meeting"("bodyId", "number");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_cooperativeId_idx" ON "AgendaItem"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_cooperativeId_idx" ON "Document"("cooperativeId");

-- CreateIndex
CREATE INDEX "Attendance_cooperativeId_idx" ON "Attendance"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_membershipId_key" ON "Attendance"("meetingId", "membershipId");

-- CreateIndex
CREATE INDEX "Proxy_cooperativeId_idx" ON "Proxy"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "Proxy_meetingId_grantorId_key" ON "Proxy"("meetingId", "grantorId");

-- CreateIndex
CREATE UNIQUE INDEX "Minutes_meetingId_key" ON "Minutes"("meetingId");

-- CreateIndex
CREATE INDEX "Minutes_cooperativeId_idx" ON "Minutes"("cooperativeId");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesVersion_minutesId_version_key" ON "MinutesVersion"("minutesId", "version");

-- CreateIndex
CREATE INDEX "MinutesSection_minutesId_position_idx" ON "MinutesSection"("minutesId", "position");

-- CreateIndex
CREATE INDEX "MinutesSection_cooperativeId_idx" ON "MinutesSection"("cooperativeId");

-- CreateIndex
CREATE INDEX "MinutesComment_sectionId_idx" ON "MinutesComment"("sectionId");

-- CreateIndex
CREATE INDEX "ActionItem_cooperativeId_status_idx" ON "ActionItem"("cooperativeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_voteQuestionId_key" ON "Decision"("voteQuestionId");

-- CreateIndex
CREATE INDEX "Decision_cooperativeId_decidedOn_idx" ON "Decision"("cooperativeId", "decidedOn");

-- CreateIndex
CREATE INDEX "VoteQuestion_cooperativeId_status_idx" ON "VoteQuestion"("cooperativeId", "status");

-- CreateIndex
CREATE INDEX "Ballot_questionId_idx" ON "Ballot"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_questionId_memberId_key" ON "Ballot"("questionId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PaperTally_questionId_collegeId_key" ON "PaperTally"("questionId", "collegeId");

-- CreateIndex
CREATE INDEX "Idea_cooperativeId_status_idx" ON "Idea"("cooperativeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterRecipient_unsubscribeToken_key" ON "NewsletterRecipient"("unsubscribeToken");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterRecipient_cooperativeId_email_key" ON "NewsletterRecipient"("cooperativeId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterIssue_cooperativeId_number_key" ON "NewsletterIssue"("cooperativeId", "number");

-- CreateIndex
CREATE INDEX "AuditEntry_cooperativeId_createdAt_idx" ON "AuditEntry"("cooperativeId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "OutboxEmail_cooperativeId_createdAt_idx" ON "OutboxEmail"("cooperativeId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_toAddress_createdAt_idx" ON "OutboxEmail"("toAddress", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "SignInFailure_key_createdAt_idx" ON "SignInFailure"("key", "createdAt");

-- AddForeignKey
ALTER TABLE "StatuteSettings" ADD CONSTRAINT "StatuteSettings_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "College" ADD CONSTRAINT "College_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryAssignment" ADD CONSTRAINT "CategoryAssignment_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryAssignment" ADD CONSTRAINT "CategoryAssignment_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryAssignment" ADD CONSTRAINT "CategoryAssignment_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mandate" ADD CONSTRAINT "Mandate_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mandate" ADD CONSTRAINT "Mandate_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mandate" ADD CONSTRAINT "Mandate_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mandate" ADD CONSTRAINT "Mandate_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "MinutesSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_voteQuestionId_fkey" FOREIGN KEY ("voteQuestionId") REFERENCES "VoteQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proxy" ADD CONSTRAINT "Proxy_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proxy" ADD CONSTRAINT "Proxy_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proxy" ADD CONSTRAINT "Proxy_grantorId_fkey" FOREIGN KEY ("grantorId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proxy" ADD CONSTRAINT "Proxy_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Minutes" ADD CONSTRAINT "Minutes_nextMeetingId_fkey" FOREIGN KEY ("nextMeetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesVersion" ADD CONSTRAINT "MinutesVersion_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesVersion" ADD CONSTRAINT "MinutesVersion_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesSection" ADD CONSTRAINT "MinutesSection_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesSection" ADD CONSTRAINT "MinutesSection_minutesId_fkey" FOREIGN KEY ("minutesId") REFERENCES "Minutes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesSection" ADD CONSTRAINT "MinutesSection_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesComment" ADD CONSTRAINT "MinutesComment_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesComment" ADD CONSTRAINT "MinutesComment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "MinutesSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesComment" ADD CONSTRAINT "MinutesComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "MinutesSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItemOwner" ADD CONSTRAINT "ActionItemOwner_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItemOwner" ADD CONSTRAINT "ActionItemOwner_actionItemId_fkey" FOREIGN KEY ("actionItemId") REFERENCES "ActionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItemOwner" ADD CONSTRAINT "ActionItemOwner_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "MinutesSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_voteQuestionId_fkey" FOREIGN KEY ("voteQuestionId") REFERENCES "VoteQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteQuestion" ADD CONSTRAINT "VoteQuestion_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteQuestion" ADD CONSTRAINT "VoteQuestion_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteQuestion" ADD CONSTRAINT "VoteQuestion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteQuestion" ADD CONSTRAINT "VoteQuestion_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteExclusion" ADD CONSTRAINT "VoteExclusion_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteExclusion" ADD CONSTRAINT "VoteExclusion_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "VoteQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteExclusion" ADD CONSTRAINT "VoteExclusion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "VoteQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_castById_fkey" FOREIGN KEY ("castById") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "VoteQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTally" ADD CONSTRAINT "PaperTally_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTally" ADD CONSTRAINT "PaperTally_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "VoteQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperTally" ADD CONSTRAINT "PaperTally_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "College"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterRecipient" ADD CONSTRAINT "NewsletterRecipient_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewsletterIssue" ADD CONSTRAINT "NewsletterIssue_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_cooperativeId_fkey" FOREIGN KEY ("cooperativeId") REFERENCES "Cooperative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───── Rules the database backs (Prisma does not model CHECK or EXCLUDE constraints) ─────

-- loi 47-1775 art. 19 octies: no college weighs more than 50 % or less than 10 %.
ALTER TABLE "College" ADD CONSTRAINT "College_weight_between_10_and_50_percent" CHECK ("weightBp" BETWEEN 1000 AND 5000);

ALTER TABLE "StatuteSettings" ADD CONSTRAINT "StatuteSettings_fractions_valid" CHECK (
  "agoQuorumFirstDen" > 0 AND "agoQuorumFirstNum" BETWEEN 0 AND "agoQuorumFirstDen" AND
  "agoQuorumSecondDen" > 0 AND "agoQuorumSecondNum" BETWEEN 0 AND "agoQuorumSecondDen" AND
  "agoMajorityDen" > 0 AND "agoMajorityNum" BETWEEN 0 AND "agoMajorityDen" AND
  "ageQuorumFirstDen" > 0 AND "ageQuorumFirstNum" BETWEEN 0 AND "ageQuorumFirstDen" AND
  "ageQuorumSecondDen" > 0 AND "ageQuorumSecondNum" BETWEEN 0 AND "ageQuorumSecondDen" AND
  "ageMajorityDen" > 0 AND "ageMajorityNum" BETWEEN 0 AND "ageMajorityDen" AND
  ("proxyCapFixed" IS NULL OR "proxyCapFixed" >= 0)
);
ALTER TABLE "Body" ADD CONSTRAINT "Body_quorum_fraction_valid" CHECK ("quorumDen" > 0 AND "quorumNum" BETWEEN 0 AND "quorumDen");

ALTER TABLE "Membership" ADD CONSTRAINT "Membership_shares_not_negative" CHECK ("shares" >= 0);

-- One category at a time: dated assignments of a member never overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "CategoryAssignment" ADD CONSTRAINT "CategoryAssignment_dates_ordered" CHECK ("validTo" IS NULL OR "validTo" > "validFrom");
ALTER TABLE "CategoryAssignment" ADD CONSTRAINT "CategoryAssignment_no_overlap"
  EXCLUDE USING gist ("membershipId" WITH =, daterange("validFrom", "validTo") WITH &&);

ALTER TABLE "Mandate" ADD CONSTRAINT "Mandate_dates_ordered" CHECK ("endsOn" IS NULL OR "endsOn" > "startsOn");

ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_number_positive" CHECK ("number" > 0 AND "callNumber" IN (1, 2));

-- An attendance line is a member or a named outsider; an outsider is always a guest.
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_member_or_named_guest" CHECK (
  ("membershipId" IS NOT NULL) OR ("guestName" IS NOT NULL AND "status" = 'GUEST')
);
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_left_after_arrival" CHECK ("leftAt" IS NULL OR "arrivedAt" IS NULL OR "leftAt" > "arrivedAt");

-- A proxy goes to another member.
ALTER TABLE "Proxy" ADD CONSTRAINT "Proxy_not_to_self" CHECK ("holderId" IS NULL OR "holderId" <> "grantorId");

ALTER TABLE "PaperTally" ADD CONSTRAINT "PaperTally_counts_not_negative" CHECK (
  "forCount" >= 0 AND "againstCount" >= 0 AND "abstainCount" >= 0 AND "blankCount" >= 0 AND "spoiledCount" >= 0
);
-- One overall tally per question when the body does not vote by college.
CREATE UNIQUE INDEX "PaperTally_one_overall_per_question" ON "PaperTally" ("questionId") WHERE "collegeId" IS NULL;

-- An answered idea says how; a declined one says why.
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_answer_complete" CHECK (
  ("status" <> 'ANSWERED' OR "answerKind" IS NOT NULL) AND
  ("answerKind" IS DISTINCT FROM 'DECLINED' OR coalesce(length(trim("answerText")), 0) > 0)
);
