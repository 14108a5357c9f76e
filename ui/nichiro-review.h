/* nichiro-review.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_REVIEW (nichiro_review_get_type ())

G_DECLARE_FINAL_TYPE (NichiroReview, nichiro_review, NICHIRO, REVIEW, GtkWidget)

GtkWidget         *nichiro_review_new         (void);
NichiroSession    *nichiro_review_get_session (NichiroReview     *self);
void               nichiro_review_set_session (NichiroReview     *self,
                                               NichiroSession    *session);
GListModel        *nichiro_review_get_model   (NichiroReview     *self);

G_END_DECLS
