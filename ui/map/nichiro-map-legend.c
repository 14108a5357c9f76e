/* nichiro-map-legend.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-map-legend.h"

/* The key to the map on the shown day: a row for each side that held
 * something, each pattern in use, the treaty line when one holds, and the
 * pins. Only what the map shows is listed, so it stays short. Rows are
 * made again only when the list changes. */

struct _NichiroMapLegend
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GPtrArray *labels;            /* char *, what the rows say */
};

G_DEFINE_FINAL_TYPE (NichiroMapLegend, nichiro_map_legend, GTK_TYPE_WIDGET)

static void
nichiro_map_legend_dispose (GObject *object)
{
  NichiroMapLegend *self = NICHIRO_MAP_LEGEND (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (nichiro_map_legend_parent_class)->dispose (object);
}

static void
nichiro_map_legend_class_init (NichiroMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_map_legend_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nichiro-map-legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
nichiro_map_legend_init (NichiroMapLegend *self)
{
  /* Rows flow side by side as far as the width allows. The legend is
   * read, not used: no stop for Tab. */
  self->box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->box), 2);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->box), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->box), 4);
  gtk_widget_set_can_focus (self->box, FALSE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"),
                                  -1);
}

GtkWidget *
nichiro_map_legend_new (void)
{
  return g_object_new (NICHIRO_TYPE_MAP_LEGEND, NULL);
}

static gboolean
same_items (NichiroMapLegend           *self,
            const NichiroMapLegendItem *items,
            guint                       n_items)
{
  if (self->labels->len != n_items)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    if (g_strcmp0 (g_ptr_array_index (self->labels, i), items[i].label) != 0)
      return FALSE;

  return TRUE;
}

/**
 * nichiro_map_legend_set_items:
 * @self: a legend
 * @items: (array length=n_items): its rows, in order
 * @n_items: how many
 */
void
nichiro_map_legend_set_items (NichiroMapLegend           *self,
                              const NichiroMapLegendItem *items,
                              guint                       n_items)
{
  GtkWidget *child;

  g_return_if_fail (NICHIRO_IS_MAP_LEGEND (self));

  if (same_items (self, items, n_items))
    return;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->box), child);
  g_ptr_array_set_size (self->labels, 0);

  for (guint i = 0; i < n_items; i++)
    {
      GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_HORIZONTAL,
                                     "spacing", 6,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                     NULL);
      GtkWidget *swatch = nichiro_map_swatch_new (items[i].kind);
      GtkWidget *label = gtk_label_new (items[i].label);

      nichiro_map_swatch_set_fill (NICHIRO_MAP_SWATCH (swatch), items[i].fill);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_flow_box_append (GTK_FLOW_BOX (self->box), row);
      gtk_widget_set_focusable (gtk_widget_get_parent (row), FALSE);
      g_ptr_array_add (self->labels, g_strdup (items[i].label));
    }
}

/**
 * nichiro_map_legend_dup_text:
 * @self: a legend
 *
 * Returns: (transfer full): its rows' words, one a line
 */
char *
nichiro_map_legend_dup_text (NichiroMapLegend *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (NICHIRO_IS_MAP_LEGEND (self), NULL);

  for (guint i = 0; i < self->labels->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (self->labels, i));

  return g_string_free (text, FALSE);
}
