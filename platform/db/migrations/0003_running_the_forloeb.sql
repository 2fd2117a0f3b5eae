CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"afgoerelse_id" uuid,
	"intervention_record_id" uuid,
	"subject" text NOT NULL,
	"received_on" date NOT NULL,
	"decision_received_on" date,
	"reassessed_on" date,
	"reassessment_result" text,
	"forwarded_on" date,
	"outcome" text,
	"outcome_on" date,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"ref_id" text DEFAULT '' NOT NULL,
	"due_date" date NOT NULL,
	"met_on" date,
	"title" text NOT NULL,
	"anchor" text NOT NULL,
	"rule_id" text NOT NULL,
	"explanation" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forloeb_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intervention_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"plan_item_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"provider" text,
	"is_offer" boolean DEFAULT true NOT NULL,
	"offered_on" date,
	"start_date" date,
	"planned_end" date,
	"end_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"sk_notice_on" date,
	"sk_requested_on" date,
	"sk_decided_on" date,
	"sk_decision" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"mentor_name" text NOT NULL,
	"mentor_contact" text,
	"role" text NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"renewal_of" uuid,
	"assessment" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality_settings" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"conversation_interval_days" integer DEFAULT 60 NOT NULL,
	"team_lead_weeks" integer DEFAULT 8 NOT NULL,
	"due_soon_days" integer DEFAULT 14 NOT NULL,
	"decision_days" integer DEFAULT 14 NOT NULL,
	"virksomhedsrettet_target_pct" integer DEFAULT 30 NOT NULL,
	"mentor_target_pct" integer DEFAULT 50 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population_figures" (
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"age_16_to_66" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ydelse_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"amount" integer NOT NULL,
	"law" text NOT NULL,
	"paragraph" text NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "non_attendance" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sanction_proposed_on" date;--> statement-breakpoint
ALTER TABLE "forloeb" ADD COLUMN "next_step" text;--> statement-breakpoint
ALTER TABLE "forloeb" ADD COLUMN "next_step_decided_on" date;--> statement-breakpoint
ALTER TABLE "forloeb" ADD COLUMN "ending_facts" jsonb;--> statement-breakpoint
ALTER TABLE "forloeb" ADD COLUMN "status_after_3_months" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_afgoerelse_id_afgoerelser_id_fk" FOREIGN KEY ("afgoerelse_id") REFERENCES "public"."afgoerelser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_intervention_record_id_intervention_records_id_fk" FOREIGN KEY ("intervention_record_id") REFERENCES "public"."intervention_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forloeb_periods" ADD CONSTRAINT "forloeb_periods_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forloeb_periods" ADD CONSTRAINT "forloeb_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_records" ADD CONSTRAINT "intervention_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_records" ADD CONSTRAINT "intervention_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_grants" ADD CONSTRAINT "mentor_grants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_grants" ADD CONSTRAINT "mentor_grants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_settings" ADD CONSTRAINT "municipality_settings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_figures" ADD CONSTRAINT "population_figures_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ydelse_rates" ADD CONSTRAINT "ydelse_rates_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_case_idx" ON "appeals" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_case_kind_ref_uq" ON "deadlines" USING btree ("case_id","kind","ref_id");--> statement-breakpoint
CREATE INDEX "deadlines_user_due_idx" ON "deadlines" USING btree ("user_id","met_on","due_date");--> statement-breakpoint
CREATE INDEX "deadlines_municipality_due_idx" ON "deadlines" USING btree ("municipality_id","met_on","due_date");--> statement-breakpoint
CREATE INDEX "forloeb_periods_case_idx" ON "forloeb_periods" USING btree ("case_id","from_date");--> statement-breakpoint
CREATE INDEX "intervention_records_case_idx" ON "intervention_records" USING btree ("case_id","start_date");--> statement-breakpoint
CREATE INDEX "mentor_grants_case_idx" ON "mentor_grants" USING btree ("case_id","to_date");--> statement-breakpoint
CREATE UNIQUE INDEX "population_figures_uq" ON "population_figures" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "ydelse_rates_year_idx" ON "ydelse_rates" USING btree ("year","category","entered_at");