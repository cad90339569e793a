-- Webhook endpoints can be edited: a description, and a version that refuses an edit made from an older one.
ALTER TABLE "WebhookEndpoint" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';
ALTER TABLE "WebhookEndpoint" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
