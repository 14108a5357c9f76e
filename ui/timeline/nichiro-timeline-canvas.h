/* nichiro-timeline-canvas.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"
#include "nichiro-timeline-groups.h"

G_BEGIN_DECLS

/**
 * NichiroTimelineMark:
 *
 * Everything the canvas draws that a reader may need explained: the shapes
 * and colours of the kinds, the lines of an instrument's life, the
 * highlights, the era bands. The legend lists them all
 * (nichiro_timeline_canvas_create_legend()).
 */
typedef enum
{
  NICHIRO_TIMELINE_MARK_INSTRUMENT,
  NICHIRO_TIMELINE_MARK_CONFLICT,
  NICHIRO_TIMELINE_MARK_MEETING,
  NICHIRO_TIMELINE_MARK_INCIDENT,
  NICHIRO_TIMELINE_MARK_EVENT,
  NICHIRO_TIMELINE_MARK_RANGE,
  NICHIRO_TIMELINE_MARK_SIGNED,
  NICHIRO_TIMELINE_MARK_IN_FORCE,
  NICHIRO_TIMELINE_MARK_STAGE,
  NICHIRO_TIMELINE_MARK_NOTICE,
  NICHIRO_TIMELINE_MARK_ENDED,
  NICHIRO_TIMELINE_MARK_OPEN,
  NICHIRO_TIMELINE_MARK_CLUSTER,
  NICHIRO_TIMELINE_MARK_SELECTED,
  NICHIRO_TIMELINE_MARK_MATCH,
  NICHIRO_TIMELINE_MARK_DIMMED,
  NICHIRO_TIMELINE_MARK_CURSOR,
  NICHIRO_TIMELINE_MARK_ERA_WAR,
  NICHIRO_TIMELINE_MARK_ERA_REVOLUTION,
  NICHIRO_TIMELINE_MARK_ERA_INTERVENTION,
  NICHIRO_TIMELINE_MARK_ERA_OCCUPATION,
  NICHIRO_TIMELINE_MARK_ERA_PERIOD,
  NICHIRO_TIMELINE_N_MARKS,
} NichiroTimelineMark;

/**
 * NichiroTimelineDrawnText:
 * @entry: (nullable): the entry whose label it is, or %NULL for a
 *   cluster's "+N"
 * @n_members: for a cluster, how many it stands for
 * @box: where the text was drawn, in the canvas's coordinates
 *
 * A text the last frame drew over the lanes, for tests to hold against
 * what a reader should see.
 */
typedef struct
{
  NichiroEntry *entry;
  guint n_members;
  graphene_rect_t box;
} NichiroTimelineDrawnText;

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
void                  nichiro_timeline_canvas_zoom_to_period (NichiroTimelineCanvas *self);
gboolean              nichiro_timeline_canvas_get_entry_area (NichiroTimelineCanvas *self,
                                                              NichiroEntry          *entry,
                                                              GdkRectangle          *out_area);
void                  nichiro_timeline_canvas_set_grouping   (NichiroTimelineCanvas  *self,
                                                              NichiroTimelineGrouping grouping);
NichiroTimelineGrouping nichiro_timeline_canvas_get_grouping (NichiroTimelineCanvas  *self);
void                  nichiro_timeline_canvas_set_filter     (NichiroTimelineCanvas  *self,
                                                              guint                   hidden_categories,
                                                              const char * const     *hidden_threads);
void                  nichiro_timeline_canvas_go_to          (NichiroTimelineCanvas *self);
void                  nichiro_timeline_canvas_reserve_corner (NichiroTimelineCanvas *self,
                                                              int                    width,
                                                              int                    height);
GtkWidget            *nichiro_timeline_canvas_create_legend  (NichiroTimelineCanvas *self);
guint                 nichiro_timeline_canvas_get_marks_drawn (NichiroTimelineCanvas *self);
const NichiroTimelineDrawnText *nichiro_timeline_canvas_get_drawn_texts (NichiroTimelineCanvas *self,
                                                              guint                 *n_texts);
guint                 nichiro_timeline_canvas_count_readable (NichiroTimelineCanvas *self,
                                                              double                 from,
                                                              double                 to,
                                                              guint                 *out_in_range);

G_END_DECLS
