/* nichiro-bench-review.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-bench"

#include "config.h"

#include "nichiro-bench-review.h"
#include "nichiro-card-set.h"
#include "nichiro-fsrs.h"
#include "nichiro-review-queue.h"

#include <math.h>

/* A month of self-tests, simulated: the bundled dataset's date cards, ten
 * new a day, one session a day through the real due queue. The learner's
 * memory is FSRS-6 with its default weights: at each review the card is
 * recalled with the probability R its memory gives, and the memory then
 * moves as FSRS-6 says. The grades follow the FSRS simulator's default
 * button use. The same learner is scheduled by Nichiro's FSRS-6 and, for
 * comparison, by SM-2 with Anki's classic defaults. Days are calendar days
 * (UTC here), as the FSRS simulator and Anki count them: a session at
 * 09:00 reviews what is due that day. */

/* Grades of a first review: Again, Hard, Good, Easy. */
static const double first_rating_prob[] = { 0.24, 0.094, 0.495, 0.171 };
/* Grades of a recalled card: Hard, Good, Easy. */
static const double review_rating_prob[] = { 0.224, 0.631, 0.145 };

/* 2027-01-04T00:00:00Z; sessions start at 09:00 and an answer takes ten
 * seconds. */
#define SIM_EPOCH (G_GINT64_CONSTANT (1799020800) * G_USEC_PER_SEC)
#define SESSION_START (G_GINT64_CONSTANT (9) * 3600 * G_USEC_PER_SEC)
#define ANSWER_TIME (G_GINT64_CONSTANT (10) * G_USEC_PER_SEC)
#define DAY NICHIRO_FSRS_USEC_PER_DAY

/* SM-2 as Anki's classic scheduler runs it with its defaults. */
#define SM2_STARTING_EASE 2.5
#define SM2_MINIMUM_EASE 1.3
#define SM2_EASY_BONUS 1.3
#define SM2_HARD_FACTOR 1.2
#define SM2_GRADUATING_DAYS 1
#define SM2_EASY_DAYS 4
#define SM2_MAXIMUM_DAYS 36500

static const double sm2_learning_steps[] = { 60, 600 };
static const double sm2_relearning_steps[] = { 600 };

typedef struct
{
  gint64 interval;      /* days */
  double ease;
} Sm2;

typedef struct
{
  NichiroFsrsCard memory;     /* the learner's own */
  NichiroFsrsCard schedule;   /* what the scheduler knows; its state and due for SM-2 too */
  Sm2 sm2;
} SimCard;

/* Helpers */

static NichiroRating
draw_rating (GRand        *rand,
             const double *probabilities,
             guint         n,
             NichiroRating first)
{
  double x = g_rand_double (rand);

  for (guint i = 0; i < n; i++)
    {
      x -= probabilities[i];
      if (x < 0)
        return first + i;
    }

  return first + n - 1;
}

static gint64
step_usec (double seconds)
{
  return (gint64) (seconds * G_USEC_PER_SEC);
}

static void
sm2_review (Sm2             *sm2,
            NichiroFsrsCard *card,
            gint64           now,
            NichiroRating    rating)
{
  gint64 wait = -1;

  if (nichiro_fsrs_card_is_new (card))
    {
      sm2->ease = SM2_STARTING_EASE;
      sm2->interval = 0;
      card->stability = 1;   /* studied, for the queue */
    }

  if (card->state == NICHIRO_FSRS_STATE_REVIEW)
    {
      gint64 elapsed = now / DAY - card->last_review / DAY;
      gint64 late = MAX (elapsed - sm2->interval, 0);
      gint64 hard = MAX ((gint64) (sm2->interval * SM2_HARD_FACTOR), sm2->interval + 1);
      gint64 good = MAX ((gint64) ((sm2->interval + late / 2) * sm2->ease), hard + 1);
      gint64 easy = MAX ((gint64) ((sm2->interval + late) * sm2->ease * SM2_EASY_BONUS), good + 1);

      switch (rating)
        {
        case NICHIRO_RATING_AGAIN:
          /* The new interval after a lapse is 0% of the old, at least a day. */
          sm2->ease = MAX (sm2->ease - 0.20, SM2_MINIMUM_EASE);
          sm2->interval = 1;
          card->state = NICHIRO_FSRS_STATE_RELEARNING;
          card->step = 0;
          wait = step_usec (sm2_relearning_steps[0]);
          break;
        case NICHIRO_RATING_HARD:
          sm2->ease = MAX (sm2->ease - 0.15, SM2_MINIMUM_EASE);
          sm2->interval = hard;
          break;
        case NICHIRO_RATING_GOOD:
          sm2->interval = good;
          break;
        case NICHIRO_RATING_EASY:
        default:
          sm2->ease += 0.15;
          sm2->interval = easy;
          break;
        }
    }
  else
    {
      gboolean relearning = card->state == NICHIRO_FSRS_STATE_RELEARNING;
      const double *steps = relearning ? sm2_relearning_steps : sm2_learning_steps;
      guint n_steps = relearning ? G_N_ELEMENTS (sm2_relearning_steps) : G_N_ELEMENTS (sm2_learning_steps);

      switch (rating)
        {
        case NICHIRO_RATING_AGAIN:
          card->step = 0;
          wait = step_usec (steps[0]);
          break;
        case NICHIRO_RATING_HARD:
          if (card->step == 0 && n_steps >= 2)
            wait = step_usec ((steps[0] + steps[1]) / 2);
          else if (n_steps == 1)
            wait = step_usec (steps[0] * 1.5);
          else
            wait = step_usec (steps[card->step]);
          break;
        case NICHIRO_RATING_GOOD:
          if (card->step + 1 < (int) n_steps)
            {
              card->step++;
              wait = step_usec (steps[card->step]);
            }
          else if (!relearning)
            {
              sm2->interval = SM2_GRADUATING_DAYS;
            }
          break;
        case NICHIRO_RATING_EASY:
        default:
          sm2->interval = relearning ? sm2->interval + 1 : SM2_EASY_DAYS;
          break;
        }
    }

  if (wait < 0)
    {
      sm2->interval = MIN (MAX (sm2->interval, 1), SM2_MAXIMUM_DAYS);
      card->state = NICHIRO_FSRS_STATE_REVIEW;
      card->step = -1;
      wait = sm2->interval * DAY;
    }

  card->due = now + wait;
  card->last_review = now;
}

