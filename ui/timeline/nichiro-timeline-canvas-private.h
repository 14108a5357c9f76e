/* nichiro-timeline-canvas-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-timeline-canvas.h"
#include "nichiro-timeline-labels.h"
#include "nichiro-timeline-layout.h"

G_BEGIN_DECLS

/* What the files of NichiroTimelineCanvas share: its struct and the
 * helpers each offers the others (nichiro-timeline-canvas.c says which
 * file holds what). Nothing outside the canvas includes this. */

#define ERA_ROWS 3
#define MIN_SPAN_DAYS 10.0
#define LABEL_MIN_GAP 10.0
/* The least room between a label and the canvas's edges. */
#define LABEL_PADDING 4.0
/* A lane: the label's box from here, a pixel above and below its text;
 * the lifecycle line under it (nichiro-timeline-canvas-draw.c). */
#define PILL_TOP 1

/* The nodes the canvas takes its colours and fonts from
 * (nichiro-timeline-canvas-style.c). */
typedef enum
{
  /* The same order as NichiroTimelineGroup. */
  PART_INSTRUMENT,
  PART_CONFLICT,
  PART_MEETING,
  PART_INCIDENT,
  PART_EVENT,
  PART_ERA_WAR,
  PART_ERA_REVOLUTION,
  PART_ERA_INTERVENTION,
  PART_ERA_OCCUPATION,
  PART_ERA_PERIOD,
  PART_ERA_LABEL,
  PART_ERA_EDGE,
  PART_GROUP_HEADER,
  PART_AXIS,
  PART_AXIS_CONTEXT,
  PART_GRID,
  PART_SELECTED,
  PART_SELECTED_TEXT,
  PART_MATCH,
  PART_HOVER,
  PART_CLUSTER,
  PART_CURSOR,
  PART_FOCUS,
  PART_BACKGROUND,
  N_PARTS
} NichiroTimelineCanvasPart;

struct _NichiroTimelineCanvas
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  NichiroTimelineModel *model;
  NichiroTimelineGroups *groups;  /* what is shown, in which groups */
  NichiroTimelineGrouping grouping;
  guint hidden_categories;        /* 1 << NichiroTimelineCategory */
  char **hidden_threads;
  GPtrArray *layouts;             /* NichiroTimelineLayout, most recent first */
  NichiroTimelineMetrics metrics;

  GtkWidget *parts[N_PARTS];
  GdkRGBA colors[N_PARTS];
  GdkRGBA foreground;

  /* Text: labels are measured a character at a time (exact enough, and
   * fast for 100,000 titles) and laid out by Pango only when drawn. */
  char *font_key;
  gboolean fonts_may_have_changed;
  double char_widths[128];
  GHashTable *wide_char_widths;   /* gunichar → width × 1024 */
  PangoLayout *measure_layout;
  GHashTable *item_layouts;       /* item position + 1 → PangoLayout */
  GHashTable *text_layouts[N_PARTS];
  double text_height;
  double small_height;
  double lane_height;
  double era_row_height;
  double header_height;
  double group_header_height;
  double axis_height;             /* with the row that names the year or month */
  double axis_scale;              /* the scale of the last axis_rows */
  guint axis_rows;
  guint n_lanes;

  /* What is shown */
  int selected;                   /* the selection's position, or -1 */
  guint marks_drawn;              /* 1 << NichiroTimelineMark, of the last frame */
  GArray *drawn_texts;            /* NichiroTimelineDrawnText, of the last frame */
  guint8 *matches;                /* per position, while searching */
  int hover_item;
  int hover_cluster;
  int focus_cluster;
  double focus_cluster_scale;
  int focus_cluster_pinned;
  guint relayout_id;

  /* Whether the view is still the first one, fitted to the dataset's
   * period, which a new size fits again; moving the view ends it. */
  gboolean showing_period;
  double fitted_start;
  double fitted_end;
  int fitted_width;
  int fitted_height;

  /* Gestures */
  double pointer_x;
  gboolean has_pointer;
  double drag_start;
  double drag_end;
  double drag_x;
  gboolean drag_cursor;
  gboolean panning;
  double zoom_start;
  double zoom_end;
  double zoom_anchor_x;

  AdwAnimation *animation;
  double from_start;
  double from_end;
  double to_start;
  double to_end;

  GtkWidget *cluster_popover;
  GtkListBox *cluster_list;
  GtkWidget *cluster_zoom_button;
  double cluster_start;
  double cluster_end;

  GtkWidget *goto_popover;
  GtkEntry *goto_entry;
  GtkLabel *goto_error;

  /* What stands over the canvas's top right corner (the composite's
   * buttons), which the eras' names keep clear of. */
  double corner_width;
  double corner_height;

  /* While drawing right to left: the width to mirror in, else 0. */
  double mirror_width;

  /* Set while a click selects: what was clicked is in view already. */
  gboolean selecting_by_pointer;

  /* Set while the keys last moved the date cursor: the accessible name is
   * then the cursor's day and what was in force (-a11y.c). */
  gboolean cursor_by_keys;
};

