/* nichiro-result-row.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-result-row"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-list-row.h"
#include "nichiro-result-row.h"
#include "nichiro-ui-utils.h"

/* A search result in the sidebar: the title and an excerpt, with what
 * matched in bold. A screen reader hears the row named by its entry and
 * the reader's marks on it. */

struct _NichiroResultRow
{
  GtkWidget parent_instance;

  NichiroSearchHit *hit;
  NichiroSession *session;     /* set by the factory, for the row's name */

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *snippet_label;
};

G_DEFINE_FINAL_TYPE (NichiroResultRow, nichiro_result_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_name (NichiroResultRow *self)
{
  g_autofree char *name = NULL;

  if (self->hit == NULL || self->session == NULL)
    return;

  name = nichiro_list_row_describe_entry (self->session, nichiro_search_hit_get_entry (self->hit));
  nichiro_list_row_name_item (GTK_WIDGET (self), name);
}

static void
study_changed_cb (NichiroResultRow *self,
                  const char       *entry_id)
{
  if (self->hit != NULL &&
      (entry_id == NULL || g_strcmp0 (entry_id, nichiro_entry_get_id (nichiro_search_hit_get_entry (self->hit))) == 0))
    update_name (self);
}

static void
factory_setup_cb (GtkListItemFactory *factory,
                  GtkListItem        *list_item,
                  NichiroSession     *session)
{
  NichiroResultRow *row = g_object_new (NICHIRO_TYPE_RESULT_ROW, NULL);

  row->session = g_object_ref (session);
  g_signal_connect_object (session, "study-changed", G_CALLBACK (study_changed_cb), row, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row));
}

static void
factory_bind_cb (GtkListItemFactory *factory,
                 GtkListItem        *list_item,
                 gpointer            user_data)
{
  nichiro_result_row_set_hit (NICHIRO_RESULT_ROW (gtk_list_item_get_child (list_item)),
                              gtk_list_item_get_item (list_item));
}

static void
factory_unbind_cb (GtkListItemFactory *factory,
                   GtkListItem        *list_item,
                   gpointer            user_data)
{
  nichiro_result_row_set_hit (NICHIRO_RESULT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
nichiro_result_row_dispose (GObject *object)
{
  NichiroResultRow *self = (NichiroResultRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_RESULT_ROW);
  g_clear_object (&self->hit);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_result_row_parent_class)->dispose (object);
}

static void
nichiro_result_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NichiroResultRow *self = NICHIRO_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      g_value_set_object (value, self->hit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_result_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NichiroResultRow *self = NICHIRO_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      nichiro_result_row_set_hit (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_result_row_class_init (NichiroResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_result_row_dispose;
  object_class->get_property = nichiro_result_row_get_property;
  object_class->set_property = nichiro_result_row_set_property;

  properties[PROP_HIT] =
    g_param_spec_object ("hit", NULL, NULL,
                         NICHIRO_TYPE_SEARCH_HIT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroResultRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroResultRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroResultRow, snippet_label);
  gtk_widget_class_set_css_name (widget_class, "nichiro-result-row");
}

static void
nichiro_result_row_init (NichiroResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nichiro_result_row_get_hit:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the result shown
 */
NichiroSearchHit *
nichiro_result_row_get_hit (NichiroResultRow *self)
{
  g_return_val_if_fail (NICHIRO_IS_RESULT_ROW (self), NULL);

  return self->hit;
}

void
nichiro_result_row_set_hit (NichiroResultRow *self,
                            NichiroSearchHit *hit)
{
  g_return_if_fail (NICHIRO_IS_RESULT_ROW (self));
  g_return_if_fail (hit == NULL || NICHIRO_IS_SEARCH_HIT (hit));

  if (!g_set_object (&self->hit, hit))
    return;

  if (hit != NULL)
    {
      NichiroEntry *entry = nichiro_search_hit_get_entry (hit);
      const char *snippet = nichiro_search_hit_get_snippet (hit);
      g_autofree char *title = nichiro_markup_highlight (nichiro_search_hit_get_title (hit),
                                                          nichiro_search_hit_get_title_ranges (hit));
      g_autofree char *date = nichiro_entry_dup_date_label (entry);
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), date,
                                                   nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)));

      gtk_label_set_markup (self->title_label, title);
      gtk_label_set_text (self->subtitle_label, subtitle);
      if (snippet != NULL)
        {
          g_autofree char *markup = nichiro_markup_highlight (snippet, nichiro_search_hit_get_snippet_ranges (hit));

          gtk_label_set_markup (self->snippet_label, markup);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), snippet != NULL);
      update_name (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIT]);
}

/**
 * nichiro_result_row_create_factory:
 * @session: the session whose results the rows show
 *
 * Makes rows for a list of #NichiroSearchHit items.
 *
 * Returns: (transfer full): a factory for a #GtkListView
 */
GtkListItemFactory *
nichiro_result_row_create_factory (NichiroSession *session)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (NICHIRO_IS_SESSION (session), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (factory_setup_cb), session, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), NULL);

  return factory;
}
