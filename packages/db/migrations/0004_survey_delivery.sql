DROP INDEX "surveys_workspace_id_ticket_id_index";--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "channel_id" text;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "thread_external_id" text;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "question_message_id" text;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "reasked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "surveys_workspace_id_customer_id_sent_at_index" ON "surveys" USING btree ("workspace_id","customer_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_workspace_id_ticket_id_index" ON "surveys" USING btree ("workspace_id","ticket_id");