/* nichiro-timeline-canvas-draw.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <math.h>

#include "nichiro-timeline-canvas-private.h"
#include "nichiro-timeline-era-labels.h"
#include "nichiro-timeline-ticks.h"

/* Drawing the canvas: the eras as bands behind, the grid, the groups'
 * names, the entries in their lanes (a marker, a label where
 * nichiro-timeline-labels.c puts it, a bar or a lifecycle line under the
 * label, never through it), the "+N" clusters, the axis, the eras' names
 * with their extent, the date cursor and the focus ring. Only what is in
 * view is drawn: each lane is searched for the visible range in O(log n).
 * Each frame notes which marks it drew, for the legend's test. Right to
 * left, each box is mirrored as it is drawn (screen_x ()), so everything
 * above it works in logical coordinates. */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

/* Where a box that starts at the logical @x is drawn: mirrored right to
 * left. Mirroring the coordinates rather than the drawing keeps rounded
 * clips, which a negative scale would undo. */
static double
screen_x (NichiroTimelineCanvas *self,
          double                 x,
          double                 width)
{
  return self->mirror_width > 0 ? self->mirror_width - x - width : x;
}

void
_nichiro_timeline_canvas_fill_rect (NichiroTimelineCanvas *self,
                                    GtkSnapshot           *snapshot,
                                    const GdkRGBA         *color,
                                    double                 x,
                                    double                 y,
                                    double                 width,
                                    double                 height)
{
  if (width <= 0 || height <= 0 || color->alpha <= 0)
    return;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (screen_x (self, x, width), y, width, height));
}

