/* nichiro-review-card.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-review-session.h"
#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_REVIEW_CARD (nichiro_review_card_get_type ())

G_DECLARE_FINAL_TYPE (NichiroReviewCard, nichiro_review_card, NICHIRO, REVIEW_CARD, GtkWidget)

GtkWidget            *nichiro_review_card_new                (void);
NichiroSession       *nichiro_review_card_get_session        (NichiroReviewCard    *self);
void                  nichiro_review_card_set_session        (NichiroReviewCard    *self,
                                                              NichiroSession       *session);
NichiroReviewSession *nichiro_review_card_get_review_session (NichiroReviewCard    *self);
void                  nichiro_review_card_set_review_session (NichiroReviewCard    *self,
                                                              NichiroReviewSession *review_session);
gboolean              nichiro_review_card_shows_entry        (NichiroReviewCard    *self,
                                                              NichiroEntry         *entry);
void                  nichiro_review_card_focus              (NichiroReviewCard    *self);

G_END_DECLS
