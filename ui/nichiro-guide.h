/* nichiro-guide.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_GUIDE (nichiro_guide_get_type ())

G_DECLARE_FINAL_TYPE (NichiroGuide, nichiro_guide, NICHIRO, GUIDE, GtkWidget)

GtkWidget         *nichiro_guide_new         (void);
NichiroSession    *nichiro_guide_get_session (NichiroGuide      *self);
void               nichiro_guide_set_session (NichiroGuide      *self,
                                              NichiroSession    *session);

G_END_DECLS
