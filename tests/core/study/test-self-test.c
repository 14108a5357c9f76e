/* test-self-test.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-review-session.h"
#include "nichiro-self-test.h"
#include "nichiro-study-store.h"
#include "nichiro-test-utils.h"

/* The self-test as the window uses it, without the window: what is due,
 * chosen by part or by what was studied; a review session from its first
 * card to "done for today", each grade kept in the store; the statistics;
 * the intervals the grade buttons show. On tests/data/small.json, whose
 * seven cards are, in order: date:shimoda-1855 (part "one"),
 * date:war-1904, order:peace-1905:war-1904, date:peace-1905,
 * signatories:peace-1905:japan, signatories:peace-1905:russia and
 * article:peace-1905:IX (part "two"). The clock is the test's, the time
 * zone UTC. */

/* 2027-01-04T09:00:00Z, a Monday */
#define MONDAY (G_GINT64_CONSTANT (1799053200) * G_USEC_PER_SEC)
#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)
#define DAYS(n) ((gint64) (n) * NICHIRO_FSRS_USEC_PER_DAY)

typedef struct
{
  NichiroTestHome home;
  NichiroDataset *dataset;
  NichiroStudyStore *store;
  NichiroSelfTest *self_test;
  gint64 now;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  nichiro_test_home_set_up (&fixture->home, data);
  fixture->dataset = nichiro_test_load_dataset ("small.json");
  fixture->store = nichiro_study_store_new (fixture->home.path);
  fixture->self_test = nichiro_self_test_new (fixture->dataset, fixture->store);
  fixture->now = MONDAY;
  nichiro_self_test_set_clock (fixture->self_test, fixture_clock, fixture);
  nichiro_self_test_set_time_zone (fixture->self_test, utc);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->self_test);
  g_assert_true (nichiro_study_store_flush (fixture->store, NULL));
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->dataset);
  nichiro_test_home_tear_down (&fixture->home, data);
}

static gboolean
n_due_is (gpointer data)
{
  gpointer *pair = data;

  return nichiro_self_test_get_n_due (pair[0]) == GPOINTER_TO_UINT (pair[1]);
}

static void
wait_for_n_due (NichiroSelfTest *self_test,
                guint            n_due)
{
  gpointer pair[2] = { self_test, GUINT_TO_POINTER (n_due) };

  nichiro_test_spin_until (n_due_is, pair, "the number of cards due");
}

/* Grades the card shown after showing its answer. */
static const char *
answer (NichiroReviewSession *session,
        NichiroRating         rating)
{
  g_autoptr(GError) error = NULL;
  const char *id;

  g_assert_cmpint (nichiro_review_session_get_state (session), ==, NICHIRO_REVIEW_SESSION_PROMPT);
  id = nichiro_card_get_id (nichiro_review_session_get_card (session));
  nichiro_review_session_show_answer (session);
  g_assert_cmpint (nichiro_review_session_get_state (session), ==, NICHIRO_REVIEW_SESSION_ANSWER);
  g_assert_true (nichiro_review_session_grade (session, rating, &error));
  g_assert_no_error (error);

  return id;
}

/* What is due follows the reader's choice and the day's limit of new
 * cards; nothing is made before it is asked for. */
static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  const char * const one[] = { "one", NULL };
  const char * const nowhere[] = { "not-a-part", NULL };
  NichiroSelfTestCounts counts;

  g_assert_false (nichiro_self_test_is_prepared (fixture->self_test));
  g_assert_cmpuint (nichiro_self_test_get_n_due (fixture->self_test), ==, 0);
  nichiro_self_test_prepare (fixture->self_test);
  g_assert_true (nichiro_self_test_is_prepared (fixture->self_test));
  g_assert_cmpuint (nichiro_self_test_get_n_due (fixture->self_test), ==, 7);

  nichiro_self_test_set_new_per_day (fixture->self_test, 5);
  wait_for_n_due (fixture->self_test, 5);
  nichiro_self_test_set_new_per_day (fixture->self_test, NICHIRO_SELF_TEST_NEW_PER_DAY);
  wait_for_n_due (fixture->self_test, 7);

  nichiro_self_test_set_choice (fixture->self_test, NICHIRO_SELF_TEST_CHOICE_PARTS, one);
  wait_for_n_due (fixture->self_test, 1);
  nichiro_self_test_count_chosen (fixture->self_test, &counts);
  g_assert_cmpuint (counts.total, ==, 1);
  g_assert_cmpuint (counts.fresh, ==, 1);

  nichiro_self_test_set_choice (fixture->self_test, NICHIRO_SELF_TEST_CHOICE_PARTS, nowhere);
  wait_for_n_due (fixture->self_test, 0);

  /* What I have studied: the cards all of whose entries are studied. */
  nichiro_self_test_set_choice (fixture->self_test, NICHIRO_SELF_TEST_CHOICE_STUDIED, NULL);
  wait_for_n_due (fixture->self_test, 0);
  g_assert_true (nichiro_study_store_set_studied (fixture->store, "test-small", "peace-1905", TRUE, NULL));
  wait_for_n_due (fixture->self_test, 4);
  g_assert_true (nichiro_study_store_set_studied (fixture->store, "test-small", "war-1904", TRUE, NULL));
  wait_for_n_due (fixture->self_test, 6);

  /* The part page's count, whatever the choice. */
  nichiro_self_test_count_part (fixture->self_test, "two", &counts);
  g_assert_cmpuint (counts.total, ==, 6);
  g_assert_cmpuint (counts.fresh, ==, 6);
  g_assert_cmpuint (counts.due, ==, 0);
}

