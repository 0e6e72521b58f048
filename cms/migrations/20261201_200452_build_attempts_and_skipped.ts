import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`builds_skipped\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document\` text NOT NULL,
  	\`slug\` text,
  	\`problem\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`builds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`builds_skipped_order_idx\` ON \`builds_skipped\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`builds_skipped_parent_id_idx\` ON \`builds_skipped\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`builds_attempt_logs\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`attempt\` numeric NOT NULL,
  	\`outcome\` text NOT NULL,
  	\`finished_at\` text,
  	\`log\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`builds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`builds_attempt_logs_order_idx\` ON \`builds_attempt_logs\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`builds_attempt_logs_parent_id_idx\` ON \`builds_attempt_logs\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`builds_skipped\`;`)
  await db.run(sql`DROP TABLE \`builds_attempt_logs\`;`)
}
