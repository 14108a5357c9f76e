/* nichiro-self-test-counts.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-self-test"

#include "config.h"

#include "nichiro-self-test-private.h"
#include "nichiro-review-log.h"
#include "nichiro-review-stats.h"

/* What the self-test counts when a view asks: the cards of the reader's
 * choice and what is due of them, a part's cards, tomorrow's work, and
 * the statistics. The number due now is the object's own, kept current
 * in nichiro-self-test.c. */

/**
 * nichiro_self_test_count_chosen:
 * @self: a self-test
 * @out_counts: (out caller-allocates): the cards of the reader's choice
 *   due today, never answered, and all of them
 */
void
nichiro_self_test_count_chosen (NichiroSelfTest       *self,
                                NichiroSelfTestCounts *out_counts)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) states = NULL;

  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));
  g_return_if_fail (out_counts != NULL);

  chosen = nichiro_self_test_dup_chosen_cards (self);
  states = _nichiro_self_test_dup_states (self);
  _nichiro_self_test_count_cards (chosen, states, nichiro_self_test_get_day_start (self, 1), out_counts);
}

/**
 * nichiro_self_test_count_part:
 * @self: a self-test
 * @part_id: one of the dataset's parts
 * @out_counts: (out caller-allocates): the part's cards due today, never
 *   answered, and all of them, whatever the reader's choice
 *
 * For the part page's "cards due from this part". Follow
 * #NichiroSelfTest::changed to show it current.
 */
void
nichiro_self_test_count_part (NichiroSelfTest       *self,
                              const char            *part_id,
                              NichiroSelfTestCounts *out_counts)
{
  const char *parts[] = { part_id, NULL };
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GHashTable) states = NULL;

  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));
  g_return_if_fail (part_id != NULL);
  g_return_if_fail (out_counts != NULL);

  cards = nichiro_card_set_select_parts (nichiro_self_test_get_cards (self), parts);
  states = _nichiro_self_test_dup_states (self);
  _nichiro_self_test_count_cards (cards, states, nichiro_self_test_get_day_start (self, 1), out_counts);
}

/**
 * nichiro_self_test_count_tomorrow:
 * @self: a self-test
 * @out_due: (out) (optional): the cards of the reader's choice due
 *   tomorrow (or before, and not done today)
 * @out_new: (out) (optional): the new cards tomorrow brings
 *
 * What comes tomorrow, for the end of a session.
 */
void
nichiro_self_test_count_tomorrow (NichiroSelfTest *self,
                                  guint           *out_due,
                                  guint           *out_new)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) states = NULL;
  NichiroSelfTestCounts counts;

  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));

  chosen = nichiro_self_test_dup_chosen_cards (self);
  states = _nichiro_self_test_dup_states (self);
  _nichiro_self_test_count_cards (chosen, states, nichiro_self_test_get_day_start (self, 2), &counts);

  if (out_due != NULL)
    *out_due = counts.due;
  if (out_new != NULL)
    *out_new = MIN (counts.fresh, self->new_per_day);
}

/**
 * nichiro_self_test_get_stats:
 * @self: a self-test
 * @out_stats: (out caller-allocates): the figures
 *
 * Computes the statistics of every card of the dataset, whatever the
 * reader's choice: what is due, reviews per day, the true retention of
 * mature cards over the last days, the forecast.
 */
void
nichiro_self_test_get_stats (NichiroSelfTest      *self,
                             NichiroSelfTestStats *out_stats)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GHashTable) all_states = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GArray) log = NULL;
  NichiroSelfTestStats stats = { 0, };
  const NichiroReviewLogEntry *entries;
  gint64 now;

  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));
  g_return_if_fail (out_stats != NULL);

  now = nichiro_self_test_get_now (self);
  cards = nichiro_card_set_select_parts (nichiro_self_test_get_cards (self), NULL);
  all_states = _nichiro_self_test_dup_states (self);
  log = _nichiro_self_test_dup_log (self);
  entries = (const NichiroReviewLogEntry *) (gpointer) log->data;

  /* Only the cards the dataset still gives: a card gone with an update of
   * the dataset keeps its state in the file, but is never shown. */
  states = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < cards->len; i++)
    {
      const char *id = nichiro_card_get_id (g_ptr_array_index (cards, i));
      const NichiroFsrsCard *state = g_hash_table_lookup (all_states, id);

      if (state == NULL || nichiro_fsrs_card_is_new (state))
        continue;

      g_hash_table_insert (states, (char *) id, (gpointer) state);
      stats.n_seen++;
      if (state->state == NICHIRO_FSRS_STATE_REVIEW &&
          state->due - state->last_review >= NICHIRO_REVIEW_MATURE_DAYS * NICHIRO_FSRS_USEC_PER_DAY)
        stats.n_mature++;
    }

  stats.n_cards = cards->len;
  stats.due_today = nichiro_review_stats_count_due (states, nichiro_self_test_get_day_start (self, 1));
  stats.due_week = nichiro_review_stats_count_due (states, nichiro_self_test_get_day_start (self, 7));
  stats.new_today = MIN (stats.n_cards - stats.n_seen, _nichiro_self_test_count_new_allowed (self, log));
  nichiro_review_stats_forecast (states, now, self->time_zone, NICHIRO_SELF_TEST_STATS_DAYS, stats.forecast);
  nichiro_review_stats_reviews_per_day (entries, log->len, now, self->time_zone,
                                        NICHIRO_SELF_TEST_STATS_DAYS, stats.reviews_per_day);
  stats.reviews_today = stats.reviews_per_day[NICHIRO_SELF_TEST_STATS_DAYS - 1];
  stats.has_retention = nichiro_review_stats_true_retention (entries, log->len,
                                                             nichiro_self_test_get_day_start (self, -(NICHIRO_SELF_TEST_STATS_DAYS - 1)),
                                                             &stats.retention, &stats.mature_passed,
                                                             &stats.mature_total);

  *out_stats = stats;
}
