import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`synonyms\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tenant_id\` integer,
  	\`name\` text,
  	\`locale\` text,
  	\`concept\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`synonyms_tenant_idx\` ON \`synonyms\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`synonyms_updated_at_idx\` ON \`synonyms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`synonyms_created_at_idx\` ON \`synonyms\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`synonyms__status_idx\` ON \`synonyms\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`synonyms_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`synonyms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`synonyms_texts_order_parent\` ON \`synonyms_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_synonyms_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_tenant_id\` integer,
  	\`version_name\` text,
  	\`version_locale\` text,
  	\`version_concept\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`synonyms\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_synonyms_v_parent_idx\` ON \`_synonyms_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_version_version_tenant_idx\` ON \`_synonyms_v\` (\`version_tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_version_version_updated_at_idx\` ON \`_synonyms_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_version_version_created_at_idx\` ON \`_synonyms_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_version_version__status_idx\` ON \`_synonyms_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_created_at_idx\` ON \`_synonyms_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_updated_at_idx\` ON \`_synonyms_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_snapshot_idx\` ON \`_synonyms_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_published_locale_idx\` ON \`_synonyms_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_synonyms_v_latest_idx\` ON \`_synonyms_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_synonyms_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_synonyms_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_synonyms_v_texts_order_parent\` ON \`_synonyms_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`synonyms_id\` integer REFERENCES synonyms(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_synonyms_id_idx\` ON \`payload_locked_documents_rels\` (\`synonyms_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`synonyms\`;`)
  await db.run(sql`DROP TABLE \`synonyms_texts\`;`)
  await db.run(sql`DROP TABLE \`_synonyms_v\`;`)
  await db.run(sql`DROP TABLE \`_synonyms_v_texts\`;`)
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
  	\`vouchers_id\` integer,
  	\`reward_claims_id\` integer,
  	\`tutorial_progress_id\` integer,
  	\`media_id\` integer,
  	\`builds_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`feedback_id\` integer,
  	\`popularity_id\` integer,
  	\`review_requests_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tenants_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`qa_categories_id\`) REFERENCES \`qa_categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`qas_id\`) REFERENCES \`qas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`vouchers_id\`) REFERENCES \`vouchers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reward_claims_id\`) REFERENCES \`reward_claims\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tutorial_progress_id\`) REFERENCES \`tutorial_progress\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`builds_id\`) REFERENCES \`builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`feedback_id\`) REFERENCES \`feedback\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`popularity_id\`) REFERENCES \`popularity\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`review_requests_id\`) REFERENCES \`review_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "tenants_id", "users_id", "guides_id", "qa_categories_id", "qas_id", "campaigns_id", "vouchers_id", "reward_claims_id", "tutorial_progress_id", "media_id", "builds_id", "webhook_deliveries_id", "feedback_id", "popularity_id", "review_requests_id") SELECT "id", "order", "parent_id", "path", "tenants_id", "users_id", "guides_id", "qa_categories_id", "qas_id", "campaigns_id", "vouchers_id", "reward_claims_id", "tutorial_progress_id", "media_id", "builds_id", "webhook_deliveries_id", "feedback_id", "popularity_id", "review_requests_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_vouchers_id_idx\` ON \`payload_locked_documents_rels\` (\`vouchers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reward_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`reward_claims_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tutorial_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`tutorial_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`feedback_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_popularity_id_idx\` ON \`payload_locked_documents_rels\` (\`popularity_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`review_requests_id\`);`)
}
