/* test-review.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-error.h"
#include "nichiro-fsrs-replay.h"
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

/* The review log in JSON */

static void
copy_card_cb (const NichiroFsrsReplayReview *review,
              const NichiroFsrsCard         *card,
              gpointer                       user_data)
{
  *(NichiroFsrsCard *) user_data = *card;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_node_ref (json_parser_get_root (parser));
}

static char *
to_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* States and entries read back are the ones written, to the last bit. */
static void
test_log_json_round_trip (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  NichiroFsrsCard card, read;
  NichiroFsrsCard fresh;

  nichiro_fsrs_card_init (&fresh, NOW + 123456);
  nichiro_fsrs_card_init (&card, NOW);
  nichiro_fsrs_review (fsrs, &card, NOW + 7, NICHIRO_RATING_GOOD);
  nichiro_fsrs_review (fsrs, &card, NOW + 11 * MINUTE, NICHIRO_RATING_HARD);
  nichiro_fsrs_review (fsrs, &card, NOW + 3 * DAY, NICHIRO_RATING_GOOD);

  for (guint i = 0; i < 2; i++)
    {
      const NichiroFsrsCard *state = i == 0 ? &fresh : &card;
      g_autoptr(JsonNode) node = nichiro_fsrs_card_to_json (state);
      g_autofree char *text = to_text (node);
      g_autoptr(JsonNode) again = parse_json (text);
      g_autoptr(GError) error = NULL;

      g_assert_true (nichiro_fsrs_card_from_json (again, &read, &error));
      g_assert_no_error (error);
      g_assert_cmpint (read.state, ==, state->state);
      g_assert_cmpint (read.step, ==, state->step);
      g_assert_cmpfloat (read.stability, ==, state->stability);
      g_assert_cmpfloat (read.difficulty, ==, state->difficulty);
      g_assert_cmpint (read.due, ==, state->due);
      g_assert_cmpint (read.last_review, ==, state->last_review);
    }

  {
    NichiroReviewLogEntry entry, back;
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(JsonNode) again = NULL;
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    nichiro_review_log_entry_init (&entry, "date:portsmouth-1905", &card, NOW + 40 * DAY + 5, NICHIRO_RATING_EASY);
    node = nichiro_review_log_entry_to_json (&entry);
    text = to_text (node);
    g_assert_nonnull (strstr (text, "\"card\":\"date:portsmouth-1905\""));
    g_assert_nonnull (strstr (text, "\"state_before\":\"review\""));
    again = parse_json (text);
    g_assert_true (nichiro_review_log_entry_from_json (again, &back, &error));
    g_assert_no_error (error);
    g_assert_cmpint (nichiro_review_log_entry_compare (&entry, &back), ==, 0);
    g_assert_cmpstr (back.card_id, ==, entry.card_id);
    nichiro_review_log_entry_clear (&entry);
    nichiro_review_log_entry_clear (&back);
  }
}

typedef struct
{
  const char *name;
  gboolean card;       /* a card state, or else a log entry */
  const char *json;
  const char *message;
} BadJsonCase;

static const BadJsonCase bad_json_cases[] = {
  { "card-not-object", TRUE, "[1]", "expected a JSON object" },
  { "card-state", TRUE, "{\"state\": \"asleep\"}", "\"state\" must be \"learning\", \"review\" or \"relearning\"" },
  { "card-step-review", TRUE, "{\"state\": \"review\", \"step\": 0}", "\"step\" must be null in review" },
  { "card-step", TRUE, "{\"state\": \"learning\", \"step\": -1}", "\"step\" must be a step from 0 to 8" },
  { "card-stability", TRUE, "{\"state\": \"learning\", \"step\": 0, \"stability\": \"high\"}",
    "\"stability\" must be a number" },
  { "card-due", TRUE,
    "{\"state\": \"learning\", \"step\": 0, \"stability\": 1, \"difficulty\": 5, \"due\": \"soon\"}",
    "\"due\" must be a time in ISO 8601" },
  { "card-never-reviewed", TRUE,
    "{\"state\": \"review\", \"step\": null, \"stability\": 2, \"difficulty\": 5,"
    " \"due\": \"2027-01-04T00:00:00Z\", \"last_review\": null}",
    "a card never reviewed is learning" },
  { "card-difficulty", TRUE,
    "{\"state\": \"review\", \"step\": null, \"stability\": 2, \"difficulty\": 11,"
    " \"due\": \"2027-01-04T00:00:00Z\", \"last_review\": \"2027-01-01T00:00:00Z\"}",
    "\"difficulty\" must be from 1 to 10" },
  { "entry-card", FALSE, "{\"card\": 1}", "\"card\" must be a card id" },
  { "entry-time", FALSE, "{\"card\": \"x\", \"review\": \"2027-01-04\"}", "\"review\" must be a time" },
  { "entry-rating", FALSE, "{\"card\": \"x\", \"review\": \"2027-01-04T00:00:00Z\", \"rating\": 0}",
    "\"rating\" must be 1 (Again)" },
  { "entry-new", FALSE,
    "{\"card\": \"x\", \"review\": \"2027-01-04T00:00:00Z\", \"rating\": 3, \"state_before\": \"review\"}",
    "\"new\" must be true or false" },
  { "entry-days", FALSE,
    "{\"card\": \"x\", \"review\": \"2027-01-04T00:00:00Z\", \"rating\": 3, \"state_before\": \"review\","
    " \"new\": false, \"scheduled_days\": -2}",
    "\"scheduled_days\" must be a whole number of days" },
};

