/* test-fsrs.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "nichiro-error.h"
#include "nichiro-fsrs.h"
#include "nichiro-fsrs-replay.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define DAY NICHIRO_FSRS_USEC_PER_DAY

/* 2027-01-04T10:00:00Z */
#define T0 (G_GINT64_CONSTANT (1799056800) * G_USEC_PER_SEC)

static char *
reference_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "reference-fsrs6.jsonl", NULL);
}

/* The reference file */

typedef struct
{
  GPtrArray *expected;     /* JsonObject per review line */
  guint index;
  guint matched;
  GString *mismatches;
} ReferenceCheck;

static void
check_reference_line_cb (const NichiroFsrsReplayReview *review,
                         const NichiroFsrsCard         *card,
                         gpointer                       user_data)
{
  ReferenceCheck *check = user_data;
  JsonObject *expected = g_ptr_array_index (check->expected, check->index++);
  JsonNode *step = json_object_get_member (expected, "step");
  g_autofree char *due = nichiro_fsrs_format_time (card->due);
  gboolean same_step;
  gboolean ok;

  if (JSON_NODE_HOLDS_NULL (step))
    same_step = card->step == -1;
  else
    same_step = card->step == json_node_get_int (step);

  ok = g_str_equal (nichiro_fsrs_state_to_string (card->state), json_object_get_string_member (expected, "state")) &&
       same_step &&
       g_str_equal (due, json_object_get_string_member (expected, "due")) &&
       fabs (card->stability - json_object_get_double_member (expected, "stability")) <= 1e-4 &&
       fabs (card->difficulty - json_object_get_double_member (expected, "difficulty")) <= 1e-4;

  if (ok)
    {
      check->matched++;
    }
  else if (check->mismatches->len < 2000)
    {
      g_autofree char *line = nichiro_fsrs_replay_format_line (review, card);

      g_string_append_printf (check->mismatches, "line %u: got %s\n", review->line, line);
    }
}

static void
test_reference (void)
{
  g_autofree char *path = reference_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NichiroFsrsReplay) replay = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  ReferenceCheck check = { 0, };
  const NichiroFsrsSettings *settings;

  replay = nichiro_fsrs_replay_new_from_file (file, &error);
  g_assert_no_error (error);

  /* The header's settings are the defaults. */
  settings = nichiro_fsrs_replay_get_settings (replay);
  for (guint i = 0; i < NICHIRO_FSRS_N_PARAMETERS; i++)
    g_assert_cmpfloat (settings->parameters[i], ==, nichiro_fsrs_default_parameters[i]);
  g_assert_cmpfloat (settings->desired_retention, ==, 0.9);
  g_assert_cmpuint (settings->n_learning_steps, ==, 2);
  g_assert_cmpuint (settings->maximum_interval, ==, 36500);
  g_assert_false (settings->fuzz);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  check.expected = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  check.mismatches = g_string_new (NULL);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (lines[i][0] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      g_ptr_array_add (check.expected, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
    }

  g_assert_cmpuint (check.expected->len, ==, 1400);
  g_assert_cmpuint (nichiro_fsrs_replay_get_n_reviews (replay), ==, 1400);

  nichiro_fsrs_replay_run (replay, check_reference_line_cb, &check);

  g_test_message ("%u of %u reference lines reproduced", check.matched, check.expected->len);
  if (check.mismatches->len > 0)
    g_test_message ("%s", check.mismatches->str);
  g_assert_cmpuint (check.index, ==, 1400);
  g_assert_cmpuint (check.matched, ==, 1400);

  g_ptr_array_unref (check.expected);
  g_string_free (check.mismatches, TRUE);
}

