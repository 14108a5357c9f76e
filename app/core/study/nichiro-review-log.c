/* nichiro-review-log.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review-log"

#include "config.h"

#include "nichiro-review-log.h"

/* The review log: one entry a graded review, with what the card was
 * before it, from which the statistics are computed. */

/* Public API */

/**
 * nichiro_review_log_entry_init:
 * @entry: an entry to fill
 * @card_id: the card reviewed
 * @before: its state before the review
 * @time: when
 * @rating: the grade
 *
 * Fills @entry for a review of a card in the state @before.
 */
void
nichiro_review_log_entry_init (NichiroReviewLogEntry *entry,
                               const char            *card_id,
                               const NichiroFsrsCard *before,
                               gint64                 time,
                               NichiroRating          rating)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (card_id != NULL);
  g_return_if_fail (before != NULL);

  entry->card_id = g_strdup (card_id);
  entry->time = time;
  entry->rating = rating;
  entry->state = before->state;
  entry->was_new = nichiro_fsrs_card_is_new (before);
  entry->scheduled_days = 0;
  if (before->state == NICHIRO_FSRS_STATE_REVIEW && !entry->was_new && before->due > before->last_review)
    entry->scheduled_days = (guint) MIN ((before->due - before->last_review) / NICHIRO_FSRS_USEC_PER_DAY, G_MAXUINT);
}

void
nichiro_review_log_entry_clear (NichiroReviewLogEntry *entry)
{
  g_return_if_fail (entry != NULL);

  g_clear_pointer (&entry->card_id, g_free);
}

/**
 * nichiro_review_log_entry_is_mature:
 * @entry: a log entry
 *
 * Returns: whether the review was of a mature card: in review, with an
 *   interval of at least %NICHIRO_REVIEW_MATURE_DAYS
 */
gboolean
nichiro_review_log_entry_is_mature (const NichiroReviewLogEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return entry->state == NICHIRO_FSRS_STATE_REVIEW && entry->scheduled_days >= NICHIRO_REVIEW_MATURE_DAYS;
}
