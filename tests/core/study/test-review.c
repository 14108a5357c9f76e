/* test-review.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-review-queue.h"
#include "nichiro-review-stats.h"

/* What a review session and the statistics are made of: the due queue and
 * the figures over card states and the review log. */

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR (60 * MINUTE)
#define DAY NICHIRO_FSRS_USEC_PER_DAY

/* 2027-01-04T10:00:00Z, 19:00 in Tokyo */
#define NOW (G_GINT64_CONSTANT (1799056800) * G_USEC_PER_SEC)

static NichiroFsrsCard *
make_state (NichiroFsrsState state,
            gint64           due,
            gint64           last_review)
{
  NichiroFsrsCard *card = g_new0 (NichiroFsrsCard, 1);

  card->state = state;
  card->step = state == NICHIRO_FSRS_STATE_REVIEW ? -1 : 0;
  card->stability = 5.0;
  card->difficulty = 5.0;
  card->due = due;
  card->last_review = last_review;

  return card;
}

static NichiroFsrsCard
state_value (NichiroFsrsState state,
             gint64           due,
             gint64           last_review)
{
  NichiroFsrsCard card = { state, state == NICHIRO_FSRS_STATE_REVIEW ? -1 : 0, 5.0, 5.0, due, last_review };

  return card;
}

static GHashTable *
new_states (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* The due queue */

static void
test_queue_order (void)
{
  const char *ids[] = { "a", "b", "c", "d", "e", "f", "g", "h", "i" };
  g_autoptr(GHashTable) states = new_states ();
  g_autoptr(NichiroReviewQueue) queue = NULL;
  gint64 day_end = NOW + 5 * HOUR;
  NichiroFsrsCard after;
  NichiroFsrsCard *fresh;

  g_hash_table_insert (states, (char *) "a", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW - DAY, NOW - 10 * DAY));
  g_hash_table_insert (states, (char *) "b", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + 2 * HOUR, NOW - 5 * DAY));
  g_hash_table_insert (states, (char *) "c", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + DAY, NOW - 3 * DAY));
  g_hash_table_insert (states, (char *) "d", make_state (NICHIRO_FSRS_STATE_LEARNING, NOW - 5 * MINUTE, NOW - 6 * MINUTE));
  g_hash_table_insert (states, (char *) "e", make_state (NICHIRO_FSRS_STATE_RELEARNING, NOW + 5 * MINUTE, NOW - 5 * MINUTE));
  /* A state that was never reviewed is new, like no state at all. */
  fresh = make_state (NICHIRO_FSRS_STATE_LEARNING, NOW, NICHIRO_FSRS_NEVER);
  fresh->stability = 0;
  g_hash_table_insert (states, (char *) "g", fresh);

  queue = nichiro_review_queue_new (ids, G_N_ELEMENTS (ids), states, NOW, day_end, 2);
  g_assert_cmpuint (nichiro_review_queue_get_n_learning (queue), ==, 2);
  g_assert_cmpuint (nichiro_review_queue_get_n_review (queue), ==, 2);
  g_assert_cmpuint (nichiro_review_queue_get_n_new (queue), ==, 2);
  g_assert_cmpuint (nichiro_review_queue_get_n_left (queue), ==, 6);

  /* A learning step that is due comes first. */
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW), ==, "d");
  after = state_value (NICHIRO_FSRS_STATE_REVIEW, NOW + 3 * DAY, NOW);
  g_assert_true (nichiro_review_queue_answered (queue, "d", &after));

  /* Then reviews, the most overdue first; "b" is due later today. */
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW), ==, "a");
  g_assert_true (nichiro_review_queue_answered (queue, "a", &after));
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW), ==, "b");

  /* Forgotten: back after the relearning step of ten minutes. */
  after.state = NICHIRO_FSRS_STATE_RELEARNING;
  after.due = NOW + 10 * MINUTE;
  g_assert_true (nichiro_review_queue_answered (queue, "b", &after));
  g_assert_cmpuint (nichiro_review_queue_get_n_learning (queue), ==, 2);

  /* Then the new cards, in the given order, two of three. */
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW), ==, "f");
  after.state = NICHIRO_FSRS_STATE_LEARNING;
  after.due = NOW + MINUTE;
  g_assert_true (nichiro_review_queue_answered (queue, "f", &after));
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW), ==, "g");
  after.state = NICHIRO_FSRS_STATE_REVIEW;
  after.due = NOW + 2 * DAY;
  g_assert_true (nichiro_review_queue_answered (queue, "g", &after));
  g_assert_cmpuint (nichiro_review_queue_get_n_new (queue), ==, 0);

  /* Nothing due: the learning steps within twenty minutes, earliest first. */
  g_assert_cmpint (nichiro_review_queue_get_next_due (queue), ==, NOW + MINUTE);
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW), ==, "f");
  g_assert_null (nichiro_review_queue_peek (queue, NOW - 30 * MINUTE));

  /* A step due after the day ends is not for this session. */
  after.state = NICHIRO_FSRS_STATE_LEARNING;
  after.due = day_end + MINUTE;
  g_assert_true (nichiro_review_queue_answered (queue, "f", &after));
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW + 6 * MINUTE), ==, "e");
  after.state = NICHIRO_FSRS_STATE_REVIEW;
  after.due = NOW + DAY;
  g_assert_true (nichiro_review_queue_answered (queue, "e", &after));
  g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW + 11 * MINUTE), ==, "b");
  g_assert_true (nichiro_review_queue_answered (queue, "b", &after));

  g_assert_cmpuint (nichiro_review_queue_get_n_left (queue), ==, 0);
  g_assert_null (nichiro_review_queue_peek (queue, NOW + DAY));
  g_assert_cmpint (nichiro_review_queue_get_next_due (queue), ==, G_MAXINT64);
  g_assert_false (nichiro_review_queue_answered (queue, "h", &after));
}