/* The replay prints lines a person can diff against the reference. */
static void
test_reference_text (void)
{
  g_autofree char *path = reference_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NichiroFsrsReplay) replay = nichiro_fsrs_replay_new_from_file (file, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const NichiroFsrsReplayReview *review;
  NichiroFsrsCard card;
  g_autofree char *line = NULL;

  g_assert_nonnull (replay);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  /* The first review: a new card graded Easy goes straight to review. */
  review = nichiro_fsrs_replay_get_review (replay, 0);
  g_assert_cmpstr (review->card, ==, "1");
  g_assert_cmpuint (review->line, ==, 2);
  nichiro_fsrs_card_init (&card, review->time);
  {
    g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();

    nichiro_fsrs_review (fsrs, &card, review->time, review->rating);
  }
  line = nichiro_fsrs_replay_format_line (review, &card);
  g_assert_cmpstr (line, ==, lines[1]);
}

/* The scheduler */

static void
test_first_reviews (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  NichiroFsrsCard after[4];
  NichiroFsrsCard card;

  nichiro_fsrs_card_init (&card, T0);
  g_assert_true (nichiro_fsrs_card_is_new (&card));
  g_assert_cmpint (card.state, ==, NICHIRO_FSRS_STATE_LEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due, ==, T0);
  g_assert_cmpfloat (nichiro_fsrs_get_retrievability (fsrs, &card, T0), ==, 0.0);

  nichiro_fsrs_preview (fsrs, &card, T0, after);

  /* Again: back to the first step, one minute. */
  g_assert_cmpint (after[0].state, ==, NICHIRO_FSRS_STATE_LEARNING);
  g_assert_cmpint (after[0].step, ==, 0);
  g_assert_cmpint (after[0].due - T0, ==, 1 * MINUTE);
  g_assert_cmpfloat_with_epsilon (after[0].stability, 0.212, 1e-12);
  g_assert_cmpfloat_with_epsilon (after[0].difficulty, 6.4133, 1e-12);

  /* Hard at the first of two steps: their mean, five and a half minutes. */
  g_assert_cmpint (after[1].step, ==, 0);
  g_assert_cmpint (after[1].due - T0, ==, 330 * G_USEC_PER_SEC);

  /* Good: the next step, ten minutes. */
  g_assert_cmpint (after[2].state, ==, NICHIRO_FSRS_STATE_LEARNING);
  g_assert_cmpint (after[2].step, ==, 1);
  g_assert_cmpint (after[2].due - T0, ==, 10 * MINUTE);
  g_assert_cmpfloat_with_epsilon (after[2].stability, 2.3065, 1e-12);

  /* Easy: straight to review, the interval the stability gives at 0.9. */
  g_assert_cmpint (after[3].state, ==, NICHIRO_FSRS_STATE_REVIEW);
  g_assert_cmpint (after[3].step, ==, -1);
  g_assert_cmpint (after[3].due - T0, ==, 8 * DAY);
  g_assert_cmpfloat_with_epsilon (after[3].difficulty, 1.0, 1e-12);

  /* Good at the last step graduates. */
  card = after[2];
  nichiro_fsrs_review (fsrs, &card, T0 + 10 * MINUTE, NICHIRO_RATING_GOOD);
  g_assert_cmpint (card.state, ==, NICHIRO_FSRS_STATE_REVIEW);
  g_assert_cmpint (card.step, ==, -1);
  g_assert_cmpint (card.last_review, ==, T0 + 10 * MINUTE);
  g_assert_false (nichiro_fsrs_card_is_new (&card));
}

static void
test_lapse (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  NichiroFsrsCard card;
  double stability;

  nichiro_fsrs_card_init (&card, T0);
  nichiro_fsrs_review (fsrs, &card, T0, NICHIRO_RATING_EASY);
  stability = card.stability;

  nichiro_fsrs_review (fsrs, &card, card.due, NICHIRO_RATING_AGAIN);
  g_assert_cmpint (card.state, ==, NICHIRO_FSRS_STATE_RELEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due - card.last_review, ==, 10 * MINUTE);
  g_assert_cmpfloat (card.stability, <, stability);

  nichiro_fsrs_review (fsrs, &card, card.due, NICHIRO_RATING_GOOD);
  g_assert_cmpint (card.state, ==, NICHIRO_FSRS_STATE_REVIEW);
  g_assert_cmpint ((card.due - card.last_review) % DAY, ==, 0);
  g_assert_cmpint (card.due - card.last_review, >=, DAY);
}

