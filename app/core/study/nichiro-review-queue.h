/* nichiro-review-queue.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nichiro-fsrs.h"

G_BEGIN_DECLS

/* How long before a learning step is due its card may be shown when
 * nothing else is left: Anki's default "learn ahead limit". */
#define NICHIRO_REVIEW_LEARN_AHEAD (G_GINT64_CONSTANT (20) * 60 * G_USEC_PER_SEC)

typedef struct _NichiroReviewQueue NichiroReviewQueue;

NichiroReviewQueue *nichiro_review_queue_new            (const char * const       *card_ids,
                                                         guint                     n_cards,
                                                         GHashTable               *states,
                                                         gint64                    now,
                                                         gint64                    day_end,
                                                         guint                     new_limit);
void                nichiro_review_queue_free           (NichiroReviewQueue       *self);
guint               nichiro_review_queue_get_n_learning (NichiroReviewQueue       *self);
guint               nichiro_review_queue_get_n_review   (NichiroReviewQueue       *self);
guint               nichiro_review_queue_get_n_new      (NichiroReviewQueue       *self);
guint               nichiro_review_queue_get_n_left     (NichiroReviewQueue       *self);
const char         *nichiro_review_queue_peek           (NichiroReviewQueue       *self,
                                                         gint64                    now);
gint64              nichiro_review_queue_get_next_due   (NichiroReviewQueue       *self);
gboolean            nichiro_review_queue_answered       (NichiroReviewQueue       *self,
                                                         const char               *card_id,
                                                         const NichiroFsrsCard    *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroReviewQueue, nichiro_review_queue_free)

G_END_DECLS