void
_nichiro_timeline_canvas_fill_rounded (NichiroTimelineCanvas *self,
                                       GtkSnapshot           *snapshot,
                                       const GdkRGBA         *color,
                                       double                 x,
                                       double                 y,
                                       double                 width,
                                       double                 height,
                                       double                 radius)
{
  GskRoundedRect rounded;

  if (width <= 0 || height <= 0 || color->alpha <= 0)
    return;

  x = screen_x (self, x, width);
  radius = MIN (radius, MIN (width, height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
stroke_rounded (NichiroTimelineCanvas *self,
                GtkSnapshot           *snapshot,
                const GdkRGBA         *color,
                double                 x,
                double                 y,
                double                 width,
                double                 height,
                double                 radius,
                double                 line_width)
{
  GskRoundedRect rounded;
  const float widths[4] = { line_width, line_width, line_width, line_width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  radius = MIN (radius, MIN (width, height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (screen_x (self, x, width), y, width, height), radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

void
_nichiro_timeline_canvas_draw_text (NichiroTimelineCanvas *self,
                                    GtkSnapshot           *snapshot,
                                    PangoLayout           *layout,
                                    double                 x,
                                    double                 y,
                                    const GdkRGBA         *color)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (screen_x (self, x, width), y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

void
_nichiro_timeline_canvas_draw_marker (NichiroTimelineCanvas *self,
                                      GtkSnapshot           *snapshot,
                                      NichiroTimelineMarker  marker,
                                      double                 cx,
                                      double                 cy,
                                      double                 r,
                                      const GdkRGBA         *color)
{
  double side = r * G_SQRT2;

  switch (marker)
    {
    case NICHIRO_TIMELINE_MARKER_DIAMOND:
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (screen_x (self, cx, 0), cy));
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
      gtk_snapshot_restore (snapshot);
      break;

    case NICHIRO_TIMELINE_MARKER_TRIANGLE:
      /* The upper half of a tall diamond. */
      cx = screen_x (self, cx, 0);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy + r));
      gtk_snapshot_scale (snapshot, 1, 2);
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
      break;

    case NICHIRO_TIMELINE_MARKER_CIRCLE:
    default:
      _nichiro_timeline_canvas_fill_rounded (self, snapshot, color, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7, r);
      break;
    }
}

static void
note_mark (NichiroTimelineCanvas *self,
           NichiroTimelineMark    mark)
{
  self->marks_drawn |= 1u << mark;
}

/* What was drawn where, on screen (mirrored right to left). */
static void
note_text (NichiroTimelineCanvas *self,
           NichiroEntry          *entry,
           guint                  n_members,
           double                 x,
           double                 y,
           double                 width,
           double                 height)
{
  NichiroTimelineDrawnText text = { entry, n_members, GRAPHENE_RECT_INIT (screen_x (self, x, width), y, width, height) };

  g_array_append_val (self->drawn_texts, text);
}

/* Signed, in force, notice, ended: a thin line until the instrument came
 * into force, a thick one while it was, a faded one after notice, a bar
 * where it ended, ticks for ratification; a fading tail when it is still
 * in force. The line runs under the label, below its descenders, and its
 * ticks reach down, away from the text. */
void
_nichiro_timeline_canvas_draw_lifecycle (NichiroTimelineCanvas         *self,
                                         GtkSnapshot                   *snapshot,
                                         const NichiroTimelineItem     *item,
                                         const NichiroTimelineGeometry *g,
                                         const NichiroTimelineView     *view,
                                         double                         cy,
                                         double                         line_y,
                                         const GdkRGBA                 *color)
{
  double r = self->metrics.marker_radius;
  const double *stages = item->stages;
  gboolean has_force, has_notice = stages[NICHIRO_STAGE_NOTICE] != 0, has_end = stages[NICHIRO_STAGE_ENDED] != 0;
  double force_x = 0, notice_x = 0, end_x = 0, thick_end;
  GdkRGBA thin = with_alpha (color, 0.6);
  GdkRGBA faded = with_alpha (color, 0.4);

  /* Positions may lie left of the view: presence is tracked apart. */
  if (has_end)
    end_x = nichiro_timeline_view_time_to_x (view, stages[NICHIRO_STAGE_ENDED]);
  if (has_notice)
    notice_x = nichiro_timeline_view_time_to_x (view, stages[NICHIRO_STAGE_NOTICE] + 0.5);
  has_force = stages[NICHIRO_STAGE_IN_FORCE] != 0 || has_end;
  if (stages[NICHIRO_STAGE_IN_FORCE] != 0)
    force_x = nichiro_timeline_view_time_to_x (view, stages[NICHIRO_STAGE_IN_FORCE] + 0.5);
  else if (has_end)
    force_x = g->marker_x;

  /* From the marker down to the line. */
  _nichiro_timeline_canvas_fill_rect (self, snapshot, &thin, g->marker_x - 0.5, cy + r, 1, line_y - cy - r);

  if (!has_force || force_x > g->marker_x + 0.5)
    {
      _nichiro_timeline_canvas_fill_rect (self, snapshot, &thin, g->marker_x, line_y, (has_force ? force_x : g->bar_x1) - g->marker_x, 1);
      note_mark (self, NICHIRO_TIMELINE_MARK_SIGNED);
    }

  if (has_force)
    {
      double open_end = item->is_open ? g->bar_x1 - self->metrics.open_tail : g->bar_x1;

      thick_end = has_notice ? notice_x : has_end ? end_x : open_end;
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, force_x, line_y - 1, MAX (thick_end - force_x, 2), 3);
      note_mark (self, NICHIRO_TIMELINE_MARK_IN_FORCE);

      if (has_notice)
        {
          _nichiro_timeline_canvas_fill_rect (self, snapshot, &faded, notice_x, line_y - 1, (has_end ? end_x : g->bar_x1) - notice_x, 3);
          note_mark (self, NICHIRO_TIMELINE_MARK_NOTICE);
        }

      if (item->is_open)
        {
          const GskColorStop stops[2] = { { 0, *color }, { 1, with_alpha (color, 0) } };

          gtk_snapshot_append_linear_gradient (snapshot,
                                               &GRAPHENE_RECT_INIT (screen_x (self, open_end, g->bar_x1 - open_end),
                                                                    line_y - 1, g->bar_x1 - open_end, 3),
                                               &GRAPHENE_POINT_INIT (screen_x (self, open_end, 0), line_y),
                                               &GRAPHENE_POINT_INIT (screen_x (self, g->bar_x1, 0), line_y),
                                               stops, 2);
          note_mark (self, NICHIRO_TIMELINE_MARK_OPEN);
        }
    }

  /* Ratification, the exchange and the notice as ticks; the end as a bar;
   * both below the line. */
  for (NichiroStage stage = 0; stage < NICHIRO_N_STAGES; stage++)
    {
      double x;

      if (stages[stage] == 0 || stage == NICHIRO_STAGE_IN_FORCE || stage == NICHIRO_STAGE_ENDED)
        continue;
      x = nichiro_timeline_view_time_to_x (view, stages[stage] + 0.5);
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, x - 0.5, line_y - 1, 1, 5);
      if (stage != NICHIRO_STAGE_NOTICE)
        note_mark (self, NICHIRO_TIMELINE_MARK_STAGE);
    }

  if (has_end)
    {
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, end_x - 1, line_y - 1, 2, 5);
      note_mark (self, NICHIRO_TIMELINE_MARK_ENDED);
    }
}

/* Where the lifecycle line runs in a lane whose top is @top: two pixels
 * below the label's descenders, its ticks reaching down to the lane's
 * end. */
static double
line_y_for (NichiroTimelineCanvas *self,
            double                 top)
{
  return round (top + PILL_TOP + self->text_height + 4);
}

static const NichiroTimelineMark group_marks[NICHIRO_TIMELINE_N_GROUPS] = {
  [NICHIRO_TIMELINE_GROUP_INSTRUMENT] = NICHIRO_TIMELINE_MARK_INSTRUMENT,
  [NICHIRO_TIMELINE_GROUP_CONFLICT] = NICHIRO_TIMELINE_MARK_CONFLICT,
  [NICHIRO_TIMELINE_GROUP_MEETING] = NICHIRO_TIMELINE_MARK_MEETING,
  [NICHIRO_TIMELINE_GROUP_INCIDENT] = NICHIRO_TIMELINE_MARK_INCIDENT,
  [NICHIRO_TIMELINE_GROUP_EVENT] = NICHIRO_TIMELINE_MARK_EVENT,
};

static void
draw_item (NichiroTimelineCanvas     *self,
           GtkSnapshot               *snapshot,
           NichiroTimelineLayout     *layout,
           guint                      lane,
           guint                      position,
           const NichiroTimelineView *view,
           double                     width,
           double                     top)
{
  guint n_things;
  guint index = nichiro_timeline_layout_get_lane_things (layout, lane, &n_things)[position];
  const NichiroTimelineItem *item = _nichiro_timeline_canvas_get_item (self, index);
  NichiroTimelineGeometry g;
  NichiroTimelineLabelPlace place;
  gboolean selected = (int) index == self->selected;
  gboolean matched = self->matches != NULL && self->matches[index];
  gboolean dimmed = self->matches != NULL && !matched && !selected;
  gboolean hovered = (int) index == self->hover_item;
  double r = self->metrics.marker_radius;
  double pill_top = top + PILL_TOP;
  double pill_height = self->text_height + 2;
  double cy = pill_top + pill_height / 2;
  double text_y = cy - self->text_height / 2;
  const GdkRGBA *group_color = &self->colors[item->group];
  const GdkRGBA *mark_color = selected ? &self->colors[PART_SELECTED_TEXT] : group_color;
  const GdkRGBA *text_color = selected ? &self->colors[PART_SELECTED_TEXT] : &self->foreground;
  double w = item->label_width;

  nichiro_timeline_item_get_geometry (item, &self->metrics, view, &g);
  nichiro_timeline_layout_place_label (layout, lane, position, view, width, LABEL_PADDING, &place);

  note_mark (self, group_marks[item->group]);
  if (dimmed)
    {
      gtk_snapshot_push_opacity (snapshot, 0.35);
      note_mark (self, NICHIRO_TIMELINE_MARK_DIMMED);
    }
  if (selected)
    note_mark (self, NICHIRO_TIMELINE_MARK_SELECTED);
  else if (matched)
    note_mark (self, NICHIRO_TIMELINE_MARK_MATCH);

  if (item->is_range)
    {
      GdkRGBA bar = with_alpha (group_color, hovered ? 0.34 : 0.22);
      double pill_x0 = g.bar_x0, pill_x1 = g.bar_x1;

      /* The highlight covers the label where it went. */
      if (place.shown)
        {
          pill_x0 = MIN (pill_x0, place.x - 3);
          pill_x1 = MAX (pill_x1, place.x + w + 3);
        }

      if (selected)
        _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_SELECTED], pill_x0, pill_top, pill_x1 - pill_x0, pill_height, 5);
      else if (matched)
        _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_MATCH], pill_x0 - 2, pill_top - 1, pill_x1 - pill_x0 + 4, pill_height + 2, 6);
      _nichiro_timeline_canvas_fill_rounded (self, snapshot, &bar, g.bar_x0, pill_top, g.bar_x1 - g.bar_x0, pill_height, 5);
      _nichiro_timeline_canvas_draw_marker (self, snapshot, item->marker, g.marker_x, cy, r * 0.8, mark_color);
      note_mark (self, NICHIRO_TIMELINE_MARK_RANGE);
      if (!g.label_inside && !selected)
        text_color = &self->foreground;
    }
  else
    {
      double pill_x = g.marker_x - r - 3;
      double pill_end = g.marker_x + r + 4;

      /* Around the marker and the label, on whichever side it is. */
      if (place.shown)
        {
          pill_x = MIN (pill_x, place.x - 4);
          pill_end = MAX (pill_end, place.x + w + 4);
        }

      if (selected)
        _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_SELECTED], pill_x, pill_top, pill_end - pill_x, pill_height, 6);
      else if (matched)
        _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_MATCH], pill_x, pill_top, pill_end - pill_x, pill_height, 6);
      else if (hovered)
        _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_HOVER], pill_x, pill_top, pill_end - pill_x, pill_height, 6);

      _nichiro_timeline_canvas_draw_marker (self, snapshot, item->marker, g.marker_x, cy, r, mark_color);
    }

  if (place.shown)
    {
      _nichiro_timeline_canvas_draw_text (self, snapshot, _nichiro_timeline_canvas_item_layout (self, index, item),
                                          place.x, text_y, text_color);
      note_text (self, item->entry, 0, place.x, text_y, w, self->text_height);
    }

  if (dimmed)
    gtk_snapshot_pop (snapshot);
}

