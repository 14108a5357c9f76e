/* nichiro-stats-view.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-self-test.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_STATS_VIEW (nichiro_stats_view_get_type ())

G_DECLARE_FINAL_TYPE (NichiroStatsView, nichiro_stats_view, NICHIRO, STATS_VIEW, GtkWidget)

GtkWidget       *nichiro_stats_view_new           (void);
NichiroSelfTest *nichiro_stats_view_get_self_test (NichiroStatsView *self);
void             nichiro_stats_view_set_self_test (NichiroStatsView *self,
                                                   NichiroSelfTest  *self_test);

G_END_DECLS