/* nichiro-timeline-canvas-view.c: the view */
gboolean             _nichiro_timeline_canvas_is_rtl                (NichiroTimelineCanvas     *self);
double               _nichiro_timeline_canvas_logical_x             (NichiroTimelineCanvas     *self,
                                                                     double                     x);
double               _nichiro_timeline_canvas_get_width             (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_get_range             (NichiroTimelineCanvas     *self,
                                                                     double                    *out_start,
                                                                     double                    *out_end);
NichiroTimelineView  _nichiro_timeline_canvas_get_view              (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_set_range             (NichiroTimelineCanvas     *self,
                                                                     double                     start,
                                                                     double                     end);
void                 _nichiro_timeline_canvas_drag_range            (NichiroTimelineCanvas     *self,
                                                                     double                     start,
                                                                     double                     end);
void                 _nichiro_timeline_canvas_settle_range          (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_animate_range         (NichiroTimelineCanvas     *self,
                                                                     double                     start,
                                                                     double                     end);
void                 _nichiro_timeline_canvas_stop_animation        (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_zoom_around           (NichiroTimelineCanvas     *self,
                                                                     double                     factor,
                                                                     double                     anchor_x,
                                                                     gboolean                   animate);
void                 _nichiro_timeline_canvas_ensure_range          (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_scroll_to_item        (NichiroTimelineCanvas     *self,
                                                                     guint                      index);
void                 _nichiro_timeline_canvas_zoom_to_span          (NichiroTimelineCanvas     *self,
                                                                     double                     start,
                                                                     double                     end);
void                 _nichiro_timeline_canvas_show_time             (NichiroTimelineCanvas     *self,
                                                                     double                     time);

/* nichiro-timeline-canvas.c: the selection, the signal */
void                 _nichiro_timeline_canvas_select_index          (NichiroTimelineCanvas     *self,
                                                                     guint                      index);
void                 _nichiro_timeline_canvas_walk_to_index         (NichiroTimelineCanvas     *self,
                                                                     guint                      index);
void                 _nichiro_timeline_canvas_emit_entry_activated  (NichiroTimelineCanvas     *self,
                                                                     NichiroEntry              *entry);

/* nichiro-timeline-canvas-layouts.c: rows, layouts, hit-testing */
guint                _nichiro_timeline_canvas_count_lanes           (NichiroTimelineCanvas     *self);
NichiroTimelineLayout *_nichiro_timeline_canvas_current_layout      (NichiroTimelineCanvas     *self,
                                                                     const NichiroTimelineView *view);
NichiroTimelineLayout *_nichiro_timeline_canvas_layout_at           (NichiroTimelineCanvas     *self,
                                                                     double                     level);
void                 _nichiro_timeline_canvas_drop_layouts          (NichiroTimelineCanvas     *self);
double               _nichiro_timeline_canvas_lane_y                (NichiroTimelineCanvas     *self,
                                                                     NichiroTimelineLayout     *layout,
                                                                     guint                      lane);
gboolean             _nichiro_timeline_canvas_lane_at               (NichiroTimelineCanvas     *self,
                                                                     NichiroTimelineLayout     *layout,
                                                                     double                     y,
                                                                     guint                     *out_lane);
gboolean             _nichiro_timeline_canvas_item_label            (NichiroTimelineCanvas     *self,
                                                                     NichiroTimelineLayout     *layout,
                                                                     const NichiroTimelineView *view,
                                                                     guint                      index,
                                                                     guint                     *out_lane,
                                                                     NichiroTimelineLabelPlace *out_place);
NichiroTimelineHitKind _nichiro_timeline_canvas_hit_at              (NichiroTimelineCanvas     *self,
                                                                     double                     x,
                                                                     double                     y,
                                                                     guint                     *out_index);

/* nichiro-timeline-canvas-text.c: fonts, measuring, Pango layouts */
void                 _nichiro_timeline_canvas_ensure_text           (NichiroTimelineCanvas     *self);
gboolean             _nichiro_timeline_canvas_fonts_changed         (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_measure_model         (NichiroTimelineCanvas     *self);
double               _nichiro_timeline_canvas_measure_axis_label    (const char                *text,
                                                                     gpointer                   user_data);
double               _nichiro_timeline_canvas_get_axis_height       (NichiroTimelineCanvas     *self);
PangoLayout         *_nichiro_timeline_canvas_text_layout           (NichiroTimelineCanvas     *self,
                                                                     NichiroTimelineCanvasPart  part,
                                                                     const char                *text);
PangoLayout         *_nichiro_timeline_canvas_item_layout           (NichiroTimelineCanvas     *self,
                                                                     guint                      index,
                                                                     const NichiroTimelineItem *item);

/* nichiro-timeline-canvas-style.c: the style nodes and their colours */
void                 _nichiro_timeline_canvas_init_style            (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_read_colors           (NichiroTimelineCanvas     *self);

/* nichiro-timeline-canvas-draw.c */
void                 _nichiro_timeline_canvas_snapshot              (GtkWidget                 *widget,
                                                                     GtkSnapshot               *snapshot);
void                 _nichiro_timeline_canvas_fill_rect             (NichiroTimelineCanvas     *self,
                                                                     GtkSnapshot               *snapshot,
                                                                     const GdkRGBA             *color,
                                                                     double                     x,
                                                                     double                     y,
                                                                     double                     width,
                                                                     double                     height);
void                 _nichiro_timeline_canvas_fill_rounded          (NichiroTimelineCanvas     *self,
                                                                     GtkSnapshot               *snapshot,
                                                                     const GdkRGBA             *color,
                                                                     double                     x,
                                                                     double                     y,
                                                                     double                     width,
                                                                     double                     height,
                                                                     double                     radius);
void                 _nichiro_timeline_canvas_draw_text             (NichiroTimelineCanvas     *self,
                                                                     GtkSnapshot               *snapshot,
                                                                     PangoLayout               *layout,
                                                                     double                     x,
                                                                     double                     y,
                                                                     const GdkRGBA             *color);
void                 _nichiro_timeline_canvas_draw_marker           (NichiroTimelineCanvas     *self,
                                                                     GtkSnapshot               *snapshot,
                                                                     NichiroTimelineMarker      marker,
                                                                     double                     cx,
                                                                     double                     cy,
                                                                     double                     r,
                                                                     const GdkRGBA             *color);
void                 _nichiro_timeline_canvas_draw_lifecycle        (NichiroTimelineCanvas     *self,
                                                                     GtkSnapshot               *snapshot,
                                                                     const NichiroTimelineItem *item,
                                                                     const NichiroTimelineGeometry *g,
                                                                     const NichiroTimelineView *view,
                                                                     double                     cy,
                                                                     double                     line_y,
                                                                     const GdkRGBA             *color);

/* nichiro-timeline-canvas-input.c: the pointer */
void                 _nichiro_timeline_canvas_init_input            (NichiroTimelineCanvas     *self);

/* nichiro-timeline-canvas-keys.c */
void                 _nichiro_timeline_canvas_class_init_keys       (GtkWidgetClass            *widget_class);
double               _nichiro_timeline_canvas_keyboard_anchor       (NichiroTimelineCanvas     *self);

/* nichiro-timeline-canvas-clusters.c */
void                 _nichiro_timeline_canvas_activate_cluster      (NichiroTimelineCanvas     *self,
                                                                     guint                      index);

/* nichiro-timeline-canvas-groups.c: grouping, filters, group headers */
void                 _nichiro_timeline_canvas_update_groups         (NichiroTimelineCanvas     *self);
char                *_nichiro_timeline_canvas_dup_group_title       (NichiroTimelineCanvas     *self,
                                                                     guint                      group);
gboolean             _nichiro_timeline_canvas_shown_from            (NichiroTimelineCanvas     *self,
                                                                     gint64                     position,
                                                                     int                        direction,
                                                                     guint                     *out_item);
void                 _nichiro_timeline_canvas_draw_group_headers    (NichiroTimelineCanvas     *self,
                                                                     GtkSnapshot               *snapshot,
                                                                     NichiroTimelineLayout     *layout,
                                                                     double                     width);

/* nichiro-timeline-canvas-goto.c: typing a year, Ctrl+G */
void                 _nichiro_timeline_canvas_open_goto             (NichiroTimelineCanvas     *self,
                                                                     const char                *typed);

/* nichiro-timeline-canvas-legend.c */
GdkPaintable        *_nichiro_timeline_canvas_paint_mark            (NichiroTimelineCanvas     *self,
                                                                     NichiroTimelineMark        mark,
                                                                     int                        width,
                                                                     int                        height);

/* nichiro-timeline-canvas-a11y.c */
void                 _nichiro_timeline_canvas_update_accessible     (NichiroTimelineCanvas     *self);
void                 _nichiro_timeline_canvas_format_span           (double                     start,
                                                                     double                     end,
                                                                     char                     **out_from,
                                                                     char                     **out_to);

/* nichiro-timeline-canvas-tooltip.c */
gboolean             _nichiro_timeline_canvas_query_tooltip         (GtkWidget                 *widget,
                                                                     int                        x,
                                                                     int                        y,
                                                                     gboolean                   keyboard_mode,
                                                                     GtkTooltip                *tooltip);

/* Asked for every item drawn: inline. */

static inline const NichiroTimelineItem *
_nichiro_timeline_canvas_get_item (NichiroTimelineCanvas *self,
                                   guint                  index)
{
  return nichiro_timeline_model_get_item (self->model, index);
}

static inline double
_nichiro_timeline_canvas_lanes_top (NichiroTimelineCanvas *self)
{
  return self->header_height;
}

static inline double
_nichiro_timeline_canvas_axis_top (NichiroTimelineCanvas *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self)) - _nichiro_timeline_canvas_get_axis_height (self);
}

G_END_DECLS