/* An instrument's lifecycle line, drawn in its own pass under the labels,
 * which may stand above it. */
static void
draw_line (NichiroTimelineCanvas     *self,
           GtkSnapshot               *snapshot,
           guint                      index,
           const NichiroTimelineView *view,
           double                     top)
{
  const NichiroTimelineItem *item = _nichiro_timeline_canvas_get_item (self, index);
  gboolean selected = (int) index == self->selected;
  gboolean dimmed = self->matches != NULL && !self->matches[index] && !selected;
  double cy = top + PILL_TOP + (self->text_height + 2) / 2;
  NichiroTimelineGeometry g;

  nichiro_timeline_item_get_geometry (item, &self->metrics, view, &g);
  if (dimmed)
    gtk_snapshot_push_opacity (snapshot, 0.35);
  _nichiro_timeline_canvas_draw_lifecycle (self, snapshot, item, &g, view, cy, line_y_for (self, top), &self->colors[item->group]);
  if (dimmed)
    gtk_snapshot_pop (snapshot);
}

static void
draw_cluster (NichiroTimelineCanvas     *self,
              GtkSnapshot               *snapshot,
              NichiroTimelineLayout     *layout,
              guint                      index,
              const NichiroTimelineView *view,
              double                     top)
{
  guint n_members;
  const guint *members = nichiro_timeline_layout_get_cluster_members (layout, index, &n_members);
  char text[16];
  PangoLayout *text_layout_ = NULL;
  double x0, x1;
  double pill_top = top + PILL_TOP;
  double pill_height = self->text_height + 2;
  gboolean matched = FALSE;
  gboolean dimmed = FALSE;
  int width, height;

  nichiro_timeline_layout_get_cluster_geometry (layout, index, view, &x0, &x1);
  g_snprintf (text, sizeof text, "+%u", n_members);
  text_layout_ = _nichiro_timeline_canvas_text_layout (self, PART_CLUSTER, text);
  pango_layout_get_pixel_size (text_layout_, &width, &height);

  if (self->matches != NULL)
    {
      for (guint i = 0; i < n_members && !matched; i++)
        matched = self->matches[members[i]];
      dimmed = !matched;
    }

  note_mark (self, NICHIRO_TIMELINE_MARK_CLUSTER);
  if (dimmed)
    gtk_snapshot_push_opacity (snapshot, 0.35);

  _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[matched ? PART_MATCH : PART_CLUSTER], x0, pill_top, x1 - x0, pill_height, pill_height / 2);
  if ((int) index == self->hover_cluster)
    _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_HOVER], x0, pill_top, x1 - x0, pill_height, pill_height / 2);
  _nichiro_timeline_canvas_draw_text (self, snapshot, text_layout_, (x0 + x1 - width) / 2, pill_top + (pill_height - height) / 2, &self->foreground);
  note_text (self, NULL, n_members, (x0 + x1 - width) / 2, pill_top + (pill_height - height) / 2, width, height);

  if (dimmed)
    gtk_snapshot_pop (snapshot);
}

