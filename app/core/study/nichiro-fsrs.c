/* nichiro-fsrs.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-fsrs"

#include "config.h"

#include "nichiro-fsrs.h"
#include "nichiro-error.h"

#include <math.h>
#include <string.h>

/* The FSRS-6 scheduler, written from the published formulas (Jarrett Ye's
 * Free Spaced Repetition Scheduler, version 6, as py-fsrs 6 and Anki run
 * it). A card's memory is its stability S (days until recall falls to 90%)
 * and difficulty D (1 to 10); recall after t days is R = (1 + F·t/S)^d.
 * Each review moves S and D by the grade and by how much had been forgotten,
 * and the next interval is the one at which R falls to the desired
 * retention.
 *
 * The arithmetic follows the reference implementation operation by
 * operation (e^x as pow (e, x), products left to right, intervals rounded
 * half to even), so that the same reviews give the same days: a
 * different rounding of one interval would move every later due date. */

struct _NichiroFsrs
{
  GObject parent_instance;

  NichiroFsrsSettings settings;
  double decay;
  double factor;
  GTimeZone *time_zone;
};

enum
{
  PROP_0,
  PROP_DESIRED_RETENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (NichiroFsrs, nichiro_fsrs, G_TYPE_OBJECT)

/**
 * nichiro_fsrs_default_parameters:
 *
 * FSRS-6's default weights, fitted by its authors on many Anki collections.
 */
const double nichiro_fsrs_default_parameters[NICHIRO_FSRS_N_PARAMETERS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

#define STABILITY_MIN 0.001
#define DIFFICULTY_MIN 1.0
#define DIFFICULTY_MAX 10.0

static const char * const state_names[] = {
  [NICHIRO_FSRS_STATE_LEARNING] = "learning",
  [NICHIRO_FSRS_STATE_REVIEW] = "review",
  [NICHIRO_FSRS_STATE_RELEARNING] = "relearning",
};

/* Anki's fuzz: the interval may move by up to 15% of its part between 2.5
 * and 7 days, 10% of its part between 7 and 20 and 5% of the rest. */
static const struct
{
  double start;
  double end;
  double factor;
} fuzz_ranges[] = {
  { 2.5, 7.0, 0.15 },
  { 7.0, 20.0, 0.10 },
  { 20.0, INFINITY, 0.05 },
};

/* Helpers: the model */

static double
clamp_stability (double stability)
{
  return MAX (stability, STABILITY_MIN);
}

static double
clamp_difficulty (double difficulty)
{
  return CLAMP (difficulty, DIFFICULTY_MIN, DIFFICULTY_MAX);
}

static double
exp_e (double x)
{
  return pow (M_E, x);
}

static double
initial_stability (NichiroFsrs   *self,
                   NichiroRating  rating)
{
  return clamp_stability (self->settings.parameters[rating - 1]);
}

static double
initial_difficulty_unclamped (NichiroFsrs   *self,
                              NichiroRating  rating)
{
  const double *w = self->settings.parameters;

  return w[4] - exp_e (w[5] * ((double) rating - 1)) + 1;
}

static double
next_difficulty (NichiroFsrs   *self,
                 double         difficulty,
                 NichiroRating  rating)
{
  const double *w = self->settings.parameters;
  double easy = initial_difficulty_unclamped (self, NICHIRO_RATING_EASY);
  double delta = -(w[6] * ((double) rating - 3));
  double damped = difficulty + (10.0 - difficulty) * delta / 9.0;

  /* Mean reversion towards the difficulty of a first Easy. */
  return clamp_difficulty (w[7] * easy + (1 - w[7]) * damped);
}

static double
short_term_stability (NichiroFsrs   *self,
                      double         stability,
                      NichiroRating  rating)
{
  const double *w = self->settings.parameters;
  double increase = exp_e (w[17] * ((double) rating - 3 + w[18])) * pow (stability, -w[19]);

  if (rating >= NICHIRO_RATING_GOOD)
    increase = MAX (increase, 1.0);

  return clamp_stability (stability * increase);
}

static double
next_stability (NichiroFsrs   *self,
                double         difficulty,
                double         stability,
                double         retrievability,
                NichiroRating  rating)
{
  const double *w = self->settings.parameters;
  double next;

  if (rating == NICHIRO_RATING_AGAIN)
    {
      double long_term = w[11] * pow (difficulty, -w[12]) * (pow (stability + 1, w[13]) - 1) *
                         exp_e ((1 - retrievability) * w[14]);
      double short_term = stability / exp_e (w[17] * w[18]);

      next = MIN (long_term, short_term);
    }
  else
    {
      double hard_penalty = rating == NICHIRO_RATING_HARD ? w[15] : 1;
      double easy_bonus = rating == NICHIRO_RATING_EASY ? w[16] : 1;

      next = stability * (1 + exp_e (w[8]) * (11 - difficulty) * pow (stability, -w[9]) *
                              (exp_e ((1 - retrievability) * w[10]) - 1) * hard_penalty * easy_bonus);
    }

  return clamp_stability (next);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The number of the local day @time falls on. */
static gint64
local_day (GTimeZone *time_zone,
           gint64     time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (floor_div (time, G_USEC_PER_SEC));
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  int year, month, day;

  if (utc == NULL)
    return floor_div (time, NICHIRO_FSRS_USEC_PER_DAY);

  local = g_date_time_to_timezone (utc, time_zone);
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/* The days from @since to @now: whole periods of 24 hours rounded down (as
 * Python's timedelta.days, and the reference), or with a time zone set,
 * the local midnights between them (as Anki counts). */
static gint64
days_between (NichiroFsrs *self,
              gint64       since,
              gint64       now)
{
  if (self->time_zone != NULL)
    return local_day (self->time_zone, now) - local_day (self->time_zone, since);

  return floor_div (now - since, NICHIRO_FSRS_USEC_PER_DAY);
}

static double
retrievability_after (NichiroFsrs *self,
                      double       stability,
                      gint64       elapsed_days)
{
  return pow (1 + self->factor * (double) MAX (elapsed_days, 0) / stability, self->decay);
}

/* Helpers: the fuzz */

static guint64
splitmix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

/* A number in [0, 1) from the seed and the review, so that previewing a
 * grade and then giving it lands on the same day. */
static double
fuzz_draw (NichiroFsrs           *self,
           const NichiroFsrsCard *before,
           gint64                 now,
           NichiroRating          rating)
{
  guint64 x = splitmix64 (self->settings.fuzz_seed);

  x = splitmix64 (x ^ (guint64) now);
  x = splitmix64 (x ^ (guint64) before->last_review);
  x = splitmix64 (x ^ (guint64) rating);

  return (double) (x >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

static gint64
fuzz_interval (NichiroFsrs *self,
               gint64       days,
               double       draw)
{
  double delta = 1.0;
  double fuzzed;
  gint64 low, high;

  if ((double) days < 2.5)
    return days;

  for (guint i = 0; i < G_N_ELEMENTS (fuzz_ranges); i++)
    delta += fuzz_ranges[i].factor * MAX (MIN ((double) days, fuzz_ranges[i].end) - fuzz_ranges[i].start, 0.0);

  low = (gint64) rint ((double) days - delta);
  high = (gint64) rint ((double) days + delta);
  low = MAX (low, 2);
  high = MIN (high, (gint64) self->settings.maximum_interval);
  low = MIN (low, high);

  fuzzed = draw * (double) (high - low + 1) + (double) low;
  return MIN ((gint64) rint (fuzzed), (gint64) self->settings.maximum_interval);
}

/* Helpers: the states */

static gint64
seconds_to_usec (double seconds)
{
  return (gint64) rint (seconds * G_USEC_PER_SEC);
}

/* The wait after a (re)learning review that stays in the steps; moves the
 * card's step. Returns -1 if the card graduates to review. */
static gint64
step_wait (NichiroFsrsCard *card,
           const double    *steps,
           guint            n_steps,
           NichiroRating    rating)
{
  if (n_steps == 0 || (card->step >= (int) n_steps && rating != NICHIRO_RATING_AGAIN))
    return -1;

  switch (rating)
    {
    case NICHIRO_RATING_AGAIN:
      card->step = 0;
      return seconds_to_usec (steps[0]);

    case NICHIRO_RATING_HARD:
      if (card->step == 0 && n_steps == 1)
        return seconds_to_usec (steps[0] * 1.5);
      if (card->step == 0)
        return seconds_to_usec ((steps[0] + steps[1]) / 2.0);
      return seconds_to_usec (steps[card->step]);

    case NICHIRO_RATING_GOOD:
      if (card->step + 1 >= (int) n_steps)
        return -1;
      card->step++;
      return seconds_to_usec (steps[card->step]);

    case NICHIRO_RATING_EASY:
    default:
      return -1;
    }
}

static void
update_memory (NichiroFsrs     *self,
               NichiroFsrsCard *card,
               gint64           now,
               NichiroRating    rating)
{
  gint64 elapsed;

  if (nichiro_fsrs_card_is_new (card))
    {
      card->stability = initial_stability (self, rating);
      card->difficulty = clamp_difficulty (initial_difficulty_unclamped (self, rating));
      return;
    }

  elapsed = card->last_review == NICHIRO_FSRS_NEVER ? 0 : days_between (self, card->last_review, now);

  if (elapsed < 1)
    {
      card->stability = short_term_stability (self, card->stability, rating);
    }
  else
    {
      double r = retrievability_after (self, card->stability, elapsed);

      card->stability = next_stability (self, card->difficulty, card->stability, r, rating);
    }

  card->difficulty = next_difficulty (self, card->difficulty, rating);
}

static void
review_card (NichiroFsrs     *self,
             NichiroFsrsCard *card,
             gint64           now,
             NichiroRating    rating)
{
  const NichiroFsrsSettings *settings = &self->settings;
  NichiroFsrsCard before = *card;
  gint64 wait = -1;

  update_memory (self, card, now, rating);

  switch (card->state)
    {
    case NICHIRO_FSRS_STATE_LEARNING:
      wait = step_wait (card, settings->learning_steps, settings->n_learning_steps, rating);
      break;

    case NICHIRO_FSRS_STATE_RELEARNING:
      wait = step_wait (card, settings->relearning_steps, settings->n_relearning_steps, rating);
      break;

    case NICHIRO_FSRS_STATE_REVIEW:
    default:
      if (rating == NICHIRO_RATING_AGAIN && settings->n_relearning_steps > 0)
        {
          card->state = NICHIRO_FSRS_STATE_RELEARNING;
          card->step = 0;
          wait = seconds_to_usec (settings->relearning_steps[0]);
        }
      break;
    }

  if (wait < 0)
    {
      gint64 days = nichiro_fsrs_next_interval (self, card->stability);

      card->state = NICHIRO_FSRS_STATE_REVIEW;
      card->step = -1;
      if (settings->fuzz)
        days = fuzz_interval (self, days, fuzz_draw (self, &before, now, rating));
      wait = days * NICHIRO_FSRS_USEC_PER_DAY;
    }

  card->due = now + wait;
  card->last_review = now;
}

static void
update_curve (NichiroFsrs *self)
{
  self->decay = -self->settings.parameters[20];
  self->factor = pow (0.9, 1.0 / self->decay) - 1;
}

/* GObject */

static void
nichiro_fsrs_finalize (GObject *object)
{
  NichiroFsrs *self = NICHIRO_FSRS (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (nichiro_fsrs_parent_class)->finalize (object);
}

static void
nichiro_fsrs_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NichiroFsrs *self = NICHIRO_FSRS (object);

  switch (prop_id)
    {
    case PROP_DESIRED_RETENTION:
      g_value_set_double (value, self->settings.desired_retention);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_fsrs_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NichiroFsrs *self = NICHIRO_FSRS (object);

  switch (prop_id)
    {
    case PROP_DESIRED_RETENTION:
      nichiro_fsrs_set_desired_retention (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_fsrs_class_init (NichiroFsrsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_fsrs_finalize;
  object_class->get_property = nichiro_fsrs_get_property;
  object_class->set_property = nichiro_fsrs_set_property;

  /**
   * NichiroFsrs:desired-retention:
   *
   * The probability of recall that review intervals aim at: higher means
   * shorter intervals and more reviews.
   */
  properties[PROP_DESIRED_RETENTION] =
    g_param_spec_double ("desired-retention", NULL, NULL,
                         NICHIRO_FSRS_DESIRED_RETENTION_MIN, NICHIRO_FSRS_DESIRED_RETENTION_MAX,
                         NICHIRO_FSRS_DESIRED_RETENTION_DEFAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_fsrs_init (NichiroFsrs *self)
{
  nichiro_fsrs_settings_init (&self->settings);
  update_curve (self);
}

/* Public API: settings */

/**
 * nichiro_fsrs_settings_init:
 * @settings: settings to fill
 *
 * Fills @settings with the defaults: FSRS-6's weights, a desired retention
 * of 0.9, learning steps of 1 and 10 minutes, a relearning step of 10
 * minutes, a maximum interval of 36,500 days and no fuzz.
 */
void
nichiro_fsrs_settings_init (NichiroFsrsSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  memcpy (settings->parameters, nichiro_fsrs_default_parameters, sizeof settings->parameters);
  settings->desired_retention = NICHIRO_FSRS_DESIRED_RETENTION_DEFAULT;
  settings->n_learning_steps = 2;
  settings->learning_steps[0] = 60;
  settings->learning_steps[1] = 600;
  settings->n_relearning_steps = 1;
  settings->relearning_steps[0] = 600;
  settings->maximum_interval = NICHIRO_FSRS_MAXIMUM_INTERVAL_DEFAULT;
  settings->fuzz = FALSE;
  settings->fuzz_seed = 0;
}

static gboolean
check_steps (const double  *steps,
             guint          n_steps,
             const char    *name,
             GError       **error)
{
  if (n_steps > NICHIRO_FSRS_MAX_STEPS)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "%s: at most %d steps", name, NICHIRO_FSRS_MAX_STEPS);
      return FALSE;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      /* Up to a year: a step is minutes or hours, never a schedule. */
      if (!isfinite (steps[i]) || steps[i] <= 0 || steps[i] > 365.0 * 86400)
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "%s: each step must be a number of seconds above 0 and at most a year", name);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * nichiro_fsrs_settings_check:
 * @settings: settings
 * @error: return location for an error in the %NICHIRO_ERROR domain
 *
 * Checks that @settings make a scheduler: finite weights, positive initial
 * stabilities and decay, a desired retention between 0.70 and 0.97, steps
 * of up to a year and a maximum interval of 1 to 36,500 days.
 *
 * Returns: whether they do
 */
gboolean
nichiro_fsrs_settings_check (const NichiroFsrsSettings  *settings,
                             GError                    **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  for (guint i = 0; i < NICHIRO_FSRS_N_PARAMETERS; i++)
    {
      if (!isfinite (settings->parameters[i]))
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "parameters: w%u is not a finite number", i);
          return FALSE;
        }
    }

  for (guint i = 0; i < 4; i++)
    {
      if (settings->parameters[i] <= 0)
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "parameters: w%u, an initial stability, must be above 0", i);
          return FALSE;
        }
    }

  if (settings->parameters[20] <= 0)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "parameters: w20, the decay, must be above 0");
      return FALSE;
    }

  /* The bounds are written with two decimals; allow for their binary form. */
  if (!(settings->desired_retention >= NICHIRO_FSRS_DESIRED_RETENTION_MIN - 1e-9 &&
        settings->desired_retention <= NICHIRO_FSRS_DESIRED_RETENTION_MAX + 1e-9))
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                           "desired_retention must be between 0.70 and 0.97");
      return FALSE;
    }

  if (!check_steps (settings->learning_steps, settings->n_learning_steps, "learning_steps_s", error) ||
      !check_steps (settings->relearning_steps, settings->n_relearning_steps, "relearning_steps_s", error))
    return FALSE;

  if (settings->maximum_interval < 1 || settings->maximum_interval > NICHIRO_FSRS_MAXIMUM_INTERVAL_DEFAULT)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "maximum_interval_days must be between 1 and %d", NICHIRO_FSRS_MAXIMUM_INTERVAL_DEFAULT);
      return FALSE;
    }

  return TRUE;
}

/**
 * nichiro_fsrs_state_to_string:
 * @state: a state
 *
 * Returns: `learning`, `review` or `relearning`
 */
const char *
nichiro_fsrs_state_to_string (NichiroFsrsState state)
{
  g_return_val_if_fail (state >= NICHIRO_FSRS_STATE_LEARNING && state <= NICHIRO_FSRS_STATE_RELEARNING, NULL);

  return state_names[state];
}

gboolean
nichiro_fsrs_state_from_string (const char       *text,
                                NichiroFsrsState *out_state)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = NICHIRO_FSRS_STATE_LEARNING; i <= NICHIRO_FSRS_STATE_RELEARNING; i++)
    {
      if (g_str_equal (text, state_names[i]))
        {
          if (out_state != NULL)
            *out_state = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * nichiro_fsrs_card_init:
 * @card: a card to fill
 * @now: the time the card is made
 *
 * Makes @card new: learning, step 0, due at @now, never reviewed.
 */
void
nichiro_fsrs_card_init (NichiroFsrsCard *card,
                        gint64           now)
{
  g_return_if_fail (card != NULL);

  card->state = NICHIRO_FSRS_STATE_LEARNING;
  card->step = 0;
  card->stability = 0;
  card->difficulty = 0;
  card->due = now;
  card->last_review = NICHIRO_FSRS_NEVER;
}

/**
 * nichiro_fsrs_card_is_new:
 * @card: a card
 *
 * Returns: whether @card has never been reviewed
 */
gboolean
nichiro_fsrs_card_is_new (const NichiroFsrsCard *card)
{
  g_return_val_if_fail (card != NULL, FALSE);

  return card->stability <= 0 || card->last_review == NICHIRO_FSRS_NEVER;
}

/* Public API: the scheduler */

/**
 * nichiro_fsrs_new:
 *
 * Returns: (transfer full): a scheduler with the default settings
 */
NichiroFsrs *
nichiro_fsrs_new (void)
{
  return g_object_new (NICHIRO_TYPE_FSRS, NULL);
}

/**
 * nichiro_fsrs_new_with_settings:
 * @settings: the settings
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a scheduler, or %NULL if @settings
 *   do not pass nichiro_fsrs_settings_check()
 */
NichiroFsrs *
nichiro_fsrs_new_with_settings (const NichiroFsrsSettings  *settings,
                                GError                    **error)
{
  NichiroFsrs *self;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!nichiro_fsrs_settings_check (settings, error))
    return NULL;

  self = g_object_new (NICHIRO_TYPE_FSRS, NULL);
  self->settings = *settings;
  self->settings.desired_retention = CLAMP (settings->desired_retention,
                                            NICHIRO_FSRS_DESIRED_RETENTION_MIN,
                                            NICHIRO_FSRS_DESIRED_RETENTION_MAX);
  update_curve (self);

  return self;
}

void
nichiro_fsrs_get_settings (NichiroFsrs         *self,
                           NichiroFsrsSettings *out_settings)
{
  g_return_if_fail (NICHIRO_IS_FSRS (self));
  g_return_if_fail (out_settings != NULL);

  *out_settings = self->settings;
}

double
nichiro_fsrs_get_desired_retention (NichiroFsrs *self)
{
  g_return_val_if_fail (NICHIRO_IS_FSRS (self), NICHIRO_FSRS_DESIRED_RETENTION_DEFAULT);

  return self->settings.desired_retention;
}

/**
 * nichiro_fsrs_set_desired_retention:
 * @self: a scheduler
 * @desired_retention: 0.70 to 0.97
 *
 * Sets the recall probability intervals aim at. Cards already scheduled
 * keep their due dates; their next review uses the new value.
 */
void
nichiro_fsrs_set_desired_retention (NichiroFsrs *self,
                                    double       desired_retention)
{
  g_return_if_fail (NICHIRO_IS_FSRS (self));
  g_return_if_fail (desired_retention >= NICHIRO_FSRS_DESIRED_RETENTION_MIN - 1e-9 &&
                    desired_retention <= NICHIRO_FSRS_DESIRED_RETENTION_MAX + 1e-9);

  desired_retention = CLAMP (desired_retention,
                             NICHIRO_FSRS_DESIRED_RETENTION_MIN,
                             NICHIRO_FSRS_DESIRED_RETENTION_MAX);
  if (self->settings.desired_retention == desired_retention)
    return;

  self->settings.desired_retention = desired_retention;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIRED_RETENTION]);
}