/* Reviews due at the same time keep the order they were given in. */
static void
test_queue_ties (void)
{
  const char *ids[] = { "z", "y", "x" };
  g_autoptr(GHashTable) states = new_states ();
  g_autoptr(NichiroReviewQueue) queue = NULL;
  NichiroFsrsCard after = { NICHIRO_FSRS_STATE_REVIEW, -1, 5, 5, NOW + DAY, NOW };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_hash_table_insert (states, (char *) ids[i], make_state (NICHIRO_FSRS_STATE_REVIEW, NOW - HOUR, NOW - DAY));

  queue = nichiro_review_queue_new (ids, G_N_ELEMENTS (ids), states, NOW, NOW + HOUR, 10);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (nichiro_review_queue_peek (queue, NOW), ==, ids[i]);
      g_assert_true (nichiro_review_queue_answered (queue, ids[i], &after));
    }
}

/* A whole session with the scheduler: ten new cards, each graded Good
 * until it leaves for review. */
static void
test_queue_session (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  g_autoptr(GHashTable) states = new_states ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NichiroReviewQueue) queue = NULL;
  gint64 now = NOW;
  guint reviews = 0;
  const char *id;

  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (ids, g_strdup_printf ("date:e%02u", i));

  queue = nichiro_review_queue_new ((const char * const *) ids->pdata, ids->len, states, now, NOW + 5 * HOUR, 10);
  for (;;)
    {
      NichiroFsrsCard *card;

      id = nichiro_review_queue_peek (queue, now);
      if (id == NULL)
        {
          gint64 next = nichiro_review_queue_get_next_due (queue);

          if (next == G_MAXINT64)
            break;
          now = MAX (now, next);
          continue;
        }

      card = g_hash_table_lookup (states, id);
      if (card == NULL)
        {
          card = g_new (NichiroFsrsCard, 1);
          nichiro_fsrs_card_init (card, now);
          g_hash_table_insert (states, (char *) id, card);
        }
      nichiro_fsrs_review (fsrs, card, now, NICHIRO_RATING_GOOD);
      g_assert_true (nichiro_review_queue_answered (queue, id, card));
      reviews++;
      now += 10 * G_USEC_PER_SEC;
    }

  /* Two steps each: 1 and 10 minutes. */
  g_assert_cmpuint (reviews, ==, 20);
  g_assert_cmpuint (g_hash_table_size (states), ==, 10);
  g_assert_cmpuint (nichiro_review_stats_count_due (states, NOW + DAY), ==, 0);
  g_assert_cmpuint (nichiro_review_stats_count_due (states, NOW + 3 * DAY), ==, 10);
}

/* Days */

static void
test_day_start (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  /* 2027-01-04T00:00+09:00 */
  gint64 midnight = NOW - 19 * HOUR;

  g_assert_cmpint (nichiro_review_day_start (NOW, tokyo, 0), ==, midnight);
  g_assert_cmpint (nichiro_review_day_start (NOW, tokyo, 1), ==, midnight + DAY);
  g_assert_cmpint (nichiro_review_day_start (NOW, tokyo, -2), ==, midnight - 2 * DAY);
  /* 2027-01-04T15:30Z is already the 5th in Tokyo. */
  g_assert_cmpint (nichiro_review_day_start (NOW + 5 * HOUR + 30 * MINUTE, tokyo, 0), ==, midnight + DAY);
  g_assert_cmpint (nichiro_review_day_start (NOW, utc, 0), ==, NOW - 10 * HOUR);
}

