CREATE TABLE "crm_connections" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"lookup_url" text,
	"create_url" text,
	"auth_token" text,
	"timeout_ms" integer NOT NULL,
	"cache_ttl_seconds" integer NOT NULL,
	"is_enabled" boolean NOT NULL,
	"start_sequence" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_lookups" (
	"workspace_id" text NOT NULL,
	"lookup_key" text NOT NULL,
	"customer_id" text NOT NULL,
	"outcome" text,
	"result" jsonb,
	"fetched_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crm_lookups_workspace_id_lookup_key_pk" PRIMARY KEY("workspace_id","lookup_key")
);
--> statement-breakpoint
CREATE TABLE "crm_ticket_links" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"crm_reference" text NOT NULL,
	"crm_url" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_cursors" (
	"consumer" text NOT NULL,
	"workspace_id" text NOT NULL,
	"last_sequence" bigint NOT NULL,
	"gap_seen_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_cursors_consumer_workspace_id_pk" PRIMARY KEY("consumer","workspace_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event_sequence" bigint NOT NULL,
	"event_type" text NOT NULL,
	"status" text NOT NULL,
	"attempt_count" integer NOT NULL,
	"round_attempts" integer NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"succeeded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"url" text NOT NULL,
	"description" text NOT NULL,
	"event_types" text[] NOT NULL,
	"secret" text NOT NULL,
	"is_active" boolean NOT NULL,
	"start_sequence" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_lookups_workspace_id_customer_id_index" ON "crm_lookups" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_event_id_index" ON "webhook_deliveries" USING btree ("endpoint_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_id_event_sequence_index" ON "webhook_deliveries" USING btree ("endpoint_id","event_sequence");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_workspace_id_index" ON "webhook_endpoints" USING btree ("workspace_id");