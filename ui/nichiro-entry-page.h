/* nichiro-entry-page.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_ENTRY_PAGE (nichiro_entry_page_get_type ())

G_DECLARE_FINAL_TYPE (NichiroEntryPage, nichiro_entry_page, NICHIRO, ENTRY_PAGE, GtkWidget)

GtkWidget      *nichiro_entry_page_new         (NichiroSession   *session);
NichiroSession *nichiro_entry_page_get_session (NichiroEntryPage *self);
NichiroEntry   *nichiro_entry_page_get_entry   (NichiroEntryPage *self);
void            nichiro_entry_page_set_entry   (NichiroEntryPage *self,
                                                NichiroEntry     *entry);
char           *nichiro_entry_page_dup_text    (NichiroEntryPage *self,
                                                const char       *section);

G_END_DECLS
