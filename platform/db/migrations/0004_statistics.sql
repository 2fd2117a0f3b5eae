CREATE TABLE "statistics_comparison_sets" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"municipality_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "statistics_data_version_one_row_ck" CHECK ("statistics_data_version"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "population_figures" ADD COLUMN "age_16_to_29" integer;--> statement-breakpoint
ALTER TABLE "population_figures" ADD COLUMN "age_30_to_39" integer;--> statement-breakpoint
ALTER TABLE "population_figures" ADD COLUMN "age_40_to_49" integer;--> statement-breakpoint
ALTER TABLE "population_figures" ADD COLUMN "age_50_to_66" integer;--> statement-breakpoint
ALTER TABLE "population_figures" ADD COLUMN "entered_by" uuid;--> statement-breakpoint
ALTER TABLE "statistics_comparison_sets" ADD CONSTRAINT "statistics_comparison_sets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_figures" ADD CONSTRAINT "population_figures_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_figures" ADD CONSTRAINT "population_figures_nonneg_ck" CHECK ("population_figures"."age_16_to_66" >= 0);--> statement-breakpoint
-- The statistics cache (modules/statistik) is keyed on this version. Statement triggers bump it in the writer's own
-- transaction, so a reader sees the new version exactly when it can see the new data (a sequence would not be
-- transactional). Writers to these tables queue on the one row until commit; their transactions are short.
INSERT INTO "statistics_data_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_data_changed() RETURNS trigger AS $$
BEGIN
  UPDATE statistics_data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER municipalities_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER citizens_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON citizens FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER cases_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER forloeb_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON forloeb FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER intervention_records_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON intervention_records FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER mentor_grants_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentor_grants FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER forloeb_periods_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON forloeb_periods FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
-- Deadlines are rewritten for every active case at start and each night with mostly the same values; only a real
-- change of an indsatsgaranti deadline (what ST-5 reads) moves the version, so the cache survives those runs.
CREATE TRIGGER deadlines_statistics_version_ins AFTER INSERT ON deadlines FOR EACH ROW WHEN (NEW.kind = 'indsatsgaranti') EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER deadlines_statistics_version_upd AFTER UPDATE ON deadlines FOR EACH ROW WHEN ((OLD.kind = 'indsatsgaranti' OR NEW.kind = 'indsatsgaranti') AND (OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.met_on IS DISTINCT FROM NEW.met_on OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.municipality_id IS DISTINCT FROM NEW.municipality_id)) EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER deadlines_statistics_version_del AFTER DELETE ON deadlines FOR EACH ROW WHEN (OLD.kind = 'indsatsgaranti') EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER deadlines_statistics_version_trunc AFTER TRUNCATE ON deadlines FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER team_agenda_items_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team_agenda_items FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER population_figures_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population_figures FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
--> statement-breakpoint
CREATE TRIGGER municipality_settings_statistics_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality_settings FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
