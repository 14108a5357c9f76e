/* nichiro-timeline-canvas-clusters.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-timeline-canvas-private.h"

/* Opening a "+N" cluster, by a click or Enter: the canvas zooms in until
 * its entries spread out into the lanes, or, when they cannot (they share
 * a day), lists them in a popover to choose from. */

#define CLUSTER_POPOVER_MAX 200

static void
cluster_row_activated_cb (NichiroTimelineCanvas *self,
                          GtkListBoxRow         *row)
{
  NichiroEntry *entry = g_object_get_data (G_OBJECT (row), "nichiro-entry");

  gtk_popover_popdown (GTK_POPOVER (self->cluster_popover));
  if (entry != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, entry);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* What a cluster holds, for when zooming in cannot spread it out: entries
 * on the same day. */
static void
show_cluster_members (NichiroTimelineCanvas     *self,
                      NichiroTimelineLayout     *layout,
                      guint                      index,
                      const NichiroTimelineView *view)
{
  guint n_members;
  const guint *members = nichiro_timeline_layout_get_cluster_members (layout, index, &n_members);
  GtkWidget *child;
  double x0, x1, top, width = _nichiro_timeline_canvas_get_width (self);
  GdkRectangle area;

  if (self->cluster_popover == NULL)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      self->cluster_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->cluster_popover, GTK_WIDGET (self));
      self->cluster_list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->cluster_list, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (self->cluster_list), "navigation-sidebar");
      g_signal_connect_object (self->cluster_list, "row-activated",
                               G_CALLBACK (cluster_row_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->cluster_list));
      gtk_popover_set_child (GTK_POPOVER (self->cluster_popover), scroller);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list))) != NULL)
    gtk_list_box_remove (self->cluster_list, child);

  for (guint i = 0; i < MIN (n_members, CLUSTER_POPOVER_MAX); i++)
    {
      const NichiroTimelineItem *item = _nichiro_timeline_canvas_get_item (self, members[i]);
      NichiroEntry *entry = item->entry;
      g_autofree char *dates = nichiro_entry_dup_date_label (entry);
      g_autofree char *text = g_strdup_printf ("%s — %s", item->title, dates);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "nichiro-entry", g_object_ref (entry), g_object_unref);
      gtk_list_box_append (self->cluster_list, row);
    }

  if (n_members > CLUSTER_POPOVER_MAX)
    {
      g_autofree char *text = g_strdup_printf (_("and %u more"), n_members - CLUSTER_POPOVER_MAX);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->cluster_list, label);
    }

  nichiro_timeline_layout_get_cluster_geometry (layout, index, view, &x0, &x1);
  top = _nichiro_timeline_canvas_lanes_top (self) + nichiro_timeline_layout_get_n_item_lanes (layout) * self->lane_height;
  area.x = (int) (_nichiro_timeline_canvas_is_rtl (self) ? width - x1 : x0);
  area.y = (int) top;
  area.width = (int) (x1 - x0);
  area.height = (int) self->lane_height;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->cluster_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->cluster_popover));
}

/* Zooms into a cluster until it spreads out; where it cannot (its entries
 * share a day), lists them. */
void
_nichiro_timeline_canvas_activate_cluster (NichiroTimelineCanvas *self,
                                           guint                  index)
{
  NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
  NichiroTimelineLayout *layout = _nichiro_timeline_canvas_current_layout (self, &view);
  guint n_clusters;
  const NichiroTimelineCluster *clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);
  double span = _nichiro_timeline_canvas_get_width (self) / view.scale;
  double wanted;

  if (index >= n_clusters)
    return;

  wanted = MAX (clusters[index].end - clusters[index].start, MIN_SPAN_DAYS) * 1.3;
  if (wanted >= span * 0.8 || span <= MIN_SPAN_DAYS * 1.01)
    {
      show_cluster_members (self, layout, index, &view);
      return;
    }

  self->focus_cluster = -1;
  _nichiro_timeline_canvas_zoom_to_span (self, clusters[index].start, clusters[index].end);
}
