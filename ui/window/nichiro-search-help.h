/* nichiro-search-help.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_SEARCH_HELP_MAX_RECENT 8

#define NICHIRO_TYPE_SEARCH_HELP (nichiro_search_help_get_type ())

G_DECLARE_FINAL_TYPE (NichiroSearchHelp, nichiro_search_help, NICHIRO, SEARCH_HELP, GtkPopover)

GtkWidget      *nichiro_search_help_new         (NichiroSession *session,
                                                 GSettings      *settings);
NichiroSession *nichiro_search_help_get_session (NichiroSearchHelp *self);
void            nichiro_search_help_remember    (GSettings      *settings,
                                                 const char     *query);

G_END_DECLS
