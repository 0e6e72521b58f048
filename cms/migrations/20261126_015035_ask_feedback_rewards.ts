import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`vouchers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tenant_id\` integer,
  	\`code\` text NOT NULL,
  	\`campaign_id\` integer NOT NULL,
  	\`user\` text NOT NULL,
  	\`serial\` numeric NOT NULL,
  	\`merchant\` text NOT NULL,
  	\`currency\` text NOT NULL,
  	\`value\` numeric NOT NULL,
  	\`claimed_at\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`vouchers_tenant_idx\` ON \`vouchers\` (\`tenant_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`vouchers_code_idx\` ON \`vouchers\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`vouchers_campaign_idx\` ON \`vouchers\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`vouchers_updated_at_idx\` ON \`vouchers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`vouchers_created_at_idx\` ON \`vouchers\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaign_user_idx\` ON \`vouchers\` (\`campaign_id\`,\`user\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaign_serial_idx\` ON \`vouchers\` (\`campaign_id\`,\`serial\`);`)
  await db.run(sql`CREATE TABLE \`reward_claims\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tenant_id\` integer,
  	\`key\` text NOT NULL,
  	\`campaign_id\` integer NOT NULL,
  	\`user\` text NOT NULL,
  	\`outcome\` text NOT NULL,
  	\`voucher_id\` integer,
  	\`status\` numeric NOT NULL,
  	\`answer\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`voucher_id\`) REFERENCES \`vouchers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reward_claims_tenant_idx\` ON \`reward_claims\` (\`tenant_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`reward_claims_key_idx\` ON \`reward_claims\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`reward_claims_campaign_idx\` ON \`reward_claims\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`reward_claims_voucher_idx\` ON \`reward_claims\` (\`voucher_id\`);`)
  await db.run(sql`CREATE INDEX \`reward_claims_updated_at_idx\` ON \`reward_claims\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reward_claims_created_at_idx\` ON \`reward_claims\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`campaign_outcome_idx\` ON \`reward_claims\` (\`campaign_id\`,\`outcome\`);`)
  await db.run(sql`CREATE TABLE \`tutorial_progress\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`campaign_id\` integer NOT NULL,
  	\`user\` text NOT NULL,
  	\`steps_done\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`tutorial_progress_campaign_idx\` ON \`tutorial_progress\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`tutorial_progress_updated_at_idx\` ON \`tutorial_progress\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tutorial_progress_created_at_idx\` ON \`tutorial_progress\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaign_user_1_idx\` ON \`tutorial_progress\` (\`campaign_id\`,\`user\`);`)
  await db.run(sql`CREATE TABLE \`feedback\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tenant_id\` integer,
  	\`query\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`qa_id\` integer,
  	\`score\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`qa_id\`) REFERENCES \`qas\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`feedback_tenant_idx\` ON \`feedback\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`feedback_qa_idx\` ON \`feedback\` (\`qa_id\`);`)
  await db.run(sql`CREATE INDEX \`feedback_updated_at_idx\` ON \`feedback\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`feedback_created_at_idx\` ON \`feedback\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`tenant_createdAt_idx\` ON \`feedback\` (\`tenant_id\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`tenant_kind_idx\` ON \`feedback\` (\`tenant_id\`,\`kind\`);`)
  await db.run(sql`CREATE TABLE \`popularity\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tenant_id\` integer,
  	\`qa_id\` integer NOT NULL,
  	\`score\` numeric NOT NULL,
  	\`views\` numeric DEFAULT 0,
  	\`helpful\` numeric DEFAULT 0,
  	\`unhelpful\` numeric DEFAULT 0,
  	\`computed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`qa_id\`) REFERENCES \`qas\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`popularity_tenant_idx\` ON \`popularity\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`popularity_qa_idx\` ON \`popularity\` (\`qa_id\`);`)
  await db.run(sql`CREATE INDEX \`popularity_updated_at_idx\` ON \`popularity\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`popularity_created_at_idx\` ON \`popularity\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`vouchers_id\` integer REFERENCES vouchers(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`reward_claims_id\` integer REFERENCES reward_claims(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`tutorial_progress_id\` integer REFERENCES tutorial_progress(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`feedback_id\` integer REFERENCES feedback(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`popularity_id\` integer REFERENCES popularity(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_vouchers_id_idx\` ON \`payload_locked_documents_rels\` (\`vouchers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reward_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`reward_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tutorial_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`tutorial_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`feedback_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_popularity_id_idx\` ON \`payload_locked_documents_rels\` (\`popularity_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`vouchers\`;`)
  await db.run(sql`DROP TABLE \`reward_claims\`;`)
  await db.run(sql`DROP TABLE \`tutorial_progress\`;`)
  await db.run(sql`DROP TABLE \`feedback\`;`)
  await db.run(sql`DROP TABLE \`popularity\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`tenants_id\` integer,
  	\`users_id\` integer,
  	\`guides_id\` integer,
  	\`qa_categories_id\` integer,
  	\`qas_id\` integer,
  	\`campaigns_id\` integer,
  	\`media_id\` integer,
  	\`builds_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tenants_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`qa_categories_id\`) REFERENCES \`qa_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`qas_id\`) REFERENCES \`qas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`builds_id\`) REFERENCES \`builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "tenants_id", "users_id", "guides_id", "qa_categories_id", "qas_id", "campaigns_id", "media_id", "builds_id", "webhook_deliveries_id") SELECT "id", "order", "parent_id", "path", "tenants_id", "users_id", "guides_id", "qa_categories_id", "qas_id", "campaigns_id", "media_id", "builds_id", "webhook_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tenants_id_idx\` ON \`payload_locked_documents_rels\` (\`tenants_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_qa_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`qa_categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_qas_id_idx\` ON \`payload_locked_documents_rels\` (\`qas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
}
