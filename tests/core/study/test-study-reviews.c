/* test-study-reviews.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-fsrs.h"
#include "nichiro-study-export.h"
#include "nichiro-study-store.h"
#include "nichiro-test-utils.h"

/* The self-test's card states and review log in the study file: kept as
 * safely as notes, merged with another process's save and with a backup
 * record by record, never losing a review; and a file of version 1, as
 * the Nichiro before them wrote it, read and written as version 2 with
 * nothing lost. */

#define DATASET "test-small"
/* The dataset tests/core/study/study-v1.json holds notes of. */
#define V1_DATASET "japan-russia-1855-1956"

/* 2027-01-04T09:00:00Z */
#define MONDAY (G_GINT64_CONSTANT (1799053200) * G_USEC_PER_SEC)
#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)

/* Grades @card_id at @now in @store as a review session does, and returns
 * the state it leads to. */
static NichiroFsrsCard
grade (NichiroStudyStore *store,
       const char        *dataset_id,
       const char        *card_id,
       gint64             now,
       NichiroRating      rating)
{
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  g_autoptr(GError) error = NULL;
  NichiroReviewLogEntry review;
  NichiroFsrsCard before, after;

  if (!nichiro_study_store_get_card_state (store, dataset_id, card_id, &before))
    nichiro_fsrs_card_init (&before, now);
  after = before;
  nichiro_fsrs_review (fsrs, &after, now, rating);

  nichiro_review_log_entry_init (&review, card_id, &before, now, rating);
  g_assert_true (nichiro_study_store_add_review (store, dataset_id, &review, &after, &error));
  g_assert_no_error (error);
  nichiro_review_log_entry_clear (&review);

  return after;
}

static void
assert_cards_equal (const NichiroFsrsCard *a,
                    const NichiroFsrsCard *b)
{
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpint (a->step, ==, b->step);
  g_assert_cmpfloat (a->stability, ==, b->stability);
  g_assert_cmpfloat (a->difficulty, ==, b->difficulty);
  g_assert_cmpint (a->due, ==, b->due);
  g_assert_cmpint (a->last_review, ==, b->last_review);
}

/* The log as "card@minutes after MONDAY:rating" lines, to compare. */
static char *
dup_log_text (NichiroStudyStore *store)
{
  g_autoptr(GArray) log = nichiro_study_store_dup_review_log (store, DATASET);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < log->len; i++)
    {
      const NichiroReviewLogEntry *entry = &g_array_index (log, NichiroReviewLogEntry, i);

      g_string_append_printf (text, "%s@%" G_GINT64_FORMAT ":%d\n",
                              entry->card_id, (entry->time - MONDAY) / MINUTES (1), entry->rating);
    }

  return g_string_free (text, FALSE);
}

static void
count_cb (NichiroStudyStore *store,
          const char        *dataset_id,
          guint             *count)
{
  g_assert_cmpstr (dataset_id, ==, DATASET);
  (*count)++;
}

/* A graded review is kept in full, and the file reads back exactly. */
static void
test_round_trip (NichiroTestHome *fixture,
                 gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GArray) log = NULL;
  g_autofree char *text = NULL;
  NichiroStudyStore *store;
  NichiroFsrsCard portsmouth, shimoda, read;
  guint signals = 0;

  store = nichiro_study_store_new (fixture->path);
  g_signal_connect (store, "reviews-changed", G_CALLBACK (count_cb), &signals);
  g_assert_false (nichiro_study_store_get_card_state (store, DATASET, "date:portsmouth-1905", &read));
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (store, DATASET), ==, 0);

  grade (store, DATASET, "date:portsmouth-1905", MONDAY, NICHIRO_RATING_GOOD);
  grade (store, DATASET, "date:portsmouth-1905", MONDAY + MINUTES (1), NICHIRO_RATING_GOOD);
  portsmouth = grade (store, DATASET, "date:portsmouth-1905", MONDAY + MINUTES (11), NICHIRO_RATING_EASY);
  shimoda = grade (store, DATASET, "place:shimoda-1855", MONDAY + MINUTES (12), NICHIRO_RATING_AGAIN);
  g_assert_cmpuint (signals, ==, 4);
  g_assert_true (nichiro_study_store_has_unsaved_changes (store));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:portsmouth-1905", &read));
  assert_cards_equal (&read, &portsmouth);
  g_assert_cmpint (read.state, ==, NICHIRO_FSRS_STATE_REVIEW);
  states = nichiro_study_store_dup_card_states (store, DATASET);
  g_assert_cmpuint (g_hash_table_size (states), ==, 2);
  assert_cards_equal (g_hash_table_lookup (states, "place:shimoda-1855"), &shimoda);

  log = nichiro_study_store_dup_review_log (store, DATASET);
  g_assert_cmpuint (log->len, ==, 4);
  g_assert_true (g_array_index (log, NichiroReviewLogEntry, 0).was_new);
  g_assert_cmpint (g_array_index (log, NichiroReviewLogEntry, 0).state, ==, NICHIRO_FSRS_STATE_LEARNING);
  g_assert_false (g_array_index (log, NichiroReviewLogEntry, 1).was_new);
  text = dup_log_text (store);
  g_assert_cmpstr (text, ==,
                   "date:portsmouth-1905@0:3\n"
                   "date:portsmouth-1905@1:3\n"
                   "date:portsmouth-1905@11:4\n"
                   "place:shimoda-1855@12:1\n");
  g_assert_finalize_object (store);
}

