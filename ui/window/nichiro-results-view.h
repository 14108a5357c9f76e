/* nichiro-results-view.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_RESULTS_VIEW (nichiro_results_view_get_type ())

G_DECLARE_FINAL_TYPE (NichiroResultsView, nichiro_results_view, NICHIRO, RESULTS_VIEW, GtkWidget)

GtkWidget      *nichiro_results_view_new            (void);
NichiroSession *nichiro_results_view_get_session    (NichiroResultsView *self);
void            nichiro_results_view_set_session    (NichiroResultsView *self,
                                                     NichiroSession     *session);
guint           nichiro_results_view_get_highlighted      (NichiroResultsView *self);
gboolean        nichiro_results_view_activate_highlighted (NichiroResultsView *self);
gboolean        nichiro_results_view_focus_list           (NichiroResultsView *self);

G_END_DECLS
