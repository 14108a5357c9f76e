/* nichiro-ui-utils.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-entry.h"

G_BEGIN_DECLS

GSettings *nichiro_lookup_settings   (void);
void  nichiro_quit_after_first_frame (GtkWindow  *window);
void  nichiro_after_first_frame      (GtkWidget  *widget,
                                      GCallback   callback,
                                      gpointer    object);
void  nichiro_name_by_label          (GtkLabel   *label);
void  nichiro_announce               (GtkWidget  *widget,
                                      GtkLabel   *live_label,
                                      const char *message);
char *nichiro_markup_link            (const char *uri,
                                      const char *text);
char *nichiro_markup_highlight       (const char   *text,
                                      const GArray *ranges);
NichiroEntry *nichiro_list_item_get_entry  (gpointer            item);
void          nichiro_selection_show_entry (GtkSingleSelection *selection,
                                            NichiroEntry       *entry);
gboolean      nichiro_widget_add_toast     (GtkWidget          *widget,
                                            AdwToast           *toast);
AdwToast     *nichiro_toast_new            (const char         *text);
char         *nichiro_dup_markup_free      (const char         *text);
void          nichiro_show_in_files        (GtkWidget          *widget,
                                            GFile              *file);

G_END_DECLS