/* A session from its first card to the end of the day: questions in the
 * set's order, each answer graded once, each grade kept in the store; a
 * card answered Again comes back; the day ends with what tomorrow holds. */
static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(NichiroReviewSession) session = NULL;
  g_autoptr(GArray) log = NULL;
  g_autofree char *again = NULL;
  g_autofree char *good = NULL;
  g_autofree char *easy = NULL;
  NichiroSelfTestCounts counts;
  NichiroFsrsCard state;
  guint due, fresh;

  nichiro_self_test_prepare (fixture->self_test);
  session = nichiro_review_session_new (fixture->self_test);
  g_assert_cmpuint (nichiro_review_session_get_n_left (session), ==, 7);
  g_assert_cmpuint (nichiro_review_session_get_n_done (session), ==, 0);
  g_assert_cmpstr (nichiro_card_get_id (nichiro_review_session_get_card (session)), ==, "date:shimoda-1855");

  /* The buttons' intervals of a new card: the learning steps, then days. */
  again = nichiro_self_test_format_interval (nichiro_review_session_preview (session, NICHIRO_RATING_AGAIN));
  good = nichiro_self_test_format_interval (nichiro_review_session_preview (session, NICHIRO_RATING_GOOD));
  easy = nichiro_self_test_format_interval (nichiro_review_session_preview (session, NICHIRO_RATING_EASY));
  g_assert_cmpstr (again, ==, "1 min");
  g_assert_cmpstr (good, ==, "10 min");
  g_assert_cmpstr (easy, ==, "8 days");

  /* Again: it comes back once its step is due, a minute later, before
   * the cards not yet seen. */
  g_assert_cmpstr (answer (session, NICHIRO_RATING_AGAIN), ==, "date:shimoda-1855");
  g_assert_cmpuint (nichiro_review_session_get_n_done (session), ==, 1);
  g_assert_cmpuint (nichiro_review_session_get_n_left (session), ==, 7);
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (fixture->store, "test-small"), ==, 1);
  g_assert_true (nichiro_study_store_get_card_state (fixture->store, "test-small", "date:shimoda-1855", &state));
  g_assert_cmpint (state.state, ==, NICHIRO_FSRS_STATE_LEARNING);

  fixture->now += MINUTES (1);
  g_assert_cmpstr (answer (session, NICHIRO_RATING_EASY), ==, "date:war-1904");
  g_assert_cmpuint (nichiro_review_session_get_n_left (session), ==, 6);
  g_assert_cmpstr (answer (session, NICHIRO_RATING_EASY), ==, "date:shimoda-1855");
  for (guint i = 0; i < 5; i++)
    {
      fixture->now += MINUTES (1);
      answer (session, NICHIRO_RATING_EASY);
    }

  g_assert_cmpint (nichiro_review_session_get_state (session), ==, NICHIRO_REVIEW_SESSION_DONE);
  g_assert_null (nichiro_review_session_get_card (session));
  g_assert_cmpuint (nichiro_review_session_get_n_done (session), ==, 8);
  g_assert_cmpuint (nichiro_review_session_get_n_left (session), ==, 0);

  /* Every grade is in the log, in order. */
  log = nichiro_study_store_dup_review_log (fixture->store, "test-small");
  g_assert_cmpuint (log->len, ==, 8);
  g_assert_true (g_array_index (log, NichiroReviewLogEntry, 0).was_new);
  g_assert_cmpint (g_array_index (log, NichiroReviewLogEntry, 0).rating, ==, NICHIRO_RATING_AGAIN);
  g_assert_true (g_array_index (log, NichiroReviewLogEntry, 1).was_new);
  g_assert_cmpstr (g_array_index (log, NichiroReviewLogEntry, 2).card_id, ==, "date:shimoda-1855");
  g_assert_false (g_array_index (log, NichiroReviewLogEntry, 2).was_new);
  g_assert_cmpint (g_array_index (log, NichiroReviewLogEntry, 2).rating, ==, NICHIRO_RATING_EASY);

  /* Nothing is due today now. Tomorrow: the card first forgotten (Easy
   * from a learning step is a short interval); the others, answered Easy
   * at once, are a week away. */
  wait_for_n_due (fixture->self_test, 0);
  g_assert_true (nichiro_study_store_get_card_state (fixture->store, "test-small", "date:shimoda-1855", &state));
  g_assert_cmpint (state.state, ==, NICHIRO_FSRS_STATE_REVIEW);
  g_assert_cmpint (state.due, <, nichiro_self_test_get_day_start (fixture->self_test, 2));
  nichiro_self_test_count_tomorrow (fixture->self_test, &due, &fresh);
  g_assert_cmpuint (due, ==, 1);
  g_assert_cmpuint (fresh, ==, 0);
  nichiro_self_test_count_chosen (fixture->self_test, &counts);
  g_assert_cmpuint (counts.fresh, ==, 0);

  /* A fresh session today has nothing to show. */
  g_clear_object (&session);
  session = nichiro_review_session_new (fixture->self_test);
  g_assert_cmpint (nichiro_review_session_get_state (session), ==, NICHIRO_REVIEW_SESSION_DONE);

  /* Nine days on, the cards are due again, the most overdue first. */
  fixture->now += DAYS (9);
  g_clear_object (&session);
  session = nichiro_review_session_new (fixture->self_test);
  g_assert_cmpuint (nichiro_review_session_get_n_left (session), ==, 7);
  g_assert_cmpstr (nichiro_card_get_id (nichiro_review_session_get_card (session)), ==, "date:shimoda-1855");
}

