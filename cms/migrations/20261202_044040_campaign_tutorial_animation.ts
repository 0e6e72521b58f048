import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Campaign tutorials can start with the Center's own animation. Existing campaigns keep their
 * number of parts, so users' progress still counts: only the demo's outside videos
 * (https://videos.example/, which the pages' CSP never lets play) become the animation.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`tutorial_animation\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_campaigns_v\` ADD \`version_tutorial_animation\` integer DEFAULT false;`)
  await db.run(sql`UPDATE \`campaigns\` SET
    \`tutorial_animation\` = coalesce(\`tutorial_video_url\` LIKE 'https://videos.example/%', 0),
    \`tutorial_video_url\` = CASE WHEN \`tutorial_video_url\` LIKE 'https://videos.example/%' THEN NULL ELSE \`tutorial_video_url\` END;`)
  await db.run(sql`UPDATE \`_campaigns_v\` SET
    \`version_tutorial_animation\` = coalesce(\`version_tutorial_video_url\` LIKE 'https://videos.example/%', 0),
    \`version_tutorial_video_url\` = CASE WHEN \`version_tutorial_video_url\` LIKE 'https://videos.example/%' THEN NULL ELSE \`version_tutorial_video_url\` END;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`campaigns\` DROP COLUMN \`tutorial_animation\`;`)
  await db.run(sql`ALTER TABLE \`_campaigns_v\` DROP COLUMN \`version_tutorial_animation\`;`)
}
