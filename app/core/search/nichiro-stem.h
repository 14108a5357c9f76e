/* nichiro-stem.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *nichiro_stem_russian    (const char *word);
gboolean  nichiro_stem_is_russian (const char *word);

G_END_DECLS
