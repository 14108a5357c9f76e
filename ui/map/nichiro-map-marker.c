/* nichiro-map-marker.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include "nichiro-map-marker.h"
#include "nichiro-map-swatch.h"

/* A button on the map: for an area, its name over who held it and on what
 * title, beside a swatch of its fill; for a place, a pin. Being buttons,
 * they take the focus in turn, say what they are to a screen reader, and
 * activate with a click, Enter or Space. The canvas places them. */

struct _NichiroMapMarker
{
  GtkButton parent_instance;

  NichiroMapMarkerKind kind;
  GtkWidget *swatch;
  GtkLabel *name_label;
  GtkLabel *holding_label;
  char *name;
  char *short_name;
  gboolean compact;
};

G_DEFINE_FINAL_TYPE (NichiroMapMarker, nichiro_map_marker, GTK_TYPE_BUTTON)

static void
show_name (NichiroMapMarker *self)
{
  const char *name = self->compact ? self->short_name : self->name;

  if (g_strcmp0 (gtk_label_get_label (self->name_label), name) != 0)
    gtk_label_set_label (self->name_label, name);
}

static void
nichiro_map_marker_finalize (GObject *object)
{
  NichiroMapMarker *self = NICHIRO_MAP_MARKER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);

  G_OBJECT_CLASS (nichiro_map_marker_parent_class)->finalize (object);
}

static void
nichiro_map_marker_class_init (NichiroMapMarkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nichiro_map_marker_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "nichiro-map-marker");
}

static void
nichiro_map_marker_init (NichiroMapMarker *self)
{
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
}

/**
 * nichiro_map_marker_new:
 * @kind: an area's marker or a place's
 *
 * Returns: (transfer floating): a marker
 */
GtkWidget *
nichiro_map_marker_new (NichiroMapMarkerKind kind)
{
  NichiroMapMarker *self = g_object_new (NICHIRO_TYPE_MAP_MARKER, NULL);

  self->kind = kind;
  if (kind == NICHIRO_MAP_MARKER_AREA)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      self->swatch = nichiro_map_swatch_new (NICHIRO_MAP_SWATCH_FILL);
      self->name_label = GTK_LABEL (gtk_label_new (NULL));
      self->holding_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->name_label, 0);
      gtk_label_set_xalign (self->holding_label, 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "name");
      gtk_widget_add_css_class (GTK_WIDGET (self->holding_label), "holding");
      gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->name_label));
      gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->holding_label));
      gtk_box_append (GTK_BOX (box), self->swatch);
      gtk_box_append (GTK_BOX (box), text);
      gtk_button_set_child (GTK_BUTTON (self), box);
      gtk_widget_add_css_class (GTK_WIDGET (self), "area");
    }
  else
    {
      self->swatch = nichiro_map_swatch_new (NICHIRO_MAP_SWATCH_PIN);
      gtk_button_set_child (GTK_BUTTON (self), self->swatch);
      gtk_widget_add_css_class (GTK_WIDGET (self), "place");
    }

  return GTK_WIDGET (self);
}

NichiroMapMarkerKind
nichiro_map_marker_get_kind (NichiroMapMarker *self)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_MARKER (self), NICHIRO_MAP_MARKER_AREA);

  return self->kind;
}

/**
 * nichiro_map_marker_set_area:
 * @self: an area's marker
 * @name: the area's name
 * @short_name: a shorter one, for a small map
 * @holding: who held it, in a few words ("Japan · by treaty")
 * @fill: how the map fills it
 * @description: the holding in a sentence, for the tooltip and screen
 *   readers
 */
void
nichiro_map_marker_set_area (NichiroMapMarker *self,
                             const char       *name,
                             const char       *short_name,
                             const char       *holding,
                             NichiroMapFill    fill,
                             const char       *description)
{
  g_return_if_fail (NICHIRO_IS_MAP_MARKER (self));
  g_return_if_fail (self->kind == NICHIRO_MAP_MARKER_AREA);

  g_free (self->name);
  self->name = g_strdup (name);
  g_free (self->short_name);
  self->short_name = g_strdup (short_name);
  show_name (self);
  if (g_strcmp0 (gtk_label_get_label (self->holding_label), holding) != 0)
    gtk_label_set_label (self->holding_label, holding);
  nichiro_map_swatch_set_fill (NICHIRO_MAP_SWATCH (self->swatch), fill);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

/**
 * nichiro_map_marker_set_compact:
 * @self: an area's marker
 * @compact: whether to show the name alone
 *
 * A small map has room for short names alone; the swatch, the tooltip and
 * what a screen reader hears still say who held the area.
 */
void
nichiro_map_marker_set_compact (NichiroMapMarker *self,
                                gboolean          compact)
{
  g_return_if_fail (NICHIRO_IS_MAP_MARKER (self));

  if (self->kind != NICHIRO_MAP_MARKER_AREA)
    return;

  self->compact = compact;
  gtk_widget_set_visible (GTK_WIDGET (self->holding_label), !compact);
  show_name (self);
}

/**
 * nichiro_map_marker_get_holding:
 * @self: an area's marker
 *
 * Returns: who held the area, as the marker shows it
 */
const char *
nichiro_map_marker_get_holding (NichiroMapMarker *self)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_MARKER (self), NULL);
  g_return_val_if_fail (self->kind == NICHIRO_MAP_MARKER_AREA, NULL);

  return gtk_label_get_label (self->holding_label);
}

/**
 * nichiro_map_marker_set_place:
 * @self: a place's marker
 * @name: the place's name
 * @description: what happened there, for the tooltip and screen readers
 */
void
nichiro_map_marker_set_place (NichiroMapMarker *self,
                              const char       *name,
                              const char       *description)
{
  g_return_if_fail (NICHIRO_IS_MAP_MARKER (self));
  g_return_if_fail (self->kind == NICHIRO_MAP_MARKER_PLACE);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