/* The day's limit of new cards counts the new cards of every session of
 * the day; tomorrow brings the next ones. */
static void
test_new_limit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NichiroReviewSession) session = NULL;
  guint due, fresh;

  nichiro_self_test_set_new_per_day (fixture->self_test, 3);
  session = nichiro_review_session_new (fixture->self_test);
  g_assert_cmpuint (nichiro_review_session_get_n_left (session), ==, 3);
  answer (session, NICHIRO_RATING_EASY);
  g_clear_object (&session);

  /* Later the same day: two left. */
  fixture->now += MINUTES (30);
  session = nichiro_review_session_new (fixture->self_test);
  g_assert_cmpuint (nichiro_review_session_get_n_left (session), ==, 2);
  g_assert_cmpstr (nichiro_card_get_id (nichiro_review_session_get_card (session)), ==, "date:war-1904");
  answer (session, NICHIRO_RATING_EASY);
  answer (session, NICHIRO_RATING_EASY);
  g_assert_cmpint (nichiro_review_session_get_state (session), ==, NICHIRO_REVIEW_SESSION_DONE);

  nichiro_self_test_count_tomorrow (fixture->self_test, &due, &fresh);
  g_assert_cmpuint (due, ==, 0);
  g_assert_cmpuint (fresh, ==, 3);
}

/* A store that cannot keep the grade: the answer stays shown, the reader
 * is told why, nothing moves on. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NichiroStudyStore) store = NULL;
  g_autoptr(NichiroReviewSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->home.dir, "newer.json", NULL);

  nichiro_test_write_text (path, "{\"format\": \"nichiro-study\", \"version\": 3}", -1);
  store = nichiro_study_store_new (path);
  nichiro_self_test_set_store (fixture->self_test, store);

  session = nichiro_review_session_new (fixture->self_test);
  nichiro_review_session_show_answer (session);
  g_assert_false (nichiro_review_session_grade (session, NICHIRO_RATING_GOOD, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY);
  g_assert_cmpint (nichiro_review_session_get_state (session), ==, NICHIRO_REVIEW_SESSION_ANSWER);
  g_assert_cmpuint (nichiro_review_session_get_n_done (session), ==, 0);
  g_assert_cmpstr (nichiro_card_get_id (nichiro_review_session_get_card (session)), ==, "date:shimoda-1855");

  g_clear_object (&session);
  nichiro_self_test_set_store (fixture->self_test, fixture->store);
}

/* The statistics: what is due, reviews by day, the true retention of
 * mature cards, the forecast. */
