/* study-crash-check.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "study-crash-check.h"

/* What study-crash-writer's state N means for the self-test: reviews of
 * its cards PREFIX-card-0 … PREFIX-card-4, one for each state from 1 to
 * N, a minute apart from 2027-01-04T00:00:00Z, each graded N % 4 + 1; and
 * each card's state from its last review. */

#define N_CARDS 5
#define CRASH_REVIEW_START (G_GINT64_CONSTANT (1799020800) * G_USEC_PER_SEC)

/**
 * study_crash_check_reviews:
 * @dataset: the dataset "crash" of a study file, checked
 * @prefix: the writer's prefix ("entry" when it had none)
 * @state: the state its entries hold
 *
 * Asserts that the file holds exactly the writer's reviews up to @state,
 * none lost, none twice, and the card states they lead to.
 */
void
study_crash_check_reviews (JsonObject *dataset,
                           const char *prefix,
                           guint64     state)
{
  g_autofree char *card_prefix = g_strconcat (prefix, "-card-", NULL);
  JsonArray *reviews = NULL;
  JsonObject *cards = NULL;
  gint64 last[N_CARDS];
  guint64 seen = 0;

  for (guint i = 0; i < N_CARDS; i++)
    last[i] = NICHIRO_FSRS_NEVER;

  if (json_object_has_member (dataset, "reviews"))
    reviews = json_object_get_array_member (dataset, "reviews");
  if (json_object_has_member (dataset, "cards"))
    cards = json_object_get_object_member (dataset, "cards");

  for (guint i = 0; reviews != NULL && i < json_array_get_length (reviews); i++)
    {
      g_autoptr(GError) error = NULL;
      NichiroReviewLogEntry entry;
      gint64 expected;

      g_assert_true (nichiro_review_log_entry_from_json (json_array_get_element (reviews, i), &entry, &error));
      g_assert_no_error (error);
      if (g_str_has_prefix (entry.card_id, card_prefix))
        {
          /* In order, one a state, for the card of that state. */
          seen++;
          expected = CRASH_REVIEW_START + (gint64) seen * 60 * G_USEC_PER_SEC;
          g_assert_cmpint (entry.time, ==, expected);
          g_assert_cmpuint (g_ascii_strtoull (entry.card_id + strlen (card_prefix), NULL, 10), ==, seen % N_CARDS);
          g_assert_cmpint (entry.rating, ==, seen % 4 + 1);
          last[seen % N_CARDS] = entry.time;
        }
      nichiro_review_log_entry_clear (&entry);
    }
  g_assert_cmpuint (seen, ==, state);

  for (guint i = 0; i < N_CARDS; i++)
    {
      g_autofree char *card_id = g_strdup_printf ("%s%u", card_prefix, i);
      g_autoptr(GError) error = NULL;
      NichiroFsrsCard card;

      if (last[i] == NICHIRO_FSRS_NEVER)
        {
          g_assert_true (cards == NULL || !json_object_has_member (cards, card_id));
          continue;
        }

      g_assert_nonnull (cards);
      g_assert_true (nichiro_fsrs_card_from_json (json_object_get_member (cards, card_id), &card, &error));
      g_assert_no_error (error);
      g_assert_cmpint (card.last_review, ==, last[i]);
    }
}