typedef struct
{
  guint reviews;
  guint scheduled;
  guint recalled;
  guint fresh;
} SimCounts;

static void
simulate_seed (NichiroSimScheduler  scheduler,
               NichiroFsrs         *learner,
               NichiroFsrs         *fsrs,
               const char * const  *ids,
               guint                n_cards,
               guint32              seed,
               SimCounts           *counts)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree SimCard *cards = g_new0 (SimCard, n_cards);

  for (guint i = 0; i < n_cards; i++)
    g_hash_table_insert (index, (char *) ids[i], GUINT_TO_POINTER (i));

  for (guint day = 0; day < NICHIRO_SIM_DAYS; day++)
    {
      gint64 now = SIM_EPOCH + day * DAY + SESSION_START;
      g_autoptr(NichiroReviewQueue) queue = nichiro_review_queue_new (ids, n_cards, states, now,
                                                                      SIM_EPOCH + (day + 1) * DAY,
                                                                      NICHIRO_SIM_NEW_PER_DAY);

      for (;;)
        {
          const char *id = nichiro_review_queue_peek (queue, now);
          SimCard *card;
          guint position;
          NichiroRating rating;

          if (id == NULL)
            {
              gint64 next = nichiro_review_queue_get_next_due (queue);

              /* The learner waits for the next learning step. */
              if (next == G_MAXINT64)
                break;
              now = MAX (now, next);
              continue;
            }

          position = GPOINTER_TO_UINT (g_hash_table_lookup (index, id));
          card = &cards[position];
          if (!g_hash_table_contains (states, id))
            {
              nichiro_fsrs_card_init (&card->memory, now);
              nichiro_fsrs_card_init (&card->schedule, now);
              /* Keyed by the caller's id: the queue's copy goes with it. */
              g_hash_table_insert (states, (char *) ids[position], &card->schedule);
              counts->fresh++;
            }

          if (nichiro_fsrs_card_is_new (&card->memory))
            {
              rating = draw_rating (rand, first_rating_prob, G_N_ELEMENTS (first_rating_prob), NICHIRO_RATING_AGAIN);
            }
          else
            {
              double r = nichiro_fsrs_get_retrievability (learner, &card->memory, now);

              if (g_rand_double (rand) < r)
                rating = draw_rating (rand, review_rating_prob, G_N_ELEMENTS (review_rating_prob), NICHIRO_RATING_HARD);
              else
                rating = NICHIRO_RATING_AGAIN;
            }

          counts->reviews++;
          if (card->schedule.state == NICHIRO_FSRS_STATE_REVIEW)
            {
              counts->scheduled++;
              counts->recalled += rating != NICHIRO_RATING_AGAIN;
            }

          nichiro_fsrs_review (learner, &card->memory, now, rating);
          if (scheduler == NICHIRO_SIM_FSRS)
            nichiro_fsrs_review (fsrs, &card->schedule, now, rating);
          else
            sm2_review (&card->sm2, &card->schedule, now, rating);

          nichiro_review_queue_answered (queue, id, &card->schedule);
          now += ANSWER_TIME;
        }
    }
}

/* Public API */