/* Intervals round half to even, as the reference does: a raw interval of
 * 2.5 days is 2, of 3.5 is 4. */
static void
test_interval_rounding (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();

  /* At a desired retention of 0.9 the interval is the stability itself. */
  g_assert_cmpuint (nichiro_fsrs_next_interval (fsrs, 2.5), ==, 2);
  g_assert_cmpuint (nichiro_fsrs_next_interval (fsrs, 3.5), ==, 4);
  g_assert_cmpuint (nichiro_fsrs_next_interval (fsrs, 4.5), ==, 4);
  g_assert_cmpuint (nichiro_fsrs_next_interval (fsrs, 4.51), ==, 5);
  g_assert_cmpuint (nichiro_fsrs_next_interval (fsrs, 0.01), ==, 1);
  g_assert_cmpuint (nichiro_fsrs_next_interval (fsrs, 1e9), ==, 36500);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_desired_retention (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  GParamSpecDouble *pspec;
  guint notified = 0;
  guint at_90, at_80, at_97;

  pspec = G_PARAM_SPEC_DOUBLE (g_object_class_find_property (G_OBJECT_GET_CLASS (fsrs), "desired-retention"));
  g_assert_cmpfloat (pspec->minimum, ==, 0.70);
  g_assert_cmpfloat (pspec->maximum, ==, 0.97);
  g_assert_cmpfloat (pspec->default_value, ==, 0.90);
  g_assert_cmpfloat (nichiro_fsrs_get_desired_retention (fsrs), ==, 0.90);

  g_signal_connect (fsrs, "notify::desired-retention", G_CALLBACK (notify_count_cb), &notified);

  at_90 = nichiro_fsrs_next_interval (fsrs, 20.0);
  g_assert_cmpuint (at_90, ==, 20);

  nichiro_fsrs_set_desired_retention (fsrs, 0.80);
  g_assert_cmpuint (notified, ==, 1);
  nichiro_fsrs_set_desired_retention (fsrs, 0.80);
  g_assert_cmpuint (notified, ==, 1);
  at_80 = nichiro_fsrs_next_interval (fsrs, 20.0);

  g_object_set (fsrs, "desired-retention", 0.97, NULL);
  g_assert_cmpuint (notified, ==, 2);
  at_97 = nichiro_fsrs_next_interval (fsrs, 20.0);

  /* Aiming higher means reviewing sooner. */
  g_assert_cmpuint (at_97, <, at_90);
  g_assert_cmpuint (at_90, <, at_80);
}

static void
test_retrievability (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  NichiroFsrsCard card;
  double at_due, later;

  nichiro_fsrs_card_init (&card, T0);
  nichiro_fsrs_review (fsrs, &card, T0, NICHIRO_RATING_EASY);
  g_assert_cmpfloat (nichiro_fsrs_get_retrievability (fsrs, &card, T0), ==, 1.0);

  /* At the due day recall has fallen to about the desired retention. */
  at_due = nichiro_fsrs_get_retrievability (fsrs, &card, card.due);
  g_assert_cmpfloat (fabs (at_due - 0.9), <, 0.01);

  later = nichiro_fsrs_get_retrievability (fsrs, &card, card.due + 30 * DAY);
  g_assert_cmpfloat (later, <, at_due);
  g_assert_cmpfloat (later, >, 0.0);
}

static void
test_fuzz (void)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  g_autoptr(NichiroFsrs) same = nichiro_fsrs_new ();
  g_autoptr(NichiroFsrs) other = nichiro_fsrs_new ();
  g_autoptr(NichiroFsrs) plain = nichiro_fsrs_new ();
  guint differs = 0;
  guint spread = 0;

  nichiro_fsrs_set_fuzz (fsrs, TRUE, 42);
  nichiro_fsrs_set_fuzz (same, TRUE, 42);
  nichiro_fsrs_set_fuzz (other, TRUE, 43);

  for (guint i = 0; i < 200; i++)
    {
      gint64 now = T0 + i * 7 * MINUTE;
      NichiroFsrsCard a, b, c, d;
      NichiroFsrsCard preview[4];
      gint64 fuzzed, unfuzzed;

      nichiro_fsrs_card_init (&a, now);
      nichiro_fsrs_review (fsrs, &a, now, NICHIRO_RATING_EASY);
      b = c = d = a;
      a.due += 0;

      /* A review 20 days later: Good gives an interval of weeks. */
      nichiro_fsrs_preview (fsrs, &a, now + 20 * DAY, preview);
      nichiro_fsrs_review (fsrs, &a, now + 20 * DAY, NICHIRO_RATING_GOOD);
      nichiro_fsrs_review (same, &b, now + 20 * DAY, NICHIRO_RATING_GOOD);
      nichiro_fsrs_review (other, &c, now + 20 * DAY, NICHIRO_RATING_GOOD);
      nichiro_fsrs_review (plain, &d, now + 20 * DAY, NICHIRO_RATING_GOOD);

      g_assert_cmpint (preview[2].due, ==, a.due);
      g_assert_cmpint (a.due, ==, b.due);
      g_assert_cmpfloat (a.stability, ==, d.stability);
      differs += a.due != c.due;

      fuzzed = (a.due - a.last_review) / DAY;
      unfuzzed = (d.due - d.last_review) / DAY;
      g_assert_cmpint ((a.due - a.last_review) % DAY, ==, 0);
      /* Beyond 20 days the spread is 1 + 0.15·4.5 + 0.1·13 + 5% of the rest. */
      g_assert_cmpint (ABS (fuzzed - unfuzzed), <=,
                       (gint64) ceil (1 + 0.675 + 1.3 + 0.05 * MAX (unfuzzed - 20, 0)));
      spread += fuzzed != unfuzzed;
    }

  g_assert_cmpuint (differs, >, 50);
  g_assert_cmpuint (spread, >, 50);

  /* Short intervals are never fuzzed. */
  {
    NichiroFsrsCard card;

    nichiro_fsrs_card_init (&card, T0);
    nichiro_fsrs_review (fsrs, &card, T0, NICHIRO_RATING_GOOD);
    nichiro_fsrs_review (fsrs, &card, T0 + 10 * MINUTE, NICHIRO_RATING_GOOD);
    g_assert_cmpint (card.due - card.last_review, ==, 2 * DAY);
  }
}

