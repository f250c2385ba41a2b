CREATE TABLE "info_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"category" text NOT NULL,
	"fields" jsonb NOT NULL,
	"prompt" jsonb NOT NULL,
	"public_acknowledgement" jsonb NOT NULL,
	"reminder_after_minutes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"when" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"position" integer NOT NULL,
	"is_active" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"business_hours_id" text,
	"targets" jsonb NOT NULL,
	"breach_risk_ratio" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"auto_answer_threshold" double precision
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"sequence" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"sequence" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"type" text NOT NULL,
	"ticket_id" text,
	"customer_id" text,
	"actor" jsonb NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"skills" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"team_ids" text[] NOT NULL,
	"capacity" integer NOT NULL,
	"presence" text NOT NULL,
	"business_hours_id" text,
	"rating" double precision,
	"average_first_response_minutes" double precision,
	"password_hash" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_hours" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"intervals" jsonb NOT NULL,
	"holidays" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"display_name" text NOT NULL,
	"language" text,
	"value_tier" text NOT NULL,
	"lifetime_value_cents" bigint NOT NULL,
	"purchases_count" integer NOT NULL,
	"crm_id" text,
	"followers" integer NOT NULL,
	"is_verified" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"channel_kind" text,
	"value" text NOT NULL,
	"display_handle" text,
	"followers" integer NOT NULL,
	"is_verified" boolean NOT NULL,
	"confidence" double precision NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identities_workspaceId_kind_channelKind_value_unique" UNIQUE NULLS NOT DISTINCT("workspace_id","kind","channel_kind","value")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"categories" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"business_hours_id" text
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"summary" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"solution" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"channel_kind" text NOT NULL,
	"direction" text NOT NULL,
	"type" text NOT NULL,
	"visibility" text NOT NULL,
	"external_id" text NOT NULL,
	"thread_external_id" text NOT NULL,
	"in_reply_to_external_id" text,
	"customer_id" text,
	"ticket_id" text,
	"author_agent_id" text,
	"author_handle" text NOT NULL,
	"author_external_id" text,
	"author_name" text,
	"author_followers" integer,
	"author_is_verified" boolean,
	"text" text NOT NULL,
	"language" text,
	"subject" text,
	"attachments" jsonb NOT NULL,
	"metadata" jsonb NOT NULL,
	"triage" jsonb,
	"ignored_reason" text,
	"delivery_state" text NOT NULL,
	"delivery_error" text,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('italian'::regconfig, coalesce(subject, '') || ' ' || text) || to_tsvector('english'::regconfig, coalesce(subject, '') || ' ' || text)) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"score" smallint,
	"comment" text,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"number" integer NOT NULL,
	"customer_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"channel_kind" text NOT NULL,
	"thread_external_id" text NOT NULL,
	"visibility" text NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"priority_score" double precision NOT NULL,
	"priority_band" text NOT NULL,
	"priority_contributions" jsonb NOT NULL,
	"category" text NOT NULL,
	"language" text NOT NULL,
	"assignee_id" text,
	"team_id" text,
	"incident_id" text,
	"collected_fields" jsonb NOT NULL,
	"first_response_due_at" timestamp with time zone,
	"next_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"waiting_since" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"message_id" text,
	"text" text NOT NULL,
	"field" text NOT NULL,
	"label" text NOT NULL,
	"agent_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"external_account_id" text NOT NULL,
	"handle" text,
	"settings" jsonb NOT NULL,
	"health_state" text NOT NULL,
	"health_last_error" text,
	"health_last_error_at" timestamp with time zone,
	"health_retry_after" timestamp with time zone,
	"is_active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_counters" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_settings" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"languages" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rules_workspace_id_kind_position_index" ON "rules" USING btree ("workspace_id","kind","position");--> statement-breakpoint
CREATE INDEX "templates_workspace_id_kind_index" ON "templates" USING btree ("workspace_id","kind");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_id_occurred_at_index" ON "audit_log" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "events_id_index" ON "events" USING btree ("id");--> statement-breakpoint
CREATE INDEX "events_workspace_id_type_occurred_at_index" ON "events" USING btree ("workspace_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "events_workspace_id_sequence_index" ON "events" USING btree ("workspace_id","sequence");--> statement-breakpoint
CREATE INDEX "events_workspace_id_ticket_id_sequence_index" ON "events" USING btree ("workspace_id","ticket_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_email_index" ON "agents" USING btree ("email");--> statement-breakpoint
CREATE INDEX "agents_workspace_id_index" ON "agents" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "identities_workspace_id_customer_id_index" ON "identities" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "touchpoints_workspace_id_customer_id_occurred_at_index" ON "touchpoints" USING btree ("workspace_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "incidents_workspace_id_status_index" ON "incidents" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_channel_id_external_id_index" ON "messages" USING btree ("channel_id","external_id");--> statement-breakpoint
CREATE INDEX "messages_search_index" ON "messages" USING gin ("search");--> statement-breakpoint
CREATE INDEX "messages_workspace_id_received_at_id_index" ON "messages" USING btree ("workspace_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_workspace_id_ticket_id_index" ON "messages" USING btree ("workspace_id","ticket_id");--> statement-breakpoint
CREATE INDEX "messages_workspace_id_customer_id_index" ON "messages" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "surveys_workspace_id_ticket_id_index" ON "surveys" USING btree ("workspace_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_workspace_id_number_index" ON "tickets" USING btree ("workspace_id","number");--> statement-breakpoint
CREATE INDEX "tickets_workspace_id_status_priority_score_created_at_id_index" ON "tickets" USING btree ("workspace_id","status","priority_score" DESC NULLS LAST,"created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_workspace_id_created_at_id_index" ON "tickets" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_workspace_id_customer_id_index" ON "tickets" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "tickets_workspace_id_assignee_id_index" ON "tickets" USING btree ("workspace_id","assignee_id");--> statement-breakpoint
CREATE INDEX "tickets_channel_id_thread_external_id_index" ON "tickets" USING btree ("channel_id","thread_external_id");--> statement-breakpoint
CREATE INDEX "triage_feedback_workspace_id_created_at_index" ON "triage_feedback" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_index" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_kind_external_account_id_index" ON "channels" USING btree ("kind","external_account_id");