/* nichiro-entry-row.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-entry-row.h"

struct _NichiroEntryRow
{
  GtkWidget parent_instance;

  NichiroEntry *entry;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
};

G_DEFINE_FINAL_TYPE (NichiroEntryRow, nichiro_entry_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nichiro_entry_row_dispose (GObject *object)
{
  NichiroEntryRow *self = (NichiroEntryRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_ENTRY_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (nichiro_entry_row_parent_class)->dispose (object);
}

static void
nichiro_entry_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NichiroEntryRow *self = NICHIRO_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_entry_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NichiroEntryRow *self = NICHIRO_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      nichiro_entry_row_set_entry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_entry_row_class_init (NichiroEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_entry_row_dispose;
  object_class->get_property = nichiro_entry_row_get_property;
  object_class->set_property = nichiro_entry_row_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroEntryRow, subtitle_label);
  gtk_widget_class_set_css_name (widget_class, "nichiro-entry-row");
}

static void
nichiro_entry_row_init (NichiroEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nichiro_entry_row_get_entry:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
NichiroEntry *
nichiro_entry_row_get_entry (NichiroEntryRow *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

void
nichiro_entry_row_set_entry (NichiroEntryRow *self,
                             NichiroEntry    *entry)
{
  g_return_if_fail (NICHIRO_IS_ENTRY_ROW (self));
  g_return_if_fail (entry == NULL || NICHIRO_IS_ENTRY (entry));

  if (!g_set_object (&self->entry, entry))
    return;

  if (entry != NULL)
    {
      g_autofree char *date = nichiro_entry_dup_date_label (entry);
      g_autofree char *subtitle = NULL;

      /* Translators: a list row's subtitle, "DATE · KIND" */
      subtitle = g_strdup_printf (_("%s · %s"), date,
                                  nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)));
      gtk_label_set_text (self->title_label, nichiro_entry_get_title (entry));
      gtk_label_set_text (self->subtitle_label, subtitle);
    }
  else
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