static NichiroTimelineCanvasPart
era_part (const NichiroEra *era)
{
  if (g_strcmp0 (era->kind, "war") == 0)
    return PART_ERA_WAR;
  if (g_strcmp0 (era->kind, "revolution") == 0)
    return PART_ERA_REVOLUTION;
  if (g_strcmp0 (era->kind, "intervention") == 0)
    return PART_ERA_INTERVENTION;
  if (g_strcmp0 (era->kind, "occupation") == 0)
    return PART_ERA_OCCUPATION;
  return PART_ERA_PERIOD;
}

static void
draw_eras (NichiroTimelineCanvas     *self,
           GtkSnapshot               *snapshot,
           const NichiroTimelineView *view,
           double                     width)
{
  guint n_eras;
  const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (self->model, &n_eras);
  double bottom = _nichiro_timeline_canvas_axis_top (self);
  const GdkRGBA *edge = &self->colors[PART_ERA_EDGE];

  for (guint i = 0; i < n_eras; i++)
    {
      double start = nichiro_timeline_view_time_to_x (view, eras[i].start);
      double end = nichiro_timeline_view_time_to_x (view, eras[i].end);
      double x0 = MAX (start, 0), x1 = MIN (end, width);
      NichiroTimelineCanvasPart part = era_part (eras[i].era);

      if (x1 <= x0)
        continue;

      _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[part], x0, 0, x1 - x0, bottom);
      note_mark (self, NICHIRO_TIMELINE_MARK_ERA_WAR + (part - PART_ERA_WAR));

      /* Edges, where the style draws them (high contrast). */
      if (start >= 0)
        _nichiro_timeline_canvas_fill_rect (self, snapshot, edge, round (start), 0, 1, bottom);
      if (end <= width)
        _nichiro_timeline_canvas_fill_rect (self, snapshot, edge, round (end) - 1, 0, 1, bottom);
    }
}

