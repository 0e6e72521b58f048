import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`guides_locales\` ADD \`translated_at\` text;`)
  await db.run(sql`ALTER TABLE \`_guides_v_locales\` ADD \`version_translated_at\` text;`)
  await db.run(sql`ALTER TABLE \`qas_locales\` ADD \`translated_at\` text;`)
  await db.run(sql`ALTER TABLE \`_qas_v_locales\` ADD \`version_translated_at\` text;`)
  await db.run(sql`ALTER TABLE \`campaigns_locales\` ADD \`translated_at\` text;`)
  await db.run(sql`ALTER TABLE \`_campaigns_v_locales\` ADD \`version_translated_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`guides_locales\` DROP COLUMN \`translated_at\`;`)
  await db.run(sql`ALTER TABLE \`_guides_v_locales\` DROP COLUMN \`version_translated_at\`;`)
  await db.run(sql`ALTER TABLE \`qas_locales\` DROP COLUMN \`translated_at\`;`)
  await db.run(sql`ALTER TABLE \`_qas_v_locales\` DROP COLUMN \`version_translated_at\`;`)
  await db.run(sql`ALTER TABLE \`campaigns_locales\` DROP COLUMN \`translated_at\`;`)
  await db.run(sql`ALTER TABLE \`_campaigns_v_locales\` DROP COLUMN \`version_translated_at\`;`)
}