/**
 * nichiro_bench_simulate:
 * @scheduler: the scheduler to simulate
 * @seeds: how many learners (seeds 1 to @seeds)
 * @out_result: (out): the figures
 * @error: return location for an error
 *
 * Returns: whether the bundled dataset loaded
 */
gboolean
nichiro_bench_simulate (NichiroSimScheduler  scheduler,
                        guint                seeds,
                        NichiroSimResult    *out_result,
                        GError             **error)
{
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_default (error);
  g_autoptr(NichiroCardSet) set = NULL;
  g_autoptr(NichiroFsrs) learner = nichiro_fsrs_new ();
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree double *retention = NULL;
  double sum = 0, squares = 0, reviews = 0, scheduled = 0, fresh = 0;

  if (dataset == NULL)
    return FALSE;

  nichiro_fsrs_set_time_zone (learner, utc);
  nichiro_fsrs_set_time_zone (fsrs, utc);
  set = nichiro_card_set_new (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(NichiroCard) card = g_list_model_get_item (G_LIST_MODEL (set), i);

      /* The set holds its cards, so their ids outlive this loop. */
      if (nichiro_card_get_card_type (card) == NICHIRO_CARD_TYPE_DATE)
        g_ptr_array_add (ids, (char *) nichiro_card_get_id (card));
    }

  retention = g_new0 (double, MAX (seeds, 1));
  for (guint s = 0; s < seeds; s++)
    {
      SimCounts counts = { 0, };

      simulate_seed (scheduler, learner, fsrs, (const char * const *) ids->pdata, ids->len, s + 1, &counts);
      retention[s] = counts.scheduled > 0 ? (double) counts.recalled / counts.scheduled : 1.0;
      sum += retention[s];
      reviews += (double) counts.reviews / NICHIRO_SIM_DAYS;
      scheduled += (double) counts.scheduled / NICHIRO_SIM_DAYS;
      fresh += (double) counts.fresh / NICHIRO_SIM_DAYS;
    }

  out_result->cards = ids->len;
  out_result->retention = seeds > 0 ? sum / seeds : 0;
  for (guint s = 0; s < seeds; s++)
    squares += (retention[s] - out_result->retention) * (retention[s] - out_result->retention);
  out_result->retention_sd = seeds > 1 ? sqrt (squares / (seeds - 1)) : 0;
  out_result->reviews_per_day = seeds > 0 ? reviews / seeds : 0;
  out_result->scheduled_per_day = seeds > 0 ? scheduled / seeds : 0;
  out_result->new_per_day = seeds > 0 ? fresh / seeds : 0;

  return TRUE;
}

/**
 * nichiro_bench_time_due_queue:
 * @n_cards: how many cards
 * @iterations: how many times to build the queue
 *
 * Times building the due queue of @n_cards cards, three in ten new, one in
 * ten in its learning steps, the rest due over two months around now.
 *
 * Returns: (transfer full) (element-type double): the times in ms
 */
GArray *
nichiro_bench_time_due_queue (guint n_cards,
                              guint iterations)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270104);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GArray *samples = g_array_sized_new (FALSE, FALSE, sizeof (double), iterations);
  gint64 now = SIM_EPOCH + SESSION_START;

  for (guint i = 0; i < n_cards; i++)
    {
      char *id = g_strdup_printf ("date:synthetic-entry-%05u", i);
      NichiroFsrsCard *card;

      g_ptr_array_add (ids, id);
      if (i % 10 < 3)
        continue;

      card = g_new (NichiroFsrsCard, 1);
      nichiro_fsrs_card_init (card, now);
      card->stability = g_rand_double_range (rand, 1, 100);
      card->difficulty = g_rand_double_range (rand, 1, 10);
      card->last_review = now - DAY;
      if (i % 10 == 9)
        {
          card->due = now + g_rand_int_range (rand, -30, 30) * 60 * G_USEC_PER_SEC;
        }
      else
        {
          card->state = NICHIRO_FSRS_STATE_REVIEW;
          card->step = -1;
          card->due = now + g_rand_int_range (rand, -30, 30) * DAY + g_rand_int_range (rand, 0, 86400) * G_USEC_PER_SEC;
        }
      g_hash_table_insert (states, id, card);
    }

  for (guint i = 0; i < 5 + iterations; i++)
    {
      gint64 start = g_get_monotonic_time ();
      NichiroReviewQueue *queue = nichiro_review_queue_new ((const char * const *) ids->pdata, ids->len, states,
                                                            now, now + G_GINT64_CONSTANT (15) * 3600 * G_USEC_PER_SEC, 10);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert (nichiro_review_queue_get_n_left (queue) > 0);
      nichiro_review_queue_free (queue);
      if (i >= 5)
        g_array_append_val (samples, ms);
    }

  return samples;
}