/* The eras' names in the header rows, each over a bracket that shows how
 * far its era runs, since a name may run on past it. */
static void
draw_era_labels (NichiroTimelineCanvas     *self,
                 GtkSnapshot               *snapshot,
                 const NichiroTimelineView *view,
                 double                     width)
{
  guint n_eras, n_labels;
  const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (self->model, &n_eras);
  g_autofree NichiroTimelineEraLabel *labels = g_new (NichiroTimelineEraLabel, MAX (n_eras, 1));
  const GdkRGBA *color = &self->colors[PART_ERA_LABEL];
  GdkRGBA bracket = with_alpha (color, 0.6);

  double row_widths[ERA_ROWS];

  /* Clear of what stands in the top right corner (the timeline's buttons). */
  for (guint row = 0; row < ERA_ROWS; row++)
    row_widths[row] = 3 + row * self->era_row_height < self->corner_height ? width - self->corner_width : width;

  n_labels = nichiro_timeline_place_era_labels (eras, n_eras, view, width, ERA_ROWS, row_widths, 6, labels);
  for (guint i = 0; i < n_labels; i++)
    {
      const NichiroTimelineEra *era = &eras[labels[i].era];
      const char *text = era->names[labels[i].form];
      double row_top = 3 + labels[i].row * self->era_row_height;

      _nichiro_timeline_canvas_draw_text (self, snapshot, _nichiro_timeline_canvas_text_layout (self, PART_ERA_LABEL, text),
                                          labels[i].x, row_top, color);
      _nichiro_timeline_canvas_fill_rect (self, snapshot, &bracket, labels[i].band_x0, row_top + self->small_height + 1,
                                          MAX (labels[i].band_x1 - labels[i].band_x0, 2), 2);
    }
}