/* A day the clocks change on is 23 hours long; the next starts at its
 * own midnight all the same. */
static void
test_day_start_dst (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  gint64 morning, start, next;

  if (berlin == NULL)
    {
      g_test_skip ("no time zone data for Europe/Berlin");
      return;
    }

  /* 2027-03-28T08:00Z, the day summer time starts in Germany. */
  morning = G_GINT64_CONSTANT (1806220800) * G_USEC_PER_SEC;
  start = nichiro_review_day_start (morning, berlin, 0);
  next = nichiro_review_day_start (morning, berlin, 1);
  g_assert_cmpint (start, ==, morning - 9 * HOUR);
  g_assert_cmpint (next - start, ==, 23 * HOUR);
}

/* Statistics */

static void
test_stats_due_and_forecast (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GHashTable) states = new_states ();
  gint64 today_end = nichiro_review_day_start (NOW, tokyo, 1);
  gint64 week_end = nichiro_review_day_start (NOW, tokyo, 7);
  NichiroFsrsCard *fresh = make_state (NICHIRO_FSRS_STATE_LEARNING, NOW, NICHIRO_FSRS_NEVER);
  guint forecast[30];

  g_hash_table_insert (states, (char *) "overdue", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW - 3 * DAY, NOW - 9 * DAY));
  g_hash_table_insert (states, (char *) "tonight", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + 4 * HOUR, NOW - DAY));
  g_hash_table_insert (states, (char *) "step", make_state (NICHIRO_FSRS_STATE_LEARNING, NOW + 10 * MINUTE, NOW));
  g_hash_table_insert (states, (char *) "tomorrow", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + 6 * HOUR, NOW - DAY));
  g_hash_table_insert (states, (char *) "in-3-days", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + 3 * DAY, NOW));
  g_hash_table_insert (states, (char *) "in-6-days", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + 6 * DAY, NOW));
  g_hash_table_insert (states, (char *) "in-7-days", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + 7 * DAY, NOW));
  g_hash_table_insert (states, (char *) "in-40-days", make_state (NICHIRO_FSRS_STATE_REVIEW, NOW + 40 * DAY, NOW));
  fresh->stability = 0;
  g_hash_table_insert (states, (char *) "new", fresh);

  /* Today in Tokyo ends at 15:00 UTC: "tomorrow" at 16:00 UTC is not today. */
  g_assert_cmpuint (nichiro_review_stats_count_due (states, today_end), ==, 3);
  g_assert_cmpuint (nichiro_review_stats_count_due (states, week_end), ==, 6);

  nichiro_review_stats_forecast (states, NOW, tokyo, G_N_ELEMENTS (forecast), forecast);
  g_assert_cmpuint (forecast[0], ==, 3);
  g_assert_cmpuint (forecast[1], ==, 1);
  g_assert_cmpuint (forecast[2], ==, 0);
  g_assert_cmpuint (forecast[3], ==, 1);
  g_assert_cmpuint (forecast[6], ==, 1);
  g_assert_cmpuint (forecast[7], ==, 1);
  {
    guint total = 0;

    for (guint i = 0; i < G_N_ELEMENTS (forecast); i++)
      total += forecast[i];
    /* The card due in 40 days and the new one are not in the 30 days. */
    g_assert_cmpuint (total, ==, 7);
  }
}

static void
add_log (GArray           *log,
         const char       *id,
         NichiroFsrsState  state,
         gint64            last_review,
         gint64            due,
         gint64            time,
         NichiroRating     rating)
{
  NichiroReviewLogEntry entry;
  NichiroFsrsCard before = { state, state == NICHIRO_FSRS_STATE_REVIEW ? -1 : 0, 3.0, 5.0, due, last_review };

  if (last_review == NICHIRO_FSRS_NEVER)
    before.stability = 0;
  nichiro_review_log_entry_init (&entry, id, &before, time, rating);
  g_array_append_val (log, entry);
}

static GArray *
new_log (void)
{
  GArray *log = g_array_new (FALSE, FALSE, sizeof (NichiroReviewLogEntry));

  g_array_set_clear_func (log, (GDestroyNotify) nichiro_review_log_entry_clear);
  return log;
}