/* A study file written by the Nichiro before the self-test (version 1,
 * tests/core/study/study-v1.json, made by that version's store): read as
 * it is, written as version 2 with everything it held, and kept beside
 * as it was for that older Nichiro. */
static void
test_migration_from_v1 (NichiroTestHome *fixture,
                        gconstpointer    data)
{
  g_autofree char *v1_path = g_test_build_filename (G_TEST_DIST, "study-v1.json", NULL);
  g_autofree char *copy_path = g_strconcat (fixture->path, ".version-1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) v1 = NULL;
  g_autoptr(JsonNode) v2 = NULL;
  g_autoptr(GPtrArray) beside = NULL;
  g_autofree char *v1_text = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) history = NULL;
  JsonObject *v1_datasets, *v2_datasets, *v1_ours, *v2_ours;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  NichiroStudyStore *store;
  NichiroFsrsCard card;
  gsize length;

  v1_text = nichiro_test_read_text (v1_path, &length);
  v1 = nichiro_test_parse_file (v1_path);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (v1), "version"), ==, 1);
  nichiro_test_write_text (fixture->path, v1_text, length);

  /* Read as it is: every mark, note, page and where the reader left off. */
  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_false (nichiro_study_store_get_read_only (store));
  g_assert_true (nichiro_study_store_get_studied (store, V1_DATASET, "shimoda-1855"));
  g_assert_cmpstr (nichiro_study_store_get_page (store, V1_DATASET, "shimoda-1855"), ==, "p. 41");
  g_assert_nonnull (strstr (nichiro_study_store_get_note (store, V1_DATASET, "shimoda-1855"), "Симодский трактат"));
  g_assert_true (nichiro_study_store_get_bookmarked (store, V1_DATASET, "st-petersburg-1875"));
  g_assert_nonnull (strstr (nichiro_study_store_get_note (store, V1_DATASET, "st-petersburg-1875"), "樺太・千島交換条約"));
  g_assert_false (nichiro_study_store_get_studied (store, V1_DATASET, "commerce-treaty-1858"));
  g_assert_cmpstr (nichiro_study_store_get_page (store, V1_DATASET, "otsu-incident-1891"), ==, "pp. 44–45");
  g_assert_nonnull (nichiro_study_store_get_note (store, V1_DATASET, "an-entry-gone-from-the-dataset"));
  g_assert_cmpstr (nichiro_study_store_get_last_entry (store, V1_DATASET), ==, "st-petersburg-1875");
  g_assert_cmpstr (nichiro_study_store_get_last_part (store, V1_DATASET), ==, "road-to-war");
  history = nichiro_study_store_dup_history (store, V1_DATASET);
  g_assert_cmpuint (g_strv_length (history), ==, 3);
  g_assert_cmpstr (history[0], ==, "putyatin-mission-1853");
  g_assert_cmpstr (nichiro_study_store_get_note (store, "another-dataset", "entry-1"), ==, "A note in another dataset.");
  g_assert_false (nichiro_study_store_get_card_state (store, V1_DATASET, "date:shimoda-1855", &card));
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (store, V1_DATASET), ==, 0);

  /* Opening alone writes nothing: the file stays version 1. */
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_true (nichiro_study_store_flush (store, &error));
  unchanged = nichiro_test_read_text (fixture->path, &length);
  g_assert_cmpstr (unchanged, ==, v1_text);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));

  /* The first review writes version 2. */
  grade (store, V1_DATASET, "date:shimoda-1855", MONDAY, NICHIRO_RATING_GOOD);
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  v2 = nichiro_test_parse_file (fixture->path);
  g_assert_true (nichiro_study_check_document (v2, "study.json", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (v2), "version"), ==, 2);

  /* Every member of version 1 is there as it was; the dataset gained the
   * self-test's cards and reviews, and nothing else changed. */
  v1_datasets = json_object_get_object_member (json_node_get_object (v1), "datasets");
  v2_datasets = json_object_get_object_member (json_node_get_object (v2), "datasets");
  g_assert_cmpuint (json_object_get_size (v2_datasets), ==, json_object_get_size (v1_datasets));
  g_assert_true (json_node_equal (json_object_get_member (v1_datasets, "another-dataset"),
                                  json_object_get_member (v2_datasets, "another-dataset")));
  v1_ours = json_object_get_object_member (v1_datasets, V1_DATASET);
  v2_ours = json_object_get_object_member (v2_datasets, V1_DATASET);
  json_object_iter_init_ordered (&iter, v1_ours);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    g_assert_true (json_node_equal (node, json_object_get_member (v2_ours, member)));
  g_assert_cmpuint (json_object_get_size (v2_ours), ==, json_object_get_size (v1_ours) + 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (v2_ours, "reviews")), ==, 1);
  g_assert_true (json_object_has_member (json_object_get_object_member (v2_ours, "cards"), "date:shimoda-1855"));

  /* The file as version 1 was is kept beside, byte for byte, once. */
  copy = nichiro_test_read_text (copy_path, &length);
  g_assert_cmpstr (copy, ==, v1_text);
  beside = nichiro_test_list_names (fixture->dir, "study.json.");
  g_assert_cmpuint (beside->len, ==, 1);

  /* And version 2 opens as it is. */
  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_true (nichiro_study_store_get_card_state (store, V1_DATASET, "date:shimoda-1855", &card));
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (store, V1_DATASET), ==, 1);
  g_assert_true (nichiro_study_store_get_studied (store, V1_DATASET, "shimoda-1855"));
  g_assert_finalize_object (store);
}