static void
draw_grid (NichiroTimelineCanvas      *self,
           GtkSnapshot                *snapshot,
           const NichiroTimelineTicks *ticks)
{
  double bottom = _nichiro_timeline_canvas_axis_top (self);

  for (guint i = 0; i < ticks->lines->len; i++)
    {
      const NichiroTimelineTickLine *line = &g_array_index (ticks->lines, NichiroTimelineTickLine, i);

      if (line->level >= 1)
        _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[PART_GRID], round (line->x), self->header_height, 1, bottom - self->header_height);
    }
}

static void
draw_axis (NichiroTimelineCanvas      *self,
           GtkSnapshot                *snapshot,
           const NichiroTimelineTicks *ticks,
           double                      width)
{
  double top = _nichiro_timeline_canvas_axis_top (self);
  static const double lengths[] = { 3, 5, 8 };
  const GdkRGBA *color = &self->colors[PART_AXIS];

  _nichiro_timeline_canvas_fill_rect (self, snapshot, color, 0, top, width, 1);

  for (guint i = 0; i < ticks->lines->len; i++)
    {
      const NichiroTimelineTickLine *line = &g_array_index (ticks->lines, NichiroTimelineTickLine, i);

      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, round (line->x), top, 1, lengths[MIN (line->level, 2)]);
    }

  for (guint i = 0; i < ticks->labels->len; i++)
    {
      const NichiroTimelineLabel *label = &g_array_index (ticks->labels, NichiroTimelineLabel, i);

      /* Whole or not at all: "1700" cut at the edge reads "700". */
      if (label->x < 0 || label->x + label->width > width)
        continue;

      _nichiro_timeline_canvas_draw_text (self, snapshot, _nichiro_timeline_canvas_text_layout (self, PART_AXIS, label->text), label->x, top + 8, color);
    }

  for (guint i = 0; i < ticks->context->len; i++)
    {
      const NichiroTimelineLabel *label = &g_array_index (ticks->context, NichiroTimelineLabel, i);

      _nichiro_timeline_canvas_draw_text (self, snapshot, _nichiro_timeline_canvas_text_layout (self, PART_AXIS, label->text), label->x,
                                          top + 8 + self->small_height + 1, &self->colors[PART_AXIS_CONTEXT]);
    }
}

static void
draw_cursor (NichiroTimelineCanvas     *self,
             GtkSnapshot               *snapshot,
             const NichiroTimelineView *view,
             double                     width)
{
  gint64 cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  NichiroDate date;
  g_autofree char *text = NULL;
  PangoLayout *layout;
  double x, top = _nichiro_timeline_canvas_axis_top (self), handle_x, handle_width;
  int text_width_, text_height_;

  if (cursor == 0)
    return;

  x = nichiro_timeline_view_time_to_x (view, cursor + 0.5);
  if (x < -100 || x > width + 100)
    return;

  note_mark (self, NICHIRO_TIMELINE_MARK_CURSOR);
  _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[PART_CURSOR], round (x) - 1, 0, 2, top);

  date = nichiro_date_from_julian_day (cursor);
  text = nichiro_date_format_short (&date);
  layout = _nichiro_timeline_canvas_text_layout (self, PART_AXIS, text ? text : "");
  pango_layout_get_pixel_size (layout, &text_width_, &text_height_);
  handle_width = text_width_ + 12;
  handle_x = CLAMP (x - handle_width / 2, 1, MAX (1, width - handle_width - 1));
  _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_SELECTED], handle_x, top + 3, handle_width, text_height_ + 4, (text_height_ + 4) / 2.0);
  _nichiro_timeline_canvas_draw_text (self, snapshot, layout, handle_x + 6, top + 5, &self->colors[PART_SELECTED_TEXT]);
}

/* The ring around what the arrows act on, the selection or a cluster,
 * when it is in view; style.css draws the one around the canvas (and so
 * has it drawn again when it takes the focus). */