static void
test_stats_log (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GArray) log = new_log ();
  const NichiroReviewLogEntry *entries;
  guint per_day[7];
  double retention = -1;
  guint passed = 0, total = 0;
  gint64 today = nichiro_review_day_start (NOW, tokyo, 0);

  /* Two new cards today, one yesterday. */
  add_log (log, "a", NICHIRO_FSRS_STATE_LEARNING, NICHIRO_FSRS_NEVER, NOW - HOUR, NOW - HOUR, NICHIRO_RATING_GOOD);
  add_log (log, "a", NICHIRO_FSRS_STATE_LEARNING, NOW - HOUR, NOW - 50 * MINUTE, NOW - 50 * MINUTE, NICHIRO_RATING_GOOD);
  add_log (log, "b", NICHIRO_FSRS_STATE_LEARNING, NICHIRO_FSRS_NEVER, NOW, NOW, NICHIRO_RATING_AGAIN);
  add_log (log, "c", NICHIRO_FSRS_STATE_LEARNING, NICHIRO_FSRS_NEVER, NOW - DAY, NOW - DAY, NICHIRO_RATING_EASY);
  /* Mature reviews (intervals of 21 days and more): three recalled, one
   * forgotten; a young one and an old one left out. */
  add_log (log, "d", NICHIRO_FSRS_STATE_REVIEW, NOW - 30 * DAY, NOW - 2 * DAY, NOW - 2 * DAY, NICHIRO_RATING_GOOD);
  add_log (log, "e", NICHIRO_FSRS_STATE_REVIEW, NOW - 26 * DAY, NOW - 5 * DAY, NOW - 5 * DAY, NICHIRO_RATING_HARD);
  add_log (log, "f", NICHIRO_FSRS_STATE_REVIEW, NOW - 40 * DAY, NOW - 6 * DAY, NOW - 6 * DAY, NICHIRO_RATING_EASY);
  add_log (log, "g", NICHIRO_FSRS_STATE_REVIEW, NOW - 22 * DAY, NOW - DAY, NOW - DAY, NICHIRO_RATING_AGAIN);
  add_log (log, "h", NICHIRO_FSRS_STATE_REVIEW, NOW - 20 * DAY, NOW, NOW, NICHIRO_RATING_AGAIN);
  add_log (log, "i", NICHIRO_FSRS_STATE_REVIEW, NOW - 100 * DAY, NOW - 60 * DAY, NOW - 60 * DAY, NICHIRO_RATING_AGAIN);
  entries = (const NichiroReviewLogEntry *) log->data;

  g_assert_true (entries[0].was_new);
  g_assert_false (entries[1].was_new);
  g_assert_cmpuint (entries[4].scheduled_days, ==, 28);
  g_assert_true (nichiro_review_log_entry_is_mature (&entries[4]));
  g_assert_false (nichiro_review_log_entry_is_mature (&entries[8]));
  g_assert_cmpuint (entries[0].scheduled_days, ==, 0);

  g_assert_cmpuint (nichiro_review_stats_count_new_since (entries, log->len, today), ==, 2);

  g_assert_true (nichiro_review_stats_true_retention (entries, log->len, NOW - 30 * DAY, &retention, &passed, &total));
  g_assert_cmpuint (total, ==, 4);
  g_assert_cmpuint (passed, ==, 3);
  g_assert_cmpfloat (retention, ==, 0.75);
  g_assert_false (nichiro_review_stats_true_retention (entries, log->len, NOW + DAY, &retention, NULL, NULL));

  nichiro_review_stats_reviews_per_day (entries, log->len, NOW, tokyo, G_N_ELEMENTS (per_day), per_day);
  g_assert_cmpuint (per_day[6], ==, 4);  /* today: a, a, b, h */
  g_assert_cmpuint (per_day[5], ==, 2);  /* yesterday: c, g */
  g_assert_cmpuint (per_day[4], ==, 1);
  g_assert_cmpuint (per_day[3], ==, 0);
  g_assert_cmpuint (per_day[1], ==, 1);
  g_assert_cmpuint (per_day[0], ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/review-queue/order", test_queue_order);
  g_test_add_func ("/nichiro/review-queue/ties", test_queue_ties);
  g_test_add_func ("/nichiro/review-queue/session", test_queue_session);
  g_test_add_func ("/nichiro/review-stats/day-start", test_day_start);
  g_test_add_func ("/nichiro/review-stats/day-start-dst", test_day_start_dst);
  g_test_add_func ("/nichiro/review-stats/due-and-forecast", test_stats_due_and_forecast);
  g_test_add_func ("/nichiro/review-stats/log", test_stats_log);

  return g_test_run ();
}
