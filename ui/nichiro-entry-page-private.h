/* nichiro-entry-page-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-entry-page.h"
#include "nichiro-study-panel.h"

G_BEGIN_DECLS

/* The entry page is one type in three files: nichiro-entry-page.c builds
 * it and shows an entry's text and facts; nichiro-entry-page-links.c its
 * links, to related entries, threads and sources;
 * nichiro-entry-page-citation.c the Copy Citation button's menu. */

struct _NichiroEntryPage
{
  GtkWidget parent_instance;

  NichiroSession *session;
  NichiroEntry *entry;

  /* Each copyable section's plain text, by section name. */
  GHashTable *texts;

  /* Template widgets */
  GtkWidget *lead;
  GtkLabel *kind_label;
  GtkLabel *title_label;
  GtkLabel *other_titles_label;
  GtkGrid *facts_grid;
  GtkBox *summary_section;
  GtkWidget *aside;
  NichiroStudyPanel *study_panel;
  AdwSplitButton *citation_button;
  GtkBox *rest;
};

void       _nichiro_entry_page_set_language           (GtkLabel         *label,
                                                       const char       *language);
GtkWidget *_nichiro_entry_page_new_body_label         (const char       *text,
                                                       gboolean          use_markup);
GtkBox    *_nichiro_entry_page_add_section            (NichiroEntryPage *self,
                                                       GtkBox           *parent,
                                                       const char       *heading,
                                                       const char       *name);
void       _nichiro_entry_page_add_related            (NichiroEntryPage *self,
                                                       NichiroDataset   *dataset,
                                                       NichiroEntry     *entry);
void       _nichiro_entry_page_add_threads            (NichiroEntryPage *self,
                                                       NichiroDataset   *dataset,
                                                       NichiroEntry     *entry);
void       _nichiro_entry_page_add_sources            (NichiroEntryPage *self,
                                                       NichiroEntry     *entry);
void       _nichiro_entry_page_class_add_link_actions (GtkWidgetClass   *widget_class);
void       _nichiro_entry_page_update_citation_menu   (NichiroEntryPage *self,
                                                       NichiroEntry     *entry);
void       _nichiro_entry_page_name_citation_menu_button (NichiroEntryPage *self);

G_END_DECLS