/* Another process saved reviews meanwhile: the save merges the two logs
 * record by record and keeps, of a card both reviewed, the state
 * reviewed last. The other process is a store on a copy of the file,
 * whose save the test puts in place behind this store's back. */
static void
test_merge_on_save (NichiroTestHome *fixture,
                    gconstpointer    data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *their_text = NULL;
  g_autofree char *text = NULL;
  NichiroStudyStore *store, *other;
  NichiroFsrsCard a, b, c, d, read;
  guint signals = 0;
  gsize length;

  /* Both start from the same file. */
  store = nichiro_study_store_new (fixture->path);
  grade (store, DATASET, "date:a", MONDAY, NICHIRO_RATING_GOOD);
  grade (store, DATASET, "date:b", MONDAY + MINUTES (1), NICHIRO_RATING_GOOD);
  g_assert_true (nichiro_study_store_flush (store, &error));
  start = nichiro_test_read_text (fixture->path, &length);
  nichiro_test_write_text (other_path, start, length);

  /* The other reviews "date:b" later than this one does, a card of its
   * own, and "date:d" earlier than this one. */
  other = nichiro_study_store_new (other_path);
  b = grade (other, DATASET, "date:b", MONDAY + MINUTES (30), NICHIRO_RATING_HARD);
  c = grade (other, DATASET, "date:c", MONDAY + MINUTES (31), NICHIRO_RATING_EASY);
  grade (other, DATASET, "date:d", MONDAY + MINUTES (35), NICHIRO_RATING_AGAIN);
  g_assert_true (nichiro_study_store_flush (other, &error));
  g_assert_finalize_object (other);
  their_text = nichiro_test_read_text (other_path, &length);

  a = grade (store, DATASET, "date:a", MONDAY + MINUTES (20), NICHIRO_RATING_GOOD);
  grade (store, DATASET, "date:b", MONDAY + MINUTES (10), NICHIRO_RATING_GOOD);
  d = grade (store, DATASET, "date:d", MONDAY + MINUTES (40), NICHIRO_RATING_EASY);

  g_signal_connect (store, "reviews-changed", G_CALLBACK (count_cb), &signals);
  nichiro_test_write_text (fixture->path, their_text, length);
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals, ==, 1);

  /* Every review of both, in time order, once. */
  text = dup_log_text (store);
  g_assert_cmpstr (text, ==,
                   "date:a@0:3\n"
                   "date:b@1:3\n"
                   "date:b@10:3\n"
                   "date:a@20:3\n"
                   "date:b@30:2\n"
                   "date:c@31:4\n"
                   "date:d@35:1\n"
                   "date:d@40:4\n");

  /* Of each card, the state reviewed last. */
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:a", &read));
  assert_cards_equal (&read, &a);
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:b", &read));
  assert_cards_equal (&read, &b);
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:c", &read));
  assert_cards_equal (&read, &c);
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:d", &read));
  assert_cards_equal (&read, &d);
  g_signal_handlers_disconnect_by_func (store, count_cb, &signals);
  g_assert_finalize_object (store);

  /* And so does the file. */
  store = nichiro_study_store_new (fixture->path);
  g_clear_pointer (&text, g_free);
  text = dup_log_text (store);
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (store, DATASET), ==, 8);
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:b", &read));
  assert_cards_equal (&read, &b);
  g_assert_finalize_object (store);
}

