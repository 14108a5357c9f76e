/* nichiro-review-chart.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NICHIRO_TYPE_REVIEW_CHART (nichiro_review_chart_get_type ())

G_DECLARE_FINAL_TYPE (NichiroReviewChart, nichiro_review_chart, NICHIRO, REVIEW_CHART, GtkWidget)

GtkWidget *nichiro_review_chart_new         (void);
void       nichiro_review_chart_set_values  (NichiroReviewChart *self,
                                             const guint        *values,
                                             guint               n_values,
                                             guint               highlight);
guint      nichiro_review_chart_get_n_values (NichiroReviewChart *self);
guint      nichiro_review_chart_get_value    (NichiroReviewChart *self,
                                              guint               index);

G_END_DECLS
