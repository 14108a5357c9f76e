/* nichiro-result-row.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-search-hit.h"
#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_RESULT_ROW (nichiro_result_row_get_type ())

G_DECLARE_FINAL_TYPE (NichiroResultRow, nichiro_result_row, NICHIRO, RESULT_ROW, GtkWidget)

NichiroSearchHit *nichiro_result_row_get_hit (NichiroResultRow *self);
void              nichiro_result_row_set_hit (NichiroResultRow *self,
                                              NichiroSearchHit *hit);

GtkListItemFactory *nichiro_result_row_create_factory (NichiroSession *session);

G_END_DECLS