/* Importing a backup merges its log record by record: every review of
 * either is kept, one both hold is kept once; a card's state is the
 * backup's only if it was reviewed there last. Undone, it is all gone
 * again. */
static void
test_import_merges_log (NichiroTestHome *fixture,
                        gconstpointer    data)
{
  g_autoptr(NichiroDataset) small = nichiro_test_load_dataset ("small.json");
  g_autofree char *backup_path = g_build_filename (fixture->dir, "backup-study.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store, *other;
  NichiroFsrsCard kept, read;
  guint signals = 0, undo_kept = 0;

  /* The backup: two reviews, one of them also in the store. */
  other = nichiro_study_store_new (backup_path);
  grade (other, DATASET, "date:a", MONDAY, NICHIRO_RATING_GOOD);
  grade (other, DATASET, "date:b", MONDAY + MINUTES (1), NICHIRO_RATING_GOOD);
  backup = nichiro_study_export_json (other, small);
  g_assert_finalize_object (other);

  store = nichiro_study_store_new (fixture->path);
  grade (store, DATASET, "date:b", MONDAY + MINUTES (1), NICHIRO_RATING_GOOD);
  kept = grade (store, DATASET, "date:b", MONDAY + MINUTES (5), NICHIRO_RATING_EASY);
  grade (store, DATASET, "date:c", MONDAY + MINUTES (6), NICHIRO_RATING_HARD);
  g_signal_connect (store, "reviews-changed", G_CALLBACK (count_cb), &signals);

  g_assert_true (nichiro_study_import_json (store, backup, strlen (backup), "backup.json", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.reviews, ==, 1);
  g_assert_cmpuint (counts.cards, ==, 1);
  g_assert_cmpuint (signals, ==, 1);
  message = nichiro_study_merge_counts_to_string (&counts);
  g_test_message ("%s", message);
  g_assert_cmpstr (message, ==, "Imported for the self-test: 1 review added to the log, "
                                "1 card’s schedule taken from the backup.");

  text = dup_log_text (store);
  g_assert_cmpstr (text, ==,
                   "date:a@0:3\n"
                   "date:b@1:3\n"
                   "date:b@5:4\n"
                   "date:c@6:2\n");
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:a", &read));
  g_assert_true (nichiro_study_store_get_card_state (store, DATASET, "date:b", &read));
  assert_cards_equal (&read, &kept);

  /* Again: nothing new. */
  g_assert_true (nichiro_study_import_json (store, backup, strlen (backup), "backup.json", &counts, &error));
  g_assert_cmpuint (counts.reviews + counts.cards, ==, 0);

  /* Undone: as it was. */
  g_assert_true (nichiro_study_store_undo_import (store, &undo_kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (undo_kept, ==, 0);
  g_assert_cmpuint (signals, ==, 2);
  g_clear_pointer (&text, g_free);
  text = dup_log_text (store);
  g_assert_cmpstr (text, ==,
                   "date:b@1:3\n"
                   "date:b@5:4\n"
                   "date:c@6:2\n");
  g_assert_false (nichiro_study_store_get_card_state (store, DATASET, "date:a", &read));

  g_signal_handlers_disconnect_by_func (store, count_cb, &signals);
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_finalize_object (store);
}

/* Self-test data the scheduler could not have made makes the file one
 * this version cannot read: kept aside, as any broken file, never
 * trusted. */
typedef struct
{
  const char *name;
  const char *dataset;
  const char *expected;
} CorruptCase;

static const CorruptCase corrupt_cases[] = {
  { "cards-array", "\"cards\": []", "cards is an array; expected an object" },
  { "reviews-object", "\"reviews\": {}", "reviews is an object; expected an array" },
  { "card-state", "\"cards\": {\"date:a\": {\"state\": \"forgotten\", \"step\": 0, \"stability\": 1, "
    "\"difficulty\": 5, \"due\": \"2027-01-04T09:00:00Z\", \"last_review\": \"2027-01-04T09:00:00Z\"}}",
    "cards › date:a: \"state\"" },
  { "card-stability", "\"cards\": {\"date:a\": {\"state\": \"review\", \"step\": null, \"stability\": -3, "
    "\"difficulty\": 5, \"due\": \"2027-01-04T09:00:00Z\", \"last_review\": \"2027-01-04T09:00:00Z\"}}",
    "\"stability\"" },
  { "review-rating", "\"reviews\": [{\"card\": \"date:a\", \"review\": \"2027-01-04T09:00:00Z\", \"rating\": 7, "
    "\"state_before\": \"learning\", \"new\": true, \"scheduled_days\": 0}]", "reviews › 1: \"rating\"" },
  { "review-time", "\"reviews\": [{\"card\": \"date:a\", \"review\": \"Monday\", \"rating\": 3, "
    "\"state_before\": \"learning\", \"new\": true, \"scheduled_days\": 0}]", "\"review\" must be a time" },
};

static void
test_corrupt (NichiroTestHome *fixture,
              gconstpointer    data)
{
  const CorruptCase *test = data;
  g_autofree char *text = g_strdup_printf ("{\"format\": \"nichiro-study\", \"version\": 2, \"datasets\": "
                                           "{\"d\": {\"entries\": {\"e\": {\"note\": \"kept\"}}, %s}}}",
                                           test->dataset);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *kept_path = NULL;
  g_autofree char *kept_text = NULL;
  NichiroStudyStore *store;
  const char *message;

  nichiro_test_write_text (fixture->path, text, -1);
  store = nichiro_study_store_new (fixture->path);
  message = nichiro_study_store_get_recovery_message (store);
  g_test_message ("%s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, test->expected));
  g_assert_false (nichiro_study_store_get_read_only (store));
  g_assert_null (nichiro_study_store_get_note (store, "d", "e"));
  g_assert_finalize_object (store);

  kept = nichiro_test_list_names (fixture->dir, "study.json.corrupt-");
  g_assert_cmpuint (kept->len, ==, 1);
  kept_path = g_build_filename (fixture->dir, g_ptr_array_index (kept, 0), NULL);
  kept_text = nichiro_test_read_text (kept_path, NULL);
  g_assert_cmpstr (kept_text, ==, text);
}

/* Read-only, nothing is kept, and the reader is told. */
static void
test_read_only (NichiroTestHome *fixture,
                gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroFsrs) fsrs = nichiro_fsrs_new ();
  NichiroReviewLogEntry review;
  NichiroFsrsCard before, after;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, "{\"format\": \"nichiro-study\", \"version\": 3}", -1);
  store = nichiro_study_store_new (fixture->path);
  g_assert_true (nichiro_study_store_get_read_only (store));

  nichiro_fsrs_card_init (&before, MONDAY);
  after = before;
  nichiro_fsrs_review (fsrs, &after, MONDAY, NICHIRO_RATING_GOOD);
  nichiro_review_log_entry_init (&review, "date:a", &before, MONDAY, NICHIRO_RATING_GOOD);
  g_assert_false (nichiro_study_store_add_review (store, DATASET, &review, &after, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY);
  nichiro_review_log_entry_clear (&review);
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (store, DATASET), ==, 0);
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/nichiro/study/reviews/" name, NichiroTestHome, NULL, nichiro_test_home_set_up, func, nichiro_test_home_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("migration-from-v1", test_migration_from_v1);
  ADD ("merge-on-save", test_merge_on_save);
  ADD ("import-merges-log", test_import_merges_log);
  ADD ("read-only", test_read_only);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (corrupt_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/study/reviews/corrupt/%s", corrupt_cases[i].name);

      g_test_add (test_path, NichiroTestHome, &corrupt_cases[i], nichiro_test_home_set_up, test_corrupt,
                  nichiro_test_home_tear_down);
    }

  return g_test_run ();
}
