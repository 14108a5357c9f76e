/* nichiro-timeline.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_TIMELINE (nichiro_timeline_get_type ())

G_DECLARE_FINAL_TYPE (NichiroTimeline, nichiro_timeline, NICHIRO, TIMELINE, GtkWidget)

GtkWidget      *nichiro_timeline_new           (void);
NichiroSession *nichiro_timeline_get_session   (NichiroTimeline *self);
void            nichiro_timeline_set_session   (NichiroTimeline *self,
                                                NichiroSession  *session);
gboolean        nichiro_timeline_get_show_list (NichiroTimeline *self);
void            nichiro_timeline_set_show_list (NichiroTimeline *self,
                                                gboolean         show_list);
void            nichiro_timeline_zoom_in       (NichiroTimeline *self);
void            nichiro_timeline_zoom_out      (NichiroTimeline *self);
void            nichiro_timeline_zoom_fit      (NichiroTimeline *self);
void            nichiro_timeline_zoom_to       (NichiroTimeline *self,
                                                double           start,
                                                double           end);
gboolean        nichiro_timeline_get_entry_area (NichiroTimeline *self,
                                                 NichiroEntry    *entry,
                                                 GdkRectangle    *out_area);
GtkWidget      *nichiro_timeline_get_canvas    (NichiroTimeline *self);
const char     *nichiro_timeline_get_group_by  (NichiroTimeline *self);
void            nichiro_timeline_set_group_by  (NichiroTimeline *self,
                                                const char      *group_by);
void            nichiro_timeline_set_hidden_kinds   (NichiroTimeline    *self,
                                                     const char * const *kinds);
void            nichiro_timeline_set_hidden_threads (NichiroTimeline    *self,
                                                     const char * const *threads);

G_END_DECLS
