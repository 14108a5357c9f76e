/* nichiro-study-panel.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"
#include "nichiro-study-store.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_STUDY_PANEL (nichiro_study_panel_get_type ())

G_DECLARE_FINAL_TYPE (NichiroStudyPanel, nichiro_study_panel, NICHIRO, STUDY_PANEL, GtkWidget)

GtkWidget         *nichiro_study_panel_new            (void);
NichiroSession    *nichiro_study_panel_get_session    (NichiroStudyPanel *self);
void               nichiro_study_panel_set_session    (NichiroStudyPanel *self,
                                                       NichiroSession    *session);
gboolean           nichiro_study_panel_get_studied    (NichiroStudyPanel *self);
void               nichiro_study_panel_set_studied    (NichiroStudyPanel *self,
                                                       gboolean           studied);
gboolean           nichiro_study_panel_get_bookmarked (NichiroStudyPanel *self);
void               nichiro_study_panel_set_bookmarked (NichiroStudyPanel *self,
                                                       gboolean           bookmarked);

G_END_DECLS