/**
 * nichiro_fsrs_set_fuzz:
 * @self: a scheduler
 * @fuzz: whether to spread review intervals
 * @seed: the seed of the spread
 *
 * Turns the fuzz on or off. With the same seed, the same reviews give the
 * same intervals, and nichiro_fsrs_preview() shows what
 * nichiro_fsrs_review() will do.
 */
void
nichiro_fsrs_set_fuzz (NichiroFsrs *self,
                       gboolean     fuzz,
                       guint64      seed)
{
  g_return_if_fail (NICHIRO_IS_FSRS (self));

  self->settings.fuzz = !!fuzz;
  self->settings.fuzz_seed = seed;
}

/**
 * nichiro_fsrs_set_time_zone:
 * @self: a scheduler
 * @time_zone: (nullable): the learner's time zone, or %NULL
 *
 * Sets how days since a review are counted. Without a time zone (the
 * default, and the reference implementation's way) they are whole periods
 * of 24 hours: a card reviewed at 09:05 and again three days later at
 * 09:00 is two days old. With one, they are the learner's calendar days,
 * as Anki counts them: three. A learner who studies once a day at about
 * the same hour is better served by calendar days.
 */
void
nichiro_fsrs_set_time_zone (NichiroFsrs *self,
                            GTimeZone   *time_zone)
{
  g_return_if_fail (NICHIRO_IS_FSRS (self));

  if (time_zone != NULL)
    g_time_zone_ref (time_zone);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = time_zone;
}

