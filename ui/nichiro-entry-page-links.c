/* nichiro-entry-page-links.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-entry-page-private.h"

/* The entry page's links: related entries, read from both ends; threads,
 * each a search; sources, each a web page. They are controls, each a stop
 * for Tab that Enter or Space follows, announced as links with where they
 * go. */

/* A related entry as shown: where it points and how it relates, in the
 * words of this entry's end. */
typedef struct
{
  NichiroEntry *target;
  const char *label;
} Link;

/* A row that goes somewhere: a caption over a title, and an icon that
 * says where. A screen reader hears it as a link called @name. */
static GtkWidget *
new_link_row (const char *caption,
              const char *title,
              const char *language,
              const char *icon_name,
              const char *name,
              const char *description)
{
  GtkWidget *row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_LINK,
                                 "activatable", TRUE,
                                 NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  /* The icon only repeats what the row's name and role say. */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "icon-name", icon_name,
                                  NULL);

  gtk_widget_add_css_class (box, "nichiro-link-row");
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  if (caption != NULL)
    {
      GtkWidget *caption_label = gtk_label_new (caption);

      gtk_label_set_xalign (GTK_LABEL (caption_label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (caption_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (caption_label, "caption");
      gtk_widget_add_css_class (caption_label, "dim-label");
      gtk_box_append (GTK_BOX (text_box), caption_label);
    }
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  if (language != NULL)
    _nichiro_entry_page_set_language (GTK_LABEL (title_label), language);
  gtk_box_append (GTK_BOX (text_box), title_label);
  gtk_box_append (GTK_BOX (box), text_box);

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

static GtkListBox *
new_link_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_LIST_BOX (list);
}

static gboolean
has_target (GArray       *links,
            NichiroEntry *target)
{
  for (guint i = 0; i < links->len; i++)
    if (g_array_index (links, Link, i).target == target)
      return TRUE;

  return FALSE;
}

/* The entry's relations, then those of the entries that point at it, one
 * row a related entry. A "see also" in one direction gives way to a typed
 * relation in the other ("Superseded by" says more); when both ends are
 * typed, the entry's own word is kept. */
static GArray *
collect_links (NichiroDataset *dataset,
               NichiroEntry   *entry)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (Link));
  const NichiroRelated *related, *incoming;
  guint n_related, n_incoming;

  related = nichiro_entry_get_related (entry, &n_related);
  incoming = nichiro_dataset_get_incoming (dataset, nichiro_entry_get_id (entry), &n_incoming);

  for (guint i = 0; i < n_related; i++)
    {
      Link link = { nichiro_dataset_lookup_entry (dataset, related[i].id),
                    nichiro_relation_get_label (related[i].relation) };

      if (link.target == NULL || link.target == entry || has_target (links, link.target))
        continue;

      for (guint j = 0; related[i].relation == NICHIRO_RELATION_SEE_ALSO && j < n_incoming; j++)
        if (g_str_equal (incoming[j].id, related[i].id) && incoming[j].relation != NICHIRO_RELATION_SEE_ALSO)
          link.label = nichiro_relation_get_inverse_label (incoming[j].relation);

      g_array_append_val (links, link);
    }

  for (guint j = 0; j < n_incoming; j++)
    {
      Link link = { nichiro_dataset_lookup_entry (dataset, incoming[j].id),
                    nichiro_relation_get_inverse_label (incoming[j].relation) };

      if (link.target == NULL || link.target == entry || has_target (links, link.target))
        continue;

      /* The same entry may point twice; its typed relation wins. */
      for (guint k = j + 1; incoming[j].relation == NICHIRO_RELATION_SEE_ALSO && k < n_incoming; k++)
        if (g_str_equal (incoming[k].id, incoming[j].id))
          link.label = nichiro_relation_get_inverse_label (incoming[k].relation);

      g_array_append_val (links, link);
    }

  return links;
}

