import * as migration_20261125_181019_initial from './20261125_181019_initial';
import * as migration_20261125_183632_content_model from './20261125_183632_content_model';
import * as migration_20261125_184911_translation_freshness from './20261125_184911_translation_freshness';
import * as migration_20261125_192554_rebuild_pipeline from './20261125_192554_rebuild_pipeline';
import * as migration_20261126_005341_production_hardening from './20261126_005341_production_hardening';
import * as migration_20261126_015035_ask_feedback_rewards from './20261126_015035_ask_feedback_rewards';
import * as migration_20261201_200452_build_attempts_and_skipped from './20261201_200452_build_attempts_and_skipped';
import * as migration_20261202_043259_review_requests from './20261202_043259_review_requests';
import * as migration_20261202_044040_campaign_tutorial_animation from './20261202_044040_campaign_tutorial_animation';
import * as migration_20261202_051805_ask_synonyms from './20261202_051805_ask_synonyms';

export const migrations = [
  {
    up: migration_20261125_181019_initial.up,
    down: migration_20261125_181019_initial.down,
    name: '20261125_181019_initial',
  },
  {
    up: migration_20261125_183632_content_model.up,
    down: migration_20261125_183632_content_model.down,
    name: '20261125_183632_content_model',
  },
  {
    up: migration_20261125_184911_translation_freshness.up,
    down: migration_20261125_184911_translation_freshness.down,
    name: '20261125_184911_translation_freshness',
  },
  {
    up: migration_20261125_192554_rebuild_pipeline.up,
    down: migration_20261125_192554_rebuild_pipeline.down,
    name: '20261125_192554_rebuild_pipeline',
  },
  {
    up: migration_20261126_005341_production_hardening.up,
    down: migration_20261126_005341_production_hardening.down,
    name: '20261126_005341_production_hardening',
  },
  {
    up: migration_20261126_015035_ask_feedback_rewards.up,
    down: migration_20261126_015035_ask_feedback_rewards.down,
    name: '20261126_015035_ask_feedback_rewards',
  },
  {
    up: migration_20261201_200452_build_attempts_and_skipped.up,
    down: migration_20261201_200452_build_attempts_and_skipped.down,
    name: '20261201_200452_build_attempts_and_skipped',
  },
  {
    up: migration_20261202_043259_review_requests.up,
    down: migration_20261202_043259_review_requests.down,
    name: '20261202_043259_review_requests',
  },
  {
    up: migration_20261202_044040_campaign_tutorial_animation.up,
    down: migration_20261202_044040_campaign_tutorial_animation.down,
    name: '20261202_044040_campaign_tutorial_animation',
  },
  {
    up: migration_20261202_051805_ask_synonyms.up,
    down: migration_20261202_051805_ask_synonyms.down,
    name: '20261202_051805_ask_synonyms'
  },
];