/* Days are 24-hour periods by default, as in the reference; with a time
 * zone they are the learner's calendar days. */
static void
test_time_zone (void)
{
  g_autoptr(NichiroFsrs) exact = nichiro_fsrs_new ();
  g_autoptr(NichiroFsrs) calendar = nichiro_fsrs_new ();
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  NichiroFsrsCard a, b;
  /* T0 is 19:00 in Tokyo. */
  gint64 late_evening = T0 + 4 * 60 * MINUTE;

  g_assert_null (nichiro_fsrs_get_time_zone (calendar));
  nichiro_fsrs_set_time_zone (calendar, tokyo);
  g_assert_true (nichiro_fsrs_get_time_zone (calendar) == tokyo);

  /* Graduated at 23:00, reviewed at 01:00: two hours, but the next day. */
  nichiro_fsrs_card_init (&a, late_evening);
  nichiro_fsrs_review (exact, &a, late_evening, NICHIRO_RATING_EASY);
  b = a;
  g_assert_cmpfloat (nichiro_fsrs_get_retrievability (exact, &a, late_evening + 2 * 60 * MINUTE), ==, 1.0);
  g_assert_cmpfloat (nichiro_fsrs_get_retrievability (calendar, &b, late_evening + 2 * 60 * MINUTE), <, 1.0);
  nichiro_fsrs_review (exact, &a, late_evening + 2 * 60 * MINUTE, NICHIRO_RATING_GOOD);
  nichiro_fsrs_review (calendar, &b, late_evening + 2 * 60 * MINUTE, NICHIRO_RATING_GOOD);
  g_assert_cmpfloat (a.stability, !=, b.stability);

  /* Three days later, five minutes earlier in the day: two days in 24-hour
   * periods, three calendar days. */
  nichiro_fsrs_card_init (&a, T0 + 5 * MINUTE);
  nichiro_fsrs_review (exact, &a, T0 + 5 * MINUTE, NICHIRO_RATING_EASY);
  g_assert_cmpfloat (nichiro_fsrs_get_retrievability (exact, &a, T0 + 3 * DAY),
                     >, nichiro_fsrs_get_retrievability (calendar, &a, T0 + 3 * DAY));
  g_assert_cmpfloat (nichiro_fsrs_get_retrievability (calendar, &a, T0 + 3 * DAY), ==,
                     nichiro_fsrs_get_retrievability (exact, &a, T0 + 3 * DAY + 5 * MINUTE));

  nichiro_fsrs_set_time_zone (calendar, NULL);
  g_assert_null (nichiro_fsrs_get_time_zone (calendar));
}

