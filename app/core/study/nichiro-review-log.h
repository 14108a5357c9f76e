/* nichiro-review-log.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nichiro-fsrs.h"

G_BEGIN_DECLS

/* A card is mature once its interval reaches three weeks, as in Anki. */
#define NICHIRO_REVIEW_MATURE_DAYS 21

/**
 * NichiroReviewLogEntry:
 * @card_id: the card reviewed
 * @time: when (µs since the epoch, UTC)
 * @rating: the grade
 * @state: the card's state before the review
 * @was_new: whether it was the card's first review
 * @scheduled_days: the interval the card had been given, in whole days;
 *   0 for a card in its (re)learning steps
 *
 * One line of the review log: enough to replay the review and to compute
 * the statistics.
 */
typedef struct
{
  char *card_id;
  gint64 time;
  NichiroRating rating;
  NichiroFsrsState state;
  gboolean was_new;
  guint scheduled_days;
} NichiroReviewLogEntry;

void      nichiro_review_log_entry_init          (NichiroReviewLogEntry        *entry,
                                                  const char                   *card_id,
                                                  const NichiroFsrsCard        *before,
                                                  gint64                        time,
                                                  NichiroRating                 rating);
void      nichiro_review_log_entry_clear         (NichiroReviewLogEntry        *entry);
gboolean  nichiro_review_log_entry_is_mature     (const NichiroReviewLogEntry  *entry);
void      nichiro_review_log_entry_copy          (const NichiroReviewLogEntry  *entry,
                                                  NichiroReviewLogEntry        *out_copy);
int       nichiro_review_log_entry_compare       (const NichiroReviewLogEntry  *a,
                                                  const NichiroReviewLogEntry  *b);
JsonNode *nichiro_review_log_entry_to_json       (const NichiroReviewLogEntry  *entry);
gboolean  nichiro_review_log_entry_from_json     (JsonNode                     *node,
                                                  NichiroReviewLogEntry        *out_entry,
                                                  GError                      **error);
GArray   *nichiro_review_log_merge               (const NichiroReviewLogEntry  *a,
                                                  guint                         n_a,
                                                  const NichiroReviewLogEntry  *b,
                                                  guint                         n_b);

JsonNode *nichiro_fsrs_card_to_json              (const NichiroFsrsCard        *card);
gboolean  nichiro_fsrs_card_from_json            (JsonNode                     *node,
                                                  NichiroFsrsCard              *out_card,
                                                  GError                      **error);

G_END_DECLS
