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

/* Opening a "+N" cluster, by a click or Enter: a popover lists its
 * entries, title and dates, to choose from, with "Zoom to These" at its
 * head, which zooms until they spread out into the lanes (or as far as
 * the timeline goes, when they share a day). The popover is made the
 * first time a cluster is opened. */

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

static void
zoom_to_cluster_cb (NichiroTimelineCanvas *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->cluster_popover));
  self->focus_cluster = -1;
  _nichiro_timeline_canvas_zoom_to_span (self, self->cluster_start, self->cluster_end);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
ensure_cluster_popover (NichiroTimelineCanvas *self)
{
  GtkWidget *scroller, *box;

  if (self->cluster_popover != NULL)
    return;

  self->cluster_popover = gtk_popover_new ();
  gtk_widget_set_parent (self->cluster_popover, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->cluster_zoom_button = gtk_button_new_with_mnemonic (_("_Zoom to These"));
  gtk_widget_add_css_class (self->cluster_zoom_button, "flat");
  g_signal_connect_object (self->cluster_zoom_button, "clicked",
                           G_CALLBACK (zoom_to_cluster_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->cluster_zoom_button);

  self->cluster_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->cluster_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->cluster_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cluster_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entries Drawn Together"),
                                  -1);
  g_signal_connect_object (self->cluster_list, "row-activated",
                           G_CALLBACK (cluster_row_activated_cb), self, G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->cluster_list));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (self->cluster_popover), box);
}

/* Lists what a cluster holds, with "Zoom to These" above. */
static void
show_cluster_members (NichiroTimelineCanvas     *self,
                      NichiroTimelineLayout     *layout,
                      guint                      index,
                      const NichiroTimelineView *view)
{
  guint n_members, n_clusters;
  const guint *members = nichiro_timeline_layout_get_cluster_members (layout, index, &n_members);
  const NichiroTimelineCluster *cluster = &nichiro_timeline_layout_get_clusters (layout, &n_clusters)[index];
  GtkWidget *child, *first_row = NULL;
  double x0, x1, width = _nichiro_timeline_canvas_get_width (self);
  double span = width / view->scale;
  GdkRectangle area;

  ensure_cluster_popover (self);

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
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "nichiro-entry", g_object_ref (entry), g_object_unref);
      gtk_list_box_append (self->cluster_list, row);
      if (first_row == NULL)
        first_row = row;
    }

  if (n_members > CLUSTER_POPOVER_MAX)
    {
      g_autofree char *text = g_strdup_printf (_("and %u more"), n_members - CLUSTER_POPOVER_MAX);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->cluster_list, label);
    }

  /* Zooming helps only while they do not share a day, and the view is not
   * already as close as it goes. */
  self->cluster_start = cluster->start;
  self->cluster_end = cluster->end;
  gtk_widget_set_sensitive (self->cluster_zoom_button,
                            MAX (cluster->end - cluster->start, MIN_SPAN_DAYS) * 1.3 < span * 0.8 &&
                            span > MIN_SPAN_DAYS * 1.01);

  nichiro_timeline_layout_get_cluster_geometry (layout, index, view, &x0, &x1);
  area.x = (int) (_nichiro_timeline_canvas_is_rtl (self) ? width - x1 : x0);
  area.y = (int) _nichiro_timeline_canvas_lane_y (self, layout, cluster->lane);
  area.width = (int) (x1 - x0);
  area.height = (int) self->lane_height;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->cluster_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->cluster_popover));
  if (first_row != NULL)
    gtk_widget_grab_focus (first_row);
}

/* Lists a cluster's entries; choosing one selects it, "Zoom to These"
 * spreads them out. */
void
_nichiro_timeline_canvas_activate_cluster (NichiroTimelineCanvas *self,
                                           guint                  index)
{
  NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
  NichiroTimelineLayout *layout = _nichiro_timeline_canvas_current_layout (self, &view);
  guint n_clusters;

  nichiro_timeline_layout_get_clusters (layout, &n_clusters);
  if (index >= n_clusters)
    return;

  show_cluster_members (self, layout, index, &view);
}
