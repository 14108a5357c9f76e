/* nichiro-bench-startup.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bench_startup (guint       iterations,
                        const char *app_path,
                        const char *bare_path,
                        gboolean    use_bus);

G_END_DECLS
