/* nichiro-entry-row.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-entry.h"
#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_ENTRY_ROW (nichiro_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (NichiroEntryRow, nichiro_entry_row, NICHIRO, ENTRY_ROW, GtkWidget)

NichiroEntry *nichiro_entry_row_get_entry (NichiroEntryRow *self);
void          nichiro_entry_row_set_entry (NichiroEntryRow *self,
                                           NichiroEntry    *entry);
NichiroLanguage nichiro_entry_row_get_title_language (NichiroEntryRow *self);
void          nichiro_entry_row_set_title_language (NichiroEntryRow *self,
                                                    NichiroLanguage  language);

GtkListItemFactory *nichiro_entry_row_create_factory (NichiroSession *session);

G_END_DECLS
