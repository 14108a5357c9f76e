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
  /* One short row an item: read, not used, so no stop for Tab. */
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
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

static GtkWidget *
make_row (NichiroMapSwatchKind kind)
{
  GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "spacing", 6,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                 NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), nichiro_map_swatch_new (kind));
  gtk_box_append (GTK_BOX (row), label);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (kind + 1));

  return row;
}

/**
 * nichiro_map_legend_set_items:
 * @self: a legend
 * @items: (array length=n_items): its rows, in order
 * @n_items: how many
 *
 * Rows of the same kind are kept and given their new words, so that the
 * legend costs little as the day changes.
 */
void
nichiro_map_legend_set_items (NichiroMapLegend           *self,
                              const NichiroMapLegendItem *items,
                              guint                       n_items)
{
  GtkWidget *row;

  g_return_if_fail (NICHIRO_IS_MAP_LEGEND (self));

  if (same_items (self, items, n_items))
    return;

  g_ptr_array_set_size (self->labels, 0);
  row = gtk_widget_get_first_child (self->box);
  for (guint i = 0; i < n_items; i++)
    {
      GtkWidget *swatch;

      if (row == NULL || GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind")) != items[i].kind + 1)
        {
          GtkWidget *replacement = make_row (items[i].kind);

          gtk_box_insert_child_after (GTK_BOX (self->box), replacement, row ? gtk_widget_get_prev_sibling (row) : gtk_widget_get_last_child (self->box));
          if (row != NULL)
            gtk_box_remove (GTK_BOX (self->box), row);
          row = replacement;
        }

      swatch = gtk_widget_get_first_child (row);
      nichiro_map_swatch_set_fill (NICHIRO_MAP_SWATCH (swatch), items[i].fill);
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (swatch)), items[i].label);
      g_ptr_array_add (self->labels, g_strdup (items[i].label));
      row = gtk_widget_get_next_sibling (row);
    }

  while (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      gtk_box_remove (GTK_BOX (self->box), row);
      row = next;
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