static void
draw_focus (NichiroTimelineCanvas     *self,
            GtkSnapshot               *snapshot,
            NichiroTimelineLayout     *layout,
            const NichiroTimelineView *view,
            double                     width)
{
  const GdkRGBA *color = &self->colors[PART_FOCUS];
  double height = self->text_height + 2;
  NichiroTimelineLabelPlace place;
  guint lane;

  if (self->focus_cluster >= 0)
    {
      guint n_clusters;
      const NichiroTimelineCluster *cluster = &nichiro_timeline_layout_get_clusters (layout, &n_clusters)[self->focus_cluster];
      double x0, x1, top = _nichiro_timeline_canvas_lane_y (self, layout, cluster->lane) + PILL_TOP;

      nichiro_timeline_layout_get_cluster_geometry (layout, self->focus_cluster, view, &x0, &x1);
      stroke_rounded (self, snapshot, color, x0 - 3, top - 3, x1 - x0 + 6, height + 6, height / 2 + 3, 2);
      return;
    }

  if (self->selected >= 0 && _nichiro_timeline_canvas_item_label (self, layout, view, self->selected, &lane, &place))
    {
      const NichiroTimelineItem *item = _nichiro_timeline_canvas_get_item (self, self->selected);
      NichiroTimelineGeometry g;
      double top = _nichiro_timeline_canvas_lane_y (self, layout, lane) + PILL_TOP;
      double x0, x1;

      nichiro_timeline_item_get_geometry (item, &self->metrics, view, &g);
      x0 = item->is_range ? g.bar_x0 : g.marker_x - self->metrics.marker_radius - 3;
      x1 = item->is_range ? g.bar_x1 : g.marker_x + self->metrics.marker_radius + 4;
      if (place.shown)
        {
          x0 = MIN (x0, place.x - 4);
          x1 = MAX (x1, place.x + item->label_width + 4);
        }
      if (x1 >= 0 && x0 <= width)
        stroke_rounded (self, snapshot, color, x0 - 3, top - 3, x1 - x0 + 6, height + 6, 9, 2);
    }
}

void
_nichiro_timeline_canvas_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  double width = _nichiro_timeline_canvas_get_width (self);
  double height = gtk_widget_get_height (widget);
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  g_autoptr(NichiroTimelineTicks) ticks = NULL;

  if (self->model == NULL)
    return;

  self->marks_drawn = 0;
  g_array_set_size (self->drawn_texts, 0);
  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);
  _nichiro_timeline_canvas_read_colors (self);
  ticks = nichiro_timeline_ticks_new (&view, width, LABEL_MIN_GAP, _nichiro_timeline_canvas_measure_axis_label, self);

  self->mirror_width = _nichiro_timeline_canvas_is_rtl (self) ? width : 0;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw_eras (self, snapshot, &view, width);
  draw_grid (self, snapshot, ticks);
  _nichiro_timeline_canvas_draw_group_headers (self, snapshot, layout, width);

  /* The lanes stop at the axis. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, _nichiro_timeline_canvas_axis_top (self)));
  for (guint lane = 0; lane < nichiro_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n, n_lines, first, end, line_first, line_end;
      const guint *things = nichiro_timeline_layout_get_lane_things (layout, lane, &n);
      const guint *lines = nichiro_timeline_layout_get_lane_lines (layout, lane, &n_lines);
      double top = _nichiro_timeline_canvas_lane_y (self, layout, lane);

      if (top >= _nichiro_timeline_canvas_axis_top (self))
        break;

      nichiro_timeline_layout_find_visible (layout, lane, &view, width, &first, &end);
      nichiro_timeline_layout_find_visible_lines (layout, lane, &view, width, &line_first, &line_end);

      /* The lines first, under the labels; then the items whose label
       * still slides along their line after they left the view, then the
       * rest. */
      for (guint i = line_first; i < line_end; i++)
        draw_line (self, snapshot, lines[i], &view, top);
      for (guint i = line_first; i < line_end; i++)
        {
          guint position;

          if (nichiro_timeline_layout_find_thing (layout, lane, lines[i], &position) && position < first)
            draw_item (self, snapshot, layout, lane, position, &view, width, top);
        }

      for (guint i = first; i < end; i++)
        {
          if (nichiro_timeline_lane_is_cluster (things[i]))
            draw_cluster (self, snapshot, layout, nichiro_timeline_lane_index (things[i]), &view, top);
          else
            draw_item (self, snapshot, layout, lane, i, &view, width, top);
        }
    }
  gtk_snapshot_pop (snapshot);

  draw_axis (self, snapshot, ticks, width);
  draw_era_labels (self, snapshot, &view, width);
  draw_cursor (self, snapshot, &view, width);

  if (gtk_widget_has_visible_focus (widget))
    draw_focus (self, snapshot, layout, &view, width);

  self->mirror_width = 0;
  gtk_snapshot_pop (snapshot);
}
