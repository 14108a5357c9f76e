/* nichiro-map.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_MAP (nichiro_map_get_type ())

G_DECLARE_FINAL_TYPE (NichiroMap, nichiro_map, NICHIRO, MAP, AdwBin)

GtkWidget      *nichiro_map_new            (void);
NichiroSession *nichiro_map_get_session    (NichiroMap     *self);
void            nichiro_map_set_session    (NichiroMap     *self,
                                            NichiroSession *session);
gint64          nichiro_map_get_day        (NichiroMap     *self);
GtkWidget      *nichiro_map_get_canvas     (NichiroMap     *self);

G_END_DECLS