/**
 * nichiro_fsrs_get_time_zone:
 * @self: a scheduler
 *
 * Returns: (transfer none) (nullable): the time zone days are counted in
 */
GTimeZone *
nichiro_fsrs_get_time_zone (NichiroFsrs *self)
{
  g_return_val_if_fail (NICHIRO_IS_FSRS (self), NULL);

  return self->time_zone;
}

/**
 * nichiro_fsrs_review:
 * @self: a scheduler
 * @card: the card reviewed, updated in place
 * @now: when it was reviewed (µs since the epoch, UTC)
 * @rating: the grade
 *
 * Applies one review to @card: its state, step, stability, difficulty,
 * due time and last review.
 */
void
nichiro_fsrs_review (NichiroFsrs     *self,
                     NichiroFsrsCard *card,
                     gint64           now,
                     NichiroRating    rating)
{
  g_return_if_fail (NICHIRO_IS_FSRS (self));
  g_return_if_fail (card != NULL);
  g_return_if_fail (rating >= NICHIRO_RATING_AGAIN && rating <= NICHIRO_RATING_EASY);
  g_return_if_fail (card->state >= NICHIRO_FSRS_STATE_LEARNING && card->state <= NICHIRO_FSRS_STATE_RELEARNING);

  review_card (self, card, now, rating);
}

