/* nichiro-window.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_WINDOW (nichiro_window_get_type ())

G_DECLARE_FINAL_TYPE (NichiroWindow, nichiro_window, NICHIRO, WINDOW, AdwApplicationWindow)

NichiroWindow  *nichiro_window_new         (GtkApplication *application,
                                            NichiroSession *session);
NichiroSession *nichiro_window_get_session (NichiroWindow  *self);

G_END_DECLS
