/* nichiro-review-session.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-self-test.h"

G_BEGIN_DECLS

/**
 * NichiroReviewSessionState:
 * @NICHIRO_REVIEW_SESSION_PROMPT: a card's question is shown
 * @NICHIRO_REVIEW_SESSION_ANSWER: its answer is shown, to be graded
 * @NICHIRO_REVIEW_SESSION_WAITING: no card is due yet; a learning step
 *   is, later today (nichiro_review_session_get_next_due())
 * @NICHIRO_REVIEW_SESSION_DONE: nothing is left for today
 *
 * Where a review session stands.
 */
typedef enum
{
  NICHIRO_REVIEW_SESSION_PROMPT,
  NICHIRO_REVIEW_SESSION_ANSWER,
  NICHIRO_REVIEW_SESSION_WAITING,
  NICHIRO_REVIEW_SESSION_DONE,
} NichiroReviewSessionState;

#define NICHIRO_TYPE_REVIEW_SESSION (nichiro_review_session_get_type ())

G_DECLARE_FINAL_TYPE (NichiroReviewSession, nichiro_review_session, NICHIRO, REVIEW_SESSION, GObject)

NichiroReviewSession      *nichiro_review_session_new            (NichiroSelfTest       *self_test);
NichiroSelfTest           *nichiro_review_session_get_self_test  (NichiroReviewSession  *self);
NichiroReviewSessionState  nichiro_review_session_get_state      (NichiroReviewSession  *self);
NichiroCard               *nichiro_review_session_get_card       (NichiroReviewSession  *self);
guint                      nichiro_review_session_get_n_done     (NichiroReviewSession  *self);
guint                      nichiro_review_session_get_n_left     (NichiroReviewSession  *self);
gint64                     nichiro_review_session_get_next_due   (NichiroReviewSession  *self);
void                       nichiro_review_session_show_answer    (NichiroReviewSession  *self);
gint64                     nichiro_review_session_preview        (NichiroReviewSession  *self,
                                                                  NichiroRating          rating);
gboolean                   nichiro_review_session_grade          (NichiroReviewSession  *self,
                                                                  NichiroRating          rating,
                                                                  GError               **error);
void                       nichiro_review_session_refresh        (NichiroReviewSession  *self);

G_END_DECLS