static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  NichiroSelfTestStats stats;
  NichiroFsrsCard before, after;
  NichiroReviewLogEntry review;
  guint forecast_total = 0;

  nichiro_self_test_get_stats (fixture->self_test, &stats);
  g_assert_cmpuint (stats.n_cards, ==, 7);
  g_assert_cmpuint (stats.n_seen, ==, 0);
  g_assert_cmpuint (stats.due_today, ==, 0);
  g_assert_cmpuint (stats.new_today, ==, 7);
  g_assert_false (stats.has_retention);

  /* Mature cards, reviewed today: two recalled, one forgotten. The log
   * says they had intervals of 30 days. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const ids[] = { "date:war-1904", "date:peace-1905", "article:peace-1905:IX" };
      NichiroRating rating = i < 2 ? NICHIRO_RATING_GOOD : NICHIRO_RATING_AGAIN;

      before = (NichiroFsrsCard) { NICHIRO_FSRS_STATE_REVIEW, -1, 30.0, 5.0, fixture->now, fixture->now - DAYS (30) };
      after = before;
      nichiro_fsrs_review (nichiro_self_test_get_scheduler (fixture->self_test), &after, fixture->now, rating);
      nichiro_review_log_entry_init (&review, ids[i], &before, fixture->now, rating);
      g_assert_cmpuint (review.scheduled_days, ==, 30);
      g_assert_true (nichiro_study_store_add_review (fixture->store, "test-small", &review, &after, &error));
      nichiro_review_log_entry_clear (&review);
    }

  nichiro_self_test_get_stats (fixture->self_test, &stats);
  g_assert_cmpuint (stats.n_seen, ==, 3);
  g_assert_cmpuint (stats.reviews_today, ==, 3);
  g_assert_cmpuint (stats.reviews_per_day[NICHIRO_SELF_TEST_STATS_DAYS - 1], ==, 3);
  g_assert_cmpuint (stats.reviews_per_day[NICHIRO_SELF_TEST_STATS_DAYS - 2], ==, 0);
  g_assert_true (stats.has_retention);
  g_assert_cmpuint (stats.mature_passed, ==, 2);
  g_assert_cmpuint (stats.mature_total, ==, 3);
  g_assert_cmpfloat_with_epsilon (stats.retention, 2.0 / 3.0, 1e-9);

  /* The forgotten one is relearning, due in ten minutes: today. The two
   * recalled are over a month away, beyond the forecast. */
  g_assert_cmpuint (stats.due_today, ==, 1);
  g_assert_cmpuint (stats.forecast[0], ==, 1);
  for (guint i = 0; i < NICHIRO_SELF_TEST_STATS_DAYS; i++)
    forecast_total += stats.forecast[i];
  g_assert_cmpuint (forecast_total, ==, 1);
  g_assert_cmpuint (stats.due_week, ==, 1);
  g_assert_true (nichiro_study_store_get_card_state (fixture->store, "test-small", "date:war-1904", &after));
  g_assert_cmpint (after.due, >=, nichiro_self_test_get_day_start (fixture->self_test, NICHIRO_SELF_TEST_STATS_DAYS));

  /* Within the forecast once the month has passed. */
  fixture->now = after.due - DAYS (2);
  nichiro_self_test_get_stats (fixture->self_test, &stats);
  g_assert_cmpuint (stats.forecast[2], >=, 1);
  g_assert_cmpuint (stats.due_today, ==, 1);
  fixture->now = MONDAY;

  /* A month on, today's reviews are out of the window. */
  fixture->now += DAYS (30);
  nichiro_self_test_get_stats (fixture->self_test, &stats);
  g_assert_cmpuint (stats.reviews_today, ==, 0);
  g_assert_false (stats.has_retention);
}

/* What the grade buttons say. */
static void
test_format_interval (void)
{
  static const struct {
    gint64 interval;
    const char *text;
  } cases[] = {
    { 0, "1 min" },
    { MINUTES (1), "1 min" },
    { MINUTES (10), "10 min" },
    { MINUTES (59), "59 min" },
    { MINUTES (60), "1 h" },
    { MINUTES (150), "3 h" },
    { DAYS (1), "1 day" },
    { DAYS (3), "3 days" },
    { DAYS (30), "30 days" },
    { DAYS (76), "2.5 months" },
    { DAYS (400), "1.1 years" },
    { DAYS (36500), "99.9 years" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nichiro_self_test_format_interval (cases[i].interval);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/nichiro/self-test/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("due", test_due);
  ADD ("session", test_session);
  ADD ("new-limit", test_new_limit);
  ADD ("read-only", test_read_only);
  ADD ("stats", test_stats);
#undef ADD
  g_test_add_func ("/nichiro/self-test/format-interval", test_format_interval);

  return g_test_run ();
}
