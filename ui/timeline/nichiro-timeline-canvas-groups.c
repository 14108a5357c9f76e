/* nichiro-timeline-canvas-groups.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-timeline-canvas-private.h"

/* Grouping the lanes (by kind or by thread) and filtering what is shown,
 * as the reader chose (nichiro_timeline_canvas_set_grouping() and
 * nichiro_timeline_canvas_set_filter()): the groups are computed without
 * GTK (app/core/timeline/nichiro-timeline-groups.c); here they are made
 * again when the choice changes, and each group's name is drawn above its
 * lanes, at the left edge, over a rule across the canvas. */

void
_nichiro_timeline_canvas_update_groups (NichiroTimelineCanvas *self)
{
  g_clear_pointer (&self->groups, nichiro_timeline_groups_unref);
  _nichiro_timeline_canvas_drop_layouts (self);

  if (self->model != NULL)
    self->groups = nichiro_timeline_groups_new (self->model, self->grouping, self->hidden_categories,
                                                (const char * const *) self->hidden_threads);

  _nichiro_timeline_canvas_update_accessible (self);
  /* Grouped, the canvas asks for a row for each group's name. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * _nichiro_timeline_canvas_dup_group_title:
 * @self: a canvas
 * @group: a group
 *
 * Returns: (transfer full): what the group is called: a kind, a thread in
 *   the title language, or the entries of no thread
 */
char *
_nichiro_timeline_canvas_dup_group_title (NichiroTimelineCanvas *self,
                                          guint                  group)
{
  const NichiroTimelineGroupInfo *info = nichiro_timeline_groups_get_group (self->groups, group);

  if (self->grouping == NICHIRO_TIMELINE_GROUP_BY_THREAD)
    {
      if (info->thread == NULL)
        return g_strdup (_("Other entries"));
      return g_strdup (nichiro_names_get (&info->thread->name, nichiro_timeline_model_get_title_language (self->model)));
    }

  switch (info->category)
    {
    case NICHIRO_TIMELINE_CATEGORY_INSTRUMENTS:
      return g_strdup (_("Treaties and agreements"));
    case NICHIRO_TIMELINE_CATEGORY_CONFLICTS:
      return g_strdup (_("Wars and battles"));
    case NICHIRO_TIMELINE_CATEGORY_EVENTS:
    case NICHIRO_TIMELINE_N_CATEGORIES:
    default:
      return g_strdup (_("Events, conferences and missions"));
    }
}

void
_nichiro_timeline_canvas_draw_group_headers (NichiroTimelineCanvas *self,
                                             GtkSnapshot           *snapshot,
                                             NichiroTimelineLayout *layout,
                                             double                 width)
{
  const GdkRGBA *color = &self->colors[PART_GROUP_HEADER];
  GdkRGBA rule = *color;

  if (self->grouping == NICHIRO_TIMELINE_GROUP_BY_NONE || self->groups == NULL)
    return;

  rule.alpha *= 0.35;
  for (guint g = 0; g < nichiro_timeline_groups_get_n_groups (self->groups); g++)
    {
      g_autofree char *title = _nichiro_timeline_canvas_dup_group_title (self, g);
      guint first, n_lanes;
      double top;

      nichiro_timeline_layout_get_group_lanes (layout, g, &first, &n_lanes);
      top = _nichiro_timeline_canvas_lane_y (self, layout, first) - self->group_header_height;
      if (top >= _nichiro_timeline_canvas_axis_top (self))
        break;

      _nichiro_timeline_canvas_fill_rect (self, snapshot, &rule, 0, top + 1, width, 1);
      _nichiro_timeline_canvas_draw_text (self, snapshot, _nichiro_timeline_canvas_text_layout (self, PART_GROUP_HEADER, title),
                                          6, top + 2, color);
    }
}

/* The first item shown at @position or past it going @direction. */
gboolean
_nichiro_timeline_canvas_shown_from (NichiroTimelineCanvas *self,
                                     gint64                 position,
                                     int                    direction,
                                     guint                 *out_item)
{
  if (self->model == NULL || position < 0 || position >= nichiro_timeline_model_get_n_items (self->model))
    return FALSE;

  if (nichiro_timeline_groups_is_shown (self->groups, position))
    {
      *out_item = position;
      return TRUE;
    }

  return nichiro_timeline_groups_step (self->groups, position, direction, out_item);
}
