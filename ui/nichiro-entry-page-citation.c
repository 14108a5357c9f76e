/* nichiro-entry-page-citation.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry-page"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-entry-page-private.h"

/* The entry page's Copy Citation button: a split button whose main part
 * copies (win.copy-citation) and whose menu cites one of the entry's
 * sources (win.copy-citation-from) or chooses the style
 * (settings.citation-style). */

/* The citation button's menu: which of the entry's sources to cite, each
 * copied at once, and the style, kept in the settings. */
void
_nichiro_entry_page_update_citation_menu (NichiroEntryPage *self,
                                         NichiroEntry     *entry)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) sources_section = g_menu_new ();
  g_autoptr(GMenu) styles_section = g_menu_new ();
  static const struct { const char *label; const char *nick; } styles[] = {
    { "Chicago", "chicago" }, { "APA", "apa" }, { "BibTeX", "bibtex" },
  };
  const NichiroSource *sources;
  guint n_sources;

  sources = nichiro_entry_get_sources (entry, &n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* A menu does not wrap: a long title is cut, whole in the citation. */
      if (g_utf8_strlen (sources[i].title, -1) > 64)
        {
          g_autofree char *start = g_utf8_substring (sources[i].title, 0, 63);

          label = g_strconcat (start, "…", NULL);
        }
      else
        {
          label = g_strdup (sources[i].title);
        }
      /* A "_" in a title is a letter, not a mnemonic. */
      {
        g_auto(GStrv) parts = g_strsplit (label, "_", -1);

        g_free (label);
        label = g_strjoinv ("__", parts);
      }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.copy-citation-from", g_variant_new_uint32 (i));
      g_menu_append_item (sources_section, item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (styles[i].label, NULL);

      g_menu_item_set_action_and_target_value (item, "settings.citation-style", g_variant_new_string (styles[i].nick));
      g_menu_append_item (styles_section, item);
    }

  if (n_sources > 0)
    g_menu_append_section (menu, _("Copy a Citation of"), G_MENU_MODEL (sources_section));
  g_menu_append_section (menu, _("Citation Style"), G_MENU_MODEL (styles_section));
  adw_split_button_set_menu_model (self->citation_button, G_MENU_MODEL (menu));
}

/* The split button's arrow is a menu button of its own, which libadwaita
 * names by its tooltip only from 1.4: Orca would read "GtkMenuButton". */
void
_nichiro_entry_page_name_citation_menu_button (NichiroEntryPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->citation_button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_MENU_BUTTON (child))
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose the source and the style"), -1);
      for (GtkWidget *inner = gtk_widget_get_first_child (child);
           inner != NULL;
           inner = gtk_widget_get_next_sibling (inner))
        if (GTK_IS_BUTTON (inner))
          gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Choose the source and the style"), -1);
    }
}