void
_nichiro_entry_page_add_related (NichiroEntryPage *self,
                                 NichiroDataset   *dataset,
                                 NichiroEntry     *entry)
{
  g_autoptr(GArray) links = collect_links (dataset, entry);
  NichiroLanguage language = nichiro_session_get_title_language (self->session);
  GtkListBox *list;

  if (links->len == 0)
    return;

  list = new_link_list (_("Related"));
  for (guint i = 0; i < links->len; i++)
    {
      Link *link = &g_array_index (links, Link, i);
      const char *title = nichiro_session_get_title (self->session, link->target);
      g_autofree char *date = nichiro_entry_dup_date_label (link->target);
      /* Translators: a related entry's caption, "RELATION · DATE", e.g. "Superseded by · 20 Jan 1925" */
      g_autofree char *caption = g_strdup_printf (_("%s · %s"), link->label, date);
      /* Translators: what a screen reader says for a related entry, "RELATION: TITLE, DATE" */
      g_autofree char *name = g_strdup_printf (_("%s: %s, %s"), link->label, title, date);
      const NichiroNames *titles = nichiro_entry_get_titles (link->target);
      /* nichiro_names_get() falls back on English: the title is in the
       * language it is written in. */
      const char *title_language = g_strcmp0 (title, titles->en) == 0 ? "en" : nichiro_language_to_string (language);
      GtkWidget *row = new_link_row (caption, title, title_language, "go-next-symbolic", name,
                                     _("Opens the entry"));

      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", nichiro_entry_get_id (link->target));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "entry.open");
      gtk_list_box_append (list, row);
    }

  gtk_box_append (_nichiro_entry_page_add_section (self, self->rest, _("Related"), NULL), GTK_WIDGET (list));
}

/* Each thread is a button that searches for everything on it. */
void
_nichiro_entry_page_add_threads (NichiroEntryPage *self,
                                 NichiroDataset   *dataset,
                                 NichiroEntry     *entry)
{
  const char * const *ids = nichiro_entry_get_threads (entry);
  /* Names of threads follow the interface's language, as other names do. */
  NichiroLanguage language = nichiro_language_get_interface ();
  GtkWidget *flow;

  if (ids == NULL || ids[0] == NULL)
    return;

  /* A group of buttons to a screen reader, not a grid of cells. */
  flow = g_object_new (GTK_TYPE_FLOW_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_widget_add_css_class (flow, "nichiro-threads");
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Threads"), -1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const NichiroThread *thread = nichiro_dataset_lookup_thread (dataset, ids[i]);
      const char *name = thread ? nichiro_thread_get_name (thread, language) : ids[i];
      GtkWidget *button, *child;
      g_autofree char *query = g_strdup_printf ("thread:%s", ids[i]);

      button = gtk_button_new_with_label (name);
      gtk_widget_add_css_class (button, "nichiro-thread");
      gtk_widget_set_tooltip_text (button, _("Search for every entry on this thread"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", query);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.search-for");

      /* The button is the stop, not the box around it. */
      child = g_object_new (GTK_TYPE_FLOW_BOX_CHILD, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), button);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
    }

  gtk_box_append (_nichiro_entry_page_add_section (self, self->rest, _("Threads"), NULL), flow);
}

static gboolean
is_web_address (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
}

/* Sources with a web address open in the browser; anything else a dataset
 * may hold is shown, not followed. */
void
_nichiro_entry_page_add_sources (NichiroEntryPage *self,
                                 NichiroEntry     *entry)
{
  const NichiroSource *sources;
  GtkListBox *list;
  guint n;

  sources = nichiro_entry_get_sources (entry, &n);
  if (n == 0)
    return;

  list = new_link_list (_("Sources"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GUri) uri = is_web_address (sources[i].url) ? g_uri_parse (sources[i].url, G_URI_FLAGS_NONE, NULL) : NULL;
      const char *host = uri ? g_uri_get_host (uri) : NULL;
      GtkWidget *row;

      if (host != NULL)
        {
          /* Translators: what a screen reader says of a source's link; %s is a web site, e.g. "en.wikipedia.org" */
          g_autofree char *description = g_strdup_printf (_("Opens %s in the web browser"), host);

          row = new_link_row (host, sources[i].title, NULL, "adw-external-link-symbolic", sources[i].title, description);
          gtk_widget_set_tooltip_text (row, sources[i].url);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sources[i].url);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "entry.open-source");
        }
      else
        {
          GtkWidget *label = _nichiro_entry_page_new_body_label (sources[i].title, FALSE);

          row = gtk_list_box_row_new ();
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_widget_set_focusable (row, FALSE);
          gtk_widget_add_css_class (label, "nichiro-link-row");
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
        }
      gtk_list_box_append (list, row);
    }

  gtk_box_append (_nichiro_entry_page_add_section (self, self->rest, _("Sources"), NULL), GTK_WIDGET (list));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NichiroEntryPage *self = NICHIRO_ENTRY_PAGE (widget);

  nichiro_session_select_id (self->session, g_variant_get_string (parameter, NULL));
}

static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (!is_web_address (uri))
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, window, NULL, NULL, NULL);
  }
#else
  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
#endif
}

void
_nichiro_entry_page_class_add_link_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "entry.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "entry.open-source", "s", open_source_action);
}
