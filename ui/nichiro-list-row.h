/* nichiro-list-row.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_LIST_ROW (nichiro_list_row_get_type ())

G_DECLARE_FINAL_TYPE (NichiroListRow, nichiro_list_row, NICHIRO, LIST_ROW, GtkBox)

/**
 * NichiroRowItemFunc:
 * @content: the widget a list item factory made for a row
 *
 * Returns: (transfer none) (nullable): the item of the list's selection
 *   model that @content shows
 */
typedef gpointer (*NichiroRowItemFunc) (GtkWidget *content);

const char *nichiro_list_row_get_accessible_label (NichiroListRow *self);
void        nichiro_list_row_set_accessible_label (NichiroListRow *self,
                                                   const char     *label);

gpointer    nichiro_list_row_get_item             (GtkWidget      *content);
void        nichiro_list_row_name_item            (GtkWidget      *content,
                                                   const char     *label);
char       *nichiro_list_row_describe_entry       (NichiroSession *session,
                                                   NichiroEntry   *entry);
void        nichiro_list_view_use_one_tab_stop    (GtkListView        *list_view,
                                                   NichiroRowItemFunc  row_item);

G_END_DECLS
