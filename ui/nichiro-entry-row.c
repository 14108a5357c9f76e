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
#include "nichiro-list-row.h"

/* An entry in a list: its title over its date and kind. A screen reader
 * hears the row named by the same, with the reader's marks on it. */

struct _NichiroEntryRow
{
  GtkWidget parent_instance;

  NichiroEntry *entry;
  NichiroLanguage title_language;
  NichiroSession *session;     /* set by the factory, for the row's name */

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
};

G_DEFINE_FINAL_TYPE (NichiroEntryRow, nichiro_entry_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_TITLE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (NichiroEntryRow *self)
{
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  if (self->entry == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  date = nichiro_entry_dup_date_label (self->entry);
  /* Translators: a list row's subtitle, "DATE · KIND" */
  subtitle = g_strdup_printf (_("%s · %s"), date,
                              nichiro_entry_kind_get_label (nichiro_entry_get_kind (self->entry)));
  gtk_label_set_text (self->title_label, nichiro_entry_get_display_title (self->entry, self->title_language));
  gtk_label_set_text (self->subtitle_label, subtitle);

  if (self->session != NULL)
    {
      g_autofree char *name = nichiro_list_row_describe_entry (self->session, self->entry);

      nichiro_list_row_name_item (GTK_WIDGET (self), name);
    }
}

static void
study_changed_cb (NichiroEntryRow *self,
                  const char      *entry_id)
{
  if (self->entry != NULL && (entry_id == NULL || g_strcmp0 (entry_id, nichiro_entry_get_id (self->entry)) == 0))
    update_labels (self);
}

static void
factory_setup_cb (GtkListItemFactory *factory,
                  GtkListItem        *list_item,
                  NichiroSession     *session)
{
  NichiroEntryRow *row = g_object_new (NICHIRO_TYPE_ENTRY_ROW, NULL);

  row->session = g_object_ref (session);
  g_signal_connect_object (session, "study-changed", G_CALLBACK (study_changed_cb), row, G_CONNECT_SWAPPED);
  g_object_bind_property (session, "title-language", row, "title-language", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row));
}

static void
factory_bind_cb (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 gpointer            user_data)
{
  nichiro_entry_row_set_entry (NICHIRO_ENTRY_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item));
}

static void
factory_unbind_cb (GtkListItemFactory *factory,
                   GtkListItem        *list_item,
                   gpointer            user_data)
{
  nichiro_entry_row_set_entry (NICHIRO_ENTRY_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
nichiro_entry_row_dispose (GObject *object)
{
  NichiroEntryRow *self = (NichiroEntryRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_ENTRY_ROW);
  g_clear_object (&self->entry);
  g_clear_object (&self->session);

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

    case PROP_TITLE_LANGUAGE:
      g_value_set_enum (value, self->title_language);
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

    case PROP_TITLE_LANGUAGE:
      nichiro_entry_row_set_title_language (self, g_value_get_enum (value));
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
  properties[PROP_TITLE_LANGUAGE] =
    g_param_spec_enum ("title-language", NULL, NULL,
                       NICHIRO_TYPE_LANGUAGE, NICHIRO_LANGUAGE_EN,
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

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

NichiroLanguage
nichiro_entry_row_get_title_language (NichiroEntryRow *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY_ROW (self), NICHIRO_LANGUAGE_EN);

  return self->title_language;
}

/**
 * nichiro_entry_row_set_title_language:
 * @self: a row
 * @language: the language of the title shown
 */
void
nichiro_entry_row_set_title_language (NichiroEntryRow *self,
                                      NichiroLanguage  language)
{
  g_return_if_fail (NICHIRO_IS_ENTRY_ROW (self));
  g_return_if_fail (language < NICHIRO_N_LANGUAGES);

  if (self->title_language == language)
    return;

  self->title_language = language;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_LANGUAGE]);
}

/**
 * nichiro_entry_row_create_factory:
 * @session: the session whose title language the rows follow
 *
 * Makes rows for a list of #NichiroEntry items.
 *
 * Returns: (transfer full): a factory for a #GtkListView
 */
GtkListItemFactory *
nichiro_entry_row_create_factory (NichiroSession *session)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (NICHIRO_IS_SESSION (session), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (factory_setup_cb), session, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), NULL);

  return factory;
}