/* Settings */

typedef struct
{
  const char *name;
  void (*spoil) (NichiroFsrsSettings *settings);
  const char *message;
} BadSettingsCase;

static void spoil_nan (NichiroFsrsSettings *s) { s->parameters[8] = NAN; }
static void spoil_stability (NichiroFsrsSettings *s) { s->parameters[2] = 0; }
static void spoil_decay (NichiroFsrsSettings *s) { s->parameters[20] = -0.1; }
static void spoil_low_retention (NichiroFsrsSettings *s) { s->desired_retention = 0.69; }
static void spoil_high_retention (NichiroFsrsSettings *s) { s->desired_retention = 0.98; }
static void spoil_step (NichiroFsrsSettings *s) { s->learning_steps[1] = 0; }
static void spoil_steps (NichiroFsrsSettings *s) { s->n_relearning_steps = NICHIRO_FSRS_MAX_STEPS + 1; }
static void spoil_interval (NichiroFsrsSettings *s) { s->maximum_interval = 0; }

static const BadSettingsCase bad_settings_cases[] = {
  { "nan", spoil_nan, "w8 is not a finite number" },
  { "stability", spoil_stability, "w2, an initial stability, must be above 0" },
  { "decay", spoil_decay, "w20, the decay, must be above 0" },
  { "low-retention", spoil_low_retention, "desired_retention must be between 0.70 and 0.97" },
  { "high-retention", spoil_high_retention, "desired_retention must be between 0.70 and 0.97" },
  { "step", spoil_step, "learning_steps_s: each step must be a number of seconds above 0" },
  { "steps", spoil_steps, "relearning_steps_s: at most 8 steps" },
  { "interval", spoil_interval, "maximum_interval_days must be between 1 and 36500" },
};

static void
test_bad_settings (gconstpointer data)
{
  const BadSettingsCase *test = data;
  g_autoptr(NichiroFsrs) fsrs = NULL;
  g_autoptr(GError) error = NULL;
  NichiroFsrsSettings settings;

  nichiro_fsrs_settings_init (&settings);
  g_assert_true (nichiro_fsrs_settings_check (&settings, NULL));

  test->spoil (&settings);
  fsrs = nichiro_fsrs_new_with_settings (&settings, &error);
  g_assert_null (fsrs);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, test->message));
}

/* Replay files */

#define HEADER "{\"header\": true, \"algorithm\": \"FSRS-6\", \"desired_retention\": 0.9}\n"

typedef struct
{
  const char *name;
  const char *text;
  const char *message;
} BadReplayCase;

