ALTER TABLE "datasets" ADD COLUMN "allowed_functions" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "allow_system_catalogs" boolean DEFAULT false NOT NULL;