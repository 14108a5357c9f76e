/* nichiro-timeline-canvas.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"
#include "nichiro-timeline-model.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_TIMELINE_CANVAS (nichiro_timeline_canvas_get_type ())

G_DECLARE_FINAL_TYPE (NichiroTimelineCanvas, nichiro_timeline_canvas, NICHIRO, TIMELINE_CANVAS, GtkWidget)

void                  nichiro_timeline_canvas_set_session    (NichiroTimelineCanvas *self,
                                                              NichiroSession        *session);
NichiroTimelineModel *nichiro_timeline_canvas_get_model      (NichiroTimelineCanvas *self);
void                  nichiro_timeline_canvas_zoom_in        (NichiroTimelineCanvas *self);
void                  nichiro_timeline_canvas_zoom_out       (NichiroTimelineCanvas *self);
void                  nichiro_timeline_canvas_zoom_fit       (NichiroTimelineCanvas *self);
void                  nichiro_timeline_canvas_zoom_to        (NichiroTimelineCanvas *self,
                                                              double                 start,
                                                              double                 end);
gboolean              nichiro_timeline_canvas_get_entry_area (NichiroTimelineCanvas *self,
                                                              NichiroEntry          *entry,
                                                              GdkRectangle          *out_area);

G_END_DECLS
