CREATE TABLE "report_message_facts" (
	"workspace_id" text NOT NULL,
	"message_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"ignored_reason" text,
	"kind" text,
	"category" text,
	"language" text,
	"last_sequence" bigint NOT NULL,
	CONSTRAINT "report_message_facts_workspace_id_message_id_pk" PRIMARY KEY("workspace_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"baseline" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_ticket_facts" (
	"workspace_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"channel_kind" text,
	"category" text NOT NULL,
	"kind" text,
	"language" text,
	"priority_band" text NOT NULL,
	"sentiment" real,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"team_id" text,
	"agent_id" text,
	"incident_id" text,
	"opened_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"first_response_minutes" double precision,
	"first_response_business_minutes" double precision,
	"is_first_response_automated" boolean DEFAULT false NOT NULL,
	"is_resolved" boolean DEFAULT false NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution_minutes" double precision,
	"resolution_business_minutes" double precision,
	"is_auto_resolved" boolean DEFAULT false NOT NULL,
	"is_auto_answered" boolean DEFAULT false NOT NULL,
	"sla_policy_id" text,
	"first_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"first_response_sla_met" boolean,
	"resolution_sla_met" boolean,
	"sla_breaches" integer DEFAULT 0 NOT NULL,
	"is_info_requested" boolean DEFAULT false NOT NULL,
	"is_info_collected_in_one_interaction" boolean DEFAULT false NOT NULL,
	"automated_messages" integer DEFAULT 0 NOT NULL,
	"human_interactions" integer DEFAULT 0 NOT NULL,
	"csat_score" real,
	"nps_score" real,
	"survey_comment" text,
	"survey_kind" text,
	"survey_answered_at" timestamp with time zone,
	"last_sequence" bigint NOT NULL,
	CONSTRAINT "report_ticket_facts_workspace_id_ticket_id_pk" PRIMARY KEY("workspace_id","ticket_id")
);
--> statement-breakpoint
CREATE INDEX "report_message_facts_workspace_id_received_at_index" ON "report_message_facts" USING btree ("workspace_id","received_at");--> statement-breakpoint
CREATE INDEX "report_ticket_facts_workspace_id_opened_at_index" ON "report_ticket_facts" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE INDEX "report_ticket_facts_workspace_id_resolved_at_index" ON "report_ticket_facts" USING btree ("workspace_id","resolved_at");--> statement-breakpoint
CREATE INDEX "report_ticket_facts_workspace_id_first_response_at_index" ON "report_ticket_facts" USING btree ("workspace_id","first_response_at");--> statement-breakpoint
CREATE INDEX "report_ticket_facts_workspace_id_survey_answered_at_index" ON "report_ticket_facts" USING btree ("workspace_id","survey_answered_at");