static const BadReplayCase bad_replay_cases[] = {
  { "empty", "", "log.jsonl:1: the file is empty" },
  { "no-header", "{\"card\": 1, \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 3}\n",
    "log.jsonl:1: the first line must be the header" },
  { "not-json", HEADER "{\"card\": 1,\n", "log.jsonl:2:" },
  { "comment", HEADER "{\"card\": 1, \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 3} // good\n",
    "log.jsonl:2:" },
  { "array", HEADER "[1, 2]\n", "log.jsonl:2: expected a JSON object on each line" },
  { "rating", HEADER "{\"card\": 1, \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 5}\n",
    "log.jsonl:2: \"rating\" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" },
  { "rating-float", HEADER "{\"card\": 1, \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 3.0}\n",
    "log.jsonl:2: \"rating\" must be" },
  { "time", HEADER "\n{\"card\": 1, \"review\": \"2027-01-04 14:31\", \"rating\": 3}\n",
    "log.jsonl:3: \"2027-01-04 14:31\" is not a time in ISO 8601 with a time zone" },
  { "no-zone", HEADER "{\"card\": 1, \"review\": \"2027-01-04T14:31:00\", \"rating\": 3}\n",
    "log.jsonl:2: \"2027-01-04T14:31:00\" is not a time" },
  { "card", HEADER "{\"card\": [1], \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 3}\n",
    "log.jsonl:2: \"card\" must be the card's number or name" },
  { "order", HEADER
    "{\"card\": 1, \"review\": \"2027-01-05T14:31:00Z\", \"rating\": 3}\n"
    "{\"card\": 2, \"review\": \"2027-01-01T14:31:00Z\", \"rating\": 3}\n"
    "{\"card\": 1, \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 3}\n",
    "log.jsonl:4: card 1 was already reviewed at 2027-01-05T14:31:00Z (line 2)" },
  { "second-header", HEADER HEADER, "log.jsonl:2: a second header" },
  { "algorithm", "{\"header\": true, \"algorithm\": \"SM-2\"}\n", "log.jsonl:1: \"algorithm\" must be \"FSRS-6\"" },
  { "parameters", "{\"header\": true, \"parameters\": [1, 2, 3]}\n",
    "log.jsonl:1: \"parameters\" must be an array of the 21 FSRS-6 weights" },
  { "retention", "{\"header\": true, \"desired_retention\": 0.99}\n",
    "log.jsonl:1: desired_retention must be between 0.70 and 0.97" },
  { "fuzz", "{\"header\": true, \"fuzz\": true}\n", "log.jsonl:1: \"fuzz\" must be false" },
  { "maximum", "{\"header\": true, \"maximum_interval_days\": 0}\n",
    "log.jsonl:1: \"maximum_interval_days\" must be a whole number of days from 1 to 36500" },
  { "steps", "{\"header\": true, \"learning_steps_s\": [\"1m\"]}\n",
    "log.jsonl:1: \"learning_steps_s\" must be an array of seconds" },
  { "utf8", HEADER "{\"card\": \"\xff\"}\n", "log.jsonl:2: the text is not valid UTF-8" },
};

static void
test_bad_replay (gconstpointer data)
{
  const BadReplayCase *test = data;
  g_autoptr(NichiroFsrsReplay) replay = NULL;
  g_autoptr(GError) error = NULL;

  replay = nichiro_fsrs_replay_new_from_data (test->text, strlen (test->text), "log.jsonl", &error);
  g_assert_null (replay);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, test->message));
}

/* Every bad line is reported, not only the first. */
static void
test_replay_all_problems (void)
{
  const char *text = HEADER
    "{\"card\": 1, \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 0}\n"
    "{\"card\": 1, \"review\": \"2027-01-04T14:41:00Z\", \"rating\": 3}\n"
    "{\"card\": 2, \"review\": \"yesterday\", \"rating\": 3}\n";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_null (nichiro_fsrs_replay_new_from_data (text, strlen (text), "log.jsonl", &error));
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "log.jsonl:2: "));
  g_assert_true (g_str_has_prefix (lines[1], "log.jsonl:4: "));
}

static void
count_reviews_cb (const NichiroFsrsReplayReview *review,
                  const NichiroFsrsCard         *card,
                  gpointer                       user_data)
{
  GPtrArray *lines = user_data;

  g_ptr_array_add (lines, nichiro_fsrs_replay_format_line (review, card));
}

