CREATE TABLE "afgoerelser" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"start_date" date,
	"end_date" date,
	"months" integer,
	"reasons" text NOT NULL,
	"explanation" jsonb,
	"indstilling_id" uuid,
	"deviates_from_indstilling" boolean DEFAULT false NOT NULL,
	"citizen_wished" boolean DEFAULT false NOT NULL,
	"decided_by" uuid,
	"letter_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_coordinators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"unit_kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"citizen_consulted" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"application_received_on" date,
	"application_text" text,
	"opened_on" date NOT NULL,
	"opened_by" uuid,
	"judgement" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bisidder_informed_on" date,
	"citizen_wishes_forloeb" boolean DEFAULT false NOT NULL,
	"preparatory" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"citizen_view" text,
	"citizen_view_at" timestamp with time zone,
	"ready_for_team_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"date" date NOT NULL,
	"time" text,
	"mode" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"next_agreed_on" date,
	"request_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forloeb" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"planned_end" date NOT NULL,
	"decided_on" date NOT NULL,
	"afgoerelse_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forloeb_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "indstillinger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"recommendation" text NOT NULL,
	"recommended_months" integer,
	"interventions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reasons" text NOT NULL,
	"see_again" boolean DEFAULT false NOT NULL,
	"see_again_note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobformidler_offers" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"informed_on" date,
	"answer" text DEFAULT 'undecided' NOT NULL,
	"answered_on" date,
	"name" text,
	"phone" text,
	"email" text,
	"tasks" text,
	"agreements" text,
	"is_mentor" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"citizen_id" uuid,
	"case_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"external_ref" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"current_revision" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "team_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"slot_start" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"purpose" text NOT NULL,
	"invitation_letter_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"start_time" text NOT NULL,
	"place" text NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"minutes_letter_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "afgoerelser" ADD CONSTRAINT "afgoerelser_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "afgoerelser" ADD CONSTRAINT "afgoerelser_indstilling_id_indstillinger_id_fk" FOREIGN KEY ("indstilling_id") REFERENCES "public"."indstillinger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "afgoerelser" ADD CONSTRAINT "afgoerelser_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_coordinators" ADD CONSTRAINT "case_coordinators_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_coordinators" ADD CONSTRAINT "case_coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_coordinators" ADD CONSTRAINT "case_coordinators_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_requests" ADD CONSTRAINT "citizen_requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_requests" ADD CONSTRAINT "citizen_requests_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_requests" ADD CONSTRAINT "citizen_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_requests" ADD CONSTRAINT "citizen_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_request_id_citizen_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."citizen_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forloeb" ADD CONSTRAINT "forloeb_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forloeb" ADD CONSTRAINT "forloeb_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forloeb" ADD CONSTRAINT "forloeb_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forloeb" ADD CONSTRAINT "forloeb_afgoerelse_id_afgoerelser_id_fk" FOREIGN KEY ("afgoerelse_id") REFERENCES "public"."afgoerelser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indstillinger" ADD CONSTRAINT "indstillinger_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indstillinger" ADD CONSTRAINT "indstillinger_meeting_id_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indstillinger" ADD CONSTRAINT "indstillinger_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobformidler_offers" ADD CONSTRAINT "jobformidler_offers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_agenda_items" ADD CONSTRAINT "team_agenda_items_meeting_id_team_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."team_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_agenda_items" ADD CONSTRAINT "team_agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "afgoerelser_case_idx" ON "afgoerelser" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_coordinators_case_idx" ON "case_coordinators" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_coordinators_user_idx" ON "case_coordinators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cases_municipality_status_idx" ON "cases" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "cases_citizen_idx" ON "cases" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "citizen_requests_case_idx" ON "citizen_requests" USING btree ("case_id","handled_at");--> statement-breakpoint
CREATE INDEX "conversations_case_date_idx" ON "conversations" USING btree ("case_id","date");--> statement-breakpoint
CREATE INDEX "forloeb_municipality_status_idx" ON "forloeb" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "forloeb_citizen_idx" ON "forloeb" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "indstillinger_case_idx" ON "indstillinger" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "letters_citizen_idx" ON "letters" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "letters_case_idx" ON "letters" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "outbox_status_next_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_revisions_plan_revision_uq" ON "plan_revisions" USING btree ("plan_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "team_agenda_items_meeting_case_uq" ON "team_agenda_items" USING btree ("meeting_id","case_id");--> statement-breakpoint
CREATE INDEX "team_agenda_items_case_idx" ON "team_agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "team_meetings_municipality_date_idx" ON "team_meetings" USING btree ("municipality_id","meeting_date");