/* nichiro-map-popover.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-frontier.h"
#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_MAP_POPOVER (nichiro_map_popover_get_type ())

G_DECLARE_FINAL_TYPE (NichiroMapPopover, nichiro_map_popover, NICHIRO, MAP_POPOVER, GtkPopover)

GtkWidget *nichiro_map_popover_new        (void);
void       nichiro_map_popover_show_area  (NichiroMapPopover  *self,
                                           NichiroSession     *session,
                                           const NichiroArea  *area,
                                           gint64              julian_day);
void       nichiro_map_popover_show_place (NichiroMapPopover  *self,
                                           NichiroSession     *session,
                                           const NichiroPlace *place,
                                           GPtrArray          *entries);

G_END_DECLS