/**
 * nichiro_fsrs_preview:
 * @self: a scheduler
 * @card: a card
 * @now: when it would be reviewed
 * @out_cards: (out caller-allocates) (array fixed-size=4): the card after
 *   Again, Hard, Good and Easy
 *
 * What each grade would do, for showing the next interval on each button.
 */
void
nichiro_fsrs_preview (NichiroFsrs           *self,
                      const NichiroFsrsCard *card,
                      gint64                 now,
                      NichiroFsrsCard        out_cards[4])
{
  g_return_if_fail (NICHIRO_IS_FSRS (self));
  g_return_if_fail (card != NULL);
  g_return_if_fail (out_cards != NULL);

  for (NichiroRating rating = NICHIRO_RATING_AGAIN; rating <= NICHIRO_RATING_EASY; rating++)
    {
      out_cards[rating - 1] = *card;
      review_card (self, &out_cards[rating - 1], now, rating);
    }
}

/**
 * nichiro_fsrs_get_retrievability:
 * @self: a scheduler
 * @card: a card
 * @now: a time
 *
 * Returns: the probability that @card is recalled at @now, from 0 to 1;
 *   0 for a card never reviewed
 */
double
nichiro_fsrs_get_retrievability (NichiroFsrs           *self,
                                 const NichiroFsrsCard *card,
                                 gint64                 now)
{
  g_return_val_if_fail (NICHIRO_IS_FSRS (self), 0.0);
  g_return_val_if_fail (card != NULL, 0.0);

  if (nichiro_fsrs_card_is_new (card))
    return 0.0;

  return retrievability_after (self, card->stability, days_between (self, card->last_review, now));
}

/**
 * nichiro_fsrs_next_interval:
 * @self: a scheduler
 * @stability: a stability in days
 *
 * Returns: the days until recall falls to the desired retention, rounded
 *   half to even, at least 1 and at most the maximum interval
 */
guint
nichiro_fsrs_next_interval (NichiroFsrs *self,
                            double       stability)
{
  double interval;

  g_return_val_if_fail (NICHIRO_IS_FSRS (self), 1);

  interval = (stability / self->factor) * (pow (self->settings.desired_retention, 1.0 / self->decay) - 1);
  /* rint() rounds half to even in the default rounding mode, as Python's round(). */
  interval = rint (interval);

  return (guint) CLAMP (interval, 1.0, (double) self->settings.maximum_interval);
}
