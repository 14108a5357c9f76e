/* nichiro-fsrs.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NICHIRO_FSRS_N_PARAMETERS 21
#define NICHIRO_FSRS_MAX_STEPS 8

#define NICHIRO_FSRS_DESIRED_RETENTION_MIN 0.70
#define NICHIRO_FSRS_DESIRED_RETENTION_MAX 0.97
#define NICHIRO_FSRS_DESIRED_RETENTION_DEFAULT 0.90
#define NICHIRO_FSRS_MAXIMUM_INTERVAL_DEFAULT 36500

/* Times are microseconds since the Unix epoch, UTC, as g_get_real_time()
 * gives them; a card never reviewed has this as its last review. */
#define NICHIRO_FSRS_NEVER G_MININT64
#define NICHIRO_FSRS_USEC_PER_DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

/**
 * NichiroRating:
 * @NICHIRO_RATING_AGAIN: forgotten
 * @NICHIRO_RATING_HARD: recalled with serious difficulty
 * @NICHIRO_RATING_GOOD: recalled
 * @NICHIRO_RATING_EASY: recalled at once
 *
 * The four grades of a review, numbered as every FSRS implementation and
 * Anki number them.
 */
typedef enum
{
  NICHIRO_RATING_AGAIN = 1,
  NICHIRO_RATING_HARD = 2,
  NICHIRO_RATING_GOOD = 3,
  NICHIRO_RATING_EASY = 4,
} NichiroRating;

/**
 * NichiroFsrsState:
 * @NICHIRO_FSRS_STATE_LEARNING: new, or going through the learning steps
 * @NICHIRO_FSRS_STATE_REVIEW: scheduled in days
 * @NICHIRO_FSRS_STATE_RELEARNING: forgotten in review, going through the
 *   relearning steps
 */
typedef enum
{
  NICHIRO_FSRS_STATE_LEARNING = 1,
  NICHIRO_FSRS_STATE_REVIEW = 2,
  NICHIRO_FSRS_STATE_RELEARNING = 3,
} NichiroFsrsState;

/**
 * NichiroFsrsCard:
 * @state: where the card is in its life
 * @step: the index into the learning or relearning steps; -1 in review
 * @stability: days until recall falls to 90%; 0 before the first review
 * @difficulty: 1 to 10; 0 before the first review
 * @due: when the card is next due (µs since the epoch, UTC)
 * @last_review: when it was last reviewed, or %NICHIRO_FSRS_NEVER
 *
 * What the scheduler knows of one card: a plain value, copied by
 * assignment. nichiro_fsrs_card_init() makes a new one.
 */
typedef struct
{
  NichiroFsrsState state;
  int step;
  double stability;
  double difficulty;
  gint64 due;
  gint64 last_review;
} NichiroFsrsCard;

/**
 * NichiroFsrsSettings:
 * @parameters: the model's 21 weights, w0 … w20
 * @desired_retention: the recall probability intervals aim at
 * @n_learning_steps: how many of @learning_steps are used
 * @learning_steps: the learning steps, in seconds
 * @n_relearning_steps: how many of @relearning_steps are used
 * @relearning_steps: the relearning steps, in seconds
 * @maximum_interval: the longest interval, in days
 * @fuzz: whether review intervals of 3 days and more are spread a little,
 *   so that cards learnt together do not stay together
 * @fuzz_seed: the seed of the fuzz
 */
typedef struct
{
  double parameters[NICHIRO_FSRS_N_PARAMETERS];
  double desired_retention;
  guint n_learning_steps;
  double learning_steps[NICHIRO_FSRS_MAX_STEPS];
  guint n_relearning_steps;
  double relearning_steps[NICHIRO_FSRS_MAX_STEPS];
  guint maximum_interval;
  gboolean fuzz;
  guint64 fuzz_seed;
} NichiroFsrsSettings;

extern const double nichiro_fsrs_default_parameters[NICHIRO_FSRS_N_PARAMETERS];

void              nichiro_fsrs_settings_init         (NichiroFsrsSettings        *settings);
gboolean          nichiro_fsrs_settings_check        (const NichiroFsrsSettings  *settings,
                                                      GError                    **error);

const char       *nichiro_fsrs_state_to_string       (NichiroFsrsState            state);
gboolean          nichiro_fsrs_state_from_string     (const char                 *text,
                                                      NichiroFsrsState           *out_state);

void              nichiro_fsrs_card_init             (NichiroFsrsCard            *card,
                                                      gint64                      now);
gboolean          nichiro_fsrs_card_is_new           (const NichiroFsrsCard      *card);

#define NICHIRO_TYPE_FSRS (nichiro_fsrs_get_type ())

G_DECLARE_FINAL_TYPE (NichiroFsrs, nichiro_fsrs, NICHIRO, FSRS, GObject)

NichiroFsrs      *nichiro_fsrs_new                   (void);
NichiroFsrs      *nichiro_fsrs_new_with_settings     (const NichiroFsrsSettings  *settings,
                                                      GError                    **error);
void              nichiro_fsrs_get_settings          (NichiroFsrs                *self,
                                                      NichiroFsrsSettings        *out_settings);
double            nichiro_fsrs_get_desired_retention (NichiroFsrs                *self);
void              nichiro_fsrs_set_desired_retention (NichiroFsrs                *self,
                                                      double                      desired_retention);
void              nichiro_fsrs_set_fuzz              (NichiroFsrs                *self,
                                                      gboolean                    fuzz,
                                                      guint64                     seed);
void              nichiro_fsrs_set_time_zone         (NichiroFsrs                *self,
                                                      GTimeZone                  *time_zone);
GTimeZone        *nichiro_fsrs_get_time_zone         (NichiroFsrs                *self);

void              nichiro_fsrs_review                (NichiroFsrs                *self,
                                                      NichiroFsrsCard            *card,
                                                      gint64                      now,
                                                      NichiroRating               rating);
void              nichiro_fsrs_preview               (NichiroFsrs                *self,
                                                      const NichiroFsrsCard      *card,
                                                      gint64                      now,
                                                      NichiroFsrsCard             out_cards[4]);
double            nichiro_fsrs_get_retrievability    (NichiroFsrs                *self,
                                                      const NichiroFsrsCard      *card,
                                                      gint64                      now);
guint             nichiro_fsrs_next_interval         (NichiroFsrs                *self,
                                                      double                      stability);

G_END_DECLS