static void
test_log_json_bad (gconstpointer data)
{
  const BadJsonCase *test = data;
  g_autoptr(JsonNode) node = parse_json (test->json);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (test->card)
    {
      NichiroFsrsCard card;

      ok = nichiro_fsrs_card_from_json (node, &card, &error);
    }
  else
    {
      NichiroReviewLogEntry entry;

      ok = nichiro_review_log_entry_from_json (node, &entry, &error);
    }

  g_assert_false (ok);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, test->message));
}

/* Merging a backup's log keeps every review once, in time order. */
static void
test_log_merge (void)
{
  g_autoptr(GArray) mine = new_log ();
  g_autoptr(GArray) theirs = new_log ();
  g_autoptr(GArray) merged = NULL;
  const NichiroReviewLogEntry *entries;

  add_log (mine, "a", NICHIRO_FSRS_STATE_LEARNING, NICHIRO_FSRS_NEVER, NOW, NOW, NICHIRO_RATING_GOOD);
  add_log (mine, "b", NICHIRO_FSRS_STATE_REVIEW, NOW - 30 * DAY, NOW + DAY, NOW + DAY, NICHIRO_RATING_GOOD);
  add_log (mine, "a", NICHIRO_FSRS_STATE_LEARNING, NOW, NOW + 10 * MINUTE, NOW + 10 * MINUTE, NICHIRO_RATING_GOOD);
  /* The same first review, a review made only on the other machine, and
   * one at the same moment with another grade. */
  add_log (theirs, "a", NICHIRO_FSRS_STATE_LEARNING, NICHIRO_FSRS_NEVER, NOW, NOW, NICHIRO_RATING_GOOD);
  add_log (theirs, "c", NICHIRO_FSRS_STATE_LEARNING, NICHIRO_FSRS_NEVER, NOW + HOUR, NOW + HOUR, NICHIRO_RATING_EASY);
  add_log (theirs, "b", NICHIRO_FSRS_STATE_REVIEW, NOW - 30 * DAY, NOW + DAY, NOW + DAY, NICHIRO_RATING_AGAIN);

  merged = nichiro_review_log_merge ((NichiroReviewLogEntry *) mine->data, mine->len,
                                     (NichiroReviewLogEntry *) theirs->data, theirs->len);
  entries = (const NichiroReviewLogEntry *) merged->data;
  g_assert_cmpuint (merged->len, ==, 5);
  g_assert_cmpstr (entries[0].card_id, ==, "a");
  g_assert_cmpint (entries[0].time, ==, NOW);
  g_assert_cmpint (entries[1].time, ==, NOW + 10 * MINUTE);
  g_assert_cmpstr (entries[2].card_id, ==, "c");
  g_assert_cmpstr (entries[3].card_id, ==, "b");
  g_assert_cmpint (entries[3].rating, ==, NICHIRO_RATING_AGAIN);
  g_assert_cmpstr (entries[4].card_id, ==, "b");
  g_assert_cmpint (entries[4].rating, ==, NICHIRO_RATING_GOOD);
  for (guint i = 1; i < merged->len; i++)
    g_assert_cmpint (nichiro_review_log_entry_compare (&entries[i - 1], &entries[i]), <, 0);

  /* The copies are the merged log's own. */
  g_array_set_size (mine, 0);
  g_array_set_size (theirs, 0);
  g_assert_cmpstr (entries[2].card_id, ==, "c");
}

/* A log written as JSON lines under a header replays to the same states. */
static void
test_log_replays (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  g_autoptr(GString) text = g_string_new ("{\"header\": true, \"algorithm\": \"FSRS-6\"}\n");
  g_autoptr(NichiroFsrsReplay) replay = NULL;
  g_autoptr(GError) error = NULL;
  NichiroFsrsCard card;
  static const NichiroRating ratings[] = { 3, 3, 1, 3, 4, 2, 3 };
  gint64 now = NOW;
  const NichiroFsrsReplayReview *last;

  nichiro_fsrs_card_init (&card, now);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      NichiroReviewLogEntry entry;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *line = NULL;

      nichiro_review_log_entry_init (&entry, "date:x", &card, now, ratings[i]);
      node = nichiro_review_log_entry_to_json (&entry);
      line = to_text (node);
      g_string_append_printf (text, "%s\n", line);
      nichiro_review_log_entry_clear (&entry);

      nichiro_fsrs_review (fsrs, &card, now, ratings[i]);
      now = MAX (card.due, now + MINUTE);
    }

  replay = nichiro_fsrs_replay_new_from_data (text->str, text->len, "log.jsonl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nichiro_fsrs_replay_get_n_reviews (replay), ==, G_N_ELEMENTS (ratings));
  last = nichiro_fsrs_replay_get_review (replay, G_N_ELEMENTS (ratings) - 1);
  g_assert_cmpstr (last->card, ==, "\"date:x\"");
  {
    NichiroFsrsCard replayed = { 0, };

    nichiro_fsrs_replay_run (replay, copy_card_cb, &replayed);
    g_assert_cmpint (replayed.due, ==, card.due);
    g_assert_cmpfloat (replayed.stability, ==, card.stability);
    g_assert_cmpfloat (replayed.difficulty, ==, card.difficulty);
  }
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
  g_test_add_func ("/nichiro/review-log/json-round-trip", test_log_json_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_json_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/review-log/json-bad/%s", bad_json_cases[i].name);

      g_test_add_data_func (path, &bad_json_cases[i], test_log_json_bad);
    }
  g_test_add_func ("/nichiro/review-log/merge", test_log_merge);
  g_test_add_func ("/nichiro/review-log/replays", test_log_replays);

  return g_test_run ();
}
