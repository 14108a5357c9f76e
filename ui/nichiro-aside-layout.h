/* nichiro-aside-layout.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NICHIRO_TYPE_ASIDE_LAYOUT (nichiro_aside_layout_get_type ())

G_DECLARE_FINAL_TYPE (NichiroAsideLayout, nichiro_aside_layout, NICHIRO, ASIDE_LAYOUT, GtkLayoutManager)

GtkLayoutManager *nichiro_aside_layout_new          (void);
gboolean          nichiro_aside_layout_is_wide      (NichiroAsideLayout *self);

G_END_DECLS