/* Cards named by strings, interleaved, with settings from the header. */
static void
test_replay_settings (void)
{
  const char *text =
    "{\"header\": true, \"desired_retention\": 0.8, \"learning_steps_s\": [120], "
    "\"relearning_steps_s\": [], \"maximum_interval_days\": 3}\n"
    "\n"
    "{\"card\": \"date:a\", \"review\": \"2027-01-04T10:00:00+09:00\", \"rating\": 3, \"extra\": [1]}\n"
    "{\"card\": \"date:b\", \"review\": \"2027-01-04T01:00:00.5Z\", \"rating\": 2}\n"
    "{\"card\": \"date:a\", \"review\": \"2027-01-04T01:02:00Z\", \"rating\": 4}\n";
  g_autoptr(NichiroFsrsReplay) replay = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  replay = nichiro_fsrs_replay_new_from_data (text, strlen (text), "log.jsonl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nichiro_fsrs_replay_get_n_reviews (replay), ==, 3);
  g_assert_cmpuint (nichiro_fsrs_replay_get_review (replay, 0)->line, ==, 3);
  g_assert_cmpfloat (nichiro_fsrs_replay_get_settings (replay)->desired_retention, ==, 0.8);

  nichiro_fsrs_replay_run (replay, count_reviews_cb, lines);
  g_assert_cmpuint (lines->len, ==, 3);
  /* One learning step of two minutes: Good graduates at once, and the
   * maximum interval of 3 days caps it. */
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "{\"card\": \"date:a\", \"review\": \"2027-01-04T01:00:00Z\", \"rating\": 3, "
                   "\"state\": \"review\", \"step\": null, \"stability\": 2.3065, \"difficulty\": 2.118104, "
                   "\"due\": \"2027-01-07T01:00:00Z\"}");
  /* Hard with one step: one and a half times it. */
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 1), "\"review\": \"2027-01-04T01:00:00.500000Z\""));
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 1), "\"due\": \"2027-01-04T01:03:00.500000Z\""));
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 2), "\"due\": \"2027-01-07T01:02:00Z\""));
}

static void
test_time_format (void)
{
  gint64 time;
  g_autofree char *text = NULL;
  g_autofree char *before_epoch = NULL;

  g_assert_true (nichiro_fsrs_parse_time ("2027-01-04T14:31:00Z", &time));
  g_assert_cmpint (time, ==, T0 + (4 * 60 + 31) * MINUTE);
  text = nichiro_fsrs_format_time (time);
  g_assert_cmpstr (text, ==, "2027-01-04T14:31:00Z");

  before_epoch = nichiro_fsrs_format_time (-1);
  g_assert_cmpstr (before_epoch, ==, "1969-12-31T23:59:59.999999Z");

  g_assert_false (nichiro_fsrs_parse_time ("soon", &time));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/fsrs/reference", test_reference);
  g_test_add_func ("/nichiro/fsrs/reference-text", test_reference_text);
  g_test_add_func ("/nichiro/fsrs/first-reviews", test_first_reviews);
  g_test_add_func ("/nichiro/fsrs/lapse", test_lapse);
  g_test_add_func ("/nichiro/fsrs/interval-rounding", test_interval_rounding);
  g_test_add_func ("/nichiro/fsrs/desired-retention", test_desired_retention);
  g_test_add_func ("/nichiro/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/nichiro/fsrs/fuzz", test_fuzz);
  g_test_add_func ("/nichiro/fsrs/time-zone", test_time_zone);
  for (guint i = 0; i < G_N_ELEMENTS (bad_settings_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/fsrs/bad-settings/%s", bad_settings_cases[i].name);

      g_test_add_data_func (path, &bad_settings_cases[i], test_bad_settings);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_replay_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/fsrs/bad-replay/%s", bad_replay_cases[i].name);

      g_test_add_data_func (path, &bad_replay_cases[i], test_bad_replay);
    }
  g_test_add_func ("/nichiro/fsrs/replay-all-problems", test_replay_all_problems);
  g_test_add_func ("/nichiro/fsrs/replay-settings", test_replay_settings);
  g_test_add_func ("/nichiro/fsrs/time-format", test_time_format);

  return g_test_run ();
}
