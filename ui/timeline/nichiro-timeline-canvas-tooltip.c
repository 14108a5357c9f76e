/* nichiro-timeline-canvas-tooltip.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-timeline-canvas-private.h"

/* The canvas's tooltips: over an entry its full title (the label may be a
 * short one), kind and dates; over a cluster how many it holds and from
 * when to when; over the header every era at that time, named in full.
 * From the keyboard, the selection's title. */

gboolean
_nichiro_timeline_canvas_query_tooltip (GtkWidget  *widget,
                                        int         x,
                                        int         y,
                                        gboolean    keyboard_mode,
                                        GtkTooltip *tooltip)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  guint index, lane;
  g_autofree char *markup = NULL;
  double x0, x1;
  GdkRectangle area;

  if (self->model == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      if (self->selected < 0)
        return FALSE;
      markup = g_markup_printf_escaped ("%s", _nichiro_timeline_canvas_get_item (self, self->selected)->title);
      gtk_tooltip_set_markup (tooltip, markup);
      return TRUE;
    }

  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);

  /* Over the era names: every era at that time, named in full, with its
   * years. */
  if (y < self->header_height)
    {
      double time = view.start + _nichiro_timeline_canvas_logical_x (self, x) / view.scale;
      guint n_eras;
      const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (self->model, &n_eras);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < n_eras; i++)
        {
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (time < eras[i].start || time >= eras[i].end)
            continue;
          _nichiro_timeline_canvas_format_span (eras[i].start, eras[i].end, &from, &to);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "%s (%s – %s)", eras[i].names[NICHIRO_TIMELINE_ERA_NAME], from, to);
        }

      if (text->len == 0)
        return FALSE;
      gtk_tooltip_set_text (tooltip, text->str);
      return TRUE;
    }

  if (!_nichiro_timeline_canvas_lane_at (self, layout, y, &lane))
    return FALSE;

  switch (nichiro_timeline_layout_hit_placed (layout, lane, &view, _nichiro_timeline_canvas_get_width (self), LABEL_PADDING,
                                              _nichiro_timeline_canvas_logical_x (self, x), &index))
    {
    case NICHIRO_TIMELINE_HIT_ITEM:
      {
        const NichiroTimelineItem *item = _nichiro_timeline_canvas_get_item (self, index);
        NichiroTimelineGeometry g;
        NichiroTimelineLabelPlace place;
        guint item_lane;
        g_autofree char *dates = nichiro_entry_dup_date_span (item->entry);

        markup = g_markup_printf_escaped ("<b>%s</b>\n%s · %s",
                                          item->title,
                                          nichiro_entry_kind_get_label (nichiro_entry_get_kind (item->entry)),
                                          dates);
        nichiro_timeline_item_get_geometry (item, &self->metrics, &view, &g);
        x0 = g.x0;
        x1 = g.x1;
        if (_nichiro_timeline_canvas_item_label (self, layout, &view, index, &item_lane, &place) && place.shown)
          {
            x0 = MIN (x0, place.x);
            x1 = MAX (x1, place.x + item->label_width);
          }
      }
      break;

    case NICHIRO_TIMELINE_HIT_CLUSTER:
      {
        guint n_clusters;
        const NichiroTimelineCluster *cluster = &nichiro_timeline_layout_get_clusters (layout, &n_clusters)[index];
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;
        g_autofree char *count = NULL;

        _nichiro_timeline_canvas_format_span (cluster->start, cluster->end, &from, &to);
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more entry", "%u more entries", cluster->n_members),
                                 cluster->n_members);
        markup = g_markup_printf_escaped ("<b>%s</b>\n%s – %s\n%s", count, from, to, _("Click to list them"));
        nichiro_timeline_layout_get_cluster_geometry (layout, index, &view, &x0, &x1);
      }
      break;

    case NICHIRO_TIMELINE_HIT_NONE:
    default:
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, markup);
  area.x = (int) (_nichiro_timeline_canvas_is_rtl (self) ? _nichiro_timeline_canvas_get_width (self) - x1 : x0);
  area.y = (int) _nichiro_timeline_canvas_lane_y (self, layout, lane);
  area.width = (int) (x1 - x0);
  area.height = (int) self->lane_height;
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}